package dev.baton.fuzz;

import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Inbound headers as a fuzz input: an HTTP/1.1 header block ({@code name: value} lines) decoded
 * byte for byte (ISO-8859-1, as servlet containers decode), so control characters and high bytes
 * reach the extractors as they would from the wire. A line that starts with a space or tab
 * continues the previous value with the line feed kept (obs-fold left unfolded: the worst a
 * lenient container could hand over). Seed files are readable header blocks.
 */
final class HeaderBlock {

  private final List<Map.Entry<String, String>> headers = new ArrayList<>();

  static HeaderBlock parse(byte[] input) {
    HeaderBlock block = new HeaderBlock();
    String text = new String(input, StandardCharsets.ISO_8859_1);
    for (String line : text.split("\n", -1)) {
      if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && !block.headers.isEmpty()) {
        Map.Entry<String, String> last = block.headers.remove(block.headers.size() - 1);
        block.headers.add(Map.entry(last.getKey(), last.getValue() + "\n" + line));
        continue;
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        String value = line.substring(colon + 1);
        block.headers.add(Map.entry(line.substring(0, colon), value.startsWith(" ") ? value.substring(1) : value));
      }
    }
    return block;
  }

  List<Map.Entry<String, String>> headers() {
    return headers;
  }

  /** Servlet semantics: names case-insensitive, the first of repeated headers. */
  static final TextMapGetter<HeaderBlock> GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HeaderBlock carrier) {
          List<String> keys = new ArrayList<>();
          carrier.headers.forEach(h -> keys.add(h.getKey()));
          return keys;
        }

        @Override
        public String get(HeaderBlock carrier, String key) {
          if (carrier == null) {
            return null;
          }
          String wanted = key.toLowerCase(Locale.ROOT);
          for (Map.Entry<String, String> header : carrier.headers) {
            if (header.getKey().toLowerCase(Locale.ROOT).equals(wanted)) {
              return header.getValue();
            }
          }
          return null;
        }
      };
}
