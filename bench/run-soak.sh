#!/usr/bin/env bash
# Soak run (issue 9): `reform-kg serve` on a free loopback port, 16 clients for 10 minutes over
# the analysts' query mix (SPARQL CQ1–CQ8 and the query API), every answer checked; the server's
# heap after a forced GC and its open file handles sampled every 30 s. Writes its section of
# docs/benchmarks.md; exits non-zero on any error or on growth. Not part of `mvn verify`.
#
# Usage: bench/run-soak.sh [--minutes 10] [--clients 16]
set -euo pipefail
cd "$(dirname "$0")/.."

WORK=target/soak
rm -rf "$WORK"
mkdir -p "$WORK"

mvn -q -B -Pbench -DskipTests package
mvn -q -B -Pbench dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath.txt"
# the run uses copies, so rebuilding the project meanwhile cannot change classes under it
cp target/reform-kg.jar "$WORK/reform-kg.jar"
cp -r target/test-classes "$WORK/test-classes"

STATUS=0
REPORT=$(java -cp "$WORK/test-classes:$(cat "$WORK/classpath.txt")" io.reformkg.bench.SoakDriver \
  --jar "$WORK/reform-kg.jar" --data data --log "$WORK/server.log" "$@") || STATUS=$?
if [ -z "$REPORT" ]; then
  echo "the soak run failed before it could report; see $WORK/server.log" >&2
  exit "${STATUS:-1}"
fi

CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
CORES=$(grep -c '^processor' /proc/cpuinfo)
MEMORY=$(free -h | awk '/^Mem:/ {print $2}')
JAVA=$(java -version 2>&1 | head -1)
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)

SECTION=$(cat <<MD
<!-- soak:start -->
## Soak run: the query mix under load

Measured $(date -u +"%Y-%m-%d %H:%M UTC") on ${CPU} (${CORES} cores), ${MEMORY} memory, ${JAVA}.
Load average when the run ended: ${LOAD} (a load above 2 means other work shared the
cores, so the latencies are upper bounds). Reproduce with:

\`\`\`bash
bench/run-soak.sh${*:+ $*}
\`\`\`

\`SoakDriver\` (src/bench/java/io/reformkg/bench) starts \`java -jar reform-kg.jar serve\` (default
JVM settings, in memory) on a free loopback port, the address the clients share allowed what that
many clients would be (\`--client-queries\`, \`--client-queue\`, \`--client-time\`; docs/serving.md,
"Read-only and limits"), and runs the clients against it, each going
round the mix: the SPARQL competency questions CQ1–CQ8 (\`src/test/resources/server/cq/\`) and
eight query-API requests (JSON and CSV). Every answer must be 200 and equal the answer the
server gave before the load began; anything else counts as an error. Every 30 s it takes the
server's heap after a full GC (\`jcmd PID GC.class_histogram\`: a full GC, then the bytes of
every object that survived, in the same pause) and counts its open file handles
(\`/proc/PID/fd\`); the first sample is taken before the load, the last after it. The run fails
on any error, or when the last three samples of either series all lie above the highest sample
of the run's first half by more than a tenth (at least 8 MiB, or 8 handles). Latencies are
whole HTTP round trips measured by the clients, which share the machine with the server.

${REPORT}
<!-- soak:end -->
MD
)

DOC=docs/benchmarks.md
if grep -q '<!-- soak:start -->' "$DOC"; then
  python3 - "$DOC" "$SECTION" <<'PY'
import re, sys
path, section = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
text = re.sub(r"<!-- soak:start -->.*?<!-- soak:end -->", lambda m: section, text, flags=re.S)
open(path, "w", encoding="utf-8").write(text)
PY
else
  printf '\n%s\n' "$SECTION" >> "$DOC"
fi
echo "$SECTION"
exit "$STATUS"
