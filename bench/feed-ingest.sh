#!/usr/bin/env bash
# The CAP corpus (the accepted messages of CAP 1.2, 1.1 and 1.0) taken in through a feed, next to
# the same messages published directly over HTTP one at a time (as a feed's poller takes them),
# on one service in one run: C copies of every message a way and round (default 20), R rounds
# (default 3), alternating, the first on a service just started. Prints messages per second of
# each way and their ratio. Needs PostgreSQL on 127.0.0.1:5432 and the corpus beside the project
# (CAP_CORPUS, default ../shared/cap-corpus).
#
#   bench/feed-ingest.sh [copies] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
COPIES=${1:-20}
ROUNDS=${2:-3}
DB=airalert_bench_feed

bench_package
bench_compile
bench_create_db "$DB"
bench_java FeedBench "$COPIES" "$ROUNDS" "$(bench_jdbc_url "$DB")" "${CAP_CORPUS:-../shared/cap-corpus}" \
  target/bench-feed.log
