#!/usr/bin/env bash
# RabbitMQ publishing benchmark: how many alerts per second the broker relay publishes to
# RabbitMQ with publisher confirms, next to RabbitMQ's own PerfTest (com.rabbitmq:perf-test)
# publishing the same number of messages of the same size with confirms, in the same run.
# Needs PostgreSQL on 127.0.0.1:5432 and RabbitMQ on 127.0.0.1:5672 (guest/guest).
#
#   bench/rabbitmq-publish.sh [alerts]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
N=${1:-5000}
DB=airalert_bench_rabbit
PERFTEST_VERSION=2.22.1
PERFTEST_DIR=target/perftest

bench_package
bench_compile
# PerfTest and its libraries, from Maven Central through the wrapper.
if [ ! -f "$PERFTEST_DIR/libs/perf-test-$PERFTEST_VERSION.jar" ]; then
  mkdir -p "$PERFTEST_DIR"
  cat > "$PERFTEST_DIR/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>perftest</artifactId><version>1</version>
  <dependencies><dependency><groupId>com.rabbitmq</groupId><artifactId>perf-test</artifactId>
    <version>$PERFTEST_VERSION</version></dependency></dependencies></project>
POM
  ./mvnw -q -B -f "$PERFTEST_DIR/pom.xml" dependency:copy-dependencies -DoutputDirectory=libs
fi
bench_create_db $DB
bench_java RabbitPublishBench "$(bench_jdbc_url $DB)" "$N" "$PERFTEST_DIR/libs"
