#!/usr/bin/env bash
# make bench: generates snapshots at several scales and builds each month's pack,
# printing wall time and peak memory per stage, then a backfill of every month of the
# smallest. Snapshots are cached between runs.
# BENCH_SCALES="10000 100000" make bench  — choose the scales (customers).
set -euo pipefail
bin=.build/release/reviewpack
scales=${BENCH_SCALES:-"10000 100000 1000000"}
cache=${BENCH_CACHE:-${TMPDIR:-/tmp}/reviewpack-bench}
mkdir -p "$cache"
for n in $scales; do
  data="$cache/snapshot-$n"
  if [ ! -f "$data/pack.yaml" ]; then
    echo "generating $n customers ..."
    /usr/bin/env time -f "  sample    %e s   peak %M KiB" "$bin" sample --out "$data" --customers "$n" 2>&1 | grep -v "^wrote"
  fi
  size=$(du -sh "$data" | cut -f1)
  echo "== $n customers ($size of CSV)"
  site="$cache/site-$n"
  rm -rf "$site"
  bytes=$(cat "$data"/*.csv | wc -c)
  if [ -z "${warmed:-}" ]; then
    # The program's own files (binary, libraries, fonts, templates) are brought into the page
    # cache by one untimed build, as `cat` brings each snapshot's CSV files: this machine
    # evicts file pages left unused for a minute, and a 10 k build after such a pause read
    # them back from disk (82 major page faults), 0.45 s instead of 0.32 s.
    "$bin" build --data "$data" --out "$cache/warm-up" --quiet > /dev/null 2>&1 || true
    rm -rf "$cache/warm-up" "$cache/warm-up.outbox"
    warmed=1
  fi
  /usr/bin/env time -f "  total     %e s   peak %M KiB" "$bin" build --data "$data" --out "$site" --timings 2>&1 \
    | grep -v -E "^(built|reviewpack: warning|  [a-z_]+(: [0-9]+, first at|：[0-9]+ 处))" \
    | awk -v bytes="$bytes" '{ print } $1 == "read" { printf "  read rate %8.0f MB/s of CSV\n", bytes / 1e6 / $2 }'
done
# A backfill: every complete month of the first snapshot, read once, each month computed once
# and published with its own pack.
n=${scales%% *}
data="$cache/snapshot-$n"
site="$cache/site-$n-all"
rm -rf "$site" "$site.outbox"
echo "== backfill: $n customers, every complete month (build --all)"
/usr/bin/env time -f "  total     %e s   peak %M KiB" "$bin" build --data "$data" --out "$site" --all --timings 2>&1 \
  | grep -v -E "^(built|reviewpack: warning|  [a-z_]+(: [0-9]+, first at|：[0-9]+ 处))"
echo "  months    $(find "$site" -mindepth 1 -maxdepth 1 -name '20??-??' | wc -l)"
