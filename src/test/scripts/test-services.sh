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

# Tools some tests drive, from Debian's packages, installed when missing: Chromium (the live
# map's browser test), docker-compose and HAProxy (checking the files under docker/; no
# Docker engine is needed for that).
apt_install() {
  local package=$1
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y -q "$package" || { apt-get update -q && apt-get install -y -q "$package"; }
  elif command -v sudo >/dev/null 2>&1; then
    sudo -n apt-get install -y -q "$package" || { sudo -n apt-get update -q && sudo -n apt-get install -y -q "$package"; }
  else
    return 1
  fi
}

ensure_tool() {
  local command=$1 package=$2 why=$3
  if command -v "$command" >/dev/null 2>&1; then
    say "$command is installed ($(command -v "$command"))"
    return
  fi
  say "$command is not installed; installing Debian's $package package"
  if command -v apt-get >/dev/null 2>&1; then
    apt_install "$package" > "${TMPDIR:-/tmp}/airalert-install-$package.log" 2>&1 || true
  fi
  if ! command -v "$command" >/dev/null 2>&1; then
    say "ERROR: $command is needed for $why; install Debian's $package package (apt-get install $package)."
    exit 1
  fi
  say "$command installed ($(command -v "$command"))"
}

ensure_tool "${AIRALERT_TEST_CHROMIUM:-chromium}" chromium \
  "the live map's browser test (or set AIRALERT_TEST_CHROMIUM to a Chromium binary)"
ensure_tool docker-compose docker-compose "checking docker/compose.yml"
ensure_tool haproxy haproxy "checking docker/haproxy.cfg"
ensure_tool xmllint libxml2-utils "the CAP corpus test, which checks every verdict against xmllint --schema"

# npm packages of the stand-in push service (src/test/node), installed into target/node/ from
# the committed lock file. Paths come from this script's place: Maven may run it from anywhere.
BASEDIR=$(cd "$(dirname "$0")/../../.." && pwd)
NODE_DIR="$BASEDIR/target/node"
# A changed lock file installs again, so a version bump is not masked by an old install.
if [ -d "$NODE_DIR/node_modules/http_ece" ] \
    && cmp -s "$BASEDIR/src/test/node/package-lock.json" "$NODE_DIR/package-lock.json"; then
  say "npm packages of the push stand-in are installed in target/node"
else
  if ! command -v npm >/dev/null 2>&1; then
    say "ERROR: npm is needed to install the push stand-in's packages (src/test/node); install Node.js 20 with npm."
    exit 1
  fi
  say "installing the push stand-in's npm packages into target/node"
  mkdir -p "$NODE_DIR"
  cp "$BASEDIR/src/test/node/package.json" "$BASEDIR/src/test/node/package-lock.json" "$NODE_DIR/"
  if ! (cd "$NODE_DIR" && npm ci --no-audit --no-fund --loglevel=error); then
    say "ERROR: npm ci failed in target/node; the push tests need http_ece from the npm registry."
    exit 1
  fi
  say "npm packages of the push stand-in installed"
fi
