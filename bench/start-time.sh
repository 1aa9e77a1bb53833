#!/usr/bin/env bash
# Measures how long the packaged shop takes to start and how much memory it holds right
# after, as a plain jar and with class data sharing (CDS), optionally beside another
# Spring Boot jar measured in the same run, turn by turn (docs/performance.md,
# « Démarrage et mémoire »):
#
#   ./mvnw -q package -DskipTests
#   bench/start-time.sh [rounds] [other.jar]
#
# CDS is what the JDK offers to start faster: a first "training" start records the classes
# the shop loads into an archive (-XX:ArchiveClassesAtExit, Spring Boot stopping on its own
# once the context is refreshed: -Dspring.context.exit=onRefresh); later starts map that
# archive instead of reading and checking the classes again. It needs the jar extracted
# (java -Djarmode=tools -jar … extract), which Spring Boot provides.
#
# The shop starts on its own demo database in target/start-time/postgres (created by the
# first start, which is not measured). Figures: the "Started … in N seconds" line, the
# JVM's resident memory (VmRSS) three seconds later, and the embedded PostgreSQL's
# proportional memory (Pss), which a shop on a separate server would not carry.
set -euo pipefail
cd "$(dirname "$0")/.."

rounds="${1:-3}"
other="${2:-}"
jar=$(ls target/comptoir-*.jar 2> /dev/null | grep -v original | head -n 1 || true)
if [ -z "$jar" ]; then
  echo "No target/comptoir-*.jar: run ./mvnw -q package -DskipTests first." >&2
  exit 2
fi
work="$(pwd)/target/start-time"
rm -rf "$work"
mkdir -p "$work"
shop_args=(--server.port=18180 --management.server.port=18190 --app.embedded-db.port=54390
  --app.embedded-db.data-dir="$work/postgres" --app.demo.mailbox.port=0)

echo "Extracting $jar for CDS, then the training start (creates the demo database too)..."
java -Djarmode=tools -jar "$jar" extract --destination "$work/app" > /dev/null
extracted="$work/app/$(basename "$jar")"
java -XX:ArchiveClassesAtExit="$work/app.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
  -Dspring.context.exit=onRefresh -jar "$extracted" "${shop_args[@]}" > "$work/training.log" 2>&1 || true
# The training start stops before the embedded database does: stop it as the next start would.
pkill -f "postgres -D $work/postgres" 2> /dev/null || true
sleep 2

measure() { # label command...
  local label=$1
  shift
  local log="$work/$label.log"
  "$@" > "$log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 1200); do
    grep -q "Started .* in" "$log" && break
    sleep 0.1
  done
  sleep 3
  local started rss pss=0 value
  started=$(grep -o "Started [A-Za-z]* in [0-9.]* seconds" "$log" | grep -o "[0-9.]*" | tail -n 1)
  rss=$(awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$pid/status")
  for p in $(pgrep -f "postgres -D $work/postgres" || true) $(pgrep -f "^postgres: " || true); do
    value=$(awk '/^Pss:/ { print $2 }' "/proc/$p/smaps_rollup" 2> /dev/null || echo 0)
    pss=$((pss + ${value:-0}))
  done
  printf "| %s | %s s | %s MiB | %s MiB |\n" "$label" "$started" "$rss" "$((pss / 1024))"
  kill "$pid"
  wait "$pid" 2> /dev/null || true
  sleep 3
}

echo
echo "| start | Started in | JVM RSS | embedded PostgreSQL Pss |"
echo "|---|---:|---:|---:|"
for _ in $(seq 1 "$rounds"); do
  measure comptoir-jar java -jar "$jar" "${shop_args[@]}"
  measure comptoir-cds java -XX:SharedArchiveFile="$work/app.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -jar "$extracted" "${shop_args[@]}"
  if [ -n "$other" ]; then
    measure "$(basename "$other" .jar)" java -jar "$other" --server.port=18185
  fi
done
