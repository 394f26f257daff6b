#!/usr/bin/env bash
# The whole-process benchmark (see docs/performance.md): builds what it needs with the reactor
# (the agent, the bench service, the runner; the OpenTelemetry Java agent comes from Maven
# Central), then runs it. Options go to the runner: --quick for a short development run,
# --launches N, --warmup S, --measure S, --concurrency N, --rounds N.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl benchmarks/whole-process -am -DskipTests package
exec java -Xmx512m \
  -cp "$(cat benchmarks/whole-process/target/runner.classpath):benchmarks/whole-process/target/classes" \
  dev.baton.bench.process.WholeProcessRunner \
  --baton agent/target/baton-agent.jar \
  --otel benchmarks/whole-process/target/otel/opentelemetry-javaagent.jar \
  --service benchmarks/bench-service/target/bench-service.jar \
  --broker-classpath smoke-tests/library-tests/kafka-broker-4/target/broker.classpath \
  --results benchmarks/results \
  "$@"
