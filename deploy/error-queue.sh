#!/usr/bin/env bash
# Lists the messages in _error queues with their fault, or moves chosen ones back for replay:
#   deploy/error-queue.sh list
#   deploy/error-queue.sh replay notification-bureau-rejected-sms_error [MESSAGE_ID ...]
# Uses the dev broker that deploy/run.sh started (export VISITATION_RABBITMQ[_MANAGEMENT] to point elsewhere).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [[ -z ${VISITATION_RABBITMQ:-} ]]; then
  eval "$(bash deploy/local/infra.sh env dev)"
fi
export VISITATION_RABBITMQ VISITATION_RABBITMQ_MANAGEMENT
dll=deploy/error-queue/bin/Release/net10.0/Visitation.ErrorQueue.dll
[[ -f $dll ]] || dotnet build deploy/error-queue -c Release -v quiet -nologo >/dev/null
exec dotnet "$dll" "$@"
