package dev.baton.instrumentation.api.db;

/**
 * Reads a SQL text once, left to right, and produces what a database span exports: the text with
 * every literal replaced by {@code ?} and comments removed, and the operation and table it names.
 *
 * <ul>
 *   <li>strings ({@code '...'} with {@code ''} and, for MySQL or {@code E'...'}, backslash
 *       escapes; {@code N'...'}, {@code X'...'}, {@code B'...'}, {@code U&'...'}), PostgreSQL
 *       dollar quoting ({@code $$...$$}, {@code $tag$...$tag$}), numbers, hexadecimal numbers,
 *       {@code TRUE}/{@code FALSE}, and for MySQL double-quoted strings, all become {@code ?};
 *   <li>an {@code IN} list of literals or placeholders becomes {@code IN (?)};
 *   <li>{@code --}, {@code #} (MySQL) and (nested) block comments are removed, runs of white space
 *       become one space;
 *   <li>placeholders ({@code ?}, {@code $1}, {@code :name}) stay as they are;
 *   <li>the text is cut at {@link #MAX_TEXT_LENGTH} characters. An unterminated literal or
 *       comment swallows the rest of the text: nothing of it is exported.
 * </ul>
 */
public final class SqlSanitizer {

  /** Longer texts are cut: some applications send megabytes of SQL. */
  public static final int MAX_TEXT_LENGTH = 4096;

  private SqlSanitizer() {}

  /**
   * @param sanitize false to export the text as it is (only cut to length); the operation and
   *     table are read either way
   */
  public static SqlQuery analyze(String sql, SqlDialect dialect, boolean sanitize) {
    Scanner scanner = new Scanner(sql, dialect);
    scanner.run();
    String text = sanitize
        ? scanner.out.toString()
        : sql.length() > MAX_TEXT_LENGTH ? sql.substring(0, MAX_TEXT_LENGTH) : sql;
    SqlSummary summary = scanner.summary;
    return new SqlQuery(text, summary.operation(), summary.collection(), summary.procedure());
  }

  /** The lexer: writes the sanitized text and feeds each token to the summary. */
  private static final class Scanner {
    private final String sql;
    private final SqlDialect dialect;
    private final StringBuilder out;
    private final SqlSummary summary = new SqlSummary();
    private int pos;
    private boolean space;

    // IN (...) collapsing: after the keyword IN, then inside its list while it holds only ? and ,
    private boolean afterIn;
    private int inListStart = -1;
    private int inListValues;

    Scanner(String sql, SqlDialect dialect) {
      this.sql = sql;
      this.dialect = dialect;
      this.out = new StringBuilder(Math.min(sql.length(), MAX_TEXT_LENGTH) + 16);
    }

    void run() {
      while (pos < sql.length() && out.length() < MAX_TEXT_LENGTH) {
        char c = sql.charAt(pos);
        if (Character.isWhitespace(c)) {
          space = true;
          pos++;
        } else if ((c == '-' && peek(1) == '-') || (c == '#' && dialect == SqlDialect.MYSQL)) {
          skipLineComment();
        } else if (c == '/' && peek(1) == '*') {
          skipBlockComment();
        } else {
          if (space && out.length() > 0) {
            out.append(' ');
          }
          space = false;
          token(c);
        }
      }
      if (out.length() > MAX_TEXT_LENGTH) {
        out.setLength(MAX_TEXT_LENGTH);
      }
    }

    private void token(char c) {
      if (c == '\'') {
        skipQuoted('\'', dialect == SqlDialect.MYSQL);
        literal();
      } else if (c == '"' && dialect == SqlDialect.MYSQL) {
        skipQuoted('"', true);
        literal();
      } else if (c == '$' && isDigit(peek(1))) {
        int start = pos++;
        while (isDigit(peek(0))) {
          pos++;
        }
        other(sql.substring(start, pos));
      } else if (c == '$' && dialect == SqlDialect.STANDARD && skipDollarQuoted()) {
        literal();
      } else if (isDigit(c) || (c == '.' && isDigit(peek(1)))) {
        skipNumber();
        literal();
      } else if (isNameStart(c)) {
        nameOrLiteral();
      } else if (c == '?') {
        pos++;
        literal();
      } else {
        pos++;
        punctuation(c);
      }
    }

    private void nameOrLiteral() {
      int start = pos;
      if (isIdentifierStart(sql.charAt(pos))) {
        while (isIdentifierPart(peek(0))) {
          pos++;
        }
        int length = pos - start;
        char next = peek(0);
        if (next == '\'' && length == 1 && "NEXBnexb".indexOf(sql.charAt(start)) >= 0) {
          // N'..', E'..' (with backslash escapes), X'..', B'..'
          skipQuoted('\'', dialect == SqlDialect.MYSQL || Character.toUpperCase(sql.charAt(start)) == 'E');
          literal();
          return;
        }
        if (length == 1 && next == '&' && peek(1) == '\'' && Character.toUpperCase(sql.charAt(start)) == 'U') {
          pos++;
          skipQuoted('\'', false);
          literal();
          return;
        }
        if (isWord(start, length, "TRUE") || isWord(start, length, "FALSE")) {
          literal();
          return;
        }
      } else {
        skipQuotedName();
      }
      // schema.table, "schema"."table"
      while (peek(0) == '.' && isNameStart(peek(1))) {
        pos++;
        if (isIdentifierStart(peek(0))) {
          while (isIdentifierPart(peek(0))) {
            pos++;
          }
        } else {
          skipQuotedName();
        }
      }
      name(sql.substring(start, pos));
    }

