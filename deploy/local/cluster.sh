#!/usr/bin/env bash
# Clusters on one machine, WITHOUT Docker: three RabbitMQ nodes, and a PostgreSQL primary with a
# synchronous standby (shared/design/LOCAL-INFRA.md, "Clusters on one machine").
#
#   deploy/local/cluster.sh rabbit-start | rabbit-stop | rabbit-status | rabbit-env
#   deploy/local/cluster.sh rabbit-kill NODE | rabbit-start-node NODE        (NODE: a, b or c)
#   deploy/local/cluster.sh pg-start | pg-stop | pg-status | pg-env
#   deploy/local/cluster.sh pg-kill NODE | pg-promote NODE                   (NODE: a or b)
#
# rabbit-start always forms a FRESH cluster (its data is thrown away first): the nodes
# visitation-cluster-{a,b,c}@localhost find each other through classic_config peer discovery, and
# the command returns once the management API lists all three running. Quorum queues declared from
# then on have a member on every node. rabbit-kill crashes one node (SIGKILL to its Erlang VM);
# rabbit-start-node boots it again, and it rejoins.
#
# pg-start likewise makes a FRESH pair: `a` is initialised and started as the primary, `b` is a base
# backup of it streaming from a replication slot, and only then is `b` made the primary's synchronous
# standby (a standby that inherited synchronous_standby_names would hang every commit once promoted
# alone). Every commit the primary acknowledges is on the standby too. pg-kill crashes a server (the
# postmaster and all its processes), pg-promote makes a standby the primary.
#
# `rabbit-env` and `pg-env` print export lines, as infra.sh's `env` does: VISITATION_RABBITMQ lists
# the three nodes (amqp://user:password@host:port,host:port,host:port/, which the services read as a
# cluster: docs/delivery-guarantees.md) and VISITATION_RABBITMQ_MANAGEMENT is node a's management API;
# VISITATION_POSTGRES is a multi-host connection string whose client finds whichever is the primary.
#
# Ports: VISITATION_CLUSTER_PORT_BASE (default 29000), below Linux's ephemeral range as infra.sh's
# test profile is, so a killed server finds its port free when it starts again:
#   RabbitMQ node a/b/c: AMQP base+672/682/692, management +673/683/693, distribution +674/684/694;
#   their epmd base+675; the CLI's own Erlang node base+600..619.   PostgreSQL a/b: base+432/433.
# Everything lives under <repo>/.local/cluster/ (PostgreSQL's files where the `postgres` user can
# reach them: lib.sh's pg_home).
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
# shellcheck source=lib.sh
source "$SCRIPT_DIR/lib.sh"

log() { echo "[cluster] $*"; }
die() { echo "[cluster] ERROR: $*" >&2; exit 1; }

usage() {
    sed -n '5,8p' "${BASH_SOURCE[0]}" | sed 's/^# */usage: /' >&2
    exit 2
}

[[ $# -ge 1 && $# -le 2 ]] || usage
COMMAND=$1
NODE=${2:-}

BASE=${VISITATION_CLUSTER_PORT_BASE:-29000}
CLUSTER_DIR=$REPO_ROOT/.local/cluster
PG_CLUSTER_DIR=$(pg_home "$CLUSTER_DIR" "$REPO_ROOT" cluster)

RABBIT_NODES=(a b c)
PG_NODES=(a b)

# ---------------------------------------------------------------------------------------------
# RabbitMQ: three nodes
# ---------------------------------------------------------------------------------------------
index_of() { case $1 in a) echo 0 ;; b) echo 1 ;; c) echo 2 ;; *) die "unknown node '$1' (expected a, b or c)" ;; esac; }
amqp_port() { echo $(( BASE + 672 + 10 * $(index_of "$1") )); }
mgmt_port() { echo $(( BASE + 673 + 10 * $(index_of "$1") )); }
dist_port() { echo $(( BASE + 674 + 10 * $(index_of "$1") )); }
EPMD_PORT=$(( BASE + 675 ))
node_name() { echo "visitation-cluster-$1@localhost"; }
node_dir() { echo "$CLUSTER_DIR/rabbit-$1"; }
# Each node its own HOME (so its VM can be told apart by `-home`), each holding the same cookie.
node_home() { echo "$CLUSTER_DIR/rabbit-$1/home"; }

