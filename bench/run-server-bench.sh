#!/usr/bin/env bash
# Serving benchmark: Reform KG's server against plain Fuseki (jena-fuseki-server 5.6.0) serving
# the same graph, in one run: time from starting the process to the first answered query, and
# queries per second at 16 concurrent clients running CQ1–CQ8 (answers checked against each
# other). Writes its section of docs/benchmarks.md. Not part of `mvn verify`.
#
# Usage: bench/run-server-bench.sh [--seconds N] [--clients N] [--starts N]
set -euo pipefail
cd "$(dirname "$0")/.."

FUSEKI_VERSION=5.6.0
WORK=target/bench
mkdir -p "$WORK"

mvn -q -B -DskipTests package
mvn -q -B test-compile
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath.txt"
if [ ! -f "$WORK/jena-fuseki-server-$FUSEKI_VERSION.jar" ]; then
  mvn -q -B dependency:copy -Dartifact="org.apache.jena:jena-fuseki-server:$FUSEKI_VERSION" -DoutputDirectory="$WORK"
fi
# the same graph for both servers: the TriG export of `reform-kg build`
java -jar target/reform-kg.jar build --out "$WORK/graph" > /dev/null
rm -rf "$WORK/fuseki-tdb2" "$WORK/reform-tdb2" "$WORK/server.log"

TABLE=$(java -cp "target/test-classes:target/classes:$(cat "$WORK/classpath.txt")" io.reformkg.bench.LoadDriver \
  --reform-jar target/reform-kg.jar --fuseki-jar "$WORK/jena-fuseki-server-$FUSEKI_VERSION.jar" \
  --trig "$WORK/graph/reform-kg.trig" --data data --work "$WORK" "$@")

CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
CORES=$(grep -c '^processor' /proc/cpuinfo)
MEMORY=$(free -h | awk '/^Mem:/ {print $2}')
JAVA=$(java -version 2>&1 | head -1)
TRIPLES=$(grep -c . "$WORK/graph/reform-kg.nq" || true)
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)

SECTION=$(cat <<MD
<!-- server-bench:start -->
## Serving: Reform KG against plain Fuseki

Measured $(date -u +"%Y-%m-%d %H:%M UTC") on ${CPU} (${CORES} cores), ${MEMORY} memory, ${JAVA};
graph of ${TRIPLES} quads (the batch-3 list). Load average when the run ended: ${LOAD} (other
work shared the machine; compare the rows with each other, not with other runs). Reproduce with:

\`\`\`bash
bench/run-server-bench.sh $*
\`\`\`

Each server runs as its own process with default JVM settings, one at a time. *Start to first
answer* runs from launching \`java -jar …\` to the first answered SPARQL query (the first start,
which warms the disk cache and builds Reform KG's TDB2 store, is not counted). *Queries/s*: 16
clients run the competency questions CQ1–CQ8 (\`src/test/resources/server/cq/\`) in rotation
after a warm-up; every answer is compared with the first server's. Plain Fuseki's in-memory
dataset has no union default graph, so its queries read \`FROM <urn:x-arq:UnionGraph>\`; its TDB2
store is loaded by \`tdb2.tdbloader\` and served with \`tdb:unionDefaultGraph\`. Reform KG's figures
include what it adds: its own build of the graph from the sources, validation, linked-data
pages, a one-line access log per request, and SELECT results computed in full before sending
(so a timeout is an error status, never a truncated answer).

${TABLE}
<!-- server-bench:end -->
MD
)

DOC=docs/benchmarks.md
if [ ! -f "$DOC" ]; then
  printf '# Benchmarks\n\n' > "$DOC"
fi
if grep -q '<!-- server-bench:start -->' "$DOC"; then
  python3 - "$DOC" "$SECTION" <<'PY'
import re, sys
path, section = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
text = re.sub(r"<!-- server-bench:start -->.*?<!-- server-bench:end -->", lambda m: section, text, flags=re.S)
open(path, "w", encoding="utf-8").write(text)
PY
else
  printf '%s\n' "$SECTION" >> "$DOC"
fi
echo "$SECTION"
