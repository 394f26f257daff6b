#!/usr/bin/env bash
# The JMH micro benchmarks (see docs/performance.md): builds the agent and the benchmark jar with
# the reactor, then runs every benchmark with -prof gc. Options go to the runner: --quick for
# short iterations, --part in-process|advice for one half.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl benchmarks/micro -am -DskipTests package
exec java -Xmx512m -jar benchmarks/micro/target/benchmarks.jar \
  --agent agent/target/baton-agent.jar --results benchmarks/results "$@"