# A RabbitMQ/Erlang command with node $1's environment: its files, its ports, the shared epmd,
# and a port range for the CLI's own Erlang node (by default it takes 35672-35682, which may clash).
node_env() {
    local node=$1 dir
    shift
    dir=$(node_dir "$node")
    # (+sbwt none: three idle Erlang VMs otherwise spin their schedulers on a machine of two cores.)
    rabbit_node_env "$(node_home "$node")" "$(node_name "$node")" "$(amqp_port "$node")" "$(dist_port "$node")" "$dir" "$EPMD_PORT" \
        "+sbwt none +sbwtdcpu none +sbwtdio none" \
        env RABBITMQ_CTL_DIST_PORT_MIN=$(( BASE + 600 )) RABBITMQ_CTL_DIST_PORT_MAX=$(( BASE + 619 )) "$@"
}

node_pid() { beam_pid "$(node_home "$1")"; }

# The cluster's administrator, in place of RabbitMQ's well-known guest (as infra.sh's brokers): its
# password is drawn with each fresh cluster and kept beside it (mode 600).
RABBIT_ADMIN=visitation-admin
admin_password() { cat "$CLUSTER_DIR/rabbit-admin.password"; }

# The management API of a running node, as the administrator (the credentials through a pipe, not
# on curl's command line).
mgmt() {
    local node=$1 path=$2
    curl -fsS --max-time 3 -K <(printf 'user = "%s:%s"\n' "$RABBIT_ADMIN" "$(admin_password)") "http://127.0.0.1:$(mgmt_port "$node")/api/$path"
}

node_write_conf() {
    local node=$1 dir home n
    dir=$(node_dir "$node")
    home=$(node_home "$node")
    install -d -m 0755 "$dir" "$dir/mnesia" "$dir/log"
    install -d -m 0700 "$home"
    install -m 0400 "$CLUSTER_DIR/erlang.cookie" "$home/.erlang.cookie"
    (umask 077 && : >"$dir/rabbitmq.conf")   # it holds the administrator's password
    {
        echo "# Written by deploy/local/cluster.sh; edits will be lost."
        echo "default_user = $RABBIT_ADMIN"
        echo "default_pass = $(admin_password)"
        echo "default_user_tags.administrator = true"
        echo "listeners.tcp.default = 127.0.0.1:$(amqp_port "$node")"
        echo "management.tcp.port = $(mgmt_port "$node")"
        echo "management.tcp.ip = 127.0.0.1"
        echo "collect_statistics_interval = 1000"
        echo "cluster_formation.peer_discovery_backend = classic_config"
        for n in "${RABBIT_NODES[@]}"; do
            echo "cluster_formation.classic_config.nodes.$n = $(node_name "$n")"
        done
    } >"$dir/rabbitmq.conf"
    echo '[rabbitmq_management].' >"$dir/enabled_plugins"
    : >"$dir/rabbitmq-env.conf"
    echo '[].' >"$dir/advanced.config"
}

node_boot() {
    local node=$1 p
    for p in "$(amqp_port "$node")" "$(mgmt_port "$node")" "$(dist_port "$node")"; do
        port_open "$p" && die "rabbitmq $node: port $p on 127.0.0.1 is already in use by another process"
    done
    (cd "$(node_dir "$node")" && node_env "$node" "$RABBIT_BIN/rabbitmq-server" -detached) \
        || die "rabbitmq $node: rabbitmq-server -detached failed"
}

node_fail() {
    local node=$1
    echo "---- tail of $(node_dir "$node")/log/$(node_name "$node").log ----" >&2
    tail -n 30 "$(node_dir "$node")/log/$(node_name "$node").log" >&2 2>/dev/null || echo "(no log file)" >&2
    die "rabbitmq $node: $2"
}

# Waits until node $1's management API lists $2 running cluster members (60 s at most).
await_members() {
    local node=$1 want=$2 t0 running
    t0=$(now_ms)
    while true; do
        running=$(mgmt "$node" 'nodes?columns=name,running' 2>/dev/null | grep -o '"running":true' | wc -l || true)
        [[ $running -ge $want ]] && return 0
        if (( $(now_ms) - t0 > 15000 )) && [[ -z $(node_pid "$node") ]]; then
            node_fail "$node" "the node exited during start-up"
        fi
        (( $(now_ms) - t0 < 60000 )) || node_fail "$node" "$running of $want nodes running after 60 s"
        sleep 0.5
    done
}

