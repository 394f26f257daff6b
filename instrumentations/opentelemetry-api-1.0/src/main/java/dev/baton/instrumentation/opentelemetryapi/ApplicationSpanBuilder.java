package dev.baton.instrumentation.opentelemetryapi;

import application.io.opentelemetry.api.common.AttributeKey;
import application.io.opentelemetry.api.common.Attributes;
import application.io.opentelemetry.api.trace.Span;
import application.io.opentelemetry.api.trace.SpanBuilder;
import application.io.opentelemetry.api.trace.SpanContext;
import application.io.opentelemetry.api.trace.SpanKind;
import application.io.opentelemetry.context.Context;
import java.util.concurrent.TimeUnit;

/**
 * Builds an agent span. Without {@code setParent} the agent's current context is the parent, and
 * it holds whatever the application made current, so no translation is needed there.
 */
final class ApplicationSpanBuilder implements SpanBuilder {

  private final io.opentelemetry.api.trace.SpanBuilder agent;

  ApplicationSpanBuilder(io.opentelemetry.api.trace.SpanBuilder agent) {
    this.agent = agent;
  }

  @Override
  public SpanBuilder setParent(Context context) {
    if (context != null) {
      agent.setParent(ContextBridge.toAgent(context));
    }
    return this;
  }

  @Override
  public SpanBuilder setNoParent() {
    agent.setNoParent();
    return this;
  }

  @Override
  public SpanBuilder addLink(SpanContext spanContext) {
    if (spanContext == null) {
      return this;
    }
    agent.addLink(SpanBridge.toAgent(spanContext));
    return this;
  }

  @Override
  public SpanBuilder addLink(SpanContext spanContext, Attributes attributes) {
    if (spanContext == null) {
      return this;
    }
    agent.addLink(SpanBridge.toAgent(spanContext), AttributesBridge.toAgent(attributes));
    return this;
  }

  @Override
  public SpanBuilder setAttribute(String key, String value) {
    agent.setAttribute(key, value);
    return this;
  }

  @Override
  public SpanBuilder setAttribute(String key, long value) {
    agent.setAttribute(key, value);
    return this;
  }

  @Override
  public SpanBuilder setAttribute(String key, double value) {
    agent.setAttribute(key, value);
    return this;
  }

  @Override
  public SpanBuilder setAttribute(String key, boolean value) {
    agent.setAttribute(key, value);
    return this;
  }

  @Override
  public <T> SpanBuilder setAttribute(AttributeKey<T> key, T value) {
    io.opentelemetry.api.common.AttributeKey<T> agentKey = AttributesBridge.toAgent(key);
    if (agentKey != null) {
      agent.setAttribute(agentKey, value);
    }
    return this;
  }

  @Override
  public SpanBuilder setSpanKind(SpanKind spanKind) {
    if (spanKind != null) {
      agent.setSpanKind(SpanBridge.toAgent(spanKind));
    }
    return this;
  }

  @Override
  public SpanBuilder setStartTimestamp(long startTimestamp, TimeUnit unit) {
    agent.setStartTimestamp(startTimestamp, unit);
    return this;
  }

  @Override
  public Span startSpan() {
    return new ApplicationSpan(agent.startSpan());
  }
}
