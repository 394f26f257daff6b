package dev.baton.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * One fuzz target per extractor, each with the agent's real propagators for that format plus
 * the Istio forward-headers, in trace and forward mode. The input is an inbound header block
 * ({@link HeaderBlock}); seeds live in {@code PropagationFuzzTestInputs/<target>/}. Every target
 * checks the same properties ({@link PropagationHarness#check}): nothing thrown, no invalid
 * context, nothing unsafe or oversized sent on, bounded time.
 */
class PropagationFuzzTest {

  private static final PropagationHarness TRACECONTEXT = new PropagationHarness("tracecontext");
  private static final PropagationHarness BAGGAGE = new PropagationHarness("baggage");
  private static final PropagationHarness B3 = new PropagationHarness("b3");
  private static final PropagationHarness B3MULTI = new PropagationHarness("b3multi");
  private static final PropagationHarness JAEGER = new PropagationHarness("jaeger");
  private static final PropagationHarness OTTRACE = new PropagationHarness("ottrace");
  private static final PropagationHarness XRAY = new PropagationHarness("xray");
  private static final PropagationHarness ALL =
      new PropagationHarness("tracecontext,baggage,b3,b3multi,jaeger,ottrace,xray");

  @FuzzTest
  @DictionaryEntries({"traceparent: ", "tracestate: ", "\\x0A", "00-", "-01", ",", "=", "@", "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"})
  void traceparentAndTracestate(byte[] input) {
    TRACECONTEXT.check(HeaderBlock.parse(input), HeaderBlock.GETTER);
  }

  @FuzzTest
  @DictionaryEntries({"baggage: ", "\\x0A", ",", "=", ";", "%20", "%", "property"})
  void baggage(byte[] input) {
    BAGGAGE.check(HeaderBlock.parse(input), HeaderBlock.GETTER);
  }

  @FuzzTest
  @DictionaryEntries({"b3: ", "\\x0A", "-", "-1", "-0", "-d", "80f198ee56343ba864fe8b2a57d3eff7", "e457b5a2e4d86bd1"})
  void b3Single(byte[] input) {
    B3.check(HeaderBlock.parse(input), HeaderBlock.GETTER);
  }

  @FuzzTest
  @DictionaryEntries({"x-b3-traceid: ", "x-b3-spanid: ", "x-b3-parentspanid: ", "x-b3-sampled: ", "x-b3-flags: ", "\\x0A", "463ac35c9f6413ad48485a3953bb6124", "a2fb4a1d1a96d312"})
  void b3Multi(byte[] input) {
    B3MULTI.check(HeaderBlock.parse(input), HeaderBlock.GETTER);
  }

  @FuzzTest
  @DictionaryEntries({"uber-trace-id: ", "uberctx-", "\\x0A", ":", "%3A", "0", "1"})
  void uberTraceId(byte[] input) {
    JAEGER.check(HeaderBlock.parse(input), HeaderBlock.GETTER);
  }

  @FuzzTest
  @DictionaryEntries({"ot-tracer-traceid: ", "ot-tracer-spanid: ", "ot-tracer-sampled: ", "ot-baggage-", "\\x0A", "true", "false"})
  void otTracer(byte[] input) {
    OTTRACE.check(HeaderBlock.parse(input), HeaderBlock.GETTER);
  }

  @FuzzTest
  @DictionaryEntries({"X-Amzn-Trace-Id: ", "Root=1-", "Parent=", "Sampled=", "Self=", ";", "\\x0A", "5759e988-bd862e3fe1be46a994272793"})
  void amznTraceId(byte[] input) {
    XRAY.check(HeaderBlock.parse(input), HeaderBlock.GETTER);
  }

  /** The Istio forward-headers (VerbatimHeaders, HeaderValues), every format configured at once. */
  @FuzzTest
  @DictionaryEntries({"x-request-id: ", "x-ot-span-context: ", "x-cloud-trace-context: ", "grpc-trace-bin: ", "x-datadog-trace-id: ", "traceparent: ", "b3: ", "\\x0A", "\\x0D", "\\x09"})
  void forwardedHeaders(byte[] input) {
    ALL.check(HeaderBlock.parse(input), HeaderBlock.GETTER);
  }
}