rabbit_start() {
    local t0 node
    t0=$(now_ms)
    ensure_installed
    rabbit_stop >/dev/null
    rm -rf "$CLUSTER_DIR"/rabbit-*
    install -d -m 0755 "$CLUSTER_DIR"
    rm -f "$CLUSTER_DIR/erlang.cookie"
    # Whoever holds the cookie may run code in the nodes: readable by this user alone.
    (umask 077 && head -c 32 /dev/urandom | sha256sum | cut -c1-40 >"$CLUSTER_DIR/erlang.cookie")
    # Letters and digits only: it goes unescaped into amqp:// and http:// addresses.
    (umask 077 && head -c 48 /dev/urandom | base64 -w0 | tr -dc 'A-Za-z0-9' | cut -c1-32 >"$CLUSTER_DIR/rabbit-admin.password")
    for node in "${RABBIT_NODES[@]}"; do
        node_write_conf "$node"
    done
    # All three at once: classic_config peer discovery takes a lock, so the first to get it forms
    # the cluster and the other two join it.
    for node in "${RABBIT_NODES[@]}"; do
        node_boot "$node"
    done
    for node in "${RABBIT_NODES[@]}"; do
        await_members "$node" "${#RABBIT_NODES[@]}"
    done
    log "rabbitmq: 3 nodes clustered in $(since "$t0"): amqp $(amqp_port a)/$(amqp_port b)/$(amqp_port c), management $(mgmt_port a)/$(mgmt_port b)/$(mgmt_port c)"
}

rabbit_kill() {
    local node=$1 pid
    pid=$(node_pid "$node")
    [[ -n $pid ]] || die "rabbitmq $node: not running, nothing to kill"
    kill -KILL "$pid"
    wait_gone "$pid"
    log "rabbitmq $node: Erlang VM $pid killed (SIGKILL)"
}

rabbit_start_node() {
    local node=$1 t0 others=0 n
    t0=$(now_ms)
    [[ -z $(node_pid "$node") ]] || die "rabbitmq $node: already running"
    node_boot "$node"
    for n in "${RABBIT_NODES[@]}"; do [[ -n $(node_pid "$n") ]] && others=$((others + 1)); done
    await_members "$node" "$others"
    log "rabbitmq $node: started and rejoined in $(since "$t0")"
}

# The data is thrown away at the next start: a SIGTERM (the VM shuts down) is enough, SIGKILL after 10 s.
rabbit_stop() {
    local node pids=() pid deadline
    for node in "${RABBIT_NODES[@]}"; do
        pid=$(node_pid "$node")
        [[ -n $pid ]] && pids+=("$pid")
    done
    if [[ ${#pids[@]} -gt 0 ]]; then
        kill -TERM "${pids[@]}" 2>/dev/null || true
        deadline=$(( $(now_ms) + 10000 ))
        for pid in "${pids[@]}"; do
            while ! process_gone "$pid" && (( $(now_ms) < deadline )); do sleep 0.2; done
            process_gone "$pid" || kill -KILL "$pid" 2>/dev/null || true
        done
        wait_gone "${pids[@]}"
    fi
    if port_open "$EPMD_PORT"; then
        node_env a epmd -kill >/dev/null 2>&1 || true
    fi
    log "rabbitmq: stopped (${#pids[@]} nodes were running)"
}

rabbit_status() {
    local node pid rc=0
    for node in "${RABBIT_NODES[@]}"; do
        pid=$(node_pid "$node")
        if [[ -n $pid ]]; then
            log "rabbitmq $node: running (pid $pid, $(node_name "$node")) amqp $(amqp_port "$node"), management $(mgmt_port "$node")"
        else
            log "rabbitmq $node: stopped"
            rc=3
        fi
    done
    return "$rc"
}

rabbit_env() {
    local node upper
    local user
    user="$RABBIT_ADMIN:$(admin_password)"
    echo "export VISITATION_RABBITMQ=\"amqp://$user@127.0.0.1:$(amqp_port a),127.0.0.1:$(amqp_port b),127.0.0.1:$(amqp_port c)/\""
    echo "export VISITATION_RABBITMQ_MANAGEMENT=\"http://$user@127.0.0.1:$(mgmt_port a)/\""
    # Each node on its own, for a client that lists them in another order or reads a surviving node's API.
    for node in "${RABBIT_NODES[@]}"; do
        upper=${node^^}
        echo "export VISITATION_RABBITMQ_NODE_$upper=\"127.0.0.1:$(amqp_port "$node")\""
        echo "export VISITATION_RABBITMQ_MANAGEMENT_$upper=\"http://$user@127.0.0.1:$(mgmt_port "$node")/\""
    done
}

# ---------------------------------------------------------------------------------------------
# PostgreSQL: a primary and its synchronous standby
# ---------------------------------------------------------------------------------------------
pg_port() { case $1 in a) echo $(( BASE + 432 )) ;; b) echo $(( BASE + 433 )) ;; *) die "unknown PostgreSQL node '$1' (expected a or b)" ;; esac; }
pg_data() { echo "$PG_CLUSTER_DIR/pg-$1/data"; }
pg_socket() { echo "$PG_CLUSTER_DIR/pg-$1/socket"; }
pg_log() { echo "$PG_CLUSTER_DIR/pg-$1/postgresql.log"; }
pg_node_pid() { postmaster_pid "$(pg_data "$1")"; }

