#!/usr/bin/env bash
# The services' audit trail (docs/audit.md):
#   deploy/audit.sh verify [SERVICE ...]     recompute every hash chain; exit 1 and name the first broken row if any
#   deploy/audit.sh purge --by USER [--changes-days N] [--reads-days N] [SERVICE ...]
#                                            remove rows past their retention (at least 180 days; 3 years for reads
#                                            of personal data); needs a superuser connection; writes its own audit row
# Services: application bureau_review prison_approval scheduling notification identity audit_store (default: all).
# verify also compares each chain's newest row with the audit store's copy when its database is reachable (docs/audit-store.md).
# Uses the dev PostgreSQL that deploy/run.sh started (export VISITATION_POSTGRES to point elsewhere).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [[ -z ${VISITATION_POSTGRES:-} ]]; then
  eval "$(bash deploy/local/infra.sh env dev)"
fi
export VISITATION_POSTGRES
dll=deploy/audit/bin/Release/net10.0/Visitation.AuditTool.dll
[[ -f $dll ]] || dotnet build deploy/audit -c Release -v quiet -nologo >/dev/null
exec dotnet "$dll" "$@"
