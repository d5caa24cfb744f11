#!/usr/bin/env bash
# Measures the figures the README quotes for the two commands, on a fresh clone of the current
# commit, and prints them with the machine and the date:
#
#   deploy/measure.sh
#
# 1. clones HEAD (committed work only) into a temporary directory — what CI and a newcomer get,
# 2. times `deploy/test.sh` there (restore, first build, every test) and keeps its per-project lines,
# 3. times `deploy/run.sh` there with the build now up to date (servers, five services, the demo to
#    its SMS), then `deploy/stop.sh`,
# 4. prints a Markdown table to paste into the README, and removes the clone.
#
# It uses the same ports as the main checkout's profiles (dev 55xxx, services 51xx; test 26xxx):
# stop the main checkout's system first (deploy/stop.sh). Takes about as long as the two commands.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO_ROOT=$PWD
COMMIT=$(git rev-parse --short HEAD)
if [[ -n $(git status --porcelain --untracked-files=no) ]]; then
    echo "[measure] note: uncommitted changes are not measured (the clone holds $COMMIT only)" >&2
fi

WORK=$(mktemp -d /tmp/visitation-measure.XXXXXX)
chmod 755 "$WORK" # PostgreSQL runs as its own user and must reach the clone's .local/
CLONE=$WORK/visitation
cleanup() {
    if [[ -x $CLONE/deploy/stop.sh ]]; then
        bash "$CLONE/deploy/stop.sh" >/dev/null 2>&1 || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

git clone --quiet "$REPO_ROOT" "$CLONE"

seconds_to_text() { # 233 -> "3 min 53 s"
    local s=$1
    if ((s >= 60)); then printf '%d min %d s' $((s / 60)) $((s % 60)); else printf '%d s' "$s"; fi
}

timed() { # label logfile command... ; sets ELAPSED, returns the command's exit code
    local label=$1 log=$2; shift 2
    echo "[measure] $label ..." >&2
    local start=$SECONDS rc=0
    (cd "$CLONE" && "$@") >"$log" 2>&1 || rc=$?
    ELAPSED=$((SECONDS - start))
    echo "[measure] $label: $(seconds_to_text "$ELAPSED") (exit $rc; log $log)" >&2
    return "$rc"
}

timed "deploy/test.sh on a fresh clone" "$WORK/test.log" bash deploy/test.sh || {
    tail -40 "$WORK/test.log" >&2
    cp "$WORK/test.log" "$REPO_ROOT/.local/measure-test.log" 2>/dev/null || true
    exit 1
}
TEST_TIME=$ELAPSED
TEST_LINE=$(tail -1 "$WORK/test.log")
# Per test project: "Visitation.Rules.Tests 1s 383ms" from the runner's summary block.
PROJECTS=$(sed -n '/^Test run summary:/,/^  total:/p' "$WORK/test.log" \
    | sed -nE 's#^ +.*/(Visitation\.[A-Za-z.]+)\.dll .* passed \((.*)\)$#\1 (\2)#p' | paste -sd ';' - | sed 's/;/; /g')

timed "deploy/run.sh with the build up to date" "$WORK/run.log" bash deploy/run.sh || {
    tail -40 "$WORK/run.log" >&2
    exit 1
}
RUN_TIME=$ELAPSED
SMS_COUNT=$(grep -c '^   → ' "$WORK/run.log" || true)
bash "$CLONE/deploy/stop.sh" >/dev/null 2>&1 || true

CPU=$(lscpu 2>/dev/null | sed -nE 's/^Model name: +//p' | head -1)
OS=$(. /etc/os-release && echo "$PRETTY_NAME")
cat <<EOF

Measured $(date -u '+%Y-%m-%d %H:%M UTC') on commit $COMMIT (fresh clone)
machine: $(nproc) cores, ${CPU:-unknown CPU}, $(free -g | awk '/^Mem:/ {print $2}') GB RAM, $OS, .NET SDK $(dotnet --version)

| what | command | measured |
|---|---|---|
| run every test | \`bash deploy/test.sh\` | $(seconds_to_text "$TEST_TIME") on a fresh clone, restore and build included; last line: \`$TEST_LINE\` |
| set up, start everything, drive the demo to its SMS | \`bash deploy/run.sh\` | $(seconds_to_text "$RUN_TIME") with the build up to date (the gateway received $SMS_COUNT SMS) |

test projects: $PROJECTS
EOF
