#!/usr/bin/env bash
# Mutation testing with Stryker.NET (dotnet-stryker, a local tool in .config/dotnet-tools.json):
#
#   deploy/mutation.sh rules        # services/Visitation.Rules against tests/Visitation.Rules.Tests
#   deploy/mutation.sh messaging    # services/Visitation.Messaging against tests/Visitation.Messaging.Tests
#   deploy/mutation.sh all
#
# Settings: deploy/mutation/<pass>.json. Reports (HTML, JSON, Markdown): .local/mutation/<pass>/reports/.
# The last lines print each target's score. CI does not run this: a target takes 10 to 20 minutes
# on two shared cores. docs/testing.md explains the settings and the surviving mutants.
#
# Both run on Stryker's Microsoft.Testing.Platform runner (xUnit v3 needs it; the VSTest runner
# cannot switch a mutant on in xUnit v3's child test process). That runner keeps its test process
# across mutants, so code that runs once per process (static initializers) cannot be measured:
# deploy/mutation/rules.json leaves out the rules files whose code is mostly such tables, and
# docs/testing.md says which and why.
#
# The messaging tests need a real PostgreSQL: the script starts the `test` profile of
# deploy/local/infra.sh (with your VISITATION_*_PORT overrides, as deploy/test.sh does) and stops
# it at the end (VISITATION_KEEP_INFRA=1 leaves it running).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO_ROOT=$PWD
INFRA=$REPO_ROOT/deploy/local/infra.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

usage() {
    echo "usage: $0 rules|messaging|all" >&2
    exit 2
}
[[ $# -eq 1 ]] || usage
case $1 in
    rules | messaging) TARGETS=("$1") ;;
    all) TARGETS=(rules messaging) ;;
    *) usage ;;
esac

INFRA_STARTED=0
cleanup() {
    if [[ $INFRA_STARTED -eq 1 && ${VISITATION_KEEP_INFRA:-0} != 1 ]]; then
        "$INFRA" stop test || true
    fi
}
trap cleanup EXIT

passes_of() {
    echo "$1"
}

test_project_of() {
    case $1 in
        rules) echo tests/Visitation.Rules.Tests ;;
        messaging) echo tests/Visitation.Messaging.Tests ;;
    esac
}

# Detected and undetected mutants of a pass, from its Markdown report's per-file rows
# (| file | score | killed | survived | timeout | no coverage | ignored | compile | runtime | detected | undetected | total |).
counts_of() {
    awk -F'|' 'NF > 12 && $11 ~ /^ *[0-9]+ *$/ { d += $11; u += $12 } END { print d + 0, u + 0 }' \
        "$REPO_ROOT/.local/mutation/$1/reports/mutation-report.md"
}

run_pass() {
    local pass=$1 project=$2 output=$REPO_ROOT/.local/mutation/$1
    rm -rf "$output"
    mkdir -p "$output"
    echo "[mutation] $pass: Stryker on $project, log in $output/stryker.log"
    # From the test project's folder: at the repository root Stryker would take the whole solution
    # as its scope and refuse the per-pass settings.
    (
        cd "$project"
        dotnet stryker \
            --config-file "$REPO_ROOT/deploy/mutation/$pass.json" \
            --output "$output" \
            --skip-version-check
    ) 2>&1 | tee "$output/stryker.log"
}

dotnet tool restore

SUMMARY=()
for target in "${TARGETS[@]}"; do
    if [[ $target == messaging && $INFRA_STARTED -eq 0 ]]; then
        INFRA_STARTED=1
        "$INFRA" start test
        eval "$("$INFRA" env test)"
        export VISITATION_TEST_POSTGRES=$VISITATION_POSTGRES
    fi
    detected=0 undetected=0
    for pass in $(passes_of "$target"); do
        run_pass "$pass" "$(test_project_of "$target")"
        read -r d u < <(counts_of "$pass")
        detected=$((detected + d)) undetected=$((undetected + u))
    done
    SUMMARY+=("$(awk -v t="$target" -v d="$detected" -v u="$undetected" \
        'BEGIN { printf "[mutation] %s: %.2f %% (%d of %d mutants detected)", t, (d + u) ? 100 * d / (d + u) : 0, d, d + u }')")
done

printf '%s\n' "${SUMMARY[@]}"
