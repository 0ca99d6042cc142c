#!/usr/bin/env bash
# Citelens: ./run.sh builds, ingests the demo corpus (corpus/europepmc-crops) into index/ when needed and serves
#           on localhost. ./run.sh test checks the prerequisites, then runs the whole test suite.
#           ./run.sh harvest --cited DOI harvests the works citing DOI from open sources, then serves them.
set -euo pipefail
cd "$(dirname "$0")"

PORT="${PORT:-7070}"
JAR=target/citelens.jar
# The demo corpus; corpus/ also holds parser fixtures (publisher-html, grobid-tei) and the labelled datasets,
# which are not part of the demo index.
CORPUS=corpus/europepmc-crops

# Finds a JDK 21 or newer: JAVA_HOME, then java on PATH, then the usual install folders.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1; }
find_jdk() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"); fi
  for d in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/openjdk* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$d" ] && candidates+=("$d")
  done
  local best="" best_v=0 v
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    v=$(java_major "$c" 2>/dev/null || echo 0)
    [[ "$v" =~ ^[0-9]+$ ]] || continue
    if [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then best="$c"; best_v="$v"; fi
  done
  [ -n "$best" ] || { echo "run.sh: no JDK 21 or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm); install one, e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+, or set JAVA_HOME" >&2; exit 1; }
  echo "$best"
}

JAVA_HOME="$(find_jdk)"
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
# Maven's bundled Guava touches sun.misc.Unsafe; on JDK 24+ that prints four lines of warnings per build.
if [ "$(java_major "$JAVA_HOME")" -ge 24 ]; then export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"; fi
command -v mvn >/dev/null 2>&1 || { echo "run.sh: Maven (mvn) not found; install it, e.g. 'apt-get install maven'" >&2; exit 1; }

# The browser test drives Chromium through chromedriver; without them it could only fail deep in the log.
check_browser() {
  [ "${CITELENS_SKIP_BROWSER:-}" = 1 ] && return 0
  local chromium="${CITELENS_CHROMIUM:-$(command -v chromium || true)}"
  local driver="${CITELENS_CHROMEDRIVER:-$(command -v chromedriver || true)}"
  local missing=()
  [ -n "$chromium" ] && [ -x "$chromium" ] || missing+=(chromium)
  [ -n "$driver" ] && [ -x "$driver" ] || missing+=(chromium-driver)
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "run.sh: the browser tests need the package(s) ${missing[*]}: install with 'sudo apt-get install chromium chromium-driver' (Debian/Ubuntu), or set CITELENS_SKIP_BROWSER=1 to skip them" >&2
    exit 1
  fi
  export CITELENS_CHROMIUM="$chromium" CITELENS_CHROMEDRIVER="$driver"
}

# The trainer test runs a few real training steps in Debian's PyTorch (model training is offline; serving is pure JVM).
check_trainer() {
  [ "${CITELENS_SKIP_TRAINER:-}" = 1 ] && return 0
  if ! /usr/bin/python3 -c 'import torch, onnx' >/dev/null 2>&1; then
    echo "run.sh: the trainer test needs Debian's python3-torch and python3-onnx: install with 'sudo apt-get install --no-install-recommends python3-torch python3-onnx libopenblas0-openmp', or set CITELENS_SKIP_TRAINER=1 to skip it" >&2
    exit 1
  fi
}

build_if_stale() {
  if [ ! -f "$JAR" ] || [ -n "$(find src pom.xml -newer "$JAR" -print -quit)" ]; then
    echo "run.sh: building $JAR with $JAVA_HOME" >&2
    mvn -q -B -DskipTests package
  fi
}

CLUSTER_JAR=solr-cluster/target/citelens-solr-cluster.jar
build_solr_cluster_if_stale() {
  if [ ! -f "$CLUSTER_JAR" ] || [ ! -f solr-cluster/target/classpath.txt ] || [ -n "$(find solr-cluster/src solr-cluster/pom.xml -newer "$CLUSTER_JAR" -print -quit)" ]; then
    echo "run.sh: building $CLUSTER_JAR" >&2
    mvn -q -B -f solr-cluster/pom.xml package
  fi
}

SPARK_JAR=spark/target/citelens-spark.jar
# The Spark bulk ingest (spark/, docs/spark.md) builds on the application's classes jar, installed into the local
# Maven repository by `mvn install`; spark/'s build writes its own classpath (Spark, Scala, Hadoop's client) beside.
build_spark_if_stale() {
  local stamp=spark/target/.citelens-installed
  if [ ! -f "$stamp" ] || [ -n "$(find src pom.xml -newer "$stamp" -print -quit)" ]; then
    echo "run.sh: installing the application's classes for spark/" >&2
    mvn -q -B -DskipTests install
    mkdir -p spark/target && touch "$stamp"
  fi
  if [ ! -f "$SPARK_JAR" ] || [ ! -f spark/target/classpath.txt ] || [ "$stamp" -nt "$SPARK_JAR" ] || [ -n "$(find spark/src spark/pom.xml -newer "$SPARK_JAR" -print -quit)" ]; then
    echo "run.sh: building $SPARK_JAR" >&2
    mvn -q -B -f spark/pom.xml -DskipTests package
  fi
}
# What Spark needs opened on JDK 17+, kept once in spark/pom.xml (its tests use it too).
spark_jvm_opens() { sed -n 's:.*<spark.jvm.opens>\(.*\)</spark.jvm.opens>.*:\1:p' spark/pom.xml; }

