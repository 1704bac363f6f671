package cn.jzz.hub.sim;

import java.util.function.Consumer;

/** Progress lines for long builds ({@code hub: world: mzj 20000 rows}), which {@code ./hub demo} shows. */
public final class Progress {

  private static final int EVERY = 20_000;

  private final Consumer<String> out;
  private String source = "";
  private int rows;

  public Progress(Consumer<String> out) {
    this.out = out;
  }

  /** Prints nothing: for tests. */
  public static Progress silent() {
    return new Progress(line -> {});
  }

  /** A progress of its own for one department (departments may be written in parallel). */
  public Progress forSource(String name) {
    Progress p = new Progress(out);
    p.source = name;
    return p;
  }

  void row() {
    if (++rows % EVERY == 0) {
      out.accept("hub: world: " + source + " " + rows + " rows");
    }
  }

  public void line(String text) {
    out.accept(text);
  }
}
