#!/usr/bin/env bash
# "Under abuse" (issue 28): one client bound to 127.0.0.2 keeps 50 slow SPARQL queries in flight
# for 60 s while 8 polite clients on 127.0.0.1 fetch ASK {}, a linked-data page and a named
# query; their latencies with and without the abuser, and the abuser's answers, for Reform KG
# and plain Fuseki. Writes its section of docs/benchmarks.md. Not part of `mvn verify`.
#
# Usage: bench/run-abuse-bench.sh [--seconds 60] [--quiet 30] [--abusive 50] [--polite 8]
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/lib.sh
bench_prepare
WORK=$BENCH_WORK
java -jar target/reform-kg.jar build --out "$WORK/graph" > /dev/null
rm -f "$WORK/server.log"

TABLE=$(java -cp "$BENCH_CLASSPATH" io.reformkg.bench.AbuseDriver \
  --reform-jar target/reform-kg.jar --fuseki-jar "$FUSEKI_JAR" \
  --trig "$WORK/graph/reform-kg.trig" --data data --work "$WORK" "$@")

SECTION=$(cat <<MD
<!-- abuse-bench:start -->
## Under abuse: one client's flood beside polite clients

$(bench_machine). Reproduce with:

\`\`\`bash
bench/run-abuse-bench.sh $*
\`\`\`

\`AbuseDriver\` (src/bench/java/io/reformkg/bench) starts each server in turn on a free loopback
port. After a 5 s warm-up, 8 polite clients on 127.0.0.1 go round three requests for 30 s
(*Abuser: none*): \`ASK {}\` (at Reform KG with \`Cache-Control: no-cache\`, so computed every
time, taking a turn like any query), a linked-data page (\`/list/3/measure/12.html\`; plain
Fuseki has none and gets \`DESCRIBE\` of the measure) and a named query (CQ2 through
\`/api/queries\`, a kept answer; plain Fuseki gets its SPARQL). Then one client bound to
127.0.0.2 keeps 50 slow queries in flight (a count over two \`(p|!p)*\` paths, each made
distinct so none is a kept answer; answered, it sends the next at once), and 2 s later the polite
clients run again for 60 s. Latencies are whole HTTP round trips measured by the clients, which
share the machine's cores with the server and the abuser. Plain Fuseki runs with the same 10 s
query timeout (\`--timeout=10000\`) and no other limit.

${TABLE}
<!-- abuse-bench:end -->
MD
)

printf '%s\n' "$SECTION" | bench_write_section abuse-bench
