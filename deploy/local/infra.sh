#!/usr/bin/env bash
# Local PostgreSQL 15 + RabbitMQ for Visitation, WITHOUT Docker.
#
#   deploy/local/infra.sh start|stop|status|env [dev|test]
#
# Why this exists: our machines have no Docker engine (Testcontainers fails at Build()), so the
# servers run as plain processes from the Debian packages. Everything a profile owns (data, logs,
# pid files, Erlang cookie, config) lives under <repo>/.local/<profile>/ (git-ignored), so a
# profile can be wiped with `rm -rf .local/<profile>` and two profiles never share state. One
# exception: run as root from a checkout the `postgres` user cannot reach (root's home), PostgreSQL's
# files live under /var/lib/visitation/<checkout hash>/<profile> (see PG_DIR below).
#
# Profiles use distinct ports so `dev` (your manual runs) and `test` (deploy/test.sh) can run at
# the same time, and neither collides with a system PostgreSQL (5432) or RabbitMQ (5672/15672).
#
# Port overrides (apply to whichever profile is chosen):
#   VISITATION_PG_PORT, VISITATION_AMQP_PORT, VISITATION_RABBIT_MGMT_PORT,
#   VISITATION_RABBIT_DIST_PORT, VISITATION_EPMD_PORT
#
# broker-stop / broker-start stop and start the RabbitMQ application inside its running VM (all
# client connections drop, nothing listens), and pg-stop / pg-start do the same for PostgreSQL:
# the fault tests use them to take a server away while applications are in flight.
# broker-kill and pg-kill CRASH a server instead: SIGKILL to RabbitMQ's Erlang VM (beam.smp), or to
# the postmaster and every PostgreSQL process under it — no flush, no shutdown checkpoint, as a
# power cut of that server would leave it (the OS's page cache survives, as it would not in a
# machine crash). broker-start then boots a new VM and pg-start runs PostgreSQL's crash recovery.
#
# `env` prints export lines for VISITATION_POSTGRES, VISITATION_RABBITMQ and
# VISITATION_RABBITMQ_MANAGEMENT, the servers' administrators (PostgreSQL's superuser, RabbitMQ's
# visitation-admin): eval "$(deploy/local/infra.sh env dev)". They are for the tools and test fixtures
# that make databases and virtual hosts, never for a service.
#
# Each service has its own accounts (deploy/local/service-accounts.json, docs/local-credentials.md):
# `start` makes, for each, a PostgreSQL login role owning its own database and nothing else, and a
# RabbitMQ user allowed its own queues and exchanges and the events it publishes and consumes.
# `services` prints one line per service: name, database connection string, broker address, tab-separated.
# Every password is made once per profile into .local/<profile>/credentials/ (mode 600); none is
# committed, logged or put on a command line. Password authentication is on for every connection.
set -euo pipefail

usage() {
    echo "usage: $0 start|stop|status|env|services|broker-stop|broker-start|broker-kill|pg-stop|pg-start|pg-kill [dev|test|bench]" >&2
    exit 2
}

[[ $# -ge 1 && $# -le 2 ]] || usage
COMMAND=$1
PROFILE=${2:-dev}

# ---------------------------------------------------------------------------------------------
# Layout and ports
# ---------------------------------------------------------------------------------------------
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
# shellcheck source=lib.sh
source "$SCRIPT_DIR/lib.sh"

case "$PROFILE" in
    dev)  base=55000 ;;
    test) base=26000 ;;
    bench) base=27000 ;;  # deploy/bench.sh (docs/performance.md): its own servers, so a run measures nothing else's data
    *) echo "unknown profile '$PROFILE' (expected dev, test or bench)" >&2; usage ;;
esac
# dev: 55432/55672/55673/55674/55675, test: 26432/26672/26673/26674/26675, bench: 27432/27672/27673/27674/27675.
# The test profile sits below Linux's ephemeral range (32768-60999): the fault tests kill and restart
# its servers while the run holds thousands of outgoing connections, and an outgoing connection may be
# given a free port of that range — the one a killed server is about to listen on again.
PG_PORT=${VISITATION_PG_PORT:-$((base + 432))}
AMQP_PORT=${VISITATION_AMQP_PORT:-$((base + 672))}
MGMT_PORT=${VISITATION_RABBIT_MGMT_PORT:-$((base + 673))}
DIST_PORT=${VISITATION_RABBIT_DIST_PORT:-$((base + 674))}
# Each profile gets its own epmd (Erlang's node-name registry) so that stopping one profile can
# kill "its" epmd without pulling the rug from under the other profile or a system broker.
EPMD_PORT=${VISITATION_EPMD_PORT:-$((base + 675))}

