#!/usr/bin/env bash
# The test command of PtHub: ./scripts/test.sh [extra dotnet test arguments, e.g. --filter "FullyQualifiedName~PostgreSql"]
#
# 1. Installs the few system packages the tests need, only when they are missing (Debian 12, run as root).
# 2. Starts a throwaway PostgreSQL 15 (its own data directory, port and socket; trust auth on localhost only)
#    and exports PTHUB_TEST_POSTGRES for the PostgreSQL tests.
# 3. Runs `dotnet test PtHub.sln -c Release`, prints "N passed, N failed" and exits with the test exit code.
# PostgreSQL is stopped and every temporary file removed on exit, whatever happened.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

log() { printf '[test.sh] %s\n' "$*" >&2; }

# --- system packages ----------------------------------------------------------------------------------------------

apt_updated=0
apt_install() {
    if ! command -v apt-get >/dev/null 2>&1; then
        log "apt-get is not available; install these packages by hand: $*"
        return 1
    fi
    if [[ $apt_updated -eq 0 ]]; then
        log "apt-get update"
        DEBIAN_FRONTEND=noninteractive apt-get update
        apt_updated=1
    fi
    log "apt-get install $*"
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
}

package_installed() { dpkg -s "$1" >/dev/null 2>&1; }

# Echoes the directory holding initdb and pg_ctl of PostgreSQL 15 (PATH first, then the Debian location).
find_pg_bin() {
    local initdb_path
    if initdb_path="$(command -v initdb 2>/dev/null)" && command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(readlink -f "$initdb_path")"
        return 0
    fi
    if [[ -x /usr/lib/postgresql/15/bin/initdb && -x /usr/lib/postgresql/15/bin/pg_ctl ]]; then
        echo /usr/lib/postgresql/15/bin
        return 0
    fi
    return 1
}

ensure_packages() {
    local missing=()
    # PostgreSQL 15 server binaries (normally on the machine image already).
    if ! find_pg_bin >/dev/null; then
        missing+=(postgresql-15)
    fi
    # IANA time zones for clinics' time zone ids (TimeZoneInfo reads /usr/share/zoneinfo).
    if [[ ! -e /usr/share/zoneinfo/America/Chicago ]] && ! package_installed tzdata; then
        missing+=(tzdata)
    fi
    # Headless Chromium for the browser tests (Playwright drives /usr/bin/chromium; it never downloads a browser).
    if [[ ! -x /usr/bin/chromium ]]; then
        missing+=(chromium)
    fi
    if [[ ${#missing[@]} -gt 0 ]]; then
        apt_install "${missing[@]}"
    fi
}

# --- throwaway PostgreSQL -----------------------------------------------------------------------------------------

work_dir=""
pg_bin=""
pg_data=""
pg_started=0

cleanup() {
    local rc=$?
    if [[ $pg_started -eq 1 ]]; then
        runuser -u postgres -- "$pg_bin/pg_ctl" stop -D "$pg_data" -m fast -s >/dev/null 2>&1 || true
    fi
    if [[ -n "$work_dir" && -d "$work_dir" ]]; then
        rm -rf -- "$work_dir"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_in_use() {
    # A successful connect means someone listens there. (bash's /dev/tcp needs no extra tools.)
    (exec 3<>"/dev/tcp/127.0.0.1/$1") >/dev/null 2>&1
}

pg_ready() {
    local port=$1
    if [[ -x "$pg_bin/pg_isready" ]]; then
        "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres
    elif command -v pg_isready >/dev/null 2>&1; then
        pg_isready -q -h 127.0.0.1 -p "$port" -U postgres -d postgres
    else
        port_in_use "$port"
    fi
}

start_postgres() {
    pg_bin="$(find_pg_bin)" || { log "PostgreSQL 15 binaries (initdb, pg_ctl) not found"; return 1; }
    id postgres >/dev/null 2>&1 || { log "user 'postgres' is missing (initdb/pg_ctl refuse to run as root)"; return 1; }

    pg_data="$work_dir/pgdata"
    mkdir -p "$pg_data"
    chown -R postgres: "$work_dir/pgdata"
    # The socket directory and log live in a postgres-owned folder inside the temp dir.
    mkdir -p "$work_dir/pg"
    chown postgres: "$work_dir/pg"
    # mktemp -d is mode 700; postgres must be able to reach its folders inside it.
    chmod 711 "$work_dir"

    log "initdb ($pg_bin)"
    runuser -u postgres -- "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 --locale=C --no-sync >"$work_dir/pg/initdb.log" 2>&1 \
        || { cat "$work_dir/pg/initdb.log" >&2; return 1; }

    local attempt port
    for attempt in $(seq 1 20); do
        port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
        if port_in_use "$port"; then
            continue
        fi
        # Throwaway data: durability settings off for speed; enough connections for several nodes per test.
        if runuser -u postgres -- "$pg_bin/pg_ctl" start -D "$pg_data" -w -t 60 -s -l "$work_dir/pg/postgres.log" \
            -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$work_dir/pg -c max_connections=500 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
            >/dev/null 2>&1; then
            pg_started=1
            break
        fi
        log "PostgreSQL did not start on port $port (attempt $attempt); trying another port"
        tail -n 5 "$work_dir/pg/postgres.log" >&2 2>/dev/null || true
    done
    if [[ $pg_started -ne 1 ]]; then
        log "could not start PostgreSQL"
        cat "$work_dir/pg/postgres.log" >&2 2>/dev/null || true
        return 1
    fi

    local tries=0
    until pg_ready "$port"; do
        tries=$((tries + 1))
        if [[ $tries -ge 300 ]]; then
            log "PostgreSQL is not accepting connections on port $port"
            cat "$work_dir/pg/postgres.log" >&2 || true
            return 1
        fi
        sleep 0.1
    done

    export PTHUB_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
    log "PostgreSQL 15 ready on 127.0.0.1:$port"
}

# --- results ------------------------------------------------------------------------------------------------------

# Sums one attribute of the <Counters .../> element over every .trx file in the results directory.
sum_counter() {
    local name=$1 total=0 value file
    while IFS= read -r -d '' file; do
        value="$(grep -o '<Counters [^>]*>' "$file" | head -n 1 | sed -n "s/.* $name=\"\([0-9]*\)\".*/\1/p")"
        total=$((total + ${value:-0}))
    done < <(find "$work_dir/results" -name '*.trx' -print0 2>/dev/null)
    echo "$total"
}

# --- main ---------------------------------------------------------------------------------------------------------

ensure_packages
work_dir="$(mktemp -d -t pthub-test.XXXXXXXX)"
start_postgres

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
test_rc=0
dotnet test PtHub.sln -c Release \
    --logger "trx;LogFileName=results.trx" \
    --results-directory "$work_dir/results" \
    "$@" || test_rc=$?

passed="$(sum_counter passed)"
failed=$(( $(sum_counter failed) + $(sum_counter error) + $(sum_counter timeout) + $(sum_counter aborted) ))
if ! find "$work_dir/results" -name '*.trx' -print -quit 2>/dev/null | grep -q .; then
    log "no test results were written (did the build fail?)"
fi
echo "$passed passed, $failed failed"
exit "$test_rc"
