#!/usr/bin/env bash
# What the live map costs to download: the status at hromada level in its compact form, the map
# of one oblast's raions and hromadas, and the whole page as a browser opening it loads it, each
# raw and gzipped, with two alerts active (bench/sizes.py says what exactly). This tree's embedded
# package next to a baseline's (BASELINE_REF, default the release aa3b86d, built once in a
# temporary git worktree); an address a package does not serve (4xx) is "not available".
#
#   bench/sizes.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
ADMIN=bench-admin-key

bench_package
bench_baseline_package
WORK=$(mktemp -d)
trap 'bench_stop_app; rm -rf "$WORK"' EXIT

# Measures the embedded package in directory $2, started in a new empty directory; named $1.
measure() {
  local name=$1 package=$2 port
  port=$(bench_free_port)
  mkdir -p "$WORK/$name"
  AIRALERT_ADMIN_KEY=$ADMIN bench_start_app "$WORK/$name" "$WORK/$name/app.log" -Dquarkus.http.port="$port" \
    -jar "$PWD/$package/quarkus-run.jar"
  bench_wait_ready "$port" "$WORK/$name/app.log"
  echo "== $name"
  python3 bench/sizes.py "http://127.0.0.1:$port" "$ADMIN" | tee "$WORK/$name/sizes.txt"
  bench_stop_app
}

measure "this tree" target/embedded/quarkus-app
measure "baseline $BENCH_BASELINE_NAME" "$BENCH_BASELINE/embedded/quarkus-app"

# The two result lines side by side, with the targets.
python3 - "$WORK/this tree/sizes.txt" "$WORK/baseline $BENCH_BASELINE_NAME/sizes.txt" "$BENCH_BASELINE_NAME" <<'PY'
import sys
def result(path):
    line = [l for l in open(path) if l.startswith('result ')][-1]
    return dict(pair.split('=') for pair in line.split()[1:])
ours, theirs = result(sys.argv[1]), result(sys.argv[2])
rows = [('status?level=hromada&format=compact, gzip', 'status', 'target < 2 KB'),
        ('map.svg?within=UA-46, gzip', 'map', 'target < 100 KB'),
        ('the page and all it loads, gzip', 'page', ''),
        ('  the same without the active alerts, gzip', 'page-without-alerts', ''),
        ('the page and all it loads, raw', 'page-raw', '')]
def shown(value):
    return 'not available' if value == 'n/a' else f'{int(value):,} B'
print(f"\n{'':44} {'this tree':>15} {'baseline ' + sys.argv[3]:>22}")
for label, key, target in rows:
    print(f'{label:44} {shown(ours[key]):>15} {shown(theirs[key]):>22}   {target}')
PY
