#!/usr/bin/env bash
# A throwaway local backend: PostgreSQL in DIR + foh-backend, both on 127.0.0.1.
#   tools/backend/local.sh start DIR   -> prints FOH_BACKEND_URL=, FOH_ANON_KEY=, FOH_SERVICE_KEY=,
#                                         FOH_JWT_SECRET=, FOH_RESTAURANT_ID=, FOH_DEVICE_ID=,
#                                         FOH_DEVICE_TOKEN= on stdout (the device: a terminal
#                                         registered for the demo restaurant, and its own login)
#   tools/backend/local.sh stop DIR
#   tools/backend/local.sh pause DIR    -> stops only foh-backend (the API is gone, the data stays)
#   tools/backend/local.sh resume DIR   -> starts foh-backend again on the same port with the
#                                          same keys, and prints the same lines as start
# Everything else goes to stderr or to logs in DIR. As root, PostgreSQL runs as
# the `postgres` user (it refuses to run as root). Environment:
#   FOH_BACKEND_BIN  the foh-backend executable (default: build/bin/foh-backend)
#   FOH_PG_BIN       PostgreSQL's bin directory (default: the newest /usr/lib/postgresql/*/bin)
#   FOH_DEMO_DIR     where restaurant.json and day.json are (default: assets/demo)
#   FOH_SMS_BASE_URL when set, foh-sender is started next to foh-backend (README "foh-sender")
#                    with FOH_TWILIO_ACCOUNT_SID, FOH_TWILIO_AUTH_TOKEN, FOH_SMS_FROM and
#                    FOH_PUBLIC_URL (default: the backend's URL) from this environment;
#                    foh-backend checks the SMS webhooks with FOH_TWILIO_AUTH_TOKEN
#   FOH_SENDER_BIN   the foh-sender executable (default: next to foh-backend)
#   FOH_PG_DURABLE=1 commit with synchronous_commit=on. The default (off) keeps fsync and
#                    crash safety but may lose the last ~0.6 s of commits if PostgreSQL itself
#                    crashes: fine for a throwaway cluster, and a commit costs ~1 ms instead of
#                    a disk flush (10+ ms on a busy VM). `stop` is a clean shutdown: nothing lost.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cmd="${1:-}"
dir="${2:-}"
if [ -z "$cmd" ] || [ -z "$dir" ]; then
  echo "usage: $0 start|stop DIR" >&2
  exit 2
fi
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
run="$dir/pgrun"   # owned by the user PostgreSQL runs as
data="$run/data"

pg_bin="${FOH_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
backend="${FOH_BACKEND_BIN:-$root/build/bin/foh-backend}"
demo="${FOH_DEMO_DIR:-$root/assets/demo}"

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
log() { echo "local.sh: $*" >&2; }

# Starts foh-backend in the background and waits until it answers.
# Args: conninfo secret anon-key service-key port (0 = any free port).
launch_backend() {
  local db="$1" secret="$2" anon="$3" service="$4" want="$5" bport
  rm -f "$dir/backend.port"
  FOH_DB="$db" FOH_JWT_SECRET="$secret" FOH_ANON_KEY="$anon" FOH_SERVICE_KEY="$service" \
    nohup "$backend" --port "$want" --port-file "$dir/backend.port" >>"$dir/backend.log" 2>&1 </dev/null &
  echo $! >"$dir/backend.pid"
  for _ in $(seq 100); do [ -s "$dir/backend.port" ] && break; sleep 0.1; done
  [ -s "$dir/backend.port" ] || { log "foh-backend did not start, see $dir/backend.log"; stop; exit 1; }
  bport="$(cat "$dir/backend.port")"
  # It listens once the port file exists; one request proves it answers.
  exec 3<>"/dev/tcp/127.0.0.1/$bport"
  printf 'GET /health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
  head -n 1 <&3 | grep -q ' 200' || { log "foh-backend does not answer"; stop; exit 1; }
  exec 3<&-
}

# foh-sender, only when a provider is configured; logs to DIR/sender.log.
launch_sender() {
  [ -n "${FOH_SMS_BASE_URL:-}" ] || return 0
  if [ -f "$dir/sender.pid" ] && kill -0 "$(cat "$dir/sender.pid")" 2>/dev/null; then return 0; fi
  local db="$1" sender="${FOH_SENDER_BIN:-$(dirname "$backend")/foh-sender}"
  [ -x "$sender" ] || { log "FOH_SMS_BASE_URL is set but foh-sender is not at $sender"; return 0; }
  FOH_DB="$db" FOH_PUBLIC_URL="${FOH_PUBLIC_URL:-http://127.0.0.1:$(cat "$dir/backend.port")}" \
    nohup "$sender" >>"$dir/sender.log" 2>&1 </dev/null &
  echo $! >"$dir/sender.pid"
}

stop_sender() {
  if [ -f "$dir/sender.pid" ]; then
    kill -TERM "$(cat "$dir/sender.pid")" 2>/dev/null || true
    rm -f "$dir/sender.pid"
  fi
}

stop_backend() {
  if [ -f "$dir/backend.pid" ]; then
    pid="$(cat "$dir/backend.pid")"
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$dir/backend.pid"
  fi
}

resume() {
  [ -f "$dir/env" ] && [ -f "$dir/db" ] || { log "nothing started in $dir"; exit 1; }
  if [ -f "$dir/backend.pid" ] && kill -0 "$(cat "$dir/backend.pid")" 2>/dev/null; then
    cat "$dir/env"; return
  fi
  local url port
  url="$(grep '^FOH_BACKEND_URL=' "$dir/env" | cut -d= -f2-)"
  port="${url##*:}"
  launch_backend "$(cat "$dir/db")" "$(grep '^FOH_JWT_SECRET=' "$dir/env" | cut -d= -f2-)" \
    "$(grep '^FOH_ANON_KEY=' "$dir/env" | cut -d= -f2-)" \
    "$(grep '^FOH_SERVICE_KEY=' "$dir/env" | cut -d= -f2-)" "$port"
  launch_sender "$(cat "$dir/db")"
  cat "$dir/env"
}