# The superuser's password, drawn with each fresh pair and kept beside it (mode 600): the pair
# authenticates every TCP connection (scram-sha-256), replication included, as infra.sh's server does.
pg_password() { cat "$CLUSTER_DIR/pg-superuser.password"; }

psql_on() {
    local node=$1
    shift
    PGPASSWORD=$(pg_password) as_pg "$PG_BIN/psql" -X -q -t -A -h 127.0.0.1 -p "$(pg_port "$node")" -U postgres -d postgres "$@"
}

# The port and socket folder go on the command line, not in the configuration: a base backup copies
# the configuration, and the standby must not inherit the primary's port.
pg_run() {
    local node=$1 socket
    socket=$(pg_socket "$node")
    (( ${#socket} + 20 <= 107 )) || socket=""   # Unix socket paths are limited to ~107 bytes; TCP is enough
    rm -f "$(pg_data "$node")/postmaster.pid"
    if ! as_pg "$PG_BIN/pg_ctl" -D "$(pg_data "$node")" -l "$(pg_log "$node")" -o "-p $(pg_port "$node") -k '$socket'" -w -t 60 start >/dev/null; then
        tail -n 30 "$(pg_log "$node")" >&2 || true
        die "postgres $node: failed to start (log: $(pg_log "$node"))"
    fi
}

pg_start() {
    local t0 n
    t0=$(now_ms)
    ensure_installed
    pg_stop >/dev/null
    for n in "${PG_NODES[@]}"; do
        port_open "$(pg_port "$n")" && die "postgres $n: port $(pg_port "$n") on 127.0.0.1 is already in use by another process"
    done
    rm -rf "$PG_CLUSTER_DIR"/pg-*
    [[ $PG_CLUSTER_DIR == "$CLUSTER_DIR" ]] || install -d -m 0755 "$PG_CLUSTER_DIR"
    for n in "${PG_NODES[@]}"; do
        pg_dirs 0755 "$PG_CLUSTER_DIR/pg-$n" "$(pg_socket "$n")"
    done
    pg_dirs 0700 "$(pg_data a)"
    install -d -m 0755 "$CLUSTER_DIR"
    # Letters and digits only: it goes unescaped into a connection string and a conninfo.
    (umask 077 && head -c 48 /dev/urandom | base64 -w0 | tr -dc 'A-Za-z0-9' | cut -c1-32 >"$CLUSTER_DIR/pg-superuser.password")
    # initdb reads the password from a file the server's user can read, removed straight after.
    local pwfile=$PG_CLUSTER_DIR/pg-a/superuser.pw
    pg_password | as_pg sh -c 'umask 077 && cat >"$1"' _ "$pwfile"
    as_pg "$PG_BIN/initdb" -D "$(pg_data a)" --auth-host=scram-sha-256 --auth-local=peer --pwfile="$pwfile" -U postgres \
        --encoding=UTF8 --locale="$(pg_locale)" >"$PG_CLUSTER_DIR/pg-a/initdb.log" 2>&1 \
        || { rm -f "$pwfile"; tail -n 30 "$PG_CLUSTER_DIR/pg-a/initdb.log" >&2; die "postgres a: initdb failed"; }
    rm -f "$pwfile"
    as_pg tee -a "$(pg_data a)/postgresql.conf" >/dev/null <<EOF
# Written by deploy/local/cluster.sh (the standby copies it with the base backup).
listen_addresses = '127.0.0.1'
max_connections = 400
wal_level = replica
max_wal_senders = 10
hot_standby = on
# Disposable test data: no fsync (a machine crash is not what these tests simulate: a killed
# server's writes are in the OS's page cache). Commits stay synchronous, and wait for the standby.
fsync = off
full_page_writes = on
EOF
    pg_run a
    # The standby: a base backup that streams the WAL it needs and creates its replication slot.
    pg_dirs 0700 "$(pg_data b)"
    PGPASSWORD=$(pg_password) as_pg "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$(pg_port a)" -U postgres -D "$(pg_data b)" -X stream -C -S standby_b \
        >"$PG_CLUSTER_DIR/pg-b/basebackup.log" 2>&1 || { tail -n 30 "$PG_CLUSTER_DIR/pg-b/basebackup.log" >&2; die "postgres b: pg_basebackup failed"; }
    pg_follow b a standby_b
    pg_run b
    # Only now: a standby that had inherited this would wait for a standby of its own once promoted.
    psql_on a -c "ALTER SYSTEM SET synchronous_standby_names = 'FIRST 1 (b)'" -c "SELECT pg_reload_conf()" >/dev/null
    await_sync a b
    log "postgres: primary a on $(pg_port a), synchronous standby b on $(pg_port b), in $(since "$t0")"
}

# Makes node $1 a standby of node $2 through replication slot $3 (written into its auto.conf).
pg_follow() {
    local node=$1 primary=$2 slot=$3
    as_pg tee -a "$(pg_data "$node")/postgresql.auto.conf" >/dev/null <<EOF
primary_conninfo = 'host=127.0.0.1 port=$(pg_port "$primary") user=postgres password=$(pg_password) application_name=$node'
primary_slot_name = '$slot'
EOF
    as_pg touch "$(pg_data "$node")/standby.signal"
}

# Waits until primary $1 reports standby $2 as synchronous (30 s at most).
await_sync() {
    local primary=$1 standby=$2 t0
    t0=$(now_ms)
    until [[ $(psql_on "$primary" -c "SELECT sync_state FROM pg_stat_replication WHERE application_name = '$standby'" 2>/dev/null) == sync ]]; do
        (( $(now_ms) - t0 < 30000 )) || die "postgres: $standby is not a synchronous standby of $primary after 30 s (log: $(pg_log "$standby"))"
        sleep 0.2
    done
}

pg_kill() {
    local node=$1 killed
    killed=$(pg_kill_tree "$(pg_data "$node")")
    log "postgres $node: killed (SIGKILL to $killed processes)"
}

pg_promote() {
    local node=$1 t0
    t0=$(now_ms)
    [[ -n $(pg_node_pid "$node") ]] || die "postgres $node: not running"
    as_pg "$PG_BIN/pg_ctl" -D "$(pg_data "$node")" -w -t 60 promote >/dev/null || die "postgres $node: promotion failed (log: $(pg_log "$node"))"
    log "postgres $node: promoted to primary in $(since "$t0")"
}

# Disposable: an immediate shutdown (no checkpoint), the data goes at the next start.
pg_stop() {
    local n pid
    for n in "${PG_NODES[@]}"; do
        pid=$(pg_node_pid "$n")
        if [[ -n $pid ]]; then
            as_pg "$PG_BIN/pg_ctl" -D "$(pg_data "$n")" -m immediate -w -t 30 stop >/dev/null || kill -KILL "$pid" 2>/dev/null || true
        fi
    done
    log "postgres: stopped"
}

pg_status() {
    local n pid rc=0 role
    for n in "${PG_NODES[@]}"; do
        pid=$(pg_node_pid "$n")
        if [[ -n $pid ]]; then
            role=$(psql_on "$n" -c "SELECT CASE WHEN pg_is_in_recovery() THEN 'standby' ELSE 'primary' END" 2>/dev/null || echo "not answering")
            log "postgres $n: $role (pid $pid) on 127.0.0.1:$(pg_port "$n")"
        else
            log "postgres $n: stopped"
            rc=3
        fi
    done
    return "$rc"
}

pg_env() {
    echo "export VISITATION_POSTGRES=\"Host=127.0.0.1:$(pg_port a),127.0.0.1:$(pg_port b);Target Session Attributes=primary;Username=postgres;Password=$(pg_password)\""
}

# ---------------------------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------------------------
need_node() { [[ -n $NODE ]] || usage; }
case "$COMMAND" in
    rabbit-start) rabbit_start ;;
    rabbit-stop) rabbit_stop ;;
    rabbit-status) rabbit_status ;;
    rabbit-env) rabbit_env ;;
    rabbit-kill) need_node; rabbit_kill "$NODE" ;;
    rabbit-start-node) need_node; rabbit_start_node "$NODE" ;;
    pg-start) pg_start ;;
    pg-stop) pg_stop ;;
    pg-status) pg_status ;;
    pg-env) pg_env ;;
    pg-kill) need_node; pg_kill "$NODE" ;;
    pg-promote) need_node; pg_promote "$NODE" ;;
    *) usage ;;
esac
