#!/usr/bin/env bash
# make test-cluster (issue 13): the cluster profile end to end on this machine, with real engines.
#   1. a throwaway Postgres (as the `postgres` user when run as root: it refuses root) and moto's S3
#      server, both on free 127.0.0.1 ports, in a temporary folder under /tmp;
#   2. a default replay refresh (SQLite, one process) as the reference;
#   3. the same refresh through the cluster profile: runs and events on Postgres, the multiprocess
#      executor, snapshots in the bucket; its warehouse must have the same tables and row counts;
#   4. a second cluster refresh (one source and all downstream) while a notebook-style reader reads the
#      published copy in a loop: both must succeed, and every state the reader saw must be the one
#      before or the one after.
# Everything it started is stopped on exit (trap), and the folder removed. The whole script runs under
# `timeout` (VIDEORACE_CLUSTER_TIMEOUT seconds, default 2400), so a hang in CI ends as a failure that
# names its step instead of eating the job's 90 minutes. The postgres user needs to read only the
# temporary folder (mode 755; its data, socket and log folders are its own), nothing in the checkout.
set -euo pipefail
LIMIT=${VIDEORACE_CLUSTER_TIMEOUT:-2400}
if [ -z "${_VIDEORACE_CLUSTER_TIMED:-}" ]; then
  # timeout(1) runs the script in a process group of its own and signals all of it (refresh, step
  # processes, moto, reader); -k: a SIGKILL if the cleanup itself hangs
  export _VIDEORACE_CLUSTER_TIMED=1
  exec timeout -k 90 "$LIMIT" bash "$0" "$@"
fi
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY=${PY:-$ROOT/.venv/bin/python}
BIN=$(dirname "$PY")
WORKERS=${VIDEORACE_WORKERS:-4}
WORK=$(mktemp -d /tmp/videorace-cluster.XXXXXX)
chmod 755 "$WORK"
PIDS=()
PGDATA="$WORK/pg"
STEP="setup"

log() { printf '[test-cluster %5ss] %s\n' "$SECONDS" "$*"; }
step() { STEP=$1; }
fail() { echo "test-cluster: $*" >&2; exit 1; }

# The Debian package's binaries live under /usr/lib/postgresql/<version>/bin (not on PATH; /usr/bin has
# only wrappers); the newest version there, else a PATH that has initdb (a source build, Homebrew).
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  PGBIN=$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")
fi
# as root, Postgres runs as the `postgres` user (it refuses root); otherwise as whoever runs this.
# From $WORK, so it never needs to read the checkout's folder.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd "$WORK" && runuser -u postgres -- "$@")
  else
    (cd "$WORK" && "$@")
  fi
}
free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port_open() { "$PY" -c "import socket; socket.create_connection(('127.0.0.1', $1), 0.5)" 2>/dev/null; }