PROFILE_DIR=$REPO_ROOT/.local/$PROFILE

# As root, PostgreSQL runs as the `postgres` user, which must reach its files (lib.sh's pg_home);
# everything else stays under .local/<profile>.
PG_DIR=$(pg_home "$PROFILE_DIR" "$REPO_ROOT" "$PROFILE")

PG_DATA=$PG_DIR/pg-data
PG_SOCKET_DIR=$PG_DIR/pg-socket
PG_LOG_DIR=$PG_DIR/pg-log
PG_LOG=$PG_LOG_DIR/postgresql.log

RABBIT_DIR=$PROFILE_DIR/rabbit
RABBIT_HOME=$PROFILE_DIR/rabbit-home  # Erlang cookie lives in $HOME; server and CLI must share it
RABBIT_NODENAME=visitation-$PROFILE@localhost
RABBIT_LOG_BASE=$RABBIT_DIR/log
RABBIT_LOG=$RABBIT_LOG_BASE/$RABBIT_NODENAME.log
RABBIT_PID_FILE=$RABBIT_DIR/rabbit.pid
RABBIT_CONF=$RABBIT_DIR/rabbitmq.conf

# The passwords of this profile, one file each (mode 600 in a 700 folder): postgres/<role>, rabbitmq/<user>.
CREDENTIALS_DIR=$PROFILE_DIR/credentials
ACCOUNTS_FILE=$SCRIPT_DIR/service-accounts.json
PG_SUPERUSER=postgres
# The broker's administrator, in place of RabbitMQ's well-known guest account.
RABBIT_ADMIN=visitation-admin

# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------
log() { echo "[infra:$PROFILE] $*"; }
die() { echo "[infra:$PROFILE] ERROR: $*" >&2; exit 1; }

# The password kept in credentials/$1, made on first use: letters and digits only, since it goes
# unescaped into amqp:// addresses, connection strings and rabbitmq.conf. Cut with bash rather than
# `head -c` so that no writer of the pipe dies of SIGPIPE under pipefail.
secret() {
    local file=$CREDENTIALS_DIR/$1 drawn
    if [[ ! -s $file ]]; then
        install -d -m 0700 "$CREDENTIALS_DIR" "$(dirname "$file")"
        drawn=$(head -c 48 /dev/urandom | base64 -w0 | tr -dc 'A-Za-z0-9')
        (umask 077 && printf '%s' "${drawn:0:32}" >"$file")
    fi
    cat "$file"
}

# The services of deploy/local/service-accounts.json: "name role database" per line.
service_accounts() {
    command -v jq >/dev/null 2>&1 || die "jq is needed to read $ACCOUNTS_FILE (apt-get install jq)"
    jq -r '.services[] | "\(.name) \(.role) \(.database)"' "$ACCOUNTS_FILE"
}

# Run a RabbitMQ/Erlang command with this profile's environment. Every call (server, CLI,
# epmd) must see the same HOME (cookie), node name and epmd port, or they cannot find each other.
rabbit_env() {
    rabbit_node_env "$RABBIT_HOME" "$RABBIT_NODENAME" "$AMQP_PORT" "$DIST_PORT" "$RABBIT_DIR" "$EPMD_PORT" "" "$@"
}

# ---------------------------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------------------------

# Pid of our postmaster, or nothing (lib.sh).
pg_pid() { postmaster_pid "$PG_DATA"; }

