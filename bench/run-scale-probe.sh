#!/usr/bin/env bash
# First scale probe (issue 8): generates a synthetic corpus of N measures, serves it from a
# fresh TDB2 store (build, inference, validation, text index), and times the start and a few
# named queries through the query API. Prints the figures; not part of `mvn verify`.
# Usage: bench/run-scale-probe.sh N [PORT]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:?number of measures}
PORT=${2:-3199}
WORK=target/scale-probe/$N
JAR=target/reform-kg.jar
[ -f "$JAR" ] || mvn -B -ntp -q -DskipTests package
rm -rf "$WORK" && mkdir -p "$WORK"
java -jar "$JAR" generate --measures "$N" --seed 42 --out "$WORK/data" >/dev/null
start=$(date +%s.%N)
java -Xmx4g -jar "$JAR" serve --data "$WORK/data" --tdb2 "$WORK/tdb2" --port "$PORT" --timeout 120s \
    > "$WORK/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
until curl -s -o /dev/null "http://127.0.0.1:$PORT/\$/ping"; do
  kill -0 $SERVER 2>/dev/null || { cat "$WORK/serve.log"; exit 1; }
  sleep 0.5
done
echo "measures=$N ready_after_s=$(echo "$(date +%s.%N) - $start" | bc)"
curl -s -H 'Accept: text/csv' --data-urlencode 'query=SELECT (COUNT(*) AS ?triples) { ?s ?p ?o }' \
    "http://127.0.0.1:$PORT/kg/sparql" | tail -1 | sed 's/^/triples=/' 
for q in cq1-co-guidance-pairs cq2-measures-per-body "cq8-measures-in-place?place=%E5%90%88%E8%82%A5" \
         "keyword-search-text?keyword=%E6%8B%85%E4%BF%9D"; do
  for run in 1 2 3; do
    curl -s -o /dev/null -H 'Cache-Control: no-cache' -w "$q run$run %{http_code} %{time_total}s\n" \
        "http://127.0.0.1:$PORT/api/queries/$q"
  done
done
