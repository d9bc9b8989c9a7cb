#!/usr/bin/env bash
# RabbitMQ publishing benchmark: how many alerts per second the broker relay publishes to
# RabbitMQ with publisher confirms, next to RabbitMQ's own PerfTest (com.rabbitmq:perf-test)
# publishing the same number of messages of the same size with confirms, in the same run.
# Needs PostgreSQL on 127.0.0.1:5432 and RabbitMQ on 127.0.0.1:5672 (guest/guest).
#
#   bench/rabbitmq-publish.sh [alerts]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-5000}
DB=airalert_bench_rabbit
PERFTEST_VERSION=2.22.1
PERFTEST_DIR=target/perftest

./mvnw -q -B package -DskipTests
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
psql -h 127.0.0.1 -U postgres -q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
java -cp "target/quarkus-app/lib/main/*" bench/RabbitPublishBench.java \
  "jdbc:postgresql://127.0.0.1:5432/$DB" "$N" "$PERFTEST_DIR/libs"
