#!/usr/bin/env bash
# The multi-node fault drill (issue 8): ./scripts/fault-drill.sh [--json PATH] [more PtHub.FaultDrill options]
#
# 1. Builds src/Web and tools/PtHub.FaultDrill (Release).
# 2. Starts a 3-node cluster on loopback with a throwaway PostgreSQL 15 (scripts/cluster.sh; its own run directory).
# 3. Runs tools/PtHub.FaultDrill, which on fresh clinics each time, with board clients on every node and a steady
#    stream of commands over all nodes:
#      node-kill   kill -9 node 3 mid-load, go on over nodes 1-2; then node 3 is started again;
#      pg-restart  pg_ctl restart PostgreSQL mid-load;
#      pg-outage   stop PostgreSQL mid-load, keep it down PTHUB_PG_DOWN_SECONDS (5), start it again;
#    then restarts every node and checks every accepted command again against state reloaded from PostgreSQL.
#    It prints a table (and JSON with --json) and exits 0 only when every check passed.
# 4. Stops the cluster and PostgreSQL, whatever happened (PTHUB_KEEP_CLUSTER=1 leaves them running to look at).
#
# Environment: PTHUB_CLUSTER_DIR (default /tmp/pthub-fault-drill), PTHUB_POSTGRES (use an existing database),
# PTHUB_NODE_ARGS (extra node settings, e.g. "--PtHub:Membership:ProbeTimeout=00:00:02"),
# PTHUB_PG_RESTART_MODE (fast, the default, or immediate), PTHUB_DRILL_SCENARIOS (which to run, default
# "node-kill pg-restart pg-outage"). Takes about 3 minutes on 2 cores.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
export PTHUB_CLUSTER_DIR="${PTHUB_CLUSTER_DIR:-/tmp/pthub-fault-drill}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
cluster="$repo_root/scripts/cluster.sh"
nodes=3

log() { printf '[fault-drill.sh] %s\n' "$*" >&2; }

cleanup() {
    local rc=$?
    if [[ "${PTHUB_KEEP_CLUSTER:-0}" != "1" ]]; then
        "$cluster" stop || true
    else
        log "cluster left running (PTHUB_KEEP_CLUSTER=1); logs in $PTHUB_CLUSTER_DIR; stop it with scripts/cluster.sh stop"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

log "building (Release)"
mkdir -p "$PTHUB_CLUSTER_DIR"
dotnet build src/Web -c Release -nologo -v q >"$PTHUB_CLUSTER_DIR/build.log" 2>&1 \
    && dotnet build tools/PtHub.FaultDrill -c Release -nologo -v q >>"$PTHUB_CLUSTER_DIR/build.log" 2>&1 \
    || { tail -n 30 "$PTHUB_CLUSTER_DIR/build.log" >&2; exit 1; }
export PTHUB_NO_BUILD=1
# The drill signs in as the first administrator, whom the nodes create with this password (from the environment).
export PTHUB_ADMIN_PASSWORD="${PTHUB_ADMIN_PASSWORD:-$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')}"

# A fresh cluster: a previous run's nodes and database are stopped and, in the drill's own directory, removed.
"$cluster" stop >/dev/null 2>&1 || true
if [[ "$PTHUB_CLUSTER_DIR" == /tmp/pthub-fault-drill ]]; then
    rm -rf -- "$PTHUB_CLUSTER_DIR"
    mkdir -p "$PTHUB_CLUSTER_DIR"
fi
"$cluster" start "$nodes" >/dev/null
urls="$("$cluster" urls | paste -sd, -)"
log "nodes: $urls"

scenarios=" ${PTHUB_DRILL_SCENARIOS:-node-kill pg-restart pg-outage} "
args=(--urls "$urls" --cold-restart-cmd "'$cluster' restart-nodes")
if [[ "$scenarios" == *" node-kill "* ]]; then
    args+=(--kill-node "$nodes" --kill-cmd "'$cluster' kill $nodes" --restore-cmd "'$cluster' start-node $nodes")
fi
if [[ "$scenarios" == *" pg-restart "* ]]; then
    args+=(--pg-restart-cmd "'$cluster' pg-restart")
fi
if [[ "$scenarios" == *" pg-outage "* ]]; then
    args+=(--pg-outage-cmd "'$cluster' pg-restart ${PTHUB_PG_DOWN_SECONDS:-5}")
fi
dotnet tools/PtHub.FaultDrill/bin/Release/net10.0/PtHub.FaultDrill.dll "${args[@]}" "$@"
