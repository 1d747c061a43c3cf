#!/usr/bin/env bash
# Every benchmark of issue 8 in one go, each writing its section of docs/benchmarks.md:
#   1. JMH (IngestBenchmark): the source parser and the graph builder at each corpus size;
#   2. the serving comparison on the real list against plain Fuseki (bench/run-server-bench.sh);
#   3. the scale comparison (ScaleBenchmark): Reform KG's ingest from text to a served TDB2 store,
#      plain Fuseki's and Virtuoso's loads of the same quads, and the three servers side by side at
#      each size. Virtuoso is Debian's virtuoso-opensource, installed with apt-get when missing (as
#      root, or through sudo); it runs in a folder of its own under target/bench/scale, on loopback
#      ports, and is stopped at the end like the others.
# Not part of `mvn verify`. At 10^3–10^5 the scale comparison runs for about 10 minutes on 2 cores; 10^6
# adds about 65 minutes with --runs 3 (each computed competency question there takes 0.1–110 s, asked RUNS+2
# times on each server).
#
# Usage: bench/run-benchmarks.sh [--scales 1000,10000,100000,1000000] [--seconds 20] [--clients 16]
#                                [--runs 5] [--sections jmh,server,scale]
#   --runs      how many times each question is timed alone (the median is written)
#   --sections  which of the three to run; the others keep their sections of docs/benchmarks.md
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

SCALES=1000,10000,100000,1000000
SECONDS_PER_LOAD=20
CLIENTS=16
RUNS=5
SECTIONS=jmh,server,scale
while [ $# -gt 0 ]; do
  case "$1" in
    --scales) SCALES=$2; shift 2 ;;
    --seconds) SECONDS_PER_LOAD=$2; shift 2 ;;
    --clients) CLIENTS=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --sections) SECTIONS=$2; shift 2 ;;
    *) echo "unknown option $1; use --scales LIST, --seconds N, --clients N, --runs N, --sections jmh,server,scale" >&2
       exit 2 ;;
  esac
done
for section in ${SECTIONS//,/ }; do
  case "$section" in
    jmh|server|scale) ;;
    *) echo "unknown section $section; use jmh, server or scale" >&2; exit 2 ;;
  esac
done
COMMAND="bench/run-benchmarks.sh --scales $SCALES --seconds $SECONDS_PER_LOAD --clients $CLIENTS --runs $RUNS --sections $SECTIONS"
bench_prepare

running() {
  [[ ",$SECTIONS," == *",$1,"* ]]
}

# 1. JMH
if running jmh; then
java -cp "$BENCH_CLASSPATH" org.openjdk.jmh.Main IngestBenchmark -p measures="$SCALES" \
  -rf json -rff "$BENCH_WORK/jmh-ingest.json" > "$BENCH_WORK/jmh-ingest.log"
JMH_TABLE=$(python3 - "$BENCH_WORK/jmh-ingest.json" <<'PY'
import json, sys
rows = {}
for result in json.load(open(sys.argv[1])):
    name = result["benchmark"].rsplit(".", 1)[1]
    measures = int(result["params"]["measures"])
    metric = result["primaryMetric"]
    try:
        error = float(metric["scoreError"])
    except (TypeError, ValueError):
        error = float("nan")  # one iteration: JMH gives no error
    rows.setdefault(measures, {})[name] = "%.1f" % metric["score"] + ("" if error != error else " ± %.1f" % error)
print("| Measures | parse, ms per corpus | parse + build graphs, ms per corpus |")
print("|---|---|---|")
for measures in sorted(rows):
    print("| {:,} | {} | {} |".format(measures, rows[measures].get("parse", "—"), rows[measures].get("buildGraph", "—")))
PY
)
bench_write_section ingest-jmh <<MD
<!-- ingest-jmh:start -->
## Parsing and graph building (JMH)

