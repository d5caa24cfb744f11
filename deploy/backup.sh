#!/usr/bin/env bash
# Backs up every service's database, each with pg_dump into a file of its own (docs/backup-restore.md).
#
#   deploy/backup.sh [--prefix PREFIX] [--services "audit_store application ..."] FOLDER
#
# FOLDER gets <service>.dump (pg_dump's custom format, one consistent snapshot of that database) and
# manifest.tsv: per service its database, the owner to restore it to, where its outbox stood when the
# backup began (deploy/restore.sh publishes again from there; - for a database without one), the times, the size and the SHA-256.
# Databases are <PREFIX><service> (PREFIX visitation_, as deploy/run.sh names them); every service's by
# default, the audit store first; one that does not exist is an error, not a skip. A FOLDER may be
# filled by more than one run (each with other services), never a service twice.
# The server is VISITATION_POSTGRES (the services' connection string, a role that may read every
# table: the superuser, or each service's owner role for its own database), or the development one.
# The dumps hold what the databases hold (ID and phone numbers encrypted, the rest as it is): the
# folder is made readable by its owner only; keep it as the databases are kept.
set -euo pipefail
REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$REPO_ROOT/deploy/backup/postgres.sh"

prefix=visitation_ services=$ALL_SERVICES folder=
while [[ $# -gt 0 ]]; do
    case $1 in
        --prefix) prefix=$2; shift 2 ;;
        --services) services=$2; shift 2 ;;
        -*) echo "unknown option $1" >&2; exit 2 ;;
        *) folder=$1; shift ;;
    esac
done
[[ -n $folder ]] || { sed -n '2,4p' "${BASH_SOURCE[0]}" >&2; exit 2; }

connect_postgres
umask 077
mkdir -p "$folder"
chmod 700 "$folder"
manifest=$folder/manifest.tsv
[[ -f $manifest ]] || printf 'service\tdatabase\towner\toutbox_mark\tstarted_at\tfinished_at\tbytes\tsha256\n' >"$manifest"

# Before anything is dumped: each database exists, is not in this folder yet, and where its outbox stands.
# The mark is the first outbox row not yet published (or the next row's id): rows from it on were
# published, or committed, after the backup began, and a consumer's dump may lack their effect.
declare -A owner mark
for service in $services; do
    database=$prefix$service
    database_exists "$database" || { echo "no database $database (service $service)" >&2; exit 1; }
    if awk -F'\t' -v s="$service" '$1 == s { found = 1 } END { exit !found }' "$manifest"; then
        echo "$folder already holds a backup of $service" >&2; exit 1
    fi
    owner[$service]=$(sql postgres -v name="$database" <<<"SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = :'name'")
    mark[$service]=-
    if [[ $(sql "$database" <<<"SELECT to_regclass('outbox_messages') IS NOT NULL") == t ]]; then
        mark[$service]=$(sql "$database" <<<"SELECT coalesce(min(id) FILTER (WHERE sent_at IS NULL), max(id) + 1, 1) FROM outbox_messages")
    fi
done

started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
for service in $services; do
    database=$prefix$service
    file=$folder/$service.dump
    "$PG_BIN/pg_dump" --format=custom --compress=6 --file="$file" "$database"
    "$PG_BIN/pg_restore" --list "$file" >/dev/null  # the archive reads back whole
    bytes=$(stat -c %s "$file")
    sum=$(sha256sum "$file" | cut -d' ' -f1)
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$service" "$database" "${owner[$service]}" "${mark[$service]}" \
        "$started" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$bytes" "$sum" >>"$manifest"
    echo "backed up $database ($bytes bytes)"
done