pg_init() {
    if [[ -f $PG_DATA/PG_VERSION ]]; then
        return 0
    fi
    # A half-initialised folder (initdb killed) makes initdb refuse to run: start over.
    if [[ -d $PG_DATA ]]; then
        log "postgres: removing incomplete data directory $PG_DATA"
        rm -rf "$PG_DATA"
    fi
    pg_dirs 0700 "$PG_DATA"
    local loc
    loc=$(pg_locale)
    log "postgres: initdb ($loc)"
    as_pg "$PG_BIN/initdb" -D "$PG_DATA" --auth=trust -U postgres --encoding=UTF8 \
        --locale="$loc" >"$PG_LOG_DIR/initdb.log" 2>&1 \
        || { tail -n 30 "$PG_LOG_DIR/initdb.log" >&2; die "postgres: initdb failed"; }
    # Our settings live in a file we rewrite on every start (so port overrides take effect);
    # postgresql.conf just includes it, last, so it wins over the defaults above it.
    echo "include_if_exists = 'visitation.conf'" >>"$PG_DATA/postgresql.conf"
}

pg_write_conf() {
    local socket_dir=$PG_SOCKET_DIR
    # Unix socket paths are limited to ~107 bytes; a deep checkout would make PostgreSQL refuse
    # to start. We connect over TCP anyway, so then just go without a Unix socket.
    if (( ${#socket_dir} + 20 > 107 )); then
        log "postgres: socket path too long, Unix socket disabled (TCP only)"
        socket_dir=
    fi
    {
        echo "# Written by deploy/local/infra.sh on every start; edits will be lost."
        echo "listen_addresses = '127.0.0.1'"
        echo "port = $PG_PORT"
        echo "unix_socket_directories = '$socket_dir'"
        echo "max_connections = 400"   # five services with pools plus parallel tests
        if [[ $PROFILE == test ]]; then
            # Test data is disposable: trade durability against a MACHINE crash for speed. Commits
            # stay synchronous (the WAL is written to the kernel before a commit is acknowledged):
            # the fault tests kill PostgreSQL and expect every acknowledged commit to survive, and
            # with synchronous_commit = off the last ~200 ms of acknowledged commits die with it.
            echo "fsync = off"
            echo "full_page_writes = off"
        fi
        if [[ $PROFILE == bench && ${VISITATION_PG_STATEMENTS:-0} == 1 ]]; then
            # The benchmark ranks the statements behind each application's commits (its report's
            # statements table). Counting costs PostgreSQL CPU (docs/performance.md), so it is
            # asked for: VISITATION_PG_STATEMENTS=1 on a (re)start of the bench profile.
            echo "shared_preload_libraries = 'pg_stat_statements'"
            echo "pg_stat_statements.max = 2000"
        fi
    } >"$PG_DATA/visitation.conf"
    # A password for every connection, the superuser's included: the services' roles are worth
    # something only if a process cannot simply connect as another role (initdb's trust is gone).
    {
        echo "# Written by deploy/local/infra.sh on every start; edits will be lost."
        echo "local all all scram-sha-256"
        echo "host all all 127.0.0.1/32 scram-sha-256"
    } >"$PG_DATA/pg_hba.conf"
    if is_root; then chown postgres:postgres "$PG_DATA/visitation.conf" "$PG_DATA/pg_hba.conf"; fi
}

# The superuser's password (credentials/postgres/postgres) is set in single-user mode, with the
# server stopped: no connection is needed, so it works on a fresh cluster and on one made before
# passwords were required. A digest in the data folder records which password is set, so this
# runs once per cluster and again only when the file changes (a wiped .local with the data elsewhere).
pg_set_superuser_password() {
    local password digest marker=$PG_DATA/visitation-superuser
    password=$(secret "postgres/$PG_SUPERUSER")
    digest=$(printf '%s' "$password" | sha256sum | cut -c1-64)
    if [[ -r $marker && $(cat "$marker") == "$digest" ]]; then
        return 0
    fi
    log "postgres: setting the superuser's password (single-user mode)"
    # On stdin, never on a command line; single-user mode does not echo statements.
    printf "ALTER ROLE %s PASSWORD '%s';\n" "$PG_SUPERUSER" "$password" \
        | as_pg "$PG_BIN/postgres" --single -D "$PG_DATA" postgres >"$PG_LOG_DIR/single-user.log" 2>&1 \
        || { tail -n 20 "$PG_LOG_DIR/single-user.log" >&2; die "postgres: could not set the superuser's password"; }
    if grep -q 'ERROR' "$PG_LOG_DIR/single-user.log"; then
        tail -n 20 "$PG_LOG_DIR/single-user.log" >&2
        die "postgres: could not set the superuser's password"
    fi
    printf '%s\n' "$digest" >"$marker"
}

# psql as the superuser over TCP, the script on stdin (passwords never on a command line).
pg_admin() {
    PGPASSWORD=$(secret "postgres/$PG_SUPERUSER") PGCONNECT_TIMEOUT=10 \
        "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U "$PG_SUPERUSER" -d postgres >/dev/null
}

# Each service's login role (no superuser, no CREATEDB, no CREATEROLE) owning its database, made
# here rather than by the service's migrations; CONNECT to every database taken from PUBLIC, so a
# role reaches its own database only. A database made before the roles existed (by a service that
# connected as the superuser) is handed over with everything in it.
pg_provision() {
    local t0 name role database
    t0=$(now_ms)
    {
        echo "REVOKE ALL ON DATABASE postgres FROM PUBLIC;"
        while read -r name role database; do
            cat <<SQL
SELECT 'CREATE ROLE $role' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role')\gexec
ALTER ROLE $role WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '$(secret "postgres/$role")';
SELECT 'CREATE DATABASE $database OWNER $role' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$database')\gexec
ALTER DATABASE $database OWNER TO $role;
REVOKE ALL ON DATABASE $database FROM PUBLIC;
\connect $database
$(pg_handover_sql "$role")
\connect postgres
SQL
        done < <(service_accounts)
    } | pg_admin || die "postgres: could not make the services' roles and databases"
    log "postgres: each service's role and database ready in $(since "$t0")"
}

# Hands every table, view, sequence and function of schema public not owned by $1 over to it (a
# sequence owned by a column moves with its table). Nothing to do in a database the role made.
pg_handover_sql() {
    cat <<SQL
DO \$\$
DECLARE item record;
BEGIN
    FOR item IN
        SELECT format('ALTER %s %s OWNER TO $1',
                   CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
                   c.oid::regclass) AS statement
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S') AND c.relowner <> '$1'::regrole
          AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = c.oid AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i'))
        UNION ALL
        SELECT format('ALTER ROUTINE %s OWNER TO $1', p.oid::regprocedure)
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND p.proowner <> '$1'::regrole
    LOOP
        EXECUTE item.statement;
    END LOOP;
END
\$\$;
SQL
}

pg_start() {
    local t0 pid
    t0=$(now_ms)
    if pid=$(pg_pid) && [[ -n $pid ]]; then
        # It may still be starting up (an earlier `start` was interrupted): wait for the port.
        for _ in $(seq 1 120); do port_open "$PG_PORT" && break; sleep 0.5; done
        port_open "$PG_PORT" || die "postgres: pid $pid runs but port $PG_PORT does not answer (log: $PG_LOG)"
        log "postgres: already running (pid $pid, port $PG_PORT)"
        return 0
    fi
    if is_root && ! id postgres >/dev/null 2>&1; then
        die "postgres: running as root needs the 'postgres' OS user (created by the postgresql-15 package)"
    fi
    if [[ $PG_DIR != "$PROFILE_DIR" ]]; then
        install -d -m 0755 "$PG_DIR"
        log "postgres: the checkout is not reachable by the 'postgres' user; its files are in $PG_DIR"
    fi
    pg_dirs 0755 "$PG_SOCKET_DIR" "$PG_LOG_DIR"
    pg_init
    # A postmaster.pid left by a killed server whose pid is now dead or reused: remove it, or
    # PostgreSQL may refuse to start ("lock file already exists").
    rm -f "$PG_DATA/postmaster.pid"
    # Likewise the socket's lock file: after pg-kill it names a postmaster that may still be a
    # zombie (PID 1 reaps late here), which PostgreSQL takes for a live server and refuses to start.
    rm -f "$PG_SOCKET_DIR"/.s.PGSQL.*.lock
    pg_write_conf
    pg_set_superuser_password
    if ! as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 start >/dev/null; then
        tail -n 30 "$PG_LOG" >&2 || true
        die "postgres: failed to start (log: $PG_LOG)"
    fi
    log "postgres: started on 127.0.0.1:$PG_PORT in $(since "$t0") (pid $(pg_pid))"
}

pg_stop() {
    local t0 pid
    t0=$(now_ms)
    pid=$(pg_pid)
    if [[ -z $pid ]]; then
        log "postgres: not running"
        return 0
    fi
    # fast = roll back open transactions and disconnect clients, then a clean shutdown.
    if ! as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null; then
        log "postgres: fast shutdown failed, sending SIGQUIT (immediate)"
        kill -QUIT "$pid" 2>/dev/null || true
    fi
    log "postgres: stopped in $(since "$t0")"
}

pg_kill() {
    local killed
    killed=$(pg_kill_tree "$PG_DATA")
    log "postgres: killed (SIGKILL to $killed processes); pg-start runs crash recovery"
}

pg_status() {
    local pid
    pid=$(pg_pid)
    if [[ -n $pid ]] && port_open "$PG_PORT"; then
        log "postgres: running (pid $pid) on 127.0.0.1:$PG_PORT, data $PG_DATA"
        return 0
    elif [[ -n $pid ]]; then
        log "postgres: process $pid exists but 127.0.0.1:$PG_PORT is not accepting connections"
        return 1
    fi
    log "postgres: stopped"
    return 1
}

# ---------------------------------------------------------------------------------------------
# RabbitMQ
# ---------------------------------------------------------------------------------------------

# Pid of our broker's Erlang VM, or nothing (HOME is unique per profile; lib.sh).
rabbit_pid() { beam_pid "$RABBIT_HOME"; }

# A call of the management API as user $1 (password $2): curl reads the credentials from a pipe and
# the body from stdin, so neither is on its command line. METHOD PATH after the two.
rabbit_api_as() {
    local user=$1 password=$2 method=$3 path=$4
    curl -fsS -o /dev/null --max-time 10 -K <(printf 'user = "%s:%s"\n' "$user" "$password") \
        -X "$method" -H 'content-type: application/json' --data-binary @- "http://127.0.0.1:$MGMT_PORT/api/$path"
}

# As the broker's administrator; the body on stdin (empty for GET and DELETE).
rabbit_api() {
    rabbit_api_as "$RABBIT_ADMIN" "$(secret "rabbitmq/$RABBIT_ADMIN")" "$@"
}

# Ready = AMQP port accepts connections AND the management API answers its administrator (tests
# create and delete virtual hosts through it, so it must be up before `start` returns).
rabbit_ready() {
    port_open "$AMQP_PORT" || return 1
    rabbit_api GET overview </dev/null 2>/dev/null && return 0
    # A broker made before the administrator existed still has guest: replace it.
    rabbit_api_as guest guest GET overview </dev/null 2>/dev/null && rabbit_replace_guest
}

rabbit_replace_guest() {
    log "rabbitmq: replacing guest by $RABBIT_ADMIN"
    printf '{"password":"%s","tags":"administrator"}' "$(secret "rabbitmq/$RABBIT_ADMIN")" \
        | rabbit_api_as guest guest PUT "users/$RABBIT_ADMIN"
    echo '{"configure":".*","write":".*","read":".*"}' | rabbit_api_as guest guest PUT "permissions/%2F/$RABBIT_ADMIN"
    rabbit_api DELETE users/guest </dev/null
}

# Each service's user, with the permissions of deploy/local/service-accounts.json on the default
# virtual host (a test run copies them onto its own). Not administrators: no management API.
rabbit_provision() {
    local t0 name role database
    t0=$(now_ms)
    while read -r name role database; do
        printf '{"password":"%s","tags":""}' "$(secret "rabbitmq/$name")" | rabbit_api PUT "users/$name" \
            || die "rabbitmq: could not make the user $name"
        jq -c --arg name "$name" '.services[] | select(.name == $name) | .rabbitmq' "$ACCOUNTS_FILE" \
            | rabbit_api PUT "permissions/%2F/$name" || die "rabbitmq: could not set the permissions of $name"
    done < <(service_accounts)
    log "rabbitmq: each service's user ready in $(since "$t0")"
}

rabbit_write_conf() {
    install -d -m 0755 "$RABBIT_DIR" "$RABBIT_DIR/mnesia" "$RABBIT_LOG_BASE"
    install -d -m 0700 "$RABBIT_HOME"
    (umask 077 && : >"$RABBIT_CONF")   # it holds the administrator's password
    cat >"$RABBIT_CONF" <<EOF
# Written by deploy/local/infra.sh on every start; edits will be lost.
# A new broker's first user is this administrator (its password in .local/<profile>/credentials), not guest.
default_user = $RABBIT_ADMIN
default_pass = $(secret "rabbitmq/$RABBIT_ADMIN")
default_user_tags.administrator = true
listeners.tcp.default = 127.0.0.1:$AMQP_PORT
management.tcp.port = $MGMT_PORT
management.tcp.ip = 127.0.0.1
# Queue statistics every second instead of every 5 s: the fault tests wait on the management API
# for messages to be ready, unacknowledged or drained.
collect_statistics_interval = 1000
EOF
    echo '[rabbitmq_management].' >"$RABBIT_DIR/enabled_plugins"
    : >"$RABBIT_DIR/rabbitmq-env.conf"
}

rabbit_start() {
    local t0 pid p
    t0=$(now_ms)
    if pid=$(rabbit_pid) && [[ -n $pid ]]; then
        # Already running; still wait for readiness in case a previous start is mid-boot.
        rabbit_wait_ready "$t0"
        log "rabbitmq: already running (pid $pid, amqp $AMQP_PORT, management $MGMT_PORT)"
        return 0
    fi
    rm -f "$RABBIT_PID_FILE"   # stale: its process is gone (checked above)
    for p in "$AMQP_PORT" "$MGMT_PORT" "$DIST_PORT"; do
        if port_open "$p"; then
            die "rabbitmq: port $p on 127.0.0.1 is already in use by another process"
        fi
    done
    rabbit_write_conf
    # -detached forks and returns at once; cd so nothing it writes lands in the caller's folder.
    (cd "$RABBIT_DIR" && rabbit_env "$RABBIT_BIN/rabbitmq-server" -detached) \
        || die "rabbitmq: rabbitmq-server -detached failed"
    rabbit_wait_ready "$t0"
    log "rabbitmq: started amqp 127.0.0.1:$AMQP_PORT, management http://127.0.0.1:$MGMT_PORT in $(since "$t0") (pid $(rabbit_pid))"
}

rabbit_wait_ready() {
    local t0=$1 deadline
    deadline=$(( $(now_ms) + 60000 ))
    while ! rabbit_ready; do
        # Fail fast if the VM died (bad config, port clash) instead of waiting out the timeout.
        # Give it a few seconds first: the detached VM takes a moment to appear.
        if (( $(now_ms) - t0 > 5000 )); then
            if [[ -z $(rabbit_pid) ]]; then
                rabbit_fail "the broker process exited during start-up"
            fi
        fi
        (( $(now_ms) < deadline )) || rabbit_fail "not ready after 60 s"
        sleep 0.5
    done
}

rabbit_fail() {
    echo "---- tail of $RABBIT_LOG ----" >&2
    tail -n 40 "$RABBIT_LOG" >&2 2>/dev/null || echo "(no log file)" >&2
    die "rabbitmq: $1"
}

rabbit_kill() {
    local pid
    pid=$(rabbit_pid)
    [[ -n $pid ]] || die "rabbitmq: not running, nothing to kill"
    kill -KILL "$pid"
    wait_gone "$pid"
    log "rabbitmq: Erlang VM $pid killed (SIGKILL); broker-start boots a new one"
}

rabbit_stop() {
    local t0 pid
    t0=$(now_ms)
    pid=$(rabbit_pid)
    if [[ -n $pid ]]; then
        # `rabbitmqctl stop <pidfile>` waits until the VM has actually exited.
        if ! rabbit_env timeout 60 "$RABBIT_BIN/rabbitmqctl" -q stop "$RABBIT_PID_FILE" >/dev/null 2>&1; then
            log "rabbitmq: rabbitmqctl stop failed, sending SIGTERM to $pid"
            kill -TERM "$pid" 2>/dev/null || true
            for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
            kill -KILL "$pid" 2>/dev/null || true
        fi
        rm -f "$RABBIT_PID_FILE"
        log "rabbitmq: stopped in $(since "$t0")"
    else
        log "rabbitmq: not running"
    fi
    epmd_stop
}

# rabbitmqctl stop leaves epmd running. This profile's epmd listens on its own port; kill it
# only when no Erlang node is registered with it any more (epmd -kill refuses otherwise anyway).
epmd_stop() {
    command -v epmd >/dev/null 2>&1 || return 0
    port_open "$EPMD_PORT" || return 0
    if rabbit_env epmd -names 2>/dev/null | grep -q '^name '; then
        log "epmd: port $EPMD_PORT still has registered nodes, leaving it running"
        return 0
    fi
    rabbit_env epmd -kill >/dev/null 2>&1 || true
    log "epmd: stopped (port $EPMD_PORT)"
}

rabbit_status() {
    local pid
    pid=$(rabbit_pid)
    if [[ -n $pid ]] && rabbit_ready; then
        log "rabbitmq: running (pid $pid, node $RABBIT_NODENAME) amqp 127.0.0.1:$AMQP_PORT, management http://127.0.0.1:$MGMT_PORT"
        return 0
    elif [[ -n $pid ]]; then
        log "rabbitmq: process $pid exists but is not ready (amqp $AMQP_PORT / management $MGMT_PORT)"
        return 1
    fi
    log "rabbitmq: stopped"
    return 1
}

# ---------------------------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------------------------
case "$COMMAND" in
    start)
        ensure_installed
        install -d -m 0755 "$PROFILE_DIR"
        pg_start
        rabbit_start
        pg_provision
        rabbit_provision
        ;;
    stop)
        # Stop both even if one fails, then report.
        rc=0
        pg_stop || rc=1
        rabbit_stop || rc=1
        exit "$rc"
        ;;
    status)
        # Exit 0 only when both servers are up (usable in scripts: `infra.sh status test && ...`).
        rc=0
        pg_status || rc=3
        rabbit_status || rc=3
        exit "$rc"
        ;;
    broker-stop)
        t0=$(now_ms)
        rabbit_env timeout 60 "$RABBIT_BIN/rabbitmqctl" -q stop_app >/dev/null
        log "rabbitmq: application stopped in $(since "$t0") (VM still running)"
        ;;
    broker-start)
        t0=$(now_ms)
        if [[ -z $(rabbit_pid) ]]; then
            rabbit_start   # after broker-kill: the VM itself is gone
        else
            rabbit_env timeout 60 "$RABBIT_BIN/rabbitmqctl" -q start_app >/dev/null
            rabbit_wait_ready "$t0"
            log "rabbitmq: application started in $(since "$t0")"
        fi
        ;;
    broker-kill)
        rabbit_kill
        ;;
    pg-stop)
        pg_stop
        ;;
    pg-start)
        pg_start
        ;;
    pg-kill)
        pg_kill
        ;;
    env)
        # The administrators, for tools and test fixtures (eval'd, never echoed by our scripts).
        echo "export VISITATION_POSTGRES=\"Host=127.0.0.1;Port=$PG_PORT;Username=$PG_SUPERUSER;Password=$(secret "postgres/$PG_SUPERUSER")\""
        echo "export VISITATION_RABBITMQ=\"amqp://$RABBIT_ADMIN:$(secret "rabbitmq/$RABBIT_ADMIN")@127.0.0.1:$AMQP_PORT/\""
        echo "export VISITATION_RABBITMQ_MANAGEMENT=\"http://$RABBIT_ADMIN:$(secret "rabbitmq/$RABBIT_ADMIN")@127.0.0.1:$MGMT_PORT/\""
        ;;
    services)
        # What each service connects with: name, database connection string, broker address (tab-separated).
        while read -r name role database; do
            printf '%s\tHost=127.0.0.1;Port=%s;Database=%s;Username=%s;Password=%s\tamqp://%s:%s@127.0.0.1:%s/\n' \
                "$name" "$PG_PORT" "$database" "$role" "$(secret "postgres/$role")" "$name" "$(secret "rabbitmq/$name")" "$AMQP_PORT"
        done < <(service_accounts)
        ;;
    *)
        usage
        ;;
esac
