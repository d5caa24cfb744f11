# Helpers shared by deploy/local/infra.sh (one PostgreSQL and one RabbitMQ per profile) and
# deploy/local/cluster.sh (three RabbitMQ nodes; a PostgreSQL primary and its synchronous standby).
# Sourced, never run. The sourcing script defines log() and die().

PG_BIN=/usr/lib/postgresql/15/bin
RABBIT_BIN=/usr/lib/rabbitmq/bin   # NOT /usr/sbin: those wrappers switch to the rabbitmq user

# Elapsed-time helper so start/stop report how long each server took.
now_ms() { date +%s%3N; }
since() { local ms=$(( $(now_ms) - $1 )); printf '%d.%01ds' $((ms / 1000)) $(((ms % 1000) / 100)); }

is_root() { [[ $(id -u) -eq 0 ]]; }

# Run a command with root rights (package installation only).
as_root() {
    if is_root; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "need root to run '$*' (not root, and sudo is not installed)"
    fi
}

# PostgreSQL refuses to run as root (initdb, pg_ctl and postgres all check), so as root we run
# it as the `postgres` OS user that the Debian package creates.
as_pg() {
    if is_root; then
        # From /: the checkout may be a folder the postgres user cannot enter.
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

# Create directories PostgreSQL must write to, owned by whoever runs PostgreSQL.
# Usage: pg_dirs MODE DIR... (the data folder must be 0700; PostgreSQL checks).
pg_dirs() {
    local mode=$1; shift
    if is_root; then
        install -d -m "$mode" -o postgres -g postgres "$@"
    else
        install -d -m "$mode" "$@"
    fi
}

# Is TCP port $1 on 127.0.0.1 accepting connections? (bash's /dev/tcp: no extra tools needed)
port_open() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Is every folder from / down to $1 traversable by other users (o+x)? The `postgres` user is one.
others_can_reach() {
    local dir=$1
    while [[ -n $dir && $dir != / ]]; do
        [[ -d $dir ]] && (( $(stat -c '%a' "$dir") % 2 == 1 )) || return 1
        dir=$(dirname "$dir")
    done
}

# Where a profile's PostgreSQL files live: beside the rest of the profile ($1, under the checkout
# $2), unless we are root and the `postgres` user cannot reach the checkout (root's home is 0700,
# the natural place for a root user): then under /var/lib/visitation/<checkout hash>/<profile $3>,
# so the checkout works wherever it is cloned.
pg_home() {
    local profile_dir=$1 repo_root=$2 profile=$3
    if is_root && ! others_can_reach "$repo_root"; then
        echo "/var/lib/visitation/$(printf '%s' "$repo_root" | sha256sum | cut -c1-12)/$profile"
    else
        echo "$profile_dir"
    fi
}

# ---------------------------------------------------------------------------------------------
# Installation (fresh Debian 12 with only the .NET SDK)
# ---------------------------------------------------------------------------------------------
ensure_installed() {
    local pkgs=()
    [[ -x $RABBIT_BIN/rabbitmq-server ]] || pkgs+=(rabbitmq-server)
    [[ -x $PG_BIN/initdb ]] || pkgs+=(postgresql-15)
    command -v curl >/dev/null 2>&1 || pkgs+=(curl)
    command -v jq >/dev/null 2>&1 || pkgs+=(jq)   # reads deploy/local/service-accounts.json
    # The console's browser tests drive Debian's Chromium (no downloaded browser); the font makes
    # Chinese render in its pages and screenshots (docs/console.md).
    [[ -x /usr/bin/chromium ]] || pkgs+=(chromium)
    [[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]] || pkgs+=(fonts-wqy-microhei)
    if [[ ${#pkgs[@]} -eq 0 ]]; then
        return 0
    fi

    log "installing: ${pkgs[*]}"
    as_root apt-get update
    # noninteractive: no debconf prompts in CI. Installing postgresql-15 may create and start a
    # system cluster on 5432; we never use it (our clusters live under .local/ on other ports).
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "${pkgs[@]}"
}

# ---------------------------------------------------------------------------------------------
# Processes
# ---------------------------------------------------------------------------------------------

# Is process $1 gone (or a zombie that nobody reaped yet: it holds no memory, no socket, no lock)?
process_gone() {
    local state
    state=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) || return 0
    [[ -z $state || $state == Z ]]
}

# Waits until every pid given is gone; dies after 30 s.
wait_gone() {
    local deadline pid
    deadline=$(( $(now_ms) + 30000 ))
    for pid in "$@"; do
        while ! process_gone "$pid"; do
            (( $(now_ms) < deadline )) || die "process $pid survived SIGKILL for 30 s"
            sleep 0.1
        done
    done
}

# Pid of the postmaster of data folder $1, or nothing. Reads postmaster.pid rather than asking
# pg_ctl so that `status`/`stop` do not need the binaries to work and so a pid reused by an
# unrelated process after a crash is not mistaken for our server.
postmaster_pid() {
    local data=$1 pid
    [[ -r $data/postmaster.pid ]] || return 0
    pid=$(head -n1 "$data/postmaster.pid" 2>/dev/null || true)
    [[ $pid =~ ^[0-9]+$ ]] || return 0
    # (A killed postmaster that PID 1 has not reaped yet is a zombie: it is not running.)
    if [[ -r /proc/$pid/comm ]] && grep -qE '^(postgres|postmaster)$' "/proc/$pid/comm" && ! process_gone "$pid"; then
        echo "$pid"
    fi
}

# Pids of the postmaster $1 and of every process it started (backends, WAL writer, checkpointer...).
pg_tree_pids() {
    echo "$1"
    # One awk over every /proc/PID/stat (a process per PID is seconds on a loaded machine), fed by cat:
    # Debian's awk (mawk) stops at the first file it cannot open — a process that ended after the glob —
    # and would miss every process after it; cat goes on past it. The pid is the first field; the parent
    # the second after the command name, which is in parentheses and may hold spaces.
    cat /proc/[0-9]*/stat 2>/dev/null | awk -v parent="$1" '{ rest = $0; sub(/.*\) /, "", rest); split(rest, field, " ") }
        field[2] == parent { print $1 }' || true
}

# Crashes the PostgreSQL server of data folder $1: SIGKILL to the postmaster and all its processes
# at once (a postmaster killed alone leaves its backends running, and holding shared memory, until
# they notice; killing the whole tree is what a crash of the server looks like). Prints how many.
pg_kill_tree() {
    local pid pids
    pid=$(postmaster_pid "$1")
    [[ -n $pid ]] || die "postgres ($1): not running, nothing to kill"
    mapfile -t pids < <(pg_tree_pids "$pid")
    kill -KILL "${pids[@]}" 2>/dev/null || true
    wait_gone "${pids[@]}"
    echo "${#pids[@]}"
}

pg_locale() {
    # C.UTF-8 keeps UTF-8 semantics without depending on generated locales; minimal images may
    # lack it, in which case plain C still works for our purposes.
    if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then
        echo C.UTF-8
    else
        echo C
    fi
}

# Pid of the Erlang VM (beam.smp) started with HOME $1, or nothing. RabbitMQ 3.10 does not put the
# node name on the command line, but it does put `-home <HOME>`, and each node has a HOME of its
# own. We look at the running beam.smp processes rather than trusting the pid file: the file
# survives a killed broker (its pid may be reused) and does not exist yet during the first seconds of boot.
beam_pid() {
    # (Scans /proc directly: procps/pgrep is not installed on minimal Debian images.)
    local home=$1 dir comm
    for dir in /proc/[0-9]*; do
        comm=$(cat "$dir/comm" 2>/dev/null) || continue
        [[ $comm == beam.smp ]] || continue
        if tr '\0' ' ' <"$dir/cmdline" 2>/dev/null | grep -qF -- " -home $home "; then
            echo "${dir#/proc/}"
            return 0
        fi
    done
}

# Runs "$@" as a command of one RabbitMQ node: HOME $1 (its Erlang cookie), node name $2, AMQP port $3,
# distribution port $4, its files under $5 (mnesia/, log/, rabbit.pid, rabbitmq.conf, advanced.config,
# enabled_plugins, rabbitmq-env.conf), the epmd on port $6, and $7 more arguments for the server's
# Erlang VM. Every call for a node (server, CLI, epmd) must see the same, or they cannot find each other.
# (RABBITMQ_CONF_ENV_FILE and RABBITMQ_ADVANCED_CONFIG_FILE point into the node's folder so that a
# system /etc/rabbitmq/rabbitmq-env.conf or advanced.config never leaks into it; inet_dist_use_interface
# keeps Erlang distribution, server and CLI, on loopback: by default it listens on every interface.)
rabbit_node_env() {
    local home=$1 name=$2 amqp=$3 dist=$4 dir=$5 epmd=$6 server_args=$7
    shift 7
    env \
        HOME="$home" \
        RABBITMQ_NODENAME="$name" \
        RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
        RABBITMQ_NODE_PORT="$amqp" \
        RABBITMQ_DIST_PORT="$dist" \
        RABBITMQ_MNESIA_BASE="$dir/mnesia" \
        RABBITMQ_LOG_BASE="$dir/log" \
        RABBITMQ_PID_FILE="$dir/rabbit.pid" \
        RABBITMQ_CONFIG_FILE="$dir/rabbitmq.conf" \
        RABBITMQ_ADVANCED_CONFIG_FILE="$dir/advanced.config" \
        RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins" \
        RABBITMQ_CONF_ENV_FILE="$dir/rabbitmq-env.conf" \
        ERL_EPMD_PORT="$epmd" \
        ERL_EPMD_ADDRESS=127.0.0.1 \
        ERL_CRASH_DUMP="$dir/erl_crash.dump" \
        RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1} $server_args" \
        RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
        "$@"
}