$(bench_machine). \`IngestBenchmark\` (src/bench/java/io/reformkg/bench) on synthetic corpora of
\`reform-kg generate\` (seed 42, the real source format): the source parser alone, and the parser
plus the graph builder (ontology, reference data and every list graph, streamed list by list).
Average time per whole corpus, JMH's 99.9% error; one fork, \`-Xmx4g\`. Reproduce with
\`$COMMAND\` (all benchmarks) or:

\`\`\`bash
java -cp "target/test-classes:target/classes:\$(cat target/bench/classpath.txt)" org.openjdk.jmh.Main IngestBenchmark -p measures=$SCALES
\`\`\`

$JMH_TABLE
<!-- ingest-jmh:end -->
MD
fi

# 2. the real list against plain Fuseki
if running server; then
  bench/run-server-bench.sh --seconds "$SECONDS_PER_LOAD" --clients "$CLIENTS"
fi

# 3. at scale
if running scale; then
if ! command -v virtuoso-t > /dev/null || ! command -v isql-vt > /dev/null; then
  as_root=""
  [ "$(id -u)" = 0 ] || as_root=sudo
  $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q virtuoso-opensource > "$BENCH_WORK/apt-virtuoso.log"
fi
VIRTUOSO_VERSION=$(dpkg-query -W -f='${Version}' virtuoso-opensource-7 2>/dev/null || echo unknown)
SCALE_TABLES=$(java -cp "$BENCH_CLASSPATH" io.reformkg.bench.ScaleBenchmark --scales "$SCALES" \
  --seconds "$SECONDS_PER_LOAD" --clients "$CLIENTS" --reform-jar target/reform-kg.jar --fuseki-jar "$FUSEKI_JAR" \
  --runs "$RUNS" --work "$BENCH_WORK/scale" --virtuoso virtuoso-t --isql isql-vt)
bench_write_section scale-bench <<MD
<!-- scale-bench:start -->
## Scale: Reform KG against plain Fuseki and Virtuoso by corpus size

$(bench_machine). Reproduce with \`$COMMAND\`.

For each size, \`ScaleBenchmark\` (src/bench/java/io/reformkg/bench) generates a corpus (seed 42),
times Reform KG from source text to the first answer of a fresh \`serve --tdb2\` (parse, build,
TDB2 load, inference, SHACL validation, text index) with \`-Xmx4g\` and reads the peak heap in use
before a collection from its GC log, then waits for that server's dataset description (VoID
statistics: it reads the whole store once per build, in the background after the first answer, and
keeps the result beside the store) so that it does not run beside the serving figures; dumps that
store and loads the same quads into plain Fuseki (\`jena-fuseki-server\` $FUSEKI_VERSION,
\`tdb2.tdbloader\`, served with \`tdb:unionDefaultGraph\`, \`-Xmx4g\`) and into Virtuoso (Debian's
\`virtuoso-opensource\` $VIRTUOSO_VERSION, its bulk loader \`ld_dir\` + \`rdf_loader_run\`, then a
checkpoint; a database of its own under \`target/bench/scale\`, loopback ports, 170,000 buffers =
1.3 GiB, no limit on result rows or time; its default graph is the union of the graphs, as on the
others). Then each server in turn, on
its store, read into the page cache first (at 10^6 the stores together fill this machine's
memory, and the one loaded or served last would push the other's out): start to first answer, \`ASK {}\` (every
start counts; the store exists, and Reform KG answers from the answers it kept on disk, see
docs/serving.md, "Caching and revalidation"), each competency question alone (median of $RUNS), and $CLIENTS clients on the
mix for $SECONDS_PER_LOAD s — Reform KG with its answer cache (*cached*) and with \`Cache-Control:
no-cache\` on every query (*computed*); plain Fuseki and Virtuoso keep no answers. The clients
share one loopback address, so Reform KG is started with that address allowed what $CLIENTS clients
would be (\`--client-queries $CLIENTS --client-queue $CLIENTS --client-time $((CLIENTS * 60))s\`;
docs/serving.md, "Read-only and limits"); its limit of queries computed at once, all clients together, stays
at its default. Every answer
is compared with plain Fuseki's, as sorted rows, and the ad-hoc table gives the rows (for a
listing question its count) all three answered. The listing questions (CQ3, CQ5, CQ7, CQ8) are asked as counts (\`SELECT (COUNT(*) …) {
<question> }\`): at a million measures they list hundreds of thousands of rows. *Place* and
*keyword* are Reform KG's named queries \`measures-in-place\` (合肥) and \`keyword-search-text\`
(担保) through its query API (median of $RUNS); plain Fuseki has no text index. The last table
times Reform KG's own competency questions, \`queries/cq1…cq8\` (CQ8 in 合肥; the paged ones a page
of 100), through its query API with every answer computed (median of $RUNS): a store answers them
from its measure index (docs/queries.md, "How queries run"), where the rows above ask every server
the same SPARQL.

$SCALE_TABLES
<!-- scale-bench:end -->
MD
fi