    private boolean isWord(int start, int length, String word) {
      return length == word.length() && sql.regionMatches(true, start, word, 0, length);
    }

    // ---- what goes out ----

    private void literal() {
      out.append('?');
      summary.onValue();
      afterIn = false;
      if (inListStart >= 0) {
        inListValues++;
      }
    }

    private void name(String name) {
      out.append(name);
      summary.onName(name);
      afterIn = name.equalsIgnoreCase("IN");
      inListStart = -1;
    }

    /** A token that is neither a literal nor a name: a positional placeholder such as $1. */
    private void other(String token) {
      out.append(token);
      summary.onValue();
      afterIn = false;
      inListStart = -1;
    }

    private void punctuation(char c) {
      out.append(c);
      summary.onPunctuation(c);
      if (c == '(' && afterIn) {
        inListStart = out.length();
        inListValues = 0;
      } else if (c == ')' && inListStart >= 0 && inListValues > 0) {
        out.setLength(inListStart);
        out.append("?)");
        inListStart = -1;
      } else if (c != ',') {
        inListStart = -1;
      }
      afterIn = false;
    }

    // ---- what is skipped ----

    private void skipQuoted(char quote, boolean backslashEscapes) {
      pos++;
      while (pos < sql.length()) {
        char c = sql.charAt(pos);
        if (c == '\\' && backslashEscapes) {
          pos += 2;
        } else if (c == quote) {
          if (peek(1) == quote) {
            pos += 2;
          } else {
            pos++;
            return;
          }
        } else {
          pos++;
        }
      }
      pos = sql.length();
    }

    private void skipQuotedName() {
      char quote = sql.charAt(pos);
      skipQuoted(quote, false);
    }

    /** {@code $$...$$} or {@code $tag$...$tag$}; false (and nothing consumed) if this is neither. */
    private boolean skipDollarQuoted() {
      int tagEnd = pos + 1;
      if (tagEnd < sql.length() && isIdentifierStart(sql.charAt(tagEnd)) && sql.charAt(tagEnd) != '$') {
        while (tagEnd < sql.length() && isIdentifierPart(sql.charAt(tagEnd)) && sql.charAt(tagEnd) != '$') {
          tagEnd++;
        }
      }
      if (tagEnd >= sql.length() || sql.charAt(tagEnd) != '$') {
        return false;
      }
      String delimiter = sql.substring(pos, tagEnd + 1);
      int close = sql.indexOf(delimiter, tagEnd + 1);
      pos = close < 0 ? sql.length() : close + delimiter.length();
      return true;
    }

    private void skipNumber() {
      if (sql.charAt(pos) == '0' && (peek(1) == 'x' || peek(1) == 'X')) {
        pos += 2;
      } else {
        while (isDigit(peek(0)) || peek(0) == '.') {
          pos++;
        }
        if ((peek(0) == 'e' || peek(0) == 'E')
            && (isDigit(peek(1)) || ((peek(1) == '+' || peek(1) == '-') && isDigit(peek(2))))) {
          pos += 2;
        }
      }
      // the rest of the number, and anything glued to it (1_000, 0xFF, 1e10, 10L)
      while (isIdentifierPart(peek(0))) {
        pos++;
      }
    }

    private void skipLineComment() {
      while (pos < sql.length() && sql.charAt(pos) != '\n') {
        pos++;
      }
      space = true;
    }

    private void skipBlockComment() {
      int nesting = 0;
      while (pos < sql.length()) {
        if (sql.startsWith("/*", pos)) {
          nesting = dialect == SqlDialect.STANDARD || nesting == 0 ? nesting + 1 : nesting;
          pos += 2;
        } else if (sql.startsWith("*/", pos)) {
          pos += 2;
          if (--nesting == 0) {
            space = true;
            return;
          }
        } else {
          pos++;
        }
      }
    }

    private char peek(int ahead) {
      int at = pos + ahead;
      return at < sql.length() ? sql.charAt(at) : '\0';
    }

    private boolean isNameStart(char c) {
      return isIdentifierStart(c) || c == '`' || (c == '"' && dialect == SqlDialect.STANDARD);
    }

    private static boolean isIdentifierStart(char c) {
      return Character.isLetter(c) || c == '_';
    }

    private static boolean isIdentifierPart(char c) {
      return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }
  }
}
