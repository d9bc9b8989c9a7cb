#!/usr/bin/env bash
# Single-node Apache Kafka broker (KRaft, combined broker+controller) for tests.
# There is no Docker here, so the broker runs straight from the org.apache.kafka
# artifacts that Maven fetches.
#
# Usage: src/test/scripts/kafka-broker.sh start|stop|status
# Env:   KAFKA_PORT (19092; the controller listens on KAFKA_PORT+1)
#        KAFKA_VERSION (4.1.1)
#        KAFKA_DIR (the user's cache directory: the broker outlives any one checkout, so
#                   it is not kept in target/, which a clean or a deleted clone would pull
#                   from under a running broker)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cd "$ROOT"

KAFKA_PORT="${KAFKA_PORT:-19092}"
KAFKA_VERSION="${KAFKA_VERSION:-4.1.1}"
KAFKA_DIR="${KAFKA_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/airalert-test-kafka}"
CONTROLLER_PORT=$((KAFKA_PORT + 1))
START_TIMEOUT=60

mkdir -p "$KAFKA_DIR"
# Absolute, so the broker's config does not depend on its working directory.
KAFKA_DIR="$(cd "$KAFKA_DIR" && pwd)"
LIBS="$KAFKA_DIR/libs"
DATA="$KAFKA_DIR/data"
PID_FILE="$KAFKA_DIR/broker.pid"
LOG_FILE="$KAFKA_DIR/broker.log"
CONFIG="$KAFKA_DIR/server.properties"
LOG_CONFIG="$KAFKA_DIR/log4j2.properties"

log() { echo "kafka: $*"; }

show_log() {
  # The first error usually names the cause; the tail is often just a stack trace.
  log "$1; first error and last lines of $LOG_FILE:"
  grep -m 1 -E '^\[[^]]*\] (ERROR|FATAL) ' "$LOG_FILE" || true
  echo "..."
  tail -n 30 "$LOG_FILE"
}

port_open() {
  # timeout guards against a connect that hangs instead of being refused.
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

broker_pid() {
  local pid
  [[ -f "$PID_FILE" ]] || return 1
  pid="$(cat "$PID_FILE")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

fetch_libs() {
  # A marker rather than "libs is non-empty": an interrupted copy or another
  # version must not be mistaken for a usable classpath.
  if [[ -f "$LIBS/.version" && "$(cat "$LIBS/.version")" == "$KAFKA_VERSION" ]]; then
    return
  fi
  log "fetching org.apache.kafka $KAFKA_VERSION with Maven into $LIBS"
  rm -rf "$LIBS"
  # kafka-tools brings the console producer/consumer and topic tools; its
  # Connect runtime (Jetty, Jersey) is not needed to run a broker or the CLI.
  # log4j-slf4j-impl routes the broker's SLF4J 1.x logging to Log4j 2.
  cat > "$KAFKA_DIR/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.test</groupId>
  <artifactId>kafka-broker-runtime</artifactId>
  <version>0</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.apache.kafka</groupId>
      <artifactId>kafka_2.13</artifactId>
      <version>$KAFKA_VERSION</version>
    </dependency>
    <dependency>
      <groupId>org.apache.kafka</groupId>
      <artifactId>kafka-tools</artifactId>
      <version>$KAFKA_VERSION</version>
      <exclusions>
        <exclusion>
          <groupId>org.apache.kafka</groupId>
          <artifactId>connect-runtime</artifactId>
        </exclusion>
        <exclusion>
          <groupId>com.fasterxml.jackson.jakarta.rs</groupId>
          <artifactId>jackson-jakarta-rs-json-provider</artifactId>
        </exclusion>
      </exclusions>
    </dependency>
    <dependency>
      <groupId>org.apache.logging.log4j</groupId>
      <artifactId>log4j-slf4j-impl</artifactId>
      <version>2.24.3</version>
    </dependency>
  </dependencies>
</project>
EOF
  ./mvnw -q -B -f "$KAFKA_DIR/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$LIBS"
  echo "$KAFKA_VERSION" > "$LIBS/.version"
}

write_config() {
  # Static voters rather than controller.quorum.bootstrap.servers + --standalone:
  # the voter set then lives in this file, not in the formatted storage, so a
  # later run with another KAFKA_PORT still works on the same data.
  # Single-partition internal topics keep the first consumer group and first
  # transaction fast; replication factor 1 is required on a single node.
  cat > "$CONFIG" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$DATA
num.partitions=1
auto.create.topics.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
EOF
  # Without a config Log4j 2 prints errors only; INFO keeps startup problems visible.
  cat > "$LOG_CONFIG" <<EOF
status = warn
appender.out.type = Console
appender.out.name = out
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.out.ref = out
logger.kafka.name = kafka
logger.kafka.level = INFO
logger.apache.name = org.apache.kafka
logger.apache.level = INFO
EOF
}

format_storage() {
  # Formatting twice is an error, and would lose the data the tests rely on.
  if [[ -f "$DATA/meta.properties" ]]; then
    return
  fi
  local cluster_id
  cluster_id="$(java -cp "$LIBS/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)" || {
    log "could not get a cluster id from kafka.tools.StorageTool random-uuid"
    exit 1
  }
  log "formatting storage in $DATA (cluster id $cluster_id)"
  java -cp "$LIBS/*" -Dlog4j2.configurationFile="$LOG_CONFIG" kafka.tools.StorageTool format \
    -t "$cluster_id" -c "$CONFIG" >> "$LOG_FILE" 2>&1 || {
      show_log "storage format failed"
      exit 1
    }
}

