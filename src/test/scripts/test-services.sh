#!/usr/bin/env bash
# Makes sure the services the test suite talks to are up, starting them where this
# machine knows how, and creates the test database. Prints what it did; fails with a
# clear message when a service cannot be reached.
set -euo pipefail

PGHOST=${AIRALERT_TEST_PGHOST:-127.0.0.1}
PGPORT=${AIRALERT_TEST_PGPORT:-5432}
PGUSER=${AIRALERT_TEST_PGUSER:-postgres}
PGDB=${AIRALERT_TEST_PGDATABASE:-airalert_test}

say() { echo "[test-services] $*"; }

pg_up() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$PGHOST" -p "$PGPORT"
  else
    (exec 3<>"/dev/tcp/$PGHOST/$PGPORT") 2>/dev/null
  fi
}

if pg_up; then
  say "PostgreSQL is running on $PGHOST:$PGPORT"
else
  say "PostgreSQL is not answering on $PGHOST:$PGPORT; trying to start it"
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    for version in $(ls /etc/postgresql); do
      pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    done
  fi
  for _ in $(seq 1 30); do pg_up && break; sleep 1; done
  if ! pg_up; then
    say "ERROR: PostgreSQL is needed on $PGHOST:$PGPORT (user $PGUSER, trust or password-less auth)."
    say "Start it, or point AIRALERT_TEST_PGHOST/AIRALERT_TEST_PGPORT at one."
    exit 1
  fi
  say "PostgreSQL started"
fi

if ! command -v psql >/dev/null 2>&1; then
  say "ERROR: psql is needed to create the test database $PGDB"
  exit 1
fi
if psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -Atc \
    "select 1 from pg_database where datname = '$PGDB'" | grep -q 1; then
  say "database $PGDB exists"
else
  psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -qc "create database \"$PGDB\""
  say "database $PGDB created"
fi

# Message brokers: RabbitMQ (AMQP 0-9-1) and Mosquitto (MQTT) on their standard ports.
tcp_up() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

ensure_broker() {
  local name=$1 host=$2 port=$3 start=$4
  if tcp_up "$host" "$port"; then
    say "$name is running on $host:$port"
    return
  fi
  say "$name is not answering on $host:$port; trying to start it"
  eval "$start" >/dev/null 2>&1 || true
  for _ in $(seq 1 60); do tcp_up "$host" "$port" && break; sleep 1; done
  if ! tcp_up "$host" "$port"; then
    say "ERROR: $name is needed on $host:$port for the messaging tests. Start it and run the tests again."
    exit 1
  fi
  say "$name started"
}

ensure_broker RabbitMQ 127.0.0.1 5672 "command -v rabbitmq-server && rabbitmq-server -detached"
ensure_broker Mosquitto 127.0.0.1 1883 \
  "command -v mosquitto && mosquitto -d -c /etc/mosquitto/mosquitto.conf"

# Kafka: a single-node KRaft broker from the org.apache.kafka artifacts (no Docker here).
"$(dirname "$0")/kafka-broker.sh" start | sed 's/^/[test-services] /'

# Chromium, for the live map's end-to-end test: Debian's package, installed when missing.
CHROMIUM=${AIRALERT_TEST_CHROMIUM:-chromium}
if command -v "$CHROMIUM" >/dev/null 2>&1; then
  say "Chromium is installed ($(command -v "$CHROMIUM"))"
else
  say "Chromium is not installed; installing Debian's chromium package"
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    (apt-get install -y -q chromium || { apt-get update -q && apt-get install -y -q chromium; }) \
      > "${TMPDIR:-/tmp}/airalert-chromium-install.log" 2>&1 || true
  elif command -v sudo >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    (sudo -n apt-get install -y -q chromium || { sudo -n apt-get update -q && sudo -n apt-get install -y -q chromium; }) \
      > "${TMPDIR:-/tmp}/airalert-chromium-install.log" 2>&1 || true
  fi
  if ! command -v "$CHROMIUM" >/dev/null 2>&1; then
    say "ERROR: Chromium is needed for the live map's browser test; install Debian's chromium package"
    say "(apt-get install chromium) or set AIRALERT_TEST_CHROMIUM to a Chromium or Chrome binary."
    exit 1
  fi
  say "Chromium installed ($(command -v "$CHROMIUM"))"
fi
