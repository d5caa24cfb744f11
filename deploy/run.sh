#!/usr/bin/env bash
# The ONE command that sets up and runs Visitation on this machine, without Docker:
#
#   deploy/run.sh
#
# 1. installs (if missing) and starts PostgreSQL 15 and RabbitMQ on private ports (deploy/local/infra.sh dev),
# 2. builds the solution,
# 3. starts the identity service (port 5106; its administration API on 5116) with demo accounts and machine clients whose passwords,
#    secrets and TOTP keys are written to .local/dev/identity/ (never to the repository),
# 4. starts the development SMS gateway, the five services and the audit store (port 5107), which
#    trust the identity service (logs under .local/dev/logs),
# 5. drives a demonstration application through 司法所 → 县司法局 → 监狱会见中心 → 排期 → 短信 with
#    tokens from the identity service, printing its timeline and the SMS texts the gateway received,
#    then, as the province's audit administrator, how many audit rows the store holds about it, and,
#    as its system administrator, the accounts through the identity administration API (HTTP/2, 5116),
# 6. scans the services' logs of the run for ID numbers, phones and names (deploy/scan-logs.sh): any is a failure.
# The system keeps running afterwards; stop everything with deploy/stop.sh.
#
# Each service connects with its own accounts (deploy/local/service-accounts.json, docs/local-credentials.md):
# a PostgreSQL role owning only its database and a RabbitMQ user limited to its own queues and the
# exchanges of what it publishes and consumes, never the superuser nor guest.
# Ports: the services listen on VISITATION_RUN_PORT_BASE (5100 unless set) + 1..7, their REST doors on
# + 11..15, the identity service's administration API on + 16, the SMS gateway on + 99 and the console
# on + 100; the servers on deploy/local/infra.sh's dev ports (VISITATION_PG_PORT and the rest override them).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
RUN_DIR=$ROOT/.local/dev
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

bash deploy/local/infra.sh start dev
# Each service's database connection string and broker address, by the service's name.
declare -A DATABASE BROKER
while IFS=$'\t' read -r account database broker; do
  DATABASE[$account]=$database
  BROKER[$account]=$broker
done < <(bash deploy/local/infra.sh services dev)
BASE=${VISITATION_RUN_PORT_BASE:-5100}

echo "[run] building (Release)"
dotnet build Visitation.sln -c Release -v quiet -nologo

bash deploy/stop.sh --services-only

mkdir -p "$RUN_DIR/logs" "$RUN_DIR/pids" "$RUN_DIR/sms"

# The identity service's secrets for this machine's run: made once, kept with the run's database
# (both live under .local/dev; wipe them together). Nothing here is ever committed.
# The key file of the encryption at rest of ID and phone numbers (docs/encryption-at-rest.md): made
# once, kept with the run's databases, whose rows it opens. Never committed.
PROTECTION_KEYS=$RUN_DIR/protection/keys.json
[[ -s $PROTECTION_KEYS ]] || bash deploy/protection-keys.sh init "$PROTECTION_KEYS" >/dev/null
# The visitor key's shared index key (docs/data-minimisation.md). One file serves every service of
# this development run; a deployment gives it to the application and prison-approval services only.
jq -e '.sharedIndexes.visitor' "$PROTECTION_KEYS" >/dev/null || bash deploy/protection-keys.sh share "$PROTECTION_KEYS" visitor >/dev/null
IDENTITY_DIR=$RUN_DIR/identity
SEED_FILE=$IDENTITY_DIR/seed.json
mkdir -p "$IDENTITY_DIR/keys"
chmod 700 "$IDENTITY_DIR"
secret() { head -c 18 /dev/urandom | base64 | tr '+/' '-_'; }
# Random, and meets the password policy whatever the draw (all four character classes).
password() { echo "Vz9!$(secret)"; }
totp_key() { head -c 20 /dev/urandom | base32 | tr -d '='; }
[[ -s $IDENTITY_DIR/key-password ]] || secret >"$IDENTITY_DIR/key-password"
if [[ ! -s $SEED_FILE ]]; then
  # One account per role and organisation the demo uses (TOTP enrolled: the key is in the file),
  # and one machine client per role the demo plays (client credentials).
  account() { printf '    {"userName": "%s", "password": "%s", "role": "%s", "organisation": "%s", "authenticatorKey": "%s"}' "$1" "$(password)" "$2" "$3" "$(totp_key)"; }
  client() { printf '    {"clientId": "%s", "secret": "%s", "role": "%s", "organisation": "%s"}' "$1" "$(secret)" "$2" "$3"; }
  {
    echo '{'
    echo '  "accounts": ['
    account clerk-li clerk yongji-chengxi-office; echo ,
    account reviewer-zhao reviewer yongji-bureau; echo ,
    account officer-sun officer yongji-prison; echo ,
    account venue-zhou venue yongji-venue; echo ,
    account director-wu director yongji-prison; echo ,
    account operator-qian operator shanxi; echo ,
    account sysadmin-zheng system-admin shanxi; echo ,
    account secadmin-feng security-admin shanxi; echo ,
    account auditadmin-chen audit-admin shanxi; echo
    echo '  ],'
    echo '  "machineClients": ['
    client demo-clerk clerk yongji-chengxi-office; echo ,
    client demo-reviewer reviewer yongji-bureau; echo ,
    client demo-officer officer yongji-prison; echo ,
    client demo-auditor audit-admin shanxi; echo ,
    client demo-sysadmin system-admin shanxi; echo
    echo '  ]'
    echo '}'
  } >"$SEED_FILE"
  chmod 600 "$SEED_FILE"
