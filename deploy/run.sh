#!/usr/bin/env bash
# The ONE command that sets up and runs Visitation on this machine, without Docker:
#
#   deploy/run.sh
#
# 1. installs (if missing) and starts PostgreSQL 15 and RabbitMQ on private ports (deploy/local/infra.sh dev),
# 2. builds the solution,
# 3. starts the development SMS gateway and the five services (logs under .local/dev/logs),
# 4. drives a demonstration application through 司法所 → 县司法局 → 监狱会见中心 → 排期 → 短信,
#    printing its timeline and the SMS texts the gateway received.
# The system keeps running afterwards; stop everything with deploy/stop.sh.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
RUN_DIR=$ROOT/.local/dev
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

bash deploy/local/infra.sh start dev
eval "$(bash deploy/local/infra.sh env dev)"

echo "[run] building (Release)"
dotnet build Visitation.sln -c Release -v quiet -nologo

bash deploy/stop.sh --services-only

mkdir -p "$RUN_DIR/logs" "$RUN_DIR/pids" "$RUN_DIR/sms"

# name:project:port — gRPC over plaintext HTTP/2 on 51xx; the gateway speaks HTTP/1.1 on 5199.
SERVICES=(
  "application:Application:5101"
  "bureau_review:BureauReview:5102"
  "prison_approval:PrisonApproval:5103"
  "scheduling:Scheduling:5104"
  "notification:Notification:5105"
)

start() { # name dll [env...]
  local name=$1 dll=$2; shift 2
  # Development: the services accept the documented development token issuer (refused elsewhere).
  env ASPNETCORE_ENVIRONMENT=Development "$@" nohup dotnet "$dll" >"$RUN_DIR/logs/$name.log" 2>&1 &
  echo $! >"$RUN_DIR/pids/$name.pid"
}

start sms_gateway "services/DevSmsGateway/bin/Release/net10.0/Visitation.DevSmsGateway.dll" \
  ASPNETCORE_URLS=http://127.0.0.1:5199 SmsGateway__StorePath="$RUN_DIR/sms/messages.jsonl"

for entry in "${SERVICES[@]}"; do
  IFS=: read -r name project port <<<"$entry"
  start "$name" "services/$project/bin/Release/net10.0/Visitation.$project.dll" \
    ASPNETCORE_URLS="http://127.0.0.1:$port" \
    Kestrel__EndpointDefaults__Protocols=Http2 \
    ConnectionStrings__Database="$VISITATION_POSTGRES;Database=visitation_$name" \
    ConnectionStrings__RabbitMq="$VISITATION_RABBITMQ" \
    SmsGateway__BaseUrl=http://127.0.0.1:5199/
done

wait_healthy() { # name url [curl flags]
  local name=$1 url=$2; shift 2
  for _ in $(seq 1 120); do
    if curl -fsS "$@" "$url" >/dev/null 2>&1; then echo "[run] $name is up"; return 0; fi
    if ! kill -0 "$(cat "$RUN_DIR/pids/$name.pid")" 2>/dev/null; then
      echo "[run] $name exited; last log lines:" >&2; tail -20 "$RUN_DIR/logs/$name.log" >&2; exit 1
    fi
    sleep 0.5
  done
  echo "[run] $name did not become healthy; see $RUN_DIR/logs/$name.log" >&2; exit 1
}

wait_healthy sms_gateway http://127.0.0.1:5199/
for entry in "${SERVICES[@]}"; do
  IFS=: read -r name _ port <<<"$entry"
  wait_healthy "$name" "http://127.0.0.1:$port/health" --http2-prior-knowledge
done

echo "[run] driving the demonstration application"
dotnet deploy/demo/bin/Release/net10.0/Visitation.Demo.dll

cat <<MSG

[run] The system is running: gRPC on 127.0.0.1:5101-5105 (reflection on), SMS gateway http://127.0.0.1:5199/
      (everything it received is also in $RUN_DIR/sms/messages.jsonl), logs in $RUN_DIR/logs.
      Stop it with: deploy/stop.sh
MSG
