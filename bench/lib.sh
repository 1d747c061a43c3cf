# Shared by the benchmark scripts: building what they run, the machine's description, and
# writing a marked section of docs/benchmarks.md. Source it from the project folder.

FUSEKI_VERSION=5.6.0
BENCH_WORK=target/bench
FUSEKI_JAR="$BENCH_WORK/jena-fuseki-server-$FUSEKI_VERSION.jar"
# plain Fuseki writes its runtime area (config.ttl, shiro.ini, templates/) to FUSEKI_BASE, by
# default ./run: keep it under target/
export FUSEKI_BASE="$PWD/$BENCH_WORK/fuseki-base"

# the runnable jar, the benchmark classes (drivers, JMH: src/bench, profile bench), their classpath, and plain Fuseki's jar
bench_prepare() {
  mkdir -p "$BENCH_WORK"
  mvn -q -B -DskipTests package
  mvn -q -B -Pbench test-compile
  mvn -q -B -Pbench dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$BENCH_WORK/classpath.txt"
  if [ ! -f "$FUSEKI_JAR" ]; then
    mvn -q -B dependency:copy -Dartifact="org.apache.jena:jena-fuseki-server:$FUSEKI_VERSION" -DoutputDirectory="$BENCH_WORK"
  fi
  BENCH_CLASSPATH="target/test-classes:target/classes:$(cat "$BENCH_WORK/classpath.txt")"
}

# one line: when, CPU, cores, memory, Java, and the load average (other work skews figures)
bench_machine() {
  local cpu cores memory java
  cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
  cores=$(grep -c '^processor' /proc/cpuinfo)
  memory=$(free -h | awk '/^Mem:/ {print $2}')
  java=$(java -version 2>&1 | head -1)
  echo "Measured $(date -u +"%Y-%m-%d %H:%M UTC") on ${cpu} (${cores} cores), ${memory} memory, ${java}; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# bench_write_section NAME: replaces <!-- NAME:start --> … <!-- NAME:end --> in docs/benchmarks.md
# with standard input (which must carry both markers), or appends it
bench_write_section() {
  local name=$1 doc=docs/benchmarks.md section
  section=$(cat)
  [ -f "$doc" ] || printf '# Benchmarks\n\n' > "$doc"
  if grep -q "<!-- $name:start -->" "$doc"; then
    python3 - "$doc" "$name" "$section" <<'PY'
import re, sys
path, name, section = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(path, encoding="utf-8").read()
pattern = r"<!-- %s:start -->.*?<!-- %s:end -->" % (re.escape(name), re.escape(name))
open(path, "w", encoding="utf-8").write(re.sub(pattern, lambda m: section, text, flags=re.S))
PY
  else
    printf '\n%s\n' "$section" >> "$doc"
  fi
  printf '%s\n' "$section"
}
