#!/usr/bin/env bash
# Scale probe (issue 8): generates a synthetic corpus of N measures, builds it into a fresh TDB2
# store and serves it (`serve --tdb2`, -Xmx4g), then prints the time to the first answer, the
# build's stage times, the heap (from the GC log) and the named competency questions' times through the
# query API (skipped with QUERIES=0). Not part of `mvn verify`. Usage: bench/run-scale-probe.sh N [PORT]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:?number of measures}
PORT=${2:-3199}
WORK=target/scale-probe/$N
JAR=${JAR:-target/reform-kg.jar}
[ -f "$JAR" ] || mvn -B -ntp -q -DskipTests package
rm -rf "$WORK" && mkdir -p "$WORK"
java -jar "$JAR" generate --measures "$N" --seed 42 --out "$WORK/data" >/dev/null
start=$(date +%s.%N)
java -Xmx4g -Xlog:gc:file="$WORK/gc.log" -jar "$JAR" serve --data "$WORK/data" --tdb2 "$WORK/tdb2" \
    --port "$PORT" --timeout 120s > "$WORK/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
until curl -s -o /dev/null "http://127.0.0.1:$PORT/\$/ping"; do
  kill -0 $SERVER 2>/dev/null || { cat "$WORK/serve.log"; exit 1; }
  sleep 0.5
done
ready=$(echo "$(date +%s.%N) - $start" | bc)
curl -s -o /dev/null "http://127.0.0.1:$PORT/api/queries/cq1-co-guidance-pairs"
echo "measures=$N ready_after_s=$ready first_answer_after_s=$(echo "$(date +%s.%N) - $start" | bc)"
grep -o "built [0-9]* graphs.*" "$WORK/serve.log"
curl -s -H 'Accept: text/csv' --data-urlencode query@src/bench/resources/bench/count-quads.rq \
    "http://127.0.0.1:$PORT/kg/sparql" | tail -1 | tr -d '\r' | sed 's/^/quads=/'
# G1 pause lines end "before->after(committed)": the largest "after" is the most heap in use after
# a collection (an upper bound of what the build holds live), the largest "committed" what the
# JVM took of the 4 GiB allowed
grep -o '[0-9]*M->[0-9]*M([0-9]*M)' "$WORK/gc.log" | tr -d 'M)' | tr '>(' '  ' | awk -F'[- ]+' \
    '{ if ($2 > live) live = $2; if ($3 > committed) committed = $3 }
     END { print "heap: at most " live " MiB in use after a collection, " committed " MiB committed" }'
[ "${QUERIES:-1}" = 0 ] && exit 0
# the named competency questions (answered from the measure index), a place and a keyword, computed
for q in cq1-co-guidance-pairs cq2-measures-per-body cq3-pilot-only-measures cq4-declared-and-held-measures \
         cq5-single-body-measures cq6-categories-per-body cq7-reorganised-body-measures \
         "cq8-measures-in-place?place=%E5%90%88%E8%82%A5" "measures-in-place?placeName=%E5%90%88%E8%82%A5" \
         "keyword-search-text?keyword=%E6%8B%85%E4%BF%9D"; do
  for run in 1 2 3; do
    curl -s -o /dev/null -H 'Cache-Control: no-cache' -w "$q run$run %{http_code} %{time_total}s\n" \
        "http://127.0.0.1:$PORT/api/queries/$q"
  done
done
