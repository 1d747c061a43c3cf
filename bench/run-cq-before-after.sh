#!/usr/bin/env bash
# Two builds of Reform KG side by side on one TDB2 store: each competency question's SPARQL of
# src/test/resources/server/cq/ POSTed to /kg/sparql with `Cache-Control: no-cache` (every answer
# computed), RUNS+1 times, the first not counted; prints each question's median time and a digest
# of its CSV answer, which must agree between the two. Builds one server at a time on the same
# store, so the store is built once (by the first) and both read the same quads. Not part of
# `mvn verify`.
# Usage: bench/run-cq-before-after.sh BEFORE.jar AFTER.jar MEASURES [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
BEFORE=${1:?jar before}
AFTER=${2:?jar after}
N=${3:?number of measures}
RUNS=${4:-3}
PORT=3197
WORK=target/cq-before-after/$N
mkdir -p "$WORK"
[ -d "$WORK/data" ] || java -jar "$AFTER" generate --measures "$N" --seed 42 --out "$WORK/data" >/dev/null

serve_and_ask() {
  local jar=$1 label=$2
  # no per-query allocation cap in either build: the older one had a 1 GiB default
  java -Xmx6g -jar "$jar" serve --data "$WORK/data" --tdb2 "$WORK/tdb2" --port "$PORT" --timeout 600s \
      --query-memory 1000g > "$WORK/serve-$label.log" 2>&1 &
  local server=$!
  until curl -s -o /dev/null "http://127.0.0.1:$PORT/\$/ping"; do sleep 1; done
  for query in src/test/resources/server/cq/*.rq; do
    local times=()
    for run in $(seq 0 "$RUNS"); do
      local t
      t=$(curl -s -o "$WORK/answer.csv" -w '%{time_total}' -H 'Cache-Control: no-cache' -H 'Accept: text/csv' \
          --data-urlencode "query@$query" "http://127.0.0.1:$PORT/kg/sparql")
      [ "$run" -gt 0 ] && times+=("$t")
    done
    local median
    median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
    echo "$label $(basename "$query" .rq) median ${median}s rows $(( $(wc -l < "$WORK/answer.csv") - 1 )) digest $(md5sum < "$WORK/answer.csv" | cut -c1-8)"
  done
  kill "$server"; wait "$server" 2>/dev/null || true
}

serve_and_ask "$BEFORE" before
serve_and_ask "$AFTER" after
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
