// ringdesk-operator: the desktop app operators answer rings with (docs/operator-app.md).
#include "operator-client/app/operator_app.h"

wxIMPLEMENT_APP(ringdesk::operator_app::OperatorApp);
