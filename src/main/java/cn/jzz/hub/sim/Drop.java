package cn.jzz.hub.sim;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file drop that appears whole: written to a hidden {@code .name.tmp} beside the target (file
 * consumers skip dot files) and moved into place, so a reader polling the directory never sees half a file.
 */
final class Drop {

  interface Body {
    void write(OutputStream out) throws IOException;
  }

  private Drop() {}

  static void write(Path file, Body body) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      body.write(out);
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
