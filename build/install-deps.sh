#!/usr/bin/env bash
# Installs everything Ringdesk needs on a fresh Debian 12 machine: compilers and C++ libraries
# from Debian's packages, and the npm packages of the widget and the browser tests.
# Safe to run again: it installs only what is missing. Needs root (or sudo) for apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build ccache pkg-config git
  clang-format clang-tidy
  clang libclang-rt-14-dev
  libpoco-dev libssl-dev libsqlite3-dev libcppunit-dev
  libwxgtk3.2-dev
  python3 python3-pycryptodome
  nodejs npm
  chromium xvfb xauth
  mosquitto
  dpkg-dev systemd
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# A newer Node.js installed outside Debian's packages is fine.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
read -r -a missing <<<"${missing[*]}"

if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}"
  sudo_cmd=(); [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
fi

for dir in visitor-widget tests/browser; do
  if [ -f "$dir/package-lock.json" ] && { [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; }; then
    echo "Installing npm packages in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund)
  fi
done
