// ringdesk-admin: see admin/admin_application.h.
#include "admin/admin_application.h"

#include <iostream> // POCO_APP_MAIN reports exceptions on std::cerr

POCO_APP_MAIN(ringdesk::admin::AdminApplication)
