// ringdesk-server: see server/app/server_application.h.
#include "server/app/server_application.h"

#include <iostream> // POCO_SERVER_MAIN reports exceptions on std::cerr

POCO_SERVER_MAIN(ringdesk::app::ServerApplication)
