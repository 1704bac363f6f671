package cn.jzz.hub.sim;

import java.io.IOException;
import java.nio.file.Path;

/** A department that delivers files (full dumps) into its inbox directory {@code <inbox>/<source>/}. */
public interface FileDepartment {

  String source();

  /** Writes the department's current full dump into {@code directory} and returns what it holds. */
  DepartmentReport write(Path directory, SimWorld world, Dirt dirt) throws IOException;
}
