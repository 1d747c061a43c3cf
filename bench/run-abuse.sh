#!/usr/bin/env bash
# Under abuse: one client (127.0.0.2) keeps 50 slow queries in flight while 8 polite clients
# (127.0.0.1) fetch ASK {}, a linked-data page and a named question; the polite clients'
# latencies quiet and under the abuse, on Reform KG's server and on plain Fuseki serving the same
# graph with the same 10 s timeout. Writes its section of docs/benchmarks.md. Not part of
# `mvn verify`. About 5 minutes with the defaults.
#
# Usage: bench/run-abuse.sh [--seconds 60] [--polite 8] [--abusers 50]
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/lib.sh
bench_prepare
WORK=$BENCH_WORK
java -jar target/reform-kg.jar build --out "$WORK/graph" > /dev/null
rm -f "$WORK/abuse-server.log"

TABLE=$(java -cp "$BENCH_CLASSPATH" io.reformkg.bench.AbuseDriver \
  --reform-jar target/reform-kg.jar --fuseki-jar "$FUSEKI_JAR" \
  --trig "$WORK/graph/reform-kg.trig" --data data --work "$WORK" "$@")

SECTION=$(cat <<MD
<!-- abuse:start -->
## Under abuse: polite clients beside one abusive client

$(bench_machine). Reproduce with:

\`\`\`bash
bench/run-abuse.sh $*
\`\`\`

\`AbuseDriver\` (src/bench/java/io/reformkg/bench) starts each server in turn on the real list. One
abusive client, every request from 127.0.0.2, keeps 50 queries in flight that run until the
server's 10 s timeout stops them (\`SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }\`, over
the union graph on plain Fuseki),
sending the next as soon as one ends (after 100 ms when refused). Eight polite clients from
127.0.0.1 fetch, in rotation, \`ASK {}\`, a linked-data page (\`/body/MOST.html\`; plain Fuseki has
none, so \`DESCRIBE\` of the same IRI) and a named question (\`/api/queries/cq1-co-guidance-pairs\`,
an answer kept after its first computation; plain Fuseki runs CQ1's SPARQL). Each polite
request is timed over a quiet window, then over the abused one (the abuse started 2 s before).
Target (issue 28): the polite p99 under abuse below 3× its quiet value, and below 250 ms for
pages and kept answers.

${TABLE}
<!-- abuse:end -->
MD
)

printf '%s\n' "$SECTION" | bench_write_section abuse
