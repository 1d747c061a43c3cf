#!/usr/bin/env bash
# Serving benchmark: Reform KG's server against plain Fuseki (jena-fuseki-server 5.6.0) serving
# the same graph, in one run: time from starting the process to the first answered query, and
# queries per second at 16 concurrent clients running CQ1–CQ8 (answers checked against each
# other). Writes its section of docs/benchmarks.md. Not part of `mvn verify`.
#
# Usage: bench/run-server-bench.sh [--seconds N] [--clients N] [--starts N]
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/lib.sh
bench_prepare
WORK=$BENCH_WORK
# the same graph for both servers: the TriG export of `reform-kg build`
java -jar target/reform-kg.jar build --out "$WORK/graph" > /dev/null
rm -rf "$WORK/fuseki-tdb2" "$WORK/reform-tdb2" "$WORK/graph-cache" "$WORK/server.log"

TABLE=$(java -cp "$BENCH_CLASSPATH" io.reformkg.bench.LoadDriver \
  --reform-jar target/reform-kg.jar --fuseki-jar "$FUSEKI_JAR" \
  --trig "$WORK/graph/reform-kg.trig" --data data --work "$WORK" "$@")

TRIPLES=$(grep -c . "$WORK/graph/reform-kg.nq" || true)

SECTION=$(cat <<MD
<!-- server-bench:start -->
## Serving: Reform KG against plain Fuseki

$(bench_machine); graph of ${TRIPLES} quads (the batch-3 list). Compare the rows with each other,
not with other runs. Reproduce with:

\`\`\`bash
bench/run-server-bench.sh $*
\`\`\`

Each server runs as its own process, one at a time: Reform KG as README starts it (in memory,
the graph kept between starts in a cache folder of the run's own, \`--cache\`; see
docs/serving.md, "The graph kept between starts"; the row \`--no-cache\` builds it at every
start), with the class-data archive \`mvn package\` makes (\`-XX:SharedArchiveFile=target/reform-kg.jsa\`, see
docs/serving.md, "Start-up"), plain Fuseki as its jar starts; JVM settings otherwise default. The
clients share one loopback address, which Reform KG is told to allow what that many clients would
be (\`--client-queries\`, \`--client-queue\`, \`--client-time\`; docs/serving.md, "Read-only and
limits"); its server-wide limits stay at their defaults. *Start to first
answer* runs from launching \`java -jar …\` to the first answered SPARQL query, the quad count
(the first start, which warms the disk cache and builds Reform KG's TDB2 store or the graph it
keeps, is not counted).
On a TDB2 store Reform KG keeps its answers on disk (docs/serving.md, "Caching and
revalidation"), so from the second start its first answer is the one the start before kept; the
row *every answer computed* computes it, as every other answer. *Queries/s*: 16
clients run the competency questions CQ1–CQ8 (\`src/test/resources/server/cq/\`) in rotation
after a warm-up; every answer is compared with the first server's. Plain Fuseki's in-memory
dataset has no union default graph, so its queries read \`FROM <urn:x-arq:UnionGraph>\`; its TDB2
store is loaded by \`tdb2.tdbloader\` and served with \`tdb:unionDefaultGraph\`. Reform KG's figures
include what it adds: its own build of the graph from the sources, validation, linked-data
pages, a one-line access log per request, and SELECT results computed in full before sending
(so a timeout is an error status, never a truncated answer). Reform KG answers a repeated query
from its answer cache (see docs/serving.md, "Caching and revalidation"); the row *every answer
computed* sends \`Cache-Control: no-cache\` with each query, so every answer is computed.

${TABLE}
<!-- server-bench:end -->
MD
)

printf '%s\n' "$SECTION" | bench_write_section server-bench
