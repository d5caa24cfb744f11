#!/usr/bin/env bash
# Fails when a log file holds personal data (docs/telemetry-privacy.md):
#
#   deploy/scan-logs.sh DIR [TEXT...]
#
# Every file under DIR is searched for a resident ID number (six digits, a birth date from 1900 on,
# three digits and a check character, valid or not), a mobile number (11 digits, 13x–19x), each standing
# alone, and each TEXT given (the names a run used). Findings are printed masked, never in full; the
# exit code is 1 when there is any, 0 when the logs are clean. deploy/run.sh calls it after its demo.
set -euo pipefail

DIR=${1:?usage: deploy/scan-logs.sh DIR [TEXT...]}
shift
ID='(?<![0-9A-Za-z])[0-9]{6}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx](?![0-9A-Za-z])'
PHONE='(?<![0-9A-Za-z])1[3-9][0-9]{9}(?![0-9A-Za-z])'

mask() { local v=$1; if (( ${#v} > 4 )); then echo "${v:0:3}…${v: -2}"; else echo "**"; fi; }

found=0
report() { # file:line:match
  local where=${1%:*} match=${1##*:}
  echo "[scan-logs] personal data in $where: $(mask "$match")" >&2
  found=1
}

while IFS= read -r hit; do report "$hit"; done < <(grep -rnoP "$ID|$PHONE" "$DIR" || true)
for text in "$@"; do
  while IFS= read -r hit; do report "$hit"; done < <(grep -rnoF -- "$text" "$DIR" || true)
done

if (( found )); then
  echo "[scan-logs] FAILED: the logs under $DIR hold ID numbers, phones or names (see above, masked)" >&2
  exit 1
fi
echo "[scan-logs] no ID number, phone or name in $(find "$DIR" -type f | wc -l) log file(s) under $DIR"
