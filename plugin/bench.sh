#!/usr/bin/env bash
# Benchmark: per-buffer overhead of a Java passthrough element over identity at 320x240 RGB.
# Builds the plugin module (tests skipped), then writes plugin/target/bench/overhead.txt.
#   plugin/bench.sh [output file]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -B -ntp -q -pl plugin -am -DskipTests verify
cd plugin
java -cp "target/classes:target/test-classes:$(cat target/gst/respike.classpath)" \
  org.respike.plugin.bench.PassthroughOverhead "${1:-target/bench/overhead.txt}"