case "${1:-serve}" in
  extension-zip)
    # Packs the browser extension (extension/) for "Load unpacked" and store upload, without its tools/ and README.
    version=$(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' extension/manifest.json | head -1)
    out="target/citelens-extension-$version.zip"
    mkdir -p target
    rm -f "$out"
    (cd extension && find . -type f ! -path './tools/*' ! -name 'README.md' | sed 's|^\./||' | LC_ALL=C sort \
      | xargs "$JAVA_HOME/bin/jar" --create --no-manifest --file "../$out")
    echo "run.sh: wrote $out ($(unzip -l "$out" 2>/dev/null | tail -1 | awk '{print $2}') files); load it unpacked or upload it to a store" >&2
    echo "$out"
    ;;
  test)
    shift || true
    check_browser
    check_trainer
    # The SolrCloud end-to-end test starts the test cluster from solr-cluster/'s jar: built (and its Solr 9
    # dependencies fetched) here, as a build step, so the tests themselves reach nothing but loopback.
    build_solr_cluster_if_stale
    exec mvn -B test "$@"
    ;;
  spark-ingest)
    # ./run.sh spark-ingest --corpus DIR (--index DIR | --solr URL --collection NAME) [--master local[N]]: the ingest
    # pipeline as Spark stages, in a JVM with Spark on its classpath (never in citelens.jar).
    shift || true
    build_spark_if_stale
    # Spark would otherwise pick the machine's first non-loopback interface for its local address.
    export SPARK_LOCAL_IP=127.0.0.1
    # shellcheck disable=SC2046
    # Spark's Platform still calls sun.misc.Unsafe's memory methods: allowed without a warning on JDK 24+.
    unsafe=()
    if [ "$(java_major "$JAVA_HOME")" -ge 24 ]; then unsafe=(--sun-misc-unsafe-memory-access=allow); fi
    exec java -Xmx${SPARK_HEAP:-2g} $(spark_jvm_opens) "${unsafe[@]}" --enable-native-access=ALL-UNNAMED \
      -cp "$SPARK_JAR:$(cat spark/target/classpath.txt)" org.citelens.spark.SparkIngestCommand "$@"
    ;;
  test-spark)
    # spark/'s tests: the Spark ingest's output equals the single-machine ingest's on the bundled corpus (docs/spark.md).
    shift || true
    build_spark_if_stale
    exec mvn -B -f spark/pom.xml test "$@"
    ;;
  train-transformer)
    # Rebuilds the shipped transformer labeller from corpus/ data (about an hour on 2 cores; docs/classifier.md).
    shift || true
    build_if_stale
    exec src/main/python/transformer/train-shipped.sh "$@"
    ;;
  solr-cluster)
    # A local SolrCloud for trials (real Solr 9 nodes and ZooKeeper, README "When one machine is not enough"), in a
    # JVM of its own from solr-cluster/: never part of citelens.jar, whose Lucene and Jetty differ from Solr 9's.
    shift || true
    build_solr_cluster_if_stale
    exec java -Xmx512m --enable-native-access=ALL-UNNAMED -cp "$CLUSTER_JAR:$(cat solr-cluster/target/classpath.txt)" org.citelens.solrcluster.LocalSolrCloud \
      --configset src/main/resources/org/citelens/solr/configset "$@"
    ;;
  serve)
    build_if_stale
    # With options (serve --solr URL --collection NAME, serve --index DIR ...) the CLI serves what they name.
    if [ "$#" -gt 1 ]; then shift; exec java -jar "$JAR" serve "$@"; fi
    if [ ! -d index ] || [ -z "$(ls -A index 2>/dev/null)" ] || [ -n "$(find "$CORPUS" -newer index/.ingested -print -quit 2>/dev/null)" ] || [ ! -f index/.ingested ] || [ "$JAR" -nt index/.ingested ]; then
      echo "run.sh: ingesting $CORPUS into index/" >&2
      # A one-off batch of a few hundred files ends before C2's optimised code pays for its compile time:
      # the quick compiler alone halves ingest's CPU here (docs/benchmarks.md, "## Ingest").
      java -XX:TieredStopAtLevel=1 -jar "$JAR" ingest --corpus "$CORPUS" --index index
      touch index/.ingested
    fi
    echo "run.sh: serving on http://localhost:$PORT/" >&2
    exec java -jar "$JAR" serve --index index --port "$PORT"
    ;;
  harvest)
    # ./run.sh harvest --cited DOI [--email ADDR] [...]: harvests into harvest/ (index in harvest/index unless
    # --out/--index say otherwise), then serves that index. Needs internet (docs/harvest.md).
    shift
    args=("$@")
    out="" index=""
    for ((i = 0; i < ${#args[@]}; i++)); do
      case "${args[$i]}" in
        --out) out="${args[$((i + 1))]:-}" ;;
        --out=*) out="${args[$i]#--out=}" ;;
        --index) index="${args[$((i + 1))]:-}" ;;
        --index=*) index="${args[$i]#--index=}" ;;
      esac
    done
    [ -n "$out" ] || { out=harvest; args+=(--out "$out"); }
    [ -n "$index" ] || { index="$out/index"; args+=(--index "$index"); }
    build_if_stale
    java -jar "$JAR" harvest "${args[@]}"
    if [ ! -d "$index" ]; then
      echo "run.sh: nothing was read into $index, so there is nothing to serve (the report above says why)" >&2
      exit 1
    fi
    echo "run.sh: serving $index on http://localhost:$PORT/" >&2
    exec java -jar "$JAR" serve --index "$index" --port "$PORT"
    ;;
  *)
    # Any other word is passed to the CLI: ./run.sh export --index index --format csv
    build_if_stale
    exec java -jar "$JAR" "$@"
    ;;
esac
