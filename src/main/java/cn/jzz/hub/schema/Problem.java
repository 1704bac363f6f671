package cn.jzz.hub.schema;

/**
 * One problem found while loading a definition file: where it is and what is wrong with it.
 *
 * @param file the file, relative to the schemas directory (e.g. {@code resident.yaml})
 * @param path the location inside the file (e.g. {@code fields[12].code_table}); empty for the file itself
 * @param message what is wrong and, where it helps, what is allowed
 */
public record Problem(String file, String path, String message) {

  @Override
  public String toString() {
    return file + (path.isEmpty() ? "" : " " + path) + ": " + message;
  }
}
