// ringdesk-admin: see admin/admin_application.h.
#include "admin/admin_application.h"

int main(int argc, char** argv) { return ringdesk::admin::runAdminTool(argc, argv); }
