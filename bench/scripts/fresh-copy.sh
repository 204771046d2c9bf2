#!/usr/bin/env bash
# A fresh copy of a store, read into the OS page cache, with the original evicted from it, so that every timed run
# starts from the same state ("warm" runs in docs/benchmarks.md).
# usage: bench/scripts/fresh-copy.sh STORE COPY
set -euo pipefail
store=$1 copy=$2
rm -f "$copy" "$copy-wal" "$copy-shm"
cp "$store" "$copy"
python3 -c "import os, sys; fd = os.open(sys.argv[1], os.O_RDONLY); os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED); os.close(fd)" "$store"
cat "$copy" > /dev/null
