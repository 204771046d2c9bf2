#!/usr/bin/env bash
# The pages an ingest writes, by table or index: a read transaction held open beside the ingest keeps every
# checkpoint from resetting the WAL, whose frames are then mapped to their tables with SQLite's dbstat.
# usage: bench/scripts/wal-pages.sh STORE COPY INPUT.jsonl   (run from the repository, after a Release build)
set -euo pipefail
store=$1 copy=$2 input=$3
"$(dirname "$0")/fresh-copy.sh" "$store" "$copy"
# An upgrade's own writes are not the ingest's: the copy is upgraded (any command that opens it) and checkpointed first.
kabar="src/Kabar.Cli/bin/Release/net10.0/kabar.dll"
dotnet "$kabar" stats --db "$copy" >/dev/null
python3 -c "import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute('PRAGMA wal_checkpoint(TRUNCATE)')" "$copy"
python3 -c "
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute('BEGIN'); c.execute('SELECT count(*) FROM settings').fetchone()
time.sleep(1e6)" "$copy" &
reader=$!
trap 'kill $reader 2>/dev/null || true' EXIT
sleep 2
dotnet "$kabar" ingest "$input" --db "$copy" | tail -n 1
cp "$copy-wal" "$copy.frames"
kill $reader
python3 - "$copy" <<'PY'
import collections, sqlite3, struct, sys
copy = sys.argv[1]
wal = open(copy + '.frames', 'rb').read()
size = struct.unpack('>I', wal[8:12])[0]
frames = [struct.unpack('>I', wal[o:o + 4])[0] for o in range(32, len(wal) - 24 - size + 1, 24 + size)]
print(f'{len(frames)} frames, {len(set(frames))} distinct pages')
db = sqlite3.connect(copy)
db.execute('PRAGMA wal_checkpoint(TRUNCATE)')
wanted = set(frames)
owner = {page: name for name, page in db.execute('SELECT name, pageno FROM dbstat') if page in wanted}
written = collections.Counter(owner.get(p, '?') for p in frames)
distinct = collections.Counter(owner.get(p, '?') for p in wanted)
for name, count in written.most_common():
    print(f'{name:32} {count:8} frames {distinct[name]:8} pages')
PY
rm -f "$copy.frames"
