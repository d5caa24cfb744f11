#!/usr/bin/env bash
# Stops what deploy/run.sh started: the services, then (unless --services-only) PostgreSQL and RabbitMQ.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PIDS=.local/dev/pids
if [[ -d $PIDS ]]; then
  for pidfile in "$PIDS"/*.pid; do
    [[ -e $pidfile ]] || continue
    pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$pidfile"
  done
fi
if [[ ${1:-} != --services-only ]]; then
  bash deploy/local/infra.sh stop dev
fi
