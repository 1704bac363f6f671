package cn.jzz.hub.connector.file;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Stops reading a CSV file at a physical line longer than a bound. The CSV parser builds a whole
 * record in memory before the cell checks see it, so one enormous row (a million short cells, or one
 * quoted cell of 90 MB) would otherwise be held in full.
 */
final class BoundedLineReader extends FilterReader {

  /** Thrown through the parser (which wraps it); carries the reason for {@code failed/}. */
  static final class LineTooLongException extends IOException {
    LineTooLongException(String message) {
      super(message);
    }
  }

  private final long maxLineChars;
  private long line = 1;
  private long sinceNewline;

  BoundedLineReader(Reader in, long maxLineChars) {
    super(in);
    this.maxLineChars = maxLineChars;
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c >= 0) {
      count((char) c);
    }
    return c;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    for (int i = 0; i < n; i++) {
      count(buffer[offset + i]);
    }
    return n;
  }

  private void count(char c) throws LineTooLongException {
    if (c == '\n') {
      line++;
      sinceNewline = 0;
    } else if (++sinceNewline > maxLineChars) {
      throw new LineTooLongException("line " + line + " is longer than " + maxLineChars + " characters; a row of a dump never is: check the export at the source");
    }
  }
}
