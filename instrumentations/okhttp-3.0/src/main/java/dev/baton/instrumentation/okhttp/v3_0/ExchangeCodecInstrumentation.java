package dev.baton.instrumentation.okhttp.v3_0;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.baton.instrumentation.api.TypeInstrumentation;
import dev.baton.instrumentation.api.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;
import okhttp3.Request;

/**
 * The codecs that write a request's headers onto the connection, HTTP/1 and HTTP/2, under the
 * names they had in each OkHttp generation. Every request a call sends passes here: the first,
 * each redirect, retry and authentication follow-up. The codec gets a copy of the request with
 * the propagation headers; the request the application and its interceptors see, and that
 * {@code Response.request()} returns, stays without them.
 */
public final class ExchangeCodecInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return namedOneOf(
        // 3.0 - 3.3
        "okhttp3.internal.http.Http1xStream",
        "okhttp3.internal.http.Http2xStream",
        // 3.4 - 3.13
        "okhttp3.internal.http1.Http1Codec",
        "okhttp3.internal.http2.Http2Codec",
        // 3.14 and 4.x
        "okhttp3.internal.http1.Http1ExchangeCodec",
        "okhttp3.internal.http2.Http2ExchangeCodec");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdvice(
        named("writeRequestHeaders").and(isPublic()).and(takesArguments(1))
            .and(takesArgument(0, named("okhttp3.Request"))),
        ExchangeCodecInstrumentation.class.getName() + "$WriteRequestHeadersAdvice");
  }

  public static final class WriteRequestHeadersAdvice {

    private WriteRequestHeadersAdvice() {}

    /** Returns {request to write}, or null to write the request as it is. */
    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToArguments(
        @Advice.AssignReturned.ToArguments.ToArgument(
            value = 0, index = 0, typing = Assigner.Typing.DYNAMIC))
    public static Object[] enter(@Advice.Argument(0) Request request) {
      return OkHttpTracing.withPropagationHeaders(request);
    }
  }
}
