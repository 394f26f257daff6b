package dev.baton.instrumentation.opentelemetryapi;

import application.io.opentelemetry.api.common.AttributeKey;
import application.io.opentelemetry.api.common.Attributes;
import application.io.opentelemetry.api.trace.Span;
import application.io.opentelemetry.api.trace.SpanContext;
import application.io.opentelemetry.api.trace.StatusCode;
import java.util.concurrent.TimeUnit;

/** An agent span as the application's API sees it; everything is forwarded to the agent span. */
final class ApplicationSpan implements Span {

  private final io.opentelemetry.api.trace.Span agent;
  private volatile SpanContext spanContext;

  ApplicationSpan(io.opentelemetry.api.trace.Span agent) {
    this.agent = agent;
  }

  io.opentelemetry.api.trace.Span agent() {
    return agent;
  }

  @Override
  public Span setAttribute(String key, String value) {
    agent.setAttribute(key, value);
    return this;
  }

  @Override
  public Span setAttribute(String key, long value) {
    agent.setAttribute(key, value);
    return this;
  }

  @Override
  public Span setAttribute(String key, double value) {
    agent.setAttribute(key, value);
    return this;
  }

  @Override
  public Span setAttribute(String key, boolean value) {
    agent.setAttribute(key, value);
    return this;
  }

  @Override
  public <T> Span setAttribute(AttributeKey<T> key, T value) {
    io.opentelemetry.api.common.AttributeKey<T> agentKey = AttributesBridge.toAgent(key);
    if (agentKey != null) {
      agent.setAttribute(agentKey, value);
    }
    return this;
  }

  @Override
  public Span addEvent(String name, Attributes attributes) {
    agent.addEvent(name, AttributesBridge.toAgent(attributes));
    return this;
  }

  @Override
  public Span addEvent(String name, Attributes attributes, long timestamp, TimeUnit unit) {
    agent.addEvent(name, AttributesBridge.toAgent(attributes), timestamp, unit);
    return this;
  }

  @Override
  public Span setStatus(StatusCode statusCode, String description) {
    if (statusCode == null) {
      return this;
    }
    agent.setStatus(SpanBridge.toAgent(statusCode), description);
    return this;
  }

  @Override
  public Span recordException(Throwable exception, Attributes additionalAttributes) {
    agent.recordException(exception, AttributesBridge.toAgent(additionalAttributes));
    return this;
  }

  @Override
  public Span addLink(SpanContext spanContext, Attributes attributes) {
    if (spanContext == null) {
      return this;
    }
    agent.addLink(SpanBridge.toAgent(spanContext), AttributesBridge.toAgent(attributes));
    return this;
  }

  @Override
  public Span updateName(String name) {
    agent.updateName(name);
    return this;
  }

  @Override
  public void end() {
    agent.end();
  }

  @Override
  public void end(long timestamp, TimeUnit unit) {
    agent.end(timestamp, unit);
  }

  @Override
  public SpanContext getSpanContext() {
    SpanContext context = spanContext;
    if (context == null) {
      context = SpanBridge.toApplication(agent.getSpanContext());
      spanContext = context;
    }
    return context;
  }

  @Override
  public boolean isRecording() {
    return agent.isRecording();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ApplicationSpan && ((ApplicationSpan) other).agent == agent;
  }

  @Override
  public int hashCode() {
    return agent.hashCode();
  }

  @Override
  public String toString() {
    return "ApplicationSpan{" + agent + "}";
  }
}
