# Shared by deploy/backup.sh and deploy/restore.sh (sourced, not run): the server to talk to and the
# client programs to talk to it with.
#
# The server is VISITATION_POSTGRES, in the services' own form (Npgsql: Host=…;Port=…;Username=…;Password=…),
# or the development profile's when it is unset (as deploy/audit.sh). It becomes libpq's PGHOST, PGPORT,
# PGUSER and PGPASSWORD, so pg_dump, pg_restore and psql never see a password on their command line.

connect_postgres() {
    if [[ -z ${VISITATION_POSTGRES:-} ]]; then
        eval "$(bash "$REPO_ROOT/deploy/local/infra.sh" env dev)"
    fi
    local part key value
    IFS=';' read -ra parts <<<"$VISITATION_POSTGRES"
    for part in "${parts[@]}"; do
        [[ $part == *=* ]] || continue
        key=${part%%=*} value=${part#*=}
        case "${key,,}" in
            host|server) export PGHOST=$value ;;
            port) export PGPORT=$value ;;
            username|"user id"|userid|user) export PGUSER=$value ;;
            password) export PGPASSWORD=$value ;;
        esac
    done
    export PGCONNECT_TIMEOUT=10
    # The client programs of the server's major version (pg_dump refuses a newer server; Debian keeps
    # each version's under /usr/lib/postgresql/N/bin); PATH's otherwise.
    local major
    major=$(psql -X -At -d postgres -c "SELECT current_setting('server_version_num')::int / 10000") \
        || { echo "cannot reach PostgreSQL at ${PGHOST:-?}:${PGPORT:-?} as ${PGUSER:-?}" >&2; exit 1; }
    PG_BIN=${PG_BIN:-}
    if [[ -z $PG_BIN && -x /usr/lib/postgresql/$major/bin/pg_dump ]]; then
        PG_BIN=/usr/lib/postgresql/$major/bin
    fi
    PG_BIN=${PG_BIN:-$(dirname "$(command -v pg_dump)")}
}

# psql on one database, stopping at the first error; the SQL comes on stdin, with -v variables.
sql() {
    local database=$1; shift
    "$PG_BIN/psql" -X -q -At -v ON_ERROR_STOP=1 -d "$database" "$@"
}

database_exists() {
    [[ $(sql postgres -v name="$1" <<<"SELECT count(*) FROM pg_database WHERE datname = :'name'") == 1 ]]
}

# Every database with its own service, in the order a backup takes them: the audit store first, so that
# it never holds an audit row its services' backups lack (docs/backup-restore.md, "Across databases").
ALL_SERVICES="audit_store identity application bureau_review prison_approval scheduling notification"
