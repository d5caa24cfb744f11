#!/usr/bin/env bash
# Screenshots of the console's pages into docs/console/, for the README and docs/console.md:
#
#   deploy/console-screenshots.sh
#
# Works from a clean checkout as deploy/test.sh does: starts the `test` profile of PostgreSQL and
# RabbitMQ (deploy/local/infra.sh, which also installs Debian's chromium and fonts-wqy-microhei so
# Chinese renders), builds the solution (Release) and runs the console's browser tests with
# VISITATION_CONSOLE_SCREENSHOTS set: every page a test lands on (ConsoleSession.ExpectPageAsync) is
# saved as a full-page PNG, 1280 pixels wide, named after its address (applications-new.png,
# applications-id.png, applications-id-404.png…). The folder's old PNGs are removed first, so a page
# that no test reaches any more leaves no picture behind. Stops the servers again at the end
# (VISITATION_KEEP_INFRA=1 leaves them running). Exits with the tests' code: a failed test still
# leaves the pictures of the pages reached, but says so.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO_ROOT=$PWD
INFRA=$REPO_ROOT/deploy/local/infra.sh
OUT=$REPO_ROOT/docs/console
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

INFRA_STARTED=0
finish() {
    local rc=$?
    trap - EXIT
    if [[ $INFRA_STARTED -eq 1 && ${VISITATION_KEEP_INFRA:-0} != 1 ]]; then
        "$INFRA" stop test || true
    fi
    exit "$rc"
}
trap finish EXIT

INFRA_STARTED=1
"$INFRA" start test
eval "$("$INFRA" env test)"
export VISITATION_TEST_POSTGRES=$VISITATION_POSTGRES
export VISITATION_TEST_RABBITMQ=$VISITATION_RABBITMQ
export VISITATION_TEST_RABBITMQ_MANAGEMENT=$VISITATION_RABBITMQ_MANAGEMENT
export VISITATION_TEST_INFRA="$INFRA test"

dotnet tool restore
dotnet build Visitation.sln -c Release

mkdir -p "$OUT"
rm -f "$OUT"/*.png
export VISITATION_CONSOLE_SCREENSHOTS=$OUT
set +e
dotnet test --project tests/Visitation.Console.BrowserTests -c Release --no-build
test_rc=$?
set -e

echo "[screenshots] $(find "$OUT" -maxdepth 1 -name '*.png' | wc -l) pages in ${OUT#"$REPO_ROOT"/}:"
ls -l "$OUT"/*.png 2>/dev/null | awk '{ printf "  %s (%d KB)\n", $NF, $5 / 1024 }'
exit "$test_rc"
