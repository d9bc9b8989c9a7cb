# What the benchmark scripts share: building the package, a scratch PostgreSQL database, a free
# port, starting the packaged service and waiting until it is ready, and compiling and running
# the Java benchmark programs. Sourced by bench/*.sh from the repository's root:
#
#   . bench/lib.sh
#
# PostgreSQL is the one on 127.0.0.1:5432, user postgres, unless PGHOST, PGPORT or PGUSER say
# otherwise.

BENCH_PGHOST=${PGHOST:-127.0.0.1}
BENCH_PGPORT=${PGPORT:-5432}
BENCH_PSQL=(psql -h "$BENCH_PGHOST" -p "$BENCH_PGPORT" -U "${PGUSER:-postgres}" -v ON_ERROR_STOP=1 -q)
# The Java programs are compiled together (Java 17 runs a single source file, not one that uses
# another) against the service's own libraries, which they use for HTTP, RabbitMQ and JDBC.
BENCH_CLASSES=target/bench
# Awaitility (and Hamcrest, which it uses) for the tests' headless Chromium driver that the map
# benchmark shares; their paths are written by bench_compile.
BENCH_TEST_LIBS=$BENCH_CLASSES/test-libs.txt
BENCH_CLASSPATH="$BENCH_CLASSES:target/quarkus-app/lib/main/*:$(cat "$BENCH_TEST_LIBS" 2>/dev/null || true)"
# The commit the benchmarks that compare two versions of the service take as their baseline:
# BASELINE_REF, by default the release aa3b86d.
BENCH_BASELINE_REF=${BASELINE_REF:-aa3b86d}

# Builds both packages (the production one and the embedded default), without running tests.
bench_package() {
  ./mvnw -q -B package -DskipTests
}

# Builds the packages of the commit BASELINE_REF (default: the release aa3b86d) in a temporary
# git worktree, once per commit, and keeps them in target/bench-baseline/<commit>
# (quarkus-app/: production, embedded/quarkus-app/: the embedded default); that directory is
# left in BENCH_BASELINE, and the name to report it by in BENCH_BASELINE_NAME. The working tree
# is never touched, and the worktree is removed afterwards.
bench_baseline_package() {
  local commit work
  commit=$(git rev-parse --verify "$BENCH_BASELINE_REF^{commit}")
  BENCH_BASELINE=target/bench-baseline/$commit
  BENCH_BASELINE_COMMIT=${commit:0:7}
  # How the reports name it: the commit, and the ref too when that is another name for it.
  BENCH_BASELINE_NAME=$BENCH_BASELINE_COMMIT
  [ "$BENCH_BASELINE_REF" = "$BENCH_BASELINE_COMMIT" ] || BENCH_BASELINE_NAME="$BENCH_BASELINE_REF ($BENCH_BASELINE_COMMIT)"
  [ -f "$BENCH_BASELINE/built" ] && return 0
  echo "building the baseline $BENCH_BASELINE_REF ($BENCH_BASELINE_COMMIT) once, into $BENCH_BASELINE" >&2
  work=$(mktemp -d)
  git worktree add -q --detach "$work/tree" "$commit"
  # Tests are neither compiled nor run (skipTests also keeps the test-service set-up away).
  if (cd "$work/tree" && ./mvnw -q -B package -DskipTests -Dmaven.test.skip=true); then
    rm -rf "$BENCH_BASELINE"
    mkdir -p "$BENCH_BASELINE/embedded"
    cp -r "$work/tree/target/quarkus-app" "$BENCH_BASELINE/"
    cp -r "$work/tree/target/embedded/quarkus-app" "$BENCH_BASELINE/embedded/"
    touch "$BENCH_BASELINE/built"
  fi
  git worktree remove --force "$work/tree"
  rm -rf "$work"
  [ -f "$BENCH_BASELINE/built" ]
}

# Drops and creates a scratch database: every run starts from an empty one.
bench_create_db() {
  "${BENCH_PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1"
}

# The JDBC URL of a database on that PostgreSQL.
bench_jdbc_url() {
  echo "jdbc:postgresql://$BENCH_PGHOST:$BENCH_PGPORT/$1"
}

# A TCP port nothing listens on now.
bench_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# Starts java with the given arguments in the background, in directory $1, output to the file
# $2; its process id is left in BENCH_APP. Environment variables set on the call reach it.
bench_start_app() {
  local dir=$1 log=$2
  shift 2
  (cd "$dir" && exec java "$@" > "$log" 2>&1) &
  BENCH_APP=$!
}

# Waits up to a minute for the service on port $1 to be ready; fails naming its log ($2).
bench_wait_ready() {
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$1/q/health/ready" > /dev/null && return 0
    sleep 0.5
  done
  echo "the service on port $1 did not become ready; see $2" >&2
  return 1
}

# Stops the service started last, if it is still running.
bench_stop_app() {
  kill "$BENCH_APP" 2>/dev/null || true
  wait "$BENCH_APP" 2>/dev/null || true
}

# Compiles bench/*.java into target/bench, against the service's libraries and its own classes
# (which the region benchmark calls in-process), with the tests' headless Chromium driver.
bench_compile() {
  mkdir -p "$BENCH_CLASSES"
  ./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$BENCH_CLASSES/test-classpath.txt"
  tr ':' '\n' < "$BENCH_CLASSES/test-classpath.txt" | grep -E '/(awaitility|hamcrest)-[^/]*\.jar$' | paste -sd: - \
    > "$BENCH_TEST_LIBS"
  BENCH_CLASSPATH="$BENCH_CLASSES:target/quarkus-app/lib/main/*:$(cat "$BENCH_TEST_LIBS")"
  # Its notes (deprecations and the like) go to a file, and are shown only if it fails.
  javac -d "$BENCH_CLASSES" -cp "target/quarkus-app/lib/main/*:target/quarkus-app/app/*:$(cat "$BENCH_TEST_LIBS")" bench/*.java \
    src/test/java/dev/airalert/web/HeadlessChromium.java 2> "$BENCH_CLASSES/javac.log" \
    || { cat "$BENCH_CLASSES/javac.log" >&2; return 1; }
}

# Runs one of the compiled benchmark programs: bench_java <class> <arguments...>.
bench_java() {
  java -cp "$BENCH_CLASSPATH" "$@"
}