fi

# name:project:port:rest — gRPC over plaintext HTTP/2 on 510x; the REST door (JSON over HTTP/1.1,
# docs/rest-api.md) on 511x, an endpoint of its own since cleartext HTTP/2 serves no HTTP/1.1 client;
# the audit store has none. The gateway speaks HTTP/1.1 on 5199.
SERVICES=(
  "application:Application:$((BASE + 1)):$((BASE + 11))"
  "bureau_review:BureauReview:$((BASE + 2)):$((BASE + 12))"
  "prison_approval:PrisonApproval:$((BASE + 3)):$((BASE + 13))"
  "scheduling:Scheduling:$((BASE + 4)):$((BASE + 14))"
  "notification:Notification:$((BASE + 5)):$((BASE + 15))"
  "audit_store:AuditStore:$((BASE + 7)):"
)

# Each process is rooted at its binaries (ASPNETCORE_CONTENTROOT), where its appsettings.json is, as in
# the tests and the benchmark. Rooted at the working directory, the checkout's top, a host's settings
# watcher followed every file of the tree — the servers' data under .local/ included, written all the time.
start() { # name dll [env...]
  local name=$1 dll=$2; shift 2
  env ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_CONTENTROOT="$PWD/$(dirname "$dll")" "$@" \
    nohup dotnet "$dll" >"$RUN_DIR/logs/$name.log" 2>&1 &
  echo $! >"$RUN_DIR/pids/$name.pid"
}

IDENTITY=http://127.0.0.1:$((BASE + 6))/
IDENTITY_ADMIN=http://127.0.0.1:$((BASE + 16))
GATEWAY=http://127.0.0.1:$((BASE + 99))/
CONSOLE=http://127.0.0.1:$((BASE + 100))
# Two endpoints: 5106 speaks HTTP/1.1 for the browser (sign-in pages, token endpoint); the
# administration API is gRPC, which needs HTTP/2, in cleartext here: an endpoint of its own.
start identity "services/Identity/bin/Release/net10.0/Visitation.Identity.dll" \
  Kestrel__Endpoints__Web__Url="${IDENTITY%/}" \
  Kestrel__Endpoints__Admin__Url=$IDENTITY_ADMIN \
  Kestrel__Endpoints__Admin__Protocols=Http2 \
  ConnectionStrings__Database="${DATABASE[identity]}" \
  Identity__Issuer=$IDENTITY \
  Identity__KeyFolder="$IDENTITY_DIR/keys" \
  Identity__KeyPassword="$(cat "$IDENTITY_DIR/key-password")" \
  Identity__SeedFile="$SEED_FILE" \
  ConnectionStrings__RabbitMq="${BROKER[identity]}" \
  Identity__ConsoleRedirectUris__0=$CONSOLE/signed-in \
  Identity__ConsolePostLogoutRedirectUris__0=$CONSOLE/

start sms_gateway "services/DevSmsGateway/bin/Release/net10.0/Visitation.DevSmsGateway.dll" \
  ASPNETCORE_URLS="${GATEWAY%/}" SmsGateway__StorePath="$RUN_DIR/sms/messages.jsonl"

