#!/usr/bin/env bash
# A PtHub cluster on this machine: N web nodes (API + hub + co-hosted silo) as separate processes sharing one
# PostgreSQL database. Loopback only.
#
#   scripts/cluster.sh start [N=3]     build src/Web (Release), start PostgreSQL if needed, start nodes 1..N, wait ready
#   scripts/cluster.sh stop            stop every node (SIGTERM, then SIGKILL after 30 s) and the PostgreSQL it started
#   scripts/cluster.sh status          each node's pid, URL and /health/ready answer; PostgreSQL's state
#   scripts/cluster.sh urls            the URLs of the nodes, one a line
#   scripts/cluster.sh start-node I    (re)start node I and wait until it is ready
#   scripts/cluster.sh stop-node I     stop node I gracefully
#   scripts/cluster.sh restart-nodes   stop every node gracefully and start them again (PostgreSQL stays up)
#   scripts/cluster.sh kill I          kill -9 node I (a crash: no graceful shutdown, its silo just vanishes)
#   scripts/cluster.sh pg-restart [S]  pg_ctl restart of the PostgreSQL this script started (-m fast, or
#                                      PTHUB_PG_RESTART_MODE=immediate for a crash and WAL recovery); with S > 0
#                                      it is stopped, left down for S seconds, and started again
#
# Environment:
#   PTHUB_CLUSTER_DIR   run directory: pids, logs, ports, PostgreSQL data (default /tmp/pthub-cluster)
#   PTHUB_POSTGRES      an existing Npgsql connection string; without it a throwaway PostgreSQL 15 is started
#                       (initdb/pg_ctl as the postgres user, free port, data in the run directory, trust auth on
#                       127.0.0.1 only, fsync off: it is a test database)
#   PTHUB_NO_BUILD=1    skip `dotnet build src/Web -c Release` (the caller built already)
#   PTHUB_NODE_ARGS     extra arguments for every node, e.g. "--PtHub:Membership:ProbeTimeout=00:00:02"
#   PTHUB_ADMIN_PASSWORD  the first administrator's password; without it one is generated into
#                       $PTHUB_CLUSTER_DIR/admin-password (mode 600). Nodes get it from the environment
#                       (PtHub__Security__AdminPassword), never on the command line where `ps` shows it.
#
# Node I listens on http://127.0.0.1:<free port>; its silo and gateway ports are free ports too, on 127.0.0.1 only
# (--PtHub:AdvertisedAddress=127.0.0.1); its command rate limit is lifted, since the fault drill's load all comes from
# 127.0.0.1 (--PtHub:Hardening:CommandsPerMinute=1000000). Its log is
# $PTHUB_CLUSTER_DIR/node-I.log, its pid $PTHUB_CLUSTER_DIR/node-I.pid, its ports $PTHUB_CLUSTER_DIR/node-I.env.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
run_dir="${PTHUB_CLUSTER_DIR:-/tmp/pthub-cluster}"
web_dir="$repo_root/src/Web"
web_dll="$web_dir/bin/Release/net10.0/PtHub.Web.dll"

log() { printf '[cluster.sh] %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# --- helpers ------------------------------------------------------------------------------------------------------

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") >/dev/null 2>&1; }

# A port nobody listens on and that this run has not handed out yet, below the kernel's ephemeral range (the
# nodes' many outgoing connections take ports there, and a port in use there cannot be bound even when nobody listens on it).
declare -A handed_out=()
ephemeral_low="$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)"
(( ephemeral_low > 12000 )) || ephemeral_low=61000
free_port() {
    local port
    for _ in $(seq 1 200); do
        port=$(( 10000 + (RANDOM * 32768 + RANDOM) % (ephemeral_low - 10000) ))
        if [[ -z "${handed_out[$port]:-}" ]] && ! port_in_use "$port"; then
            handed_out[$port]=1
            echo "$port"
            return 0
        fi
    done
    die "no free port found"
}

pid_alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null; }

node_pid() { cat "$run_dir/node-$1.pid" 2>/dev/null || true; }

node_url() {
    # shellcheck disable=SC1090
    (source "$run_dir/node-$1.env" && echo "http://127.0.0.1:$HTTP_PORT")
}

node_ids() {
    local f
    for f in "$run_dir"/node-*.env; do
        [[ -e "$f" ]] || continue
        f="${f##*/node-}"
        echo "${f%.env}"
    done | sort -n
}

