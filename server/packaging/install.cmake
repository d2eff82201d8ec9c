# `cmake --install` layout and the Debian packages CPack builds from it (docs/deployment.md):
#   ringdesk-server   ringdesk-server, ringdesk-admin, the widget and demo page, migrations,
#                     docs, /etc/ringdesk/ringdesk.properties, the systemd unit, the user
#   ringdesk-operator the wxWidgets desktop app
# build/package.sh configures the `package` preset (prefix /usr) and runs cpack.
include(GNUInstallDirs)

set(ringdesk_packaging ${PROJECT_SOURCE_DIR}/server/packaging)
set(ringdesk_share ${CMAKE_INSTALL_DATADIR}/ringdesk)

install(TARGETS ringdesk-server ringdesk-admin RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT server)
if(RINGDESK_BUILD_WIDGET)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/visitor-widget/dist/ DESTINATION ${ringdesk_share}/widget
          COMPONENT server)
endif()
install(FILES ${PROJECT_SOURCE_DIR}/visitor-widget/demo/index.html DESTINATION ${ringdesk_share}/demo
        COMPONENT server)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/db/migrations/ DESTINATION ${ringdesk_share}/migrations
        COMPONENT server FILES_MATCHING PATTERN "*.sql")
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/ringdesk-server
        COMPONENT server FILES_MATCHING PATTERN "*.md")
# Absolute on purpose: a package's configuration lives in /etc whatever the prefix.
install(FILES ${ringdesk_packaging}/ringdesk.properties DESTINATION /etc/ringdesk COMPONENT server)
install(FILES ${ringdesk_packaging}/ringdesk.service DESTINATION lib/systemd/system COMPONENT server)
install(FILES ${ringdesk_packaging}/sysusers.conf DESTINATION lib/sysusers.d RENAME ringdesk.conf
        COMPONENT server)

if(RINGDESK_BUILD_GUI)
  install(TARGETS ringdesk-operator RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT operator)
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL server)
if(RINGDESK_BUILD_GUI)
  list(APPEND CPACK_COMPONENTS_ALL operator)
endif()
set(CPACK_PACKAGE_VENDOR "Ringdesk")
set(CPACK_PACKAGE_CONTACT "Ringdesk maintainers <maintainers@ringdesk.invalid>")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON) # library dependencies from dpkg-shlibdeps
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_DEBIAN_SERVER_PACKAGE_NAME ringdesk-server)
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "systemd | adduser")
set(CPACK_COMPONENT_SERVER_DESCRIPTION
    "Ringdesk support-desk chat server\n"
    "Rings every available operator when a website visitor writes; the first to accept gets the\n"
    "chat. Serves NL chat operators, IMS clients and the visitor widget; includes ringdesk-admin\n"
    "and a hardened systemd unit.")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
    ${ringdesk_packaging}/postinst ${ringdesk_packaging}/prerm ${ringdesk_packaging}/postrm
    ${ringdesk_packaging}/conffiles)

set(CPACK_DEBIAN_OPERATOR_PACKAGE_NAME ringdesk-operator)
set(CPACK_DEBIAN_OPERATOR_PACKAGE_SECTION x11)
set(CPACK_COMPONENT_OPERATOR_DESCRIPTION
    "Ringdesk operator desktop app\n"
    "Answers rings, chats with visitors in tabs, shows colleagues and their statuses, and carries\n"
    "team messages; connects to a ringdesk-server.")

include(CPack)
