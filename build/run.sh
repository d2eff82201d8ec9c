#!/usr/bin/env bash
# Installs what is missing, builds, and starts ringdesk-server on embedded defaults: data in
# ./data, operators on port 7010, the demo page with the widget at http://localhost:8080/.
# It builds only what it starts: the server, the admin tool and the widget bundle (the tests,
# the benchmark and the desktop app are built by build/test.sh). Extra arguments go to the
# server (see: build/run.sh --help).
set -euo pipefail
cd "$(dirname "$0")/.."
build/install-deps.sh
cmake --preset dev
cmake --build --preset dev -j "$(nproc)" --target ringdesk-server ringdesk-admin visitor_widget
exec build/dev/server/ringdesk-server "$@"
