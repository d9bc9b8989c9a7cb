#!/usr/bin/env bash
# Place fan-out benchmark: one country-wide alert through the place scheme on RabbitMQ (one
# message per place it makes active, 1,633), timed until a consumer bound to place.# has them
# all, next to the RabbitMQ Java client publishing the same messages with confirms.
# Needs PostgreSQL on 127.0.0.1:5432 and RabbitMQ on 127.0.0.1:5672 (guest/guest).
#
#   bench/rabbitmq-places.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
DB=airalert_bench_places

bench_package
bench_compile
bench_create_db $DB
bench_java PlaceFanoutBench "$(bench_jdbc_url $DB)"