# Each PID and every process under it (a daemon-launched run is a child of the code server): SIGTERM,
# then SIGKILL whatever is still there after 20 s. Zombies (exited, not yet reaped) count as gone.
stop_trees() {
  [ "$#" -gt 0 ] || return 0
  "$PY" - "$@" <<'PYEOF' || true
import sys, time
import psutil
procs = []
for pid in map(int, sys.argv[1:]):
    try:
        top = psutil.Process(pid)
        procs += [top, *top.children(recursive=True)]
    except psutil.NoSuchProcess:
        pass
def running(p):
    try:
        return p.is_running() and p.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False
for signal_them in (psutil.Process.terminate, psutil.Process.kill):
    for p in filter(running, procs):
        try:
            signal_them(p)
        except psutil.NoSuchProcess:
            pass
    deadline = time.monotonic() + 20
    while any(map(running, procs)) and time.monotonic() < deadline:
        time.sleep(0.2)
PYEOF
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  # the daemon first, so it launches nothing more; then the code server with any run it started
  [ -n "${DAEMON:-}" ] && stop_trees "$DAEMON"
  stop_trees "${PIDS[@]}"
  if [ -f "$PGDATA/postmaster.pid" ]; then
    as_pg "$PGBIN/pg_ctl" -D "$PGDATA" stop -m fast -w -t 30 >/dev/null 2>&1 \
      || as_pg "$PGBIN/pg_ctl" -D "$PGDATA" stop -m immediate -w -t 10 >/dev/null 2>&1 || true
  fi
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done  # reap them
  if [ "$rc" -ne 0 ]; then
    for f in "$WORK"/*.log "$WORK"/pglog/*.log; do [ -f "$f" ] && { echo "--- tail of $f"; tail -n 25 "$f"; }; done
  fi
  rm -rf "$WORK"
  if [ "$rc" -eq 0 ]; then
    log "passed"
  else
    log "FAILED in step \"$STEP\" (exit $rc)"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'echo "test-cluster: stopped by SIGINT" >&2; exit 130' INT
trap 'echo "test-cluster: stopped by SIGTERM after ${SECONDS}s (the limit is VIDEORACE_CLUSTER_TIMEOUT=${LIMIT}s)" >&2; exit 124' TERM

step "find PostgreSQL"
[ -x "$PGBIN/initdb" ] && [ -x "$PGBIN/pg_ctl" ] && [ -x "$PGBIN/postgres" ] \
  || fail "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin or on PATH (apt-get install postgresql)"
if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
  useradd --system --no-create-home --shell /usr/sbin/nologin postgres
fi

# 1. services (a port found free can be taken before the server binds it: a new one, up to 3 times)
step "start Postgres"
mkdir -p "$PGDATA" "$WORK/pgsock" "$WORK/pglog"
[ "$(id -u)" -eq 0 ] && chown postgres "$PGDATA" "$WORK/pgsock" "$WORK/pglog"
as_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --no-sync >"$WORK/initdb.log" 2>&1 \
  || fail "initdb failed (as $( [ "$(id -u)" -eq 0 ] && echo postgres || id -un ), see initdb.log below)"
for attempt in 1 2 3; do
  PG_PORT=$(free_port)
  # fsync off: a throwaway; shared memory in files, not /dev/shm (64 MB in a container by default)
  if as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$WORK/pglog/postgres.log" -w -t 120 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $WORK/pgsock -c fsync=off -c dynamic_shared_memory_type=mmap" \
    start >/dev/null; then
    break
  fi
  [ "$attempt" -eq 3 ] && fail "Postgres did not start on a free loopback port (3 tries; postgres.log below)"
done
log "Postgres $("$PGBIN/postgres" --version | grep -oE '[0-9]+(\.[0-9]+)?' | head -1) on 127.0.0.1:$PG_PORT (data in $PGDATA, as user $( [ "$(id -u)" -eq 0 ] && echo postgres || id -un ))"

step "start moto S3"
for attempt in 1 2 3; do
  S3_PORT=$(free_port)
  "$BIN/moto_server" -H 127.0.0.1 -p "$S3_PORT" >"$WORK/moto.log" 2>&1 &
  MOTO=$!
  for _ in $(seq 1 150); do
    port_open "$S3_PORT" && break 2
    kill -0 "$MOTO" 2>/dev/null || break
    sleep 0.2
  done
  kill "$MOTO" 2>/dev/null || true
  wait "$MOTO" 2>/dev/null || true
  [ "$attempt" -eq 3 ] && fail "moto_server did not listen on a free loopback port (3 tries; moto.log below)"
done
PIDS+=("$MOTO")
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_DEFAULT_REGION=us-east-1
export VIDEORACE_S3_ENDPOINT_URL="http://127.0.0.1:$S3_PORT"
"$PY" -c "import s3fs; s3fs.S3FileSystem(endpoint_url='$VIDEORACE_S3_ENDPOINT_URL').mkdir('videorace-snapshots')"
log "moto S3 on 127.0.0.1:$S3_PORT, bucket videorace-snapshots"

export DAGSTER_DISABLE_TELEMETRY=1
run_refresh() {  # NAME PROFILE [args]: a refresh into $WORK/NAME, timed, output in $WORK/NAME.log
  local name=$1 profile=$2
  shift 2
  local started=$SECONDS
  mkdir -p "$WORK/$name"
  env VIDEORACE_PROFILE="$profile" VIDEORACE_WAREHOUSE="$WORK/$name/videorace.duckdb" \
    VIDEORACE_SITE_DIR="$WORK/$name/site" \
    nice "$BIN/videorace" refresh --quiet "$@" >"$WORK/$name.log" 2>&1 || {
    echo "test-cluster: the $name refresh failed" >&2
    tail -n 30 "$WORK/$name.log" >&2
    return 1
  }
  log "$name refresh ($profile profile): $((SECONDS - started))s; $(grep -E '^videorace: published' "$WORK/$name.log" || echo 'nothing published')"
}

# 2. the reference: the default profile, as `make run` does it (REFERENCE_WAREHOUSE: one already built)
step "reference refresh (default profile)"
if [ -n "${REFERENCE_WAREHOUSE:-}" ]; then
  log "reference: $REFERENCE_WAREHOUSE"
  "$PY" -m tests.cluster.warehouse_state counts "$REFERENCE_WAREHOUSE" "$WORK/default.json"
else
  mkdir -p "$WORK/default_home" && printf 'telemetry:\n  enabled: false\n' >"$WORK/default_home/dagster.yaml"
  DAGSTER_HOME="$WORK/default_home" VIDEORACE_SNAPSHOT_DIR="$WORK/default/snapshots" run_refresh default default
  "$PY" -m tests.cluster.warehouse_state counts "$WORK/default/videorace.duckdb" "$WORK/default.json"
fi

# 3. the cluster profile
step "cluster refresh ($WORKERS workers)"
export DAGSTER_HOME="$WORK/cluster_home"
mkdir -p "$DAGSTER_HOME" && cp deploy/dagster.yaml "$DAGSTER_HOME/dagster.yaml"
export DAGSTER_PG_HOST=127.0.0.1 DAGSTER_PG_PORT=$PG_PORT DAGSTER_PG_USER=postgres DAGSTER_PG_PASSWORD=throwaway DAGSTER_PG_DB=postgres
export VIDEORACE_SNAPSHOT_URL=s3://videorace-snapshots/snapshots VIDEORACE_WORKERS=$WORKERS
run_refresh cluster cluster
CLUSTER_DB="$WORK/cluster/videorace.duckdb"
READ_DB="$WORK/cluster/videorace.read.duckdb"
step "compare the cluster warehouse with the reference"
"$PY" -m tests.cluster.warehouse_state counts "$CLUSTER_DB" "$WORK/cluster.json"
"$PY" -m tests.cluster.warehouse_state compare "$WORK/default.json" "$WORK/cluster.json"
step "check the snapshots are in the bucket"
"$PY" -m tests.cluster.warehouse_state bucket "$CLUSTER_DB"
step "check the runs are on Postgres"
"$PY" -m tests.cluster.warehouse_state instance
step "check the one-writer rule on the run: writers one at a time, fetches side by side"
"$PY" -m tests.cluster.run_steps "$([ "$WORKERS" -gt 1 ] && echo 2 || echo 1)"
"$PY" -m tests.cluster.warehouse_state counts "$READ_DB" "$WORK/before.json"

# 4. a reader on the published copy during a second refresh
step "second cluster refresh with a reader on the published copy"
"$PY" -m tests.cluster.warehouse_state read-loop "$READ_DB" "$WORK/reads.jsonl" "$WORK/stop-reader" \
  >"$WORK/reader.log" 2>&1 &
READER=$!
PIDS+=("$READER")
# one source and everything built from it (~20 steps, not ~130): enough to rewrite marts, outputs and
# the site and to publish again, and it keeps make test-cluster within its few minutes
run_refresh cluster cluster --select owid_patents
"$PY" -m tests.cluster.warehouse_state reads-after "$WORK/reads.jsonl" 2 120  # reads of the new state
touch "$WORK/stop-reader"
wait "$READER" || fail "the reader exited with an error (reader.log below)"
step "check what the reader saw"
"$PY" -m tests.cluster.warehouse_state counts "$READ_DB" "$WORK/after.json"
"$PY" -m tests.cluster.warehouse_state consistent "$WORK/reads.jsonl" "$WORK/before.json" "$WORK/after.json"

# 5. a scheduled refresh: the Dagster daemon ticks a schedule on the Postgres-backed instance, the run
# waits in the QueuedRunCoordinator's queue, the daemon launches it, the publish sensor publishes the
# copy afterwards; a reader reads the published copy all along. The code server is started here, not
# by the daemon: a daemon-managed one is restarted every 60 s and the old one exits "No heartbeat
# received in 20 seconds", which is normal but makes the log hard to read and costs a second import.
# VIDEORACE_CLUSTER_DAEMON=0 leaves this step out.
if [ "${VIDEORACE_CLUSTER_DAEMON:-1}" != 0 ]; then
  step "start the code server for the daemon"
  export VIDEORACE_PROFILE=cluster VIDEORACE_WAREHOUSE="$CLUSTER_DB" VIDEORACE_SITE_DIR="$WORK/cluster/site"
  for attempt in 1 2 3; do
    GRPC_PORT=$(free_port)
    env --default-signal=INT,TERM nice "$BIN/dagster" api grpc -h 127.0.0.1 -p "$GRPC_PORT" -d "$ROOT" -m tests.cluster.scheduled_defs \
      --location-name videorace >"$WORK/codeserver.log" 2>&1 &
    CODE=$!
    for _ in $(seq 1 300); do
      "$BIN/dagster" api grpc-health-check -h 127.0.0.1 -p "$GRPC_PORT" >/dev/null 2>&1 && break 2
      kill -0 "$CODE" 2>/dev/null || break
      sleep 1
    done
    kill "$CODE" 2>/dev/null || true
    wait "$CODE" 2>/dev/null || true
    # only a taken port is worth another try; a code location that fails to load fails the same again
    grep -qi "address already in use\|failed to bind" "$WORK/codeserver.log" \
      || fail "the code server did not start (codeserver.log below)"
    [ "$attempt" -eq 3 ] && fail "the code server did not serve on a free loopback port (3 tries; codeserver.log below)"
  done
  PIDS+=("$CODE")
  printf 'load_from:\n  - grpc_server:\n      host: 127.0.0.1\n      port: %s\n      location_name: videorace\n' \
    "$GRPC_PORT" >"$WORK/workspace.yaml"
  log "code server (tests.cluster.scheduled_defs) on 127.0.0.1:$GRPC_PORT"

  step "scheduled refresh by the daemon with a reader on the published copy"
  "$PY" -m tests.cluster.warehouse_state counts "$READ_DB" "$WORK/before-scheduled.json"
  "$PY" -m tests.cluster.warehouse_state read-loop "$READ_DB" "$WORK/reads-scheduled.jsonl" \
    "$WORK/stop-reader-scheduled" >"$WORK/reader-scheduled.log" 2>&1 &
  READER=$!
  PIDS+=("$READER")
  env --default-signal=INT,TERM nice "$BIN/dagster-daemon" run -w "$WORK/workspace.yaml" >"$WORK/daemon.log" 2>&1 &
  DAEMON=$!
  PIDS+=("$DAEMON")
  started=$SECONDS
  "$PY" -m tests.cluster.daemon_checks wait-run test_cluster_scheduled_refresh "${VIDEORACE_CLUSTER_RUN_WAIT:-1200}" "$DAEMON,$CODE"
  log "scheduled refresh: $((SECONDS - started))s from the daemon's start (the schedule ticks on the minute)"
  "$PY" -m tests.cluster.daemon_checks wait-published "$READ_DB" "$WORK/before-scheduled.json" 180 "$DAEMON,$CODE"
  "$PY" -m tests.cluster.warehouse_state reads-after "$WORK/reads-scheduled.jsonl" 2 120
  touch "$WORK/stop-reader-scheduled"
  wait "$READER" || fail "the reader exited with an error (reader-scheduled.log below)"
  step "check what the reader saw during the scheduled refresh"
  "$PY" -m tests.cluster.warehouse_state counts "$READ_DB" "$WORK/after-scheduled.json"
  "$PY" -m tests.cluster.warehouse_state consistent "$WORK/reads-scheduled.jsonl" "$WORK/before-scheduled.json" \
    "$WORK/after-scheduled.json"
fi
