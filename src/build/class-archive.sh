#!/usr/bin/env bash
# Writes the embedded package's class archive (application class data sharing, AppCDS):
# target/embedded/quarkus-app/app-cds.jsa, which the README's command hands to the JVM.
#
# The archive holds the classes of one whole start, parsed, verified and laid out as the JVM
# keeps them, so the next start maps them instead of reading ~17,000 classes out of the jars.
# It is made the only way Java 17 allows: the package is started once with
# -XX:ArchiveClassesAtExit, from the project directory and with the jar's relative path exactly
# as the README starts it (the JVM checks the class path it was made with, word for word), in a
# data directory of its own under target/ on a port of its own, and stopped with SIGTERM once
# the start's work (the gazetteer, the warm-ups) is done. Nothing leaves the process: the
# embedded default has no broker and the warm-ups talk to loopback servers of their own.
#
# The archive fits the JVM that made it (the `java` on the PATH, the one the README's command
# runs) and the jars as built. Another JVM, a rebuilt or moved package, or a start from another
# directory only makes the JVM say it cannot use the archive and start as it would without.
#
# Run by `./mvnw package` after the embedded package is built; it never fails the build: without
# an archive the package starts as before, a second or so slower, and says so.
set -uo pipefail
cd "$(dirname "$0")/../.."

PACKAGE=target/embedded/quarkus-app
ARCHIVE=$PACKAGE/app-cds.jsa
# The README's options: the archive must be made with the same collector and JIT it runs with.
OPTIONS=(-XX:+UseSerialGC -Xms16m -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError)
WAIT_SECONDS=${CLASS_ARCHIVE_WAIT_SECONDS:-180}

rm -f "$ARCHIVE"
if [ ! -f "$PACKAGE/quarkus-run.jar" ]; then
  echo "class archive: no embedded package in $PACKAGE; none written" >&2
  exit 0
fi
work=$(mktemp -d "$PWD/target/class-archive.XXXXXX")
trap 'rm -rf "$work"' EXIT

# -Xlog:cds=off: making the archive lists thousands of classes it leaves out (never linked,
# generated at run time); they are simply loaded from the jars, as without an archive.
java -XX:ArchiveClassesAtExit="$ARCHIVE" -Xlog:cds=off "${OPTIONS[@]}" \
  -Dairalert.data-dir="$work/data" -Dquarkus.http.port=0 -Dquarkus.http.host=127.0.0.1 \
  -jar "$PACKAGE/quarkus-run.jar" >"$work/out.log" 2>&1 &
app=$!

# "Start done" is logged once the gazetteer is loaded and its warm-up has run; the webhook
# warm-up logs its own end.
deadline=$((SECONDS + WAIT_SECONDS))
until grep -qs "Start done" "$work/out.log" && grep -qs "Webhook send path warmed" "$work/out.log"; do
  if ! kill -0 "$app" 2>/dev/null || [ "$SECONDS" -ge "$deadline" ]; then
    echo "class archive: the package did not finish its start (within ${WAIT_SECONDS} s); none written. Its log:" >&2
    tail -n 40 "$work/out.log" >&2
    kill -KILL "$app" 2>/dev/null
    wait "$app" 2>/dev/null
    rm -f "$ARCHIVE"
    exit 0
  fi
  sleep 0.2
done
kill -TERM "$app"
wait "$app" 2>/dev/null
if [ -s "$ARCHIVE" ]; then
  echo "class archive: $ARCHIVE ($(( $(stat -c %s "$ARCHIVE") >> 20 )) MB)"
else
  echo "class archive: the JVM wrote none; the package starts without. Its log:" >&2
  tail -n 20 "$work/out.log" >&2
  rm -f "$ARCHIVE"
fi
exit 0
