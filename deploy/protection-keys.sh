#!/usr/bin/env bash
# The field-protection key file (docs/encryption-at-rest.md): keys for the encryption at rest of ID
# numbers and phone numbers. The file lives outside the database and outside the repository; a
# service reads it at start from Protection__KeyFile.
#
#   deploy/protection-keys.sh init    FILE [SM4-GCM|AES-256-GCM]   a new file: key v1 (current) and the index key
#   deploy/protection-keys.sh add     FILE [SM4-GCM|AES-256-GCM]   a new key version, not yet current
#   deploy/protection-keys.sh promote FILE VERSION                 make VERSION the one new values are sealed with
#   deploy/protection-keys.sh rotate  FILE [SM4-GCM|AES-256-GCM]   add + promote, for a single instance per service
#   deploy/protection-keys.sh status  FILE                         versions and algorithms (never the secrets)
#   deploy/protection-keys.sh share   FILE NAME [FROM]             a blind-index key shared between services, named
#                                                                  NAME (e.g. visitor): new, or copied from key file FROM
#   deploy/protection-keys.sh rekey-shared  FILE NAME [FROM]       rotation of a shared key: a new one (or FROM's, already
#                                                                  rekeyed) becomes current, the old one its `previous`
#   deploy/protection-keys.sh retire-shared FILE NAME              end of that rotation: the previous key is dropped
#
# The shared `visitor` key computes the visitor key of docs/data-minimisation.md: give it (the same
# secret: `share` the second file FROM the first) to the application and prison-approval services
# only; no other service's file holds it. Its rotation (docs/data-minimisation.md, "Rotating the
# visitor key"): `rekey-shared` the first file, `rekey-shared` the second FROM the first, restart both
# services (lookups from a full number match either key; each sweep re-indexes the rows whose number
# it holds); `retire-shared` both files once the sweeps are done and the window has passed.
#
# Rotation: `rotate` (or, with several instances per service, `add`, restart all, `promote`, restart
# all: every instance can open a version before any seals with it), then restart the services; each
# service's background sweep re-seals its rows with the current version in batches while the old
# versions keep opening. Remove an old version from the file only after the sweep has logged that
# it finished ("... rows sealed with the current key"), else rows still on it can no longer be read.
set -euo pipefail

usage() { sed -n 2,31p "$0" >&2; exit 2; }
[[ $# -ge 2 ]] || usage
command=$1 file=$2
algorithm=${3:-SM4-GCM}

key_bytes() {
  case $1 in
    SM4-GCM) echo 16 ;;
    AES-256-GCM) echo 32 ;;
    *) echo "unknown algorithm $1 (SM4-GCM or AES-256-GCM)" >&2; exit 2 ;;
  esac
}
random() { head -c "$1" /dev/urandom | base64 -w0; }
write() { # json: replace the file atomically, readable by its owner only
  local tmp
  tmp=$(mktemp "$file.XXXXXX")
  chmod 600 "$tmp"
  echo "$1" >"$tmp"
  mv "$tmp" "$file"
}
add_version() {
  local next
  next=$(jq '[.keys[].version] | max + 1' "$file")
  write "$(jq --argjson v "$next" --arg a "$algorithm" --arg s "$(random "$(key_bytes "$algorithm")")" \
    '.keys += [{version: $v, algorithm: $a, secret: $s}]' "$file")"
  echo "$next"
}

case $command in
  init)
    [[ ! -e $file ]] || { echo "$file exists; use add or rotate" >&2; exit 1; }
    mkdir -p "$(dirname "$file")"
    write "$(jq -n --arg a "$algorithm" --arg s "$(random "$(key_bytes "$algorithm")")" --arg i "$(random 32)" \
      '{currentVersion: 1, keys: [{version: 1, algorithm: $a, secret: $s}], index: {algorithm: "HMAC-SM3", secret: $i}}')"
    echo "created $file (v1 $algorithm, index HMAC-SM3)"
    ;;
  add)
    echo "added v$(add_version) ($algorithm) to $file; not current yet"
    ;;
  promote)
    version=${3:?promote needs a VERSION}
    jq -e --argjson v "$version" 'any(.keys[]; .version == $v)' "$file" >/dev/null || { echo "no key v$version in $file" >&2; exit 1; }
    write "$(jq --argjson v "$version" '.currentVersion = $v' "$file")"
    echo "v$version is current in $file; restart the services to seal with it and sweep"
    ;;
  rotate)
    version=$(add_version)
    write "$(jq --argjson v "$version" '.currentVersion = $v' "$file")"
    echo "v$version ($algorithm) is current in $file; restart the services: their sweep re-seals every row"
    ;;
  share)
    name=${3:?share needs a NAME}
    from=${4:-}
    jq -e --arg n "$name" '.sharedIndexes[$n] == null' "$file" >/dev/null || { echo "$file already shares $name" >&2; exit 1; }
    if [[ -n $from ]]; then
      shared=$(jq -e --arg n "$name" '.sharedIndexes[$n]' "$from") || { echo "$from shares no key $name" >&2; exit 1; }
    else
      shared=$(jq -n --arg s "$(random 32)" '{algorithm: "HMAC-SM3", secret: $s}')
    fi
    write "$(jq --arg n "$name" --argjson k "$shared" '.sharedIndexes[$n] = $k' "$file")"
    echo "$file shares the blind-index key $name${from:+ with $from}"
    ;;
  rekey-shared)
    name=${3:?rekey-shared needs a NAME}
    from=${4:-}
    current=$(jq -e --arg n "$name" '.sharedIndexes[$n] | del(.previous)' "$file") || { echo "$file shares no key $name" >&2; exit 1; }
    jq -e --arg n "$name" '.sharedIndexes[$n].previous == null' "$file" >/dev/null || { echo "$file is already rotating $name; retire-shared first" >&2; exit 1; }
    if [[ -n $from ]]; then
      # The other file's new key, provided it replaced the same old one: both services then agree on both.
      jq -e --arg n "$name" --argjson c "$current" '.sharedIndexes[$n].previous == $c' "$from" >/dev/null \
        || { echo "$from is not rotating $name away from this file's key" >&2; exit 1; }
      next=$(jq --arg n "$name" '.sharedIndexes[$n] | del(.previous)' "$from")
    else
      next=$(jq -n --arg s "$(random 32)" '{algorithm: "HMAC-SM3", secret: $s}')
    fi
    write "$(jq --arg n "$name" --argjson k "$next" --argjson p "$current" '.sharedIndexes[$n] = ($k + {previous: $p})' "$file")"
    echo "$file: a new $name key is current, the old one its previous; restart the service"
    ;;
  retire-shared)
    name=${3:?retire-shared needs a NAME}
    jq -e --arg n "$name" '.sharedIndexes[$n].previous != null' "$file" >/dev/null || { echo "$file is not rotating $name" >&2; exit 1; }
    write "$(jq --arg n "$name" '.sharedIndexes[$n] |= del(.previous)' "$file")"
    echo "$file: the previous $name key is gone; restart the service"
    ;;
  status)
    jq '{currentVersion, keys: [.keys[] | {version, algorithm}], index: {algorithm: .index.algorithm}, sharedIndexes: ((.sharedIndexes // {}) | map_values({algorithm, rotating: (.previous != null)}))}' "$file"
    ;;
  *) usage ;;
esac