find_pg_bin() {
    local initdb_path
    if initdb_path="$(command -v initdb 2>/dev/null)" && command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(readlink -f "$initdb_path")"
    elif [[ -x /usr/lib/postgresql/15/bin/initdb ]]; then
        echo /usr/lib/postgresql/15/bin
    else
        return 1
    fi
}

connection_string() {
    if [[ -n "${PTHUB_POSTGRES:-}" ]]; then
        echo "$PTHUB_POSTGRES"
    elif [[ -f "$run_dir/postgres.conn" ]]; then
        cat "$run_dir/postgres.conn"
    else
        return 1
    fi
}

pg_running() {
    [[ -f "$run_dir/pg.bin" ]] && runuser -u postgres -- "$(cat "$run_dir/pg.bin")/pg_ctl" status -D "$run_dir/pgdata" >/dev/null 2>&1
}

pg_options() {
    local port=$1
    # Throwaway data: no fsync (only an OS crash could lose data), but commits are written before they are
    # acknowledged, so even an immediate (crash) restart keeps every committed transaction. Enough connections
    # for several nodes' pools.
    echo "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$run_dir/pg -c max_connections=300 -c fsync=off -c full_page_writes=off"
}

start_postgres() {
    if [[ -n "${PTHUB_POSTGRES:-}" ]]; then
        log "using PostgreSQL from PTHUB_POSTGRES"
        return 0
    fi
    if pg_running; then
        log "PostgreSQL already running on port $(cat "$run_dir/pg.port")"
        return 0
    fi
    local pg_bin port
    pg_bin="$(find_pg_bin)" || die "PostgreSQL 15 binaries (initdb, pg_ctl) not found; set PTHUB_POSTGRES or apt-get install postgresql-15"
    id postgres >/dev/null 2>&1 || die "user 'postgres' is missing (initdb/pg_ctl refuse to run as root)"
    mkdir -p "$run_dir/pg"
    chmod 711 "$run_dir"
    chown postgres: "$run_dir/pg"
    echo "$pg_bin" >"$run_dir/pg.bin"
    if [[ ! -f "$run_dir/pgdata/PG_VERSION" ]]; then
        rm -rf "$run_dir/pgdata"
        mkdir -p "$run_dir/pgdata"
        chown postgres: "$run_dir/pgdata"
        log "initdb ($pg_bin)"
        runuser -u postgres -- "$pg_bin/initdb" -D "$run_dir/pgdata" -U postgres --auth=trust -E UTF8 --locale=C --no-sync \
            >"$run_dir/pg/initdb.log" 2>&1 || { cat "$run_dir/pg/initdb.log" >&2; die "initdb failed"; }
    fi
    port="$(cat "$run_dir/pg.port" 2>/dev/null || free_port)"
    local attempt started=0
    for attempt in 1 2 3 4 5; do
        port_in_use "$port" && port="$(free_port)"
        if runuser -u postgres -- "$pg_bin/pg_ctl" start -D "$run_dir/pgdata" -w -t 60 -s -l "$run_dir/pg/postgres.log" \
            -o "$(pg_options "$port")" >/dev/null 2>&1; then
            started=1
            break
        fi
        log "PostgreSQL did not start on port $port (attempt $attempt); trying another port"
        port="$(free_port)"
    done
    [[ $started -eq 1 ]] || { tail -n 20 "$run_dir/pg/postgres.log" >&2; die "PostgreSQL did not start"; }
    echo "$port" >"$run_dir/pg.port"
    if ! runuser -u postgres -- "$pg_bin/psql" -h "$run_dir/pg" -p "$port" -U postgres -d postgres -tAc "select 1 from pg_database where datname = 'pthub'" | grep -q 1; then
        runuser -u postgres -- "$pg_bin/createdb" -h "$run_dir/pg" -p "$port" -U postgres pthub
    fi
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=pthub" >"$run_dir/postgres.conn"
    log "PostgreSQL 15 ready on 127.0.0.1:$port (database pthub)"
}

stop_postgres() {
    if pg_running; then
        runuser -u postgres -- "$(cat "$run_dir/pg.bin")/pg_ctl" stop -D "$run_dir/pgdata" -m fast -s >/dev/null 2>&1 || true
        log "PostgreSQL stopped"
    fi
}

