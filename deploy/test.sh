#!/usr/bin/env bash
# The ONE command that runs every Visitation test:
#
#   deploy/test.sh
#
# 1. starts the `test` profile of PostgreSQL + RabbitMQ (deploy/local/infra.sh, no Docker),
# 2. exports VISITATION_TEST_POSTGRES / VISITATION_TEST_RABBITMQ / VISITATION_TEST_RABBITMQ_MANAGEMENT
#    for the integration tests,
# 3. restores tools, builds the solution (Release) and runs `dotnet test` (Microsoft.Testing.Platform,
#    opted into by global.json), with the output also saved to .local/test-output.log,
# 4. stops the test infrastructure again (set VISITATION_KEEP_INFRA=1 to leave it running),
# 5. prints `N passed, N failed, N skipped` as the very LAST line and exits with dotnet test's code.
#
# Why step 5: CI counts tests only from a plain `N passed, N failed` line at the end of the output,
# and neither test runner prints one. Everything (including stopping the servers) is therefore done
# before that line is printed, from the EXIT trap, so nothing can come after it.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO_ROOT=$PWD
INFRA=$REPO_ROOT/deploy/local/infra.sh
LOG=$REPO_ROOT/.local/test-output.log

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# The solution: Visitation.sln as agreed; accept the .slnx that `dotnet new sln` makes on .NET 10.
if [[ -f Visitation.sln ]]; then
    SOLUTION=Visitation.sln
elif [[ -f Visitation.slnx ]]; then
    SOLUTION=Visitation.slnx
else
    SOLUTION=Visitation.sln   # let dotnet report the missing file
fi

# ---------------------------------------------------------------------------------------------
# Summary parsing
# ---------------------------------------------------------------------------------------------
# `dotnet test` in Microsoft.Testing.Platform mode (SDK 10.0.401, xunit.v3 4.0.2) ends with a block
# summed over all test assemblies, e.g.
#
#   Test run summary: Failed!
#     /repo/tests/A/bin/Release/net10.0/A.dll (net10.0|x64) failed with 1 error(s) (442ms)
#     /repo/tests/B/bin/Release/net10.0/B.dll (net10.0|x64) passed (481ms)
#     /repo/tests/C/bin/Release/net10.0/C.dll (net10.0|x64) Zero tests ran (420ms)
#
#     error: 1
#
#     total: 7
#     failed: 1
#     succeeded: 5
#     skipped: 1
#     duration: 712ms
#
# `error: N` only appears when assemblies failed without a failing test (crashed test host, zero
# tests ran); a crashed assembly's tests are missing from `total`. We count those errors as failures
# so the line never says "0 failed" for a broken run. Counts of several summary blocks (should the
# script ever run dotnet test more than once into the log) are added up.
#
# On a terminal the lines carry colour codes and CR; they are stripped first. Prints
# "<total> <succeeded> <failed+errors> <skipped>".
parse_mtp_summary() {
    awk '
        {
            sub(/\r$/, ""); sub(/.*\r/, "")                       # CRLF and in-place progress updates
            gsub(/\033\][^\033\007]*(\033\\|\007)/, "")           # OSC (hyperlinks)
            gsub(/\033\[[0-9;?]*[A-Za-z]/, "")                    # CSI (colours)
        }
        /^Test run summary:/ { in_summary = 1; next }
        in_summary && /^[ \t]*(total|failed|succeeded|skipped|error):[ \t]*[0-9]+[ \t]*$/ {
            key = $1; sub(/:$/, "", key); n[key] += $2 + 0; next
        }
        in_summary && /^[ \t]*duration:/ { in_summary = 0 }
        END {
            total = n["total"] + 0
            failed = n["failed"] + 0
            if (total > 0) failed += n["error"]
            printf "%d %d %d %d\n", total, n["succeeded"] + 0, failed, n["skipped"] + 0
        }
    ' "$@"
}

