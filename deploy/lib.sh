# Shared by the deploy scripts: where things are, and small helpers. Sourced, not run.
set -euo pipefail

LINGYAN_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export LINGYAN_HOME=${LINGYAN_HOME:-$LINGYAN_ROOT/var}
LINGYAN_SERVICES=(registry matching notification audit)
# Release binaries by default; LINGYAN_BUILD=debug for a quicker build while developing.
LINGYAN_BUILD=${LINGYAN_BUILD:-release}
LINGYAN_BIN=${LINGYAN_BIN:-$LINGYAN_ROOT/.build/$LINGYAN_BUILD}

say() { printf '%s\n' "$*"; }
fail() { printf 'deploy: %s\n' "$*" >&2; exit 1; }

# Installs the Debian packages Lingyan builds against, when they are missing.
install_dependencies() {
    local missing=()
    for package in libsqlite3-dev zlib1g-dev; do
        dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        fail "missing packages: ${missing[*]}; install them with: sudo apt-get update && sudo apt-get install -y ${missing[*]}"
    fi
    say "Installing ${missing[*]} ..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# The Python tools the tests write real Office files with (openpyxl), in a virtual environment under
# .build-python; exports LINGYAN_PYTHON. Without network the tests that need it say so and are skipped.
install_python_tools() {
    local venv="$LINGYAN_ROOT/.build-python"
    if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import openpyxl' >/dev/null 2>&1; then
        say "Installing openpyxl into $venv ..."
        python3 -m venv "$venv" && "$venv/bin/python" -m pip install -q --disable-pip-version-check openpyxl==3.1.5 \
            || { say "could not install openpyxl; the tests that write Excel files will be skipped"; return 0; }
    fi
    export LINGYAN_PYTHON="$venv/bin/python"
}

command -v swift >/dev/null 2>&1 || [ ! -x /opt/swift/usr/bin/swift ] || export PATH=/opt/swift/usr/bin:$PATH

# Builds the executables (release unless LINGYAN_BUILD=debug).
build_products() {
    command -v swift >/dev/null 2>&1 || fail "swift is not on PATH; install the Swift 6 toolchain first"
    say "Building Lingyan ($LINGYAN_BUILD) ..."
    (cd "$LINGYAN_ROOT" && swift build -c "$LINGYAN_BUILD" 2>&1 | sed -E '/^\[[0-9]+\/[0-9]+\]/d') \
        || fail "the build failed (see the errors above)"
    for product in lingyan lingyan-registry lingyan-matching lingyan-notification lingyan-audit; do
        [ -x "$LINGYAN_BIN/$product" ] || fail "the build did not produce $LINGYAN_BIN/$product"
    done
}

# Waits up to $1 seconds until every service answers; returns non-zero on time-out.
wait_until_healthy() {
    local deadline=$((SECONDS + $1))
    while [ $SECONDS -lt $deadline ]; do
        "$LINGYAN_BIN/lingyan" status >/dev/null 2>&1 && return 0
        sleep 0.2
    done
    return 1
}

supervisor_pid() {
    local file=$LINGYAN_HOME/run/supervisor.pid
    [ -f "$file" ] || return 1
    local pid
    pid=$(cat "$file")
    kill -0 "$pid" 2>/dev/null || return 1
    printf '%s\n' "$pid"
}

usage_hint() {
    cat <<HINT
Lingyan is running under $LINGYAN_HOME. Try:
  $LINGYAN_BIN/lingyan status                      # each service: up, pid, uptime, database, feed head
  $LINGYAN_BIN/lingyan call registry rpc.discover  # every method a service answers
  $LINGYAN_BIN/lingyan --help                      # all commands
Sockets: $LINGYAN_HOME/run/<service>.sock   Logs: $LINGYAN_HOME/logs/
Letters: $LINGYAN_HOME/mail/Maildir/new/   Templates staff may change: $LINGYAN_HOME/templates/
HINT
    if [ -z "${LINGYAN_MAIL_FROM:-}" ] && ! grep -q '"mailFrom"' "$LINGYAN_HOME/lingyan.json" 2>/dev/null; then
        cat <<HINT
Note: letters are signed From "Lingyan 领雁 <lingyan@localhost>", which no enterprise can answer. For real mail set
  LINGYAN_MAIL_FROM='浙江省科技交流和人才服务中心 <partner@…>' and LINGYAN_STAFF_EMAILS=desk@… (Reply-To and staff copies).
HINT
    fi
    if [ -z "${LINGYAN_STAFF_EMAILS:-}" ] && ! grep -q '"staffAddresses"' "$LINGYAN_HOME/lingyan.json" 2>/dev/null; then
        say "Note: no staff address is set (LINGYAN_STAFF_EMAILS): proposed matches wait in 'lingyan match proposals list'."
    fi
}