stop() {
  stop_sender
  stop_backend
  if [ -f "$data/postmaster.pid" ]; then
    as_pg "$pg_bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
  fi
}

start() {
  [ -x "$pg_bin/initdb" ] || { log "PostgreSQL server not found (apt-get install postgresql)"; exit 1; }
  [ -x "$backend" ] || { log "foh-backend not found at $backend (build it, or set FOH_BACKEND_BIN)"; exit 1; }
  if [ -f "$dir/backend.pid" ] && kill -0 "$(cat "$dir/backend.pid")" 2>/dev/null; then
    log "already running in $dir"; exit 1
  fi
  stop
  rm -rf "$run"
  mkdir -p "$run"
  chmod 700 "$run"  # its unix socket is trust: for PostgreSQL's user only
  chmod 755 "$dir"
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$run"; fi

  # TCP needs the password (scram-sha-256): other local users can reach
  # 127.0.0.1 too. The unix socket in DIR/pgrun (mode 700) stays trust.
  local pgpass
  pgpass="$("$backend" --new-secret)"
  (umask 077; echo "$pgpass" >"$run/pwfile")
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$run/pwfile"; fi
  as_pg "$pg_bin/initdb" -D "$data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    --pwfile="$run/pwfile" -E UTF8 --no-sync --no-instructions \
    >"$dir/initdb.log" 2>&1 || { rm -f "$run/pwfile"; log "initdb failed, see $dir/initdb.log"; exit 1; }
  rm -f "$run/pwfile"
  local port sockdir sync=off
  [ "${FOH_PG_DURABLE:-0}" = 1 ] && sync=on
  # Unix socket in DIR too, unless the path is too long for a socket address.
  sockdir="$run"
  [ ${#sockdir} -gt 80 ] && sockdir=""
  # A free port can be taken by someone else before PostgreSQL binds it: retry.
  local started=0
  for _ in 1 2 3 4 5; do
    port="$("$backend" --free-port)"
    if as_pg "$pg_bin/pg_ctl" -D "$data" -l "$run/postgres.log" -w -t 30 \
      -o "-p $port -k '$sockdir' -c listen_addresses=127.0.0.1 -c max_connections=60 -c synchronous_commit=$sync" \
      start >/dev/null 2>&1; then
      started=1
      break
    fi
  done
  [ "$started" = 1 ] || { log "PostgreSQL did not start, see $run/postgres.log"; exit 1; }
  # psql gets the password from the environment, not its command line (ps).
  local conn="host=127.0.0.1 port=$port user=postgres dbname=postgres"
  local db="$conn password=$pgpass"
  export PGPASSWORD="$pgpass"

  # One psql for all migrations, in file-name order; the first error stops it.
  local files=()
  for f in "$here"/migrations/*.sql; do files+=(-f "$f"); done
  PGOPTIONS='-c client_min_messages=warning' "$pg_bin/psql" "$conn" -X -q -v ON_ERROR_STOP=1 \
    "${files[@]}" >>"$dir/migrations.log" 2>&1 || { log "a migration failed, see $dir/migrations.log"; exit 1; }

  local secret anon service rid="" device="" device_token=""
  secret="$("$backend" --new-secret)"
  anon="$(FOH_JWT_SECRET="$secret" "$backend" --mint-token --role anon)"
  service="$(FOH_JWT_SECRET="$secret" "$backend" --mint-token --role service_role)"
  if [ -f "$demo/restaurant.json" ] && [ -f "$demo/day.json" ]; then
    rid="$(FOH_DB="$db" "$backend" --load-demo --restaurant "$demo/restaurant.json" \
             --day "$demo/day.json" 2>>"$dir/demo.log")" || { log "demo load failed, see $dir/demo.log"; exit 1; }
    [ -s "$dir/demo.log" ] && log "demo loaded with remarks, see $dir/demo.log"
    # One registered terminal (migration 012): its token is what a real
    # terminal is given when it is set up, and what pin-login requires.
    device="$("$pg_bin/psql" "$conn" -X -q -A -t -v ON_ERROR_STOP=1 -c \
      "insert into public.terminal_devices (restaurant_id, name) values ('$rid', 'local terminal') returning id" \
      2>>"$dir/migrations.log" | head -n 1)" || { log "registering a terminal failed"; exit 1; }
    device_token="$(FOH_JWT_SECRET="$secret" "$backend" --mint-token --role authenticated \
      --restaurant-id "$rid" --device-id "$device")"
  else
    log "no demo restaurant in $demo: the database starts empty"
  fi

  launch_backend "$db" "$secret" "$anon" "$service" 0
  launch_sender "$db"
  umask 077
  {
    echo "FOH_BACKEND_URL=http://127.0.0.1:$(cat "$dir/backend.port")"
    echo "FOH_ANON_KEY=$anon"
    echo "FOH_SERVICE_KEY=$service"
    echo "FOH_JWT_SECRET=$secret"
    echo "FOH_RESTAURANT_ID=$rid"
    echo "FOH_DEVICE_ID=$device"
    echo "FOH_DEVICE_TOKEN=$device_token"
  } >"$dir/env"
  echo "$db" >"$dir/db"
  cat "$dir/env"
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  pause) stop_backend ;;
  resume) resume ;;
  *) echo "usage: $0 start|stop|pause|resume DIR" >&2; exit 2 ;;
esac
