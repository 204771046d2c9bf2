#!/usr/bin/env bash
# Whether two builds decide alike: each input is ingested into a new store by each build, and the stores' exports
# (duplicates, similarities, stories, their reasons and scores) are compared byte for byte. Prints each run's time.
# usage: bench/scripts/same-exports.sh OLD_KABAR_DLL NEW_KABAR_DLL INPUT...
set -euo pipefail
old=$1 new=$2
shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for input in "$@"; do
  name=$(basename "$input" .jsonl)
  for build in old new; do
    dll=$old; [ "$build" = new ] && dll=$new
    start=$(date +%s%N)
    if ! dotnet "$dll" ingest "$input" --db "$work/$build.db" > /dev/null 2> "$work/errors"; then
      echo "$name $build: ingest failed: $(grep -v 'progress' "$work/errors" | tail -1)" >&2
      exit 2
    fi
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    printf '%s %s %d.%02d s\n' "$name" "$build" $((ms / 1000)) $((ms % 1000 / 10))
    dotnet "$dll" export --db "$work/$build.db" --format jsonl > "$work/$build.jsonl"
    rm -f "$work/$build.db" "$work/$build.db-wal" "$work/$build.db-shm"
  done
  if cmp -s "$work/old.jsonl" "$work/new.jsonl"; then
    echo "$name: same ($(wc -l < "$work/new.jsonl") articles)"
  else
    echo "$name: DIFFERENT"
    status=1
  fi
done
exit $status
