#!/usr/bin/env bash
# The benchmark (docs/performance.md): one command.
#
#   deploy/bench.sh [--rate N | --concurrency N] [--applications N] [--instances 1,2] [--smoke] [...]
#
# 1. installs (if missing) and starts PostgreSQL and RabbitMQ in a profile of their own (.local/bench,
#    ports 27xxx; deploy/local/infra.sh bench), so a run measures no other data,
# 2. builds the solution (Release),
# 3. runs tests/Visitation.Benchmarks: generated province-scale reference data, the five services as
#    processes (once per --instances entry, each on fresh databases), the load, the figures; it prints
#    where the results went (.local/bench/results/<time>/results.{md,json}, the services' logs beside them),
# 4. stops the servers (BENCH_KEEP_INFRA=1 leaves them running).
# Options: see BenchOptions.Usage (tests/Visitation.Benchmarks/BenchOptions.cs) or docs/performance.md.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

stop_servers() {
    [[ ${BENCH_KEEP_INFRA:-0} == 1 ]] || bash deploy/local/infra.sh stop bench >/dev/null
}
trap stop_servers EXIT

bash deploy/local/infra.sh start bench
eval "$(bash deploy/local/infra.sh env bench)"

echo "[bench] building (Release)"
dotnet build Visitation.sln -c Release -v quiet -nologo

dotnet tests/Visitation.Benchmarks/bin/Release/net10.0/Visitation.Benchmarks.dll "$@"