build() {
    if [[ "${PTHUB_NO_BUILD:-0}" == "1" ]]; then
        [[ -f "$web_dll" ]] || die "$web_dll is missing (PTHUB_NO_BUILD=1 was set)"
        return 0
    fi
    log "dotnet build src/Web -c Release"
    dotnet build "$web_dir" -c Release -nologo -v q >"$run_dir/build.log" 2>&1 || { tail -n 30 "$run_dir/build.log" >&2; die "build failed"; }
}

# Writes node I's ports once; a restarted node keeps them, so its URL stays the same.
# The administrator's password for this run directory: PTHUB_ADMIN_PASSWORD, or one generated once and kept.
admin_password() {
    if [[ -n "${PTHUB_ADMIN_PASSWORD:-}" ]]; then
        printf '%s' "$PTHUB_ADMIN_PASSWORD"
        return
    fi
    if [[ ! -s "$run_dir/admin-password" ]]; then
        mkdir -p "$run_dir"
        (umask 077 && head -c 18 /dev/urandom | base64 | tr '+/' '-_' >"$run_dir/admin-password")
    fi
    tr -d '\n' <"$run_dir/admin-password"
}

ensure_node_env() {
    local i=$1
    [[ -f "$run_dir/node-$i.env" ]] && return 0
    printf 'HTTP_PORT=%s\nSILO_PORT=%s\nGATEWAY_PORT=%s\n' "$(free_port)" "$(free_port)" "$(free_port)" >"$run_dir/node-$i.env"
}

launch_node() {
    local i=$1 conn pid
    conn="$(connection_string)" || die "no PostgreSQL connection string (start PostgreSQL first)"
    pid="$(node_pid "$i")"
    if pid_alive "$pid"; then
        log "node $i already runs (pid $pid)"
        return 0
    fi
    ensure_node_env "$i"
    local HTTP_PORT SILO_PORT GATEWAY_PORT
    # shellcheck disable=SC1090
    source "$run_dir/node-$i.env"
    for p in "$HTTP_PORT" "$SILO_PORT" "$GATEWAY_PORT"; do
        port_in_use "$p" && die "node $i: port $p is taken (a stale process? see '$0 status')"
    done
    # The content root is src/Web so appsettings.json and wwwroot are found, as under `dotnet run`.
    # shellcheck disable=SC2086
    (cd "$web_dir" && PtHub__Security__AdminPassword="$(admin_password)" exec setsid dotnet "$web_dll" \
        --urls "http://127.0.0.1:$HTTP_PORT" \
        --PtHub:Storage=PostgreSql \
        "--PtHub:PostgreSqlConnectionString=$conn" \
        --PtHub:SiloPort="$SILO_PORT" --PtHub:GatewayPort="$GATEWAY_PORT" \
        --PtHub:AdvertisedAddress=127.0.0.1 \
        --PtHub:SeedDemo=false \
        --PtHub:Hardening:CommandsPerMinute=1000000 \
        --Logging:Console:FormatterName=simple \
        "--Logging:Console:FormatterOptions:TimestampFormat=HH:mm:ss.fff " \
        ${PTHUB_NODE_ARGS:-} \
        >>"$run_dir/node-$i.log" 2>&1 </dev/null) &
    echo $! >"$run_dir/node-$i.pid"
    log "node $i: pid $!, http://127.0.0.1:$HTTP_PORT, silo $SILO_PORT, gateway $GATEWAY_PORT"
}

wait_ready() {
    local i=$1 url pid deadline=$((SECONDS + 120))
    url="$(node_url "$i")"
    until curl -fsS -m 5 "$url/health/ready" >/dev/null 2>&1; do
        pid="$(node_pid "$i")"
        if ! pid_alive "$pid"; then
            tail -n 30 "$run_dir/node-$i.log" >&2 || true
            die "node $i exited before it was ready"
        fi
        if (( SECONDS > deadline )); then
            tail -n 30 "$run_dir/node-$i.log" >&2 || true
            die "node $i was not ready within 120 s"
        fi
        sleep 0.5
    done
    log "node $i ready at $url"
}

stop_node() {
    local i=$1 pid
    pid="$(node_pid "$i")"
    if pid_alive "$pid"; then
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 60); do
            pid_alive "$pid" || break
            sleep 0.5
        done
        if pid_alive "$pid"; then
            log "node $i did not stop within 30 s; SIGKILL"
            kill -KILL "$pid" 2>/dev/null || true
        fi
        log "node $i stopped"
    fi
    rm -f "$run_dir/node-$i.pid"
}

