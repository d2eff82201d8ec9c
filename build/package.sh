#!/usr/bin/env bash
# Builds the Debian packages ringdesk-server and ringdesk-operator into build/package/
# (docs/deployment.md): installs what is missing, builds the programs in release mode (no tests,
# no benchmark), and runs CPack. Extra arguments go to cpack.
set -euo pipefail
cd "$(dirname "$0")/.."
build/install-deps.sh
cmake --preset package
cmake --build --preset package -j "$(nproc)"
(cd build/package && cpack -G DEB "$@")
ls -1 build/package/*.deb
