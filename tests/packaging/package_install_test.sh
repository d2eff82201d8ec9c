#!/usr/bin/env bash
# The Debian packages as an administrator gets them: build/package.sh builds them; dpkg installs
# them into this test's own root; the server is started exactly as the systemd unit's ExecStart
# says, as the ringdesk user, with the installed files where the unit expects them; /healthz and
# ringdesk-admin answer; dpkg purges them and nothing of theirs is left.
#
# The installed tree is seen at /usr, /etc and /var/lib through overlay mounts in a private
# mount and network namespace, so the host's files and ports are never touched. That needs root
# (unshare, mount); without it the test is skipped (exit 77).
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)

if [ "$(id -u)" -ne 0 ] || ! command -v unshare >/dev/null || ! command -v systemd-sysusers >/dev/null; then
    echo "skipped: needs root, unshare and systemd-sysusers" >&2
    exit 77
fi

fail() { echo "FAIL: $*" >&2; exit 1; }

echo "== building the packages"
"$top/build/package.sh" >"${TMPDIR:-/tmp}/ringdesk-package-build.log" 2>&1 ||
    { tail -40 "${TMPDIR:-/tmp}/ringdesk-package-build.log"; fail "build/package.sh failed"; }
server_deb=$(ls -1t "$top"/build/package/ringdesk-server_*.deb | head -1)
operator_deb=$(ls -1t "$top"/build/package/ringdesk-operator_*.deb | head -1)

echo "== package metadata"
depends=$(dpkg-deb -f "$server_deb" Depends)
for library in libpocofoundation libpoconet libpocodatasqlite libssl; do
    grep -q "$library" <<<"$depends" || fail "ringdesk-server does not depend on $library: $depends"
done
grep -q "libwxgtk3.2" <<<"$(dpkg-deb -f "$operator_deb" Depends)" ||
    fail "ringdesk-operator does not depend on wxWidgets: $(dpkg-deb -f "$operator_deb" Depends)"
grep -q '\./usr/lib/systemd/system/ringdesk.service$' <<<"$(dpkg-deb -c "$server_deb")" || fail "no systemd unit"
grep -q '\./usr/bin/ringdesk-operator$' <<<"$(dpkg-deb -c "$operator_deb")" || fail "no ringdesk-operator"

root=$(mktemp -d "${TMPDIR:-/tmp}/ringdesk-root.XXXXXX")
trap 'rm -rf "$root"' EXIT
# A root as a fresh system has it: its own dpkg database and the host's accounts.
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$root/etc"
touch "$root/var/lib/dpkg/status"
cp /etc/passwd /etc/group "$root/etc/"
run_dpkg() {
    # The libraries come from the host, which build/install-deps.sh set up; the maintainer
    # scripts run with DPKG_ROOT instead of in a chroot that has no shell.
    dpkg --root="$root" --log=/dev/null --force-depends --force-script-chrootless "$@"
}

echo "== dpkg -i"
run_dpkg -i "$server_deb" "$operator_deb"
for file in usr/bin/ringdesk-server usr/bin/ringdesk-admin usr/bin/ringdesk-operator \
            usr/share/ringdesk/widget/widget.js usr/share/ringdesk/demo/index.html \
            usr/share/ringdesk/migrations/0001_initial.sql usr/share/doc/ringdesk-server/deployment.md \
            etc/ringdesk/ringdesk.properties usr/lib/sysusers.d/ringdesk.conf; do
    [ -e "$root/$file" ] || fail "/$file is not installed"
done
grep -q '^ringdesk:' "$root/etc/passwd" || fail "postinst did not create the ringdesk user"
uid=$(awk -F: '$1 == "ringdesk" { print $3 }' "$root/etc/passwd")
[ "$(stat -c '%u %a' "$root/var/lib/ringdesk")" = "$uid 750" ] ||
    fail "/var/lib/ringdesk is $(stat -c '%U %a' "$root/var/lib/ringdesk"), not ringdesk 750"
dpkg --root="$root" -s ringdesk-server | grep -q '/etc/ringdesk/ringdesk.properties' ||
    fail "ringdesk.properties is not a conffile"

unit="$root/usr/lib/systemd/system/ringdesk.service"
exec_start=$(sed -n 's/^ExecStart=//p' "$unit")
service_user=$(sed -n 's/^User=//p' "$unit")
[ "$service_user" = ringdesk ] || fail "the unit runs as '$service_user'"
for option in ProtectSystem=strict NoNewPrivileges=yes ReadWritePaths=/var/lib/ringdesk ExecReload=; do
    grep -q "^$option" "$unit" || fail "the unit lacks $option"
done

echo "== starting: $exec_start (as $service_user)"
export root exec_start service_user
unshare --mount --net --propagation private bash -euo pipefail -c '
    # Read-only overlays: the installed files over the host'"'"'s, which supply the libraries.
    mount -t overlay overlay -o "lowerdir=$root/usr:/usr" /usr
    mount -t overlay overlay -o "lowerdir=$root/etc:/etc" /etc
    mount --bind "$root/var/lib" /var/lib
    ip link set lo up
    read -r -a command <<<"$exec_start"
    setpriv --reuid="$service_user" --regid="$service_user" --init-groups -- "${command[@]}" >"$root/server.log" 2>&1 &
    server=$!

    health=""
    for _ in $(seq 1 200); do
        if { exec 3<>/dev/tcp/127.0.0.1/8080; } 2>/dev/null; then
            printf "GET /healthz HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3
            health=$(cat <&3)
            exec 3<&-
            break
        fi
        kill -0 "$server" 2>/dev/null || { cat "$root/server.log"; echo "FAIL: the server exited" >&2; exit 1; }
        sleep 0.1
    done
    grep -q "^HTTP/1.[01] 200" <<<"$health" || { cat "$root/server.log"; echo "FAIL: /healthz: $health" >&2; exit 1; }
    echo "healthz: $(tail -1 <<<"$health")"

    # The administrator'"'"'s tool, as the service user: without --config it reads the packaged one.
    setpriv --reuid="$service_user" --regid="$service_user" --init-groups -- \
        /usr/bin/ringdesk-admin user add pat --password=pat-secret --kdf-iterations=1000
    setpriv --reuid="$service_user" --regid="$service_user" --init-groups -- /usr/bin/ringdesk-admin sessions
    [ "$(stat -c %U /var/lib/ringdesk/ringdesk.db)" = "$service_user" ] ||
        { echo "FAIL: the database does not belong to $service_user" >&2; exit 1; }

    kill -TERM "$server"
    wait "$server" || { cat "$root/server.log"; echo "FAIL: the server did not stop cleanly" >&2; exit 1; }
'
grep -q "ringdesk.dataDir = /var/lib/ringdesk" "$root/server.log" || fail "the server did not use /var/lib/ringdesk"

echo "== dpkg --purge"
run_dpkg --purge ringdesk-operator ringdesk-server
for file in usr/bin/ringdesk-server usr/bin/ringdesk-admin usr/bin/ringdesk-operator \
            usr/lib/systemd/system/ringdesk.service etc/ringdesk/ringdesk.properties var/lib/ringdesk; do
    [ ! -e "$root/$file" ] || fail "/$file is left after purge"
done
echo "PASS"
