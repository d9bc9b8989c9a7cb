#!/usr/bin/env bash
# Web Push fan-out benchmark: N push subscriptions for Kyiv (default 10,000) on a stand-in push
# service in the benchmark's process; one alert at a time, from the publish's 201 until every
# subscription has its push: the first alert after the service is ready on its own, then a few
# more (default 3). Next to each, in the same run, a baseline encrypting the same plaintext with
# the same code (the service's Aes128Gcm) and posting it with the same client (Vert.x) and
# concurrency (the service's limit per push service, default 128). Needs PostgreSQL on 127.0.0.1:5432.
#
#   bench/push-fanout.sh [subscriptions] [concurrency] [more-alerts]
#
# With BENCH_JFR=1, both the service and the benchmark run with a JFR recording (profile
# settings): target/bench-push-service.jfr and target/bench-push-bench.jfr. With
# BENCH_EC_PROVIDER=BC, the baseline puts BouncyCastle first among the JCA providers (for a
# service that does); either way it prints what an encryption costs with each.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
DB=airalert_bench_push
JFR=()
if [ -n "${BENCH_JFR:-}" ]; then
  JFR=(-XX:StartFlightRecording=filename=target/bench-push-bench.jfr,settings=profile)
fi

bench_package
bench_compile
# The baseline encrypts with the service's own class, which lives in the application's jar.
BENCH_CLASSPATH="$BENCH_CLASSPATH:target/quarkus-app/app/*"
# BouncyCastle's provider from the tests' libraries, for the comparison of EC providers.
BC_JAR=$(tr ':' '\n' < "$BENCH_CLASSES/test-classpath.txt" | grep -E '/bcprov-jdk18on-[^/]*\.jar$' | head -1 || true)
[ -z "$BC_JAR" ] || BENCH_CLASSPATH="$BENCH_CLASSPATH:$BC_JAR"
bench_create_db $DB
bench_java "${JFR[@]}" PushFanoutBench "$(bench_jdbc_url $DB)" "${1:-10000}" "${2:-128}" "${3:-3}"