# --- commands -----------------------------------------------------------------------------------------------------

cmd_start() {
    local n=${1:-3}
    [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "N must be a positive number"
    mkdir -p "$run_dir"
    build
    start_postgres
    local i
    for i in $(seq 1 "$n"); do launch_node "$i"; done
    for i in $(seq 1 "$n"); do wait_ready "$i"; done
    cmd_urls
}

cmd_stop() {
    [[ -d "$run_dir" ]] || { log "nothing runs ($run_dir does not exist)"; return 0; }
    local i
    for i in $(node_ids); do stop_node "$i" & done
    wait
    stop_postgres
}

cmd_status() {
    [[ -d "$run_dir" ]] || { echo "no cluster ($run_dir does not exist)"; return 0; }
    local i pid url state
    for i in $(node_ids); do
        pid="$(node_pid "$i")"
        url="$(node_url "$i")"
        if pid_alive "$pid"; then
            state="$(curl -s -m 3 -o /dev/null -w '%{http_code}' "$url/health/ready" || true)"
            echo "node $i  pid $pid  $url  ready: $state"
        else
            echo "node $i  stopped  $url"
        fi
    done
    if [[ -n "${PTHUB_POSTGRES:-}" ]]; then
        echo "postgres  external (PTHUB_POSTGRES)"
    elif pg_running; then
        echo "postgres  running  127.0.0.1:$(cat "$run_dir/pg.port")"
    else
        echo "postgres  stopped"
    fi
}

cmd_urls() {
    local i
    for i in $(node_ids); do node_url "$i"; done
}

need_node() { [[ "${1:-}" =~ ^[0-9]+$ ]] || die "usage: $0 $2 I (node number)"; }

case "${1:-}" in
    start) cmd_start "${2:-3}" ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    urls) cmd_urls ;;
    start-node)
        need_node "${2:-}" start-node
        build
        start_postgres
        launch_node "$2"
        wait_ready "$2"
        ;;
    stop-node) need_node "${2:-}" stop-node; stop_node "$2" ;;
    restart-nodes)
        ids="$(node_ids)"
        [[ -n "$ids" ]] || die "no nodes (run '$0 start' first)"
        for i in $ids; do stop_node "$i" & done
        wait
        build
        start_postgres
        for i in $ids; do launch_node "$i"; done
        for i in $ids; do wait_ready "$i"; done
        ;;
    kill)
        need_node "${2:-}" kill
        pid="$(node_pid "$2")"
        pid_alive "$pid" || die "node $2 is not running"
        kill -KILL "$pid"
        rm -f "$run_dir/node-$2.pid"
        log "node $2 (pid $pid) killed with SIGKILL"
        ;;
    pg-restart)
        [[ -z "${PTHUB_POSTGRES:-}" ]] || die "PostgreSQL comes from PTHUB_POSTGRES; restart it yourself"
        pg_running || die "PostgreSQL is not running"
        down="${2:-0}"
        [[ "$down" =~ ^[0-9]+$ ]] || die "usage: $0 pg-restart [SECONDS down]"
        pg_ctl_bin="$(cat "$run_dir/pg.bin")/pg_ctl"
        if [[ "$down" == 0 ]]; then
            runuser -u postgres -- "$pg_ctl_bin" restart -D "$run_dir/pgdata" -m "${PTHUB_PG_RESTART_MODE:-fast}" -w -t 60 -s \
                -l "$run_dir/pg/postgres.log" -o "$(pg_options "$(cat "$run_dir/pg.port")")" >/dev/null
            log "PostgreSQL restarted (-m ${PTHUB_PG_RESTART_MODE:-fast})"
        else
            runuser -u postgres -- "$pg_ctl_bin" stop -D "$run_dir/pgdata" -m "${PTHUB_PG_RESTART_MODE:-fast}" -w -t 60 -s >/dev/null
            log "PostgreSQL stopped (-m ${PTHUB_PG_RESTART_MODE:-fast}); down for $down s"
            sleep "$down"
            runuser -u postgres -- "$pg_ctl_bin" start -D "$run_dir/pgdata" -w -t 60 -s \
                -l "$run_dir/pg/postgres.log" -o "$(pg_options "$(cat "$run_dir/pg.port")")" >/dev/null
            log "PostgreSQL started again"
        fi
        ;;
    *)
        sed -n '2,27p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
        exit 2
        ;;
esac