for entry in "${SERVICES[@]}"; do
  IFS=: read -r name project port rest <<<"$entry"
  endpoints=(Kestrel__Endpoints__Grpc__Url="http://127.0.0.1:$port" Kestrel__Endpoints__Grpc__Protocols=Http2)
  if [[ -n $rest ]]; then
    endpoints+=(Kestrel__Endpoints__Rest__Url="http://127.0.0.1:$rest" Kestrel__Endpoints__Rest__Protocols=Http1)
  fi
  # SmsDelivery: the demo family hears of several steps within a minute, which the production
  # per-number limit (one a minute) would spread out; the demo runs at any hour, so no quiet hours
  # (equal bounds switch them off); receipts are asked for every 5 seconds.
  start "$name" "services/$project/bin/Release/net10.0/Visitation.$project.dll" \
    "${endpoints[@]}" \
    ConnectionStrings__Database="${DATABASE[${name//_/-}]}" \
    ConnectionStrings__RabbitMq="${BROKER[${name//_/-}]}" \
    Auth__Authority=$IDENTITY \
    Auth__Audience="visitation-${name//_/-}" \
    SmsGateway__BaseUrl=$GATEWAY \
    SmsDelivery__PerNumberPerMinute=10 SmsDelivery__QuietFrom=00:00 SmsDelivery__QuietUntil=00:00 \
    PeriodicWork__ReceiptPolling__Interval=00:00:05 \
    Protection__KeyFile="$PROTECTION_KEYS"
done

# The staff console (docs/console.md): signs people in through the identity service (the redirect
# addresses given to it above) and calls the services as them. Served on plain HTTP here only.
start console "services/Console/bin/Release/net10.0/Visitation.Console.dll" \
  ASPNETCORE_URLS=$CONSOLE \
  Console__Authority=$IDENTITY \
  Console__Services__Application=http://127.0.0.1:$((BASE + 1)) \
  Console__Services__BureauReview=http://127.0.0.1:$((BASE + 2)) \
  Console__Services__PrisonApproval=http://127.0.0.1:$((BASE + 3)) \
  Console__Services__Scheduling=http://127.0.0.1:$((BASE + 4)) \
  Console__Services__Notification=http://127.0.0.1:$((BASE + 5)) \
  Console__Services__AuditStore=http://127.0.0.1:$((BASE + 7)) \
  Console__Services__IdentityAdmin=$IDENTITY_ADMIN

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

wait_healthy identity "${IDENTITY}health"
wait_healthy identity $IDENTITY_ADMIN/health --http2-prior-knowledge
wait_healthy sms_gateway "$GATEWAY"
for entry in "${SERVICES[@]}"; do
  IFS=: read -r name _ port rest <<<"$entry"
  wait_healthy "$name" "http://127.0.0.1:$port/health" --http2-prior-knowledge
  if [[ -n $rest ]]; then wait_healthy "$name" "http://127.0.0.1:$rest/health" --http1.1; fi
done
wait_healthy console "$CONSOLE/health"

echo "[run] driving the demonstration application"
DEMO_IDENTITY=$IDENTITY DEMO_IDENTITY_ADMIN=$IDENTITY_ADMIN DEMO_IDENTITY_SEED="$SEED_FILE" \
  DEMO_APPLICATION=http://127.0.0.1:$((BASE + 1)) DEMO_BUREAU=http://127.0.0.1:$((BASE + 2)) DEMO_PRISON=http://127.0.0.1:$((BASE + 3)) \
  DEMO_SCHEDULING=http://127.0.0.1:$((BASE + 4)) DEMO_AUDIT_STORE=http://127.0.0.1:$((BASE + 7)) DEMO_SMS_GATEWAY=$GATEWAY \
  dotnet deploy/demo/bin/Release/net10.0/Visitation.Demo.dll

# What the services wrote while the demo ran holds no ID number, phone or name (docs/telemetry-privacy.md):
# the run fails if it does. The names are the demo's visitor and inmate (deploy/demo/Program.cs).
bash deploy/scan-logs.sh "$RUN_DIR/logs" 王秀英 张建国

cat <<MSG

[run] The system is running: identity $IDENTITY (sign-in page /account/login; demo accounts,
      passwords, TOTP keys and machine client secrets in $SEED_FILE; administration API, gRPC over
      HTTP/2, on $IDENTITY_ADMIN),
      gRPC on 127.0.0.1:$((BASE + 1))-$((BASE + 5)) and the audit store on $((BASE + 7)) (reflection on),
      REST/JSON over HTTP/1.1 on http://127.0.0.1:$((BASE + 11))-$((BASE + 15)) (OpenAPI at /openapi/v1.json; docs/rest-api.md),
      SMS gateway $GATEWAY
      (everything it received is also in $RUN_DIR/sms/messages.jsonl), logs in $RUN_DIR/logs.
      The staff console: $CONSOLE/ (sign in as clerk-li, reviewer-zhao, officer-sun, venue-zhou, sysadmin-zheng, auditadmin-chen or
      operator-qian with the password and TOTP key from the
      seed file above; an authenticator app, or: oathtool --totp -b KEY).
      Stop it with: deploy/stop.sh
MSG
