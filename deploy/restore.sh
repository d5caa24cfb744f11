#!/usr/bin/env bash
# Restores the databases of a backup made by deploy/backup.sh, then puts them in step with each other
# (docs/backup-restore.md).
#
#   deploy/restore.sh [--prefix PREFIX] [--replace] [--replay-rows N] FOLDER
#
# Each <service>.dump of FOLDER/manifest.tsv (its SHA-256 checked first) goes into a fresh database
# <PREFIX><service> (PREFIX visitation_), made for the owner it had, with pg_restore in one transaction
# that stops at the first error. A database of that name that exists is an error; --replace drops it
# first (stop the services before). Restoring under another PREFIX leaves the running databases alone.
#
# Then, because each database was dumped at its own moment:
#  - the outbox: every event a service published from N rows before its mark (the first row unpublished
#    when the backup began; N = --replay-rows, 1000) is marked unpublished again, so the services publish
#    it once more when they start; a consumer that had it drops it (its inbox), one whose dump lacked it
#    takes it now; no family hears anything twice. (Events whose personal data was emptied once they were
#    published cannot be published again; the backup's order, producers before consumers, keeps those
#    that a consumer's dump could lack to the ones still in the broker: docs/backup-restore.md.)
#  - the audit relay: each service's cursor is moved back to the last row the restored audit store holds
#    of that chain without a gap, so the rows the store's dump lacks are relayed again (the store keeps
#    each row once). The store is <PREFIX>audit_store: the one restored with them, or the one there is.
# Start the services on the restored databases afterwards; deploy/audit.sh verify checks the chains.
set -euo pipefail
REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$REPO_ROOT/deploy/backup/postgres.sh"

prefix=visitation_ replace=false replay_rows=1000 folder=
while [[ $# -gt 0 ]]; do
    case $1 in
        --prefix) prefix=$2; shift 2 ;;
        --replace) replace=true; shift ;;
        --replay-rows) replay_rows=$2; shift 2 ;;
        -*) echo "unknown option $1" >&2; exit 2 ;;
        *) folder=$1; shift ;;
    esac
done
[[ -n $folder && -f $folder/manifest.tsv ]] || { echo "usage: $0 [--prefix PREFIX] [--replace] [--replay-rows N] FOLDER (with manifest.tsv)" >&2; exit 2; }
[[ $replay_rows =~ ^[0-9]+$ ]] || { echo "--replay-rows takes a number" >&2; exit 2; }

connect_postgres
restored=()
while IFS=$'\t' read -r service _ owner mark _ _ _ sum <&3; do
    [[ $service == service ]] && continue  # the header
    file=$folder/$service.dump
    database=$prefix$service
    [[ $(sha256sum "$file" | cut -d' ' -f1) == "$sum" ]] || { echo "$file does not match its SHA-256 in the manifest" >&2; exit 1; }
    if database_exists "$database"; then
        $replace || { echo "database $database exists: restore under another --prefix, or --replace it" >&2; exit 1; }
        sql postgres -v name="$database" <<<"SELECT format('DROP DATABASE %I WITH (FORCE)', :'name') \gexec"
    fi
    sql postgres -v name="$database" -v owner="$owner" <<<"SELECT format('CREATE DATABASE %I OWNER %I TEMPLATE template0 ENCODING ''UTF8''', :'name', :'owner') \gexec"
    "$PG_BIN/pg_restore" --exit-on-error --single-transaction --no-password --dbname="$database" "$file"
    if [[ $mark != - ]]; then
        # An event that carried personal data has had its body emptied once published (docs/data-minimisation.md):
        # published again it would say nothing, so it is left alone and counted.
        replay=$(sql "$database" -v from="$((mark > replay_rows ? mark - replay_rows : 0))" <<'SQL'
WITH replay AS (UPDATE outbox_messages SET sent_at = NULL WHERE sent_at IS NOT NULL AND id >= :from AND body <> '{}'::jsonb RETURNING 1)
SELECT (SELECT count(*) FROM replay) || ' ' || (SELECT count(*) FROM outbox_messages WHERE sent_at IS NOT NULL AND id >= :from AND body = '{}'::jsonb)
SQL
)
        echo "restored $database; ${replay% *} published events marked to be published again, ${replay#* } emptied of personal data left as they are"
    else
        echo "restored $database (no outbox)"
    fi
    restored+=("$service")
done 3<"$folder/manifest.tsv"

store=${prefix}audit_store
if ! database_exists "$store"; then
    echo "no audit store database $store: the services' audit relay cursors are left as restored" >&2
    exit 0
fi
for service in "${restored[@]}"; do
    database=$prefix$service
    [[ $(sql "$database" <<<"SELECT to_regclass('audit_relay_cursor') IS NOT NULL") == t ]] || continue
    for chain in changes reads; do
        # The last row of the chain the store holds with every row before it linked (a row flagged
        # link_broken marks a gap, or a row that arrived before the one it links to).
        held=$(sql "$store" -v service="${service//_/-}" -v chain="$chain" <<'SQL'
SELECT coalesce(max(seq), 0) FROM audit_rows
WHERE service = :'service' AND chain = :'chain'
  AND seq < coalesce((SELECT min(seq) FROM audit_rows WHERE service = :'service' AND chain = :'chain' AND link_broken), 9223372036854775807)
SQL
)
        newest=$(sql "$database" -v chain="$chain" <<<"SELECT coalesce(max(seq), 0) FROM audit_log WHERE chain = :'chain'")
        if (( held > newest )); then
            echo "WARNING: $store holds $service's $chain rows past its newest ($held > $newest): the store's backup is newer than the service's; deploy/audit.sh verify will say BROKEN" >&2
        fi
        sql "$database" -v chain="$chain" -v held="$held" <<<"UPDATE audit_relay_cursor SET last_seq = LEAST(last_seq, :held) WHERE chain = :'chain'"
    done
    echo "$database: audit relay cursors at the store's rows"
done
