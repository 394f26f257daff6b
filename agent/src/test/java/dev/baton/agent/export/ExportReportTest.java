package dev.baton.agent.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.exporter.internal.FailedExportException;
import io.opentelemetry.sdk.common.export.HttpResponse;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class ExportReportTest {

  @Test
  void reasonsReadAsAnOperatorWantsThem() {
    assertThat(ExportReport.describe(FailedExportException.httpFailedWithResponse(response(503))))
        .isEqualTo("HTTP 503");
    assertThat(ExportReport.describe(FailedExportException.httpFailedExceptionally(
            new ConnectException("Failed to connect to /127.0.0.1:9"))))
        .isEqualTo("java.net.ConnectException: Failed to connect to /127.0.0.1:9");
    assertThat(ExportReport.describe(new IllegalStateException("line one\n  line two")))
        .isEqualTo("java.lang.IllegalStateException: line one line two");
  }

  private static HttpResponse response(int status) {
    return new HttpResponse() {
      @Override
      public int getStatusCode() {
        return status;
      }

      @Override
      public String getStatusMessage() {
        return String.valueOf(status);
      }

      @Override
      public byte[] getResponseBody() {
        return new byte[0];
      }
    };
  }
}
