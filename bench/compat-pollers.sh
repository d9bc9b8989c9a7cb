#!/usr/bin/env bash
# Pollers of the compatible APIs: N clients (default 200), each with a reader key, asking
# /v1/iot/active_air_raid_alerts_by_oblast.json and /api/v3/alerts as fast as answers come;
# requests/s and p99, next to a static file of about the same size served by the same service
# (Quarkus on Vert.x) in the same run. Needs PostgreSQL on 127.0.0.1:5432.
#
#   bench/compat-pollers.sh [pollers] [seconds-per-phase] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
DB=airalert_bench_compat

bench_package
bench_compile
bench_create_db $DB
bench_java CompatPollBench "$(bench_jdbc_url $DB)" "${1:-200}" "${2:-8}" "${3:-3}"