# The failed tests of a saved log, one line each: the test's name and duration, then the first line
# of what it reported (MTP prints "failed NAME (DURATION)", a "from ASSEMBLY" line, then the message).
list_failed_tests() {
    awk '
        { sub(/\r$/, ""); gsub(/\033\[[0-9;?]*[A-Za-z]/, "") }
        /^failed / { name = substr($0, 8); after = 0; next }
        name != "" && /^[ \t]+from / { after = 1; next }
        name != "" && after { sub(/^[ \t]+/, ""); print "  " name " -- " substr($0, 1, 200); name = ""; if (++shown == 40) exit }
    ' "$@"
}

# Self-check of the parser: `deploy/test.sh --parse FILE` prints the CI line for a saved log.
if [[ ${1:-} == --parse ]]; then
    read -r total passed failed skipped < <(parse_mtp_summary "$2")
    echo "$passed passed, $failed failed, $skipped skipped"
    [[ $total -gt 0 ]]
    exit
fi

# ---------------------------------------------------------------------------------------------
# Always clean up, then print the CI line last.
# ---------------------------------------------------------------------------------------------
SUMMARY="0 passed, 0 failed"   # what CI sees if we never get as far as running tests
FAILED_TESTS=""                # the failed tests, repeated at the end where a truncated log still shows them
INFRA_STARTED=0

finish() {
    local rc=$?
    trap - EXIT
    # A second Ctrl-C must not cut the clean-up short (or swallow the CI line); the servers'
    # stop is bounded (~10 s). Children inherit the ignored signals.
    trap '' INT TERM
    set +e
    if [[ $INFRA_STARTED -eq 1 ]]; then
        if [[ ${VISITATION_KEEP_INFRA:-0} == 1 ]]; then
            echo "[test] VISITATION_KEEP_INFRA=1: leaving the test infrastructure running" \
                 "(stop it with: deploy/local/infra.sh stop test)"
        else
            "$INFRA" stop test
        fi
        # The failover tests stop their clusters themselves; a run cut short leaves none behind either.
        bash "$REPO_ROOT/deploy/local/cluster.sh" rabbit-stop >/dev/null 2>&1
        bash "$REPO_ROOT/deploy/local/cluster.sh" pg-stop >/dev/null 2>&1
    fi
    [[ -z $FAILED_TESTS ]] || printf '[test] failed tests (first 40):\n%s\n' "$FAILED_TESTS"
    echo "$SUMMARY"
    exit "$rc"
}
trap finish EXIT
# Ctrl-C / kill: still run finish (the EXIT trap) so the servers are stopped.
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------------
# Run
# ---------------------------------------------------------------------------------------------
mkdir -p "$REPO_ROOT/.local"

INFRA_STARTED=1   # set before starting, so a half-started profile is stopped too
"$INFRA" start test
eval "$("$INFRA" env test)"
export VISITATION_TEST_POSTGRES=$VISITATION_POSTGRES
export VISITATION_TEST_RABBITMQ=$VISITATION_RABBITMQ
export VISITATION_TEST_RABBITMQ_MANAGEMENT=$VISITATION_RABBITMQ_MANAGEMENT
# The fault tests take the servers away and bring them back through infra.sh with this profile.
export VISITATION_TEST_INFRA="$INFRA test"

dotnet tool restore
dotnet build "$SOLUTION" -c Release

# No `set -e` around the tests: we need their exit code and output even when they fail.
set +e
# One test project at a time: the fault tests kill and restart the shared PostgreSQL and RabbitMQ,
# and a project running beside them (the identity or messaging tests) would lose its server mid-test.
dotnet test --solution "$SOLUTION" -c Release --no-build --max-parallel-test-modules 1 2>&1 | tee "$LOG"
test_rc=${PIPESTATUS[0]}
set -e

read -r total passed failed skipped < <(parse_mtp_summary "$LOG")
FAILED_TESTS=$(list_failed_tests "$LOG")
SUMMARY="$passed passed, $failed failed, $skipped skipped"

if [[ $total -eq 0 ]]; then
    echo "[test] no tests ran (or no test summary found in $LOG)" >&2
    SUMMARY="0 passed, 0 failed"
    [[ $test_rc -ne 0 ]] || test_rc=1
fi
exit "$test_rc"
