#!/usr/bin/env bash
# The CPU time of each thread of one `kabar ingest` into a fresh warm copy of a store: the committing (main) thread is
# the one named "dotnet". Its CPU time varies less from run to run than the wall clock on a shared VM.
# usage: bench/scripts/committing-cpu.sh KABAR_DLL STORE INPUT [COPY]
set -euo pipefail
dll=$1 store=$2 input=$3 copy=${4:-/tmp/kabar-cpu.db}
here=$(dirname "$0")
"$here/fresh-copy.sh" "$store" "$copy"
dotnet "$dll" stats --db "$copy" > /dev/null
python3 -c "import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute('PRAGMA wal_checkpoint(TRUNCATE)')" "$copy"
cat "$copy" > /dev/null
dotnet "$dll" ingest "$input" --db "$copy" 2> >(grep -v 'progress' >&2) &
pid=$!
sleep 0.3
perf stat --per-thread -e task-clock -p "$pid" -o /tmp/kabar-cpu.$$.txt 2> /dev/null &
wait "$pid"
sleep 1
awk '/msec/ { for (i = 1; i <= NF; i++) if ($i == "msec") print $(i - 1) "\t" $0 }' /tmp/kabar-cpu.$$.txt | sort -t$'\t' -k1 -rn | cut -f2 | head -4
rm -f /tmp/kabar-cpu.$$.txt