start() {
  if port_open "$KAFKA_PORT"; then
    log "already running on 127.0.0.1:$KAFKA_PORT"
    exit 0
  fi
  local pid started
  started=$SECONDS
  if pid="$(broker_pid)"; then
    # Our broker is still coming up: wait for it rather than start a second one.
    log "broker pid $pid is starting, waiting for 127.0.0.1:$KAFKA_PORT"
  else
    fetch_libs
    write_config
    : > "$LOG_FILE"
    format_storage
    nohup java -Xmx512m -XX:+UseG1GC -Djava.awt.headless=true \
      -Dlog4j2.configurationFile="$LOG_CONFIG" \
      -cp "$LIBS/*" kafka.Kafka "$CONFIG" >> "$LOG_FILE" 2>&1 < /dev/null &
    pid=$!
    echo "$pid" > "$PID_FILE"
  fi
  while ! port_open "$KAFKA_PORT"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      show_log "broker exited before listening"
      rm -f "$PID_FILE"
      exit 1
    fi
    if (( SECONDS - started >= START_TIMEOUT )); then
      show_log "no answer on 127.0.0.1:$KAFKA_PORT after ${START_TIMEOUT}s"
      exit 1
    fi
    sleep 1
  done
  log "started on 127.0.0.1:$KAFKA_PORT (KRaft, version $(cat "$LIBS/.version"))"
}

stop() {
  local pid
  if ! pid="$(broker_pid)"; then
    rm -f "$PID_FILE"
    log "not running (no live pid in $PID_FILE)"
    return 0
  fi
  kill "$pid"
  # A controlled shutdown flushes logs and the metadata snapshot; give it time
  # before forcing, so the next start does not have to recover.
  for _ in $(seq 1 30); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill -9 "$pid" 2>/dev/null || true
    log "broker pid $pid did not stop in 30s, killed"
  else
    log "stopped broker pid $pid"
  fi
  rm -f "$PID_FILE"
}

status() {
  local pid
  if port_open "$KAFKA_PORT"; then
    if pid="$(broker_pid)"; then
      log "running on 127.0.0.1:$KAFKA_PORT (pid $pid)"
    else
      log "running on 127.0.0.1:$KAFKA_PORT (not started by this script)"
    fi
    return 0
  fi
  if pid="$(broker_pid)"; then
    log "pid $pid alive but 127.0.0.1:$KAFKA_PORT not answering"
  else
    log "not running"
  fi
  return 1
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
