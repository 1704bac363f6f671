package cn.jzz.hub.normalize;

import cn.jzz.hub.support.ConfigProblems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The active mapping of every source. A new version replaces the active one only after it compiled
 * without a problem, so a bad mapping never interrupts a source.
 */
public final class MappingRegistry {

  private final MappingCompiler compiler;
  private final Map<String, CompiledMapping> active = new ConcurrentHashMap<>();

  public MappingRegistry(MappingCompiler compiler) {
    this.compiler = compiler;
  }

  /** Loads every {@code <source>.yaml} of the folder; fails listing every problem of every file. */
  public void loadAll(Path dir) {
    ConfigProblems problems = new ConfigProblems("mappings in " + dir);
    if (!Files.isDirectory(dir)) {
      problems.add(dir.toString(), "directory not found; set hub.mappings-dir to the folder with mappings/<source>.yaml");
      problems.throwIfAny();
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        String name = file.getFileName().toString();
        String source = name.substring(0, name.length() - ".yaml".length());
        MappingCompiler.Result result = compiler.compile(Files.readString(file), source);
        if (result.valid()) {
          active.put(source, result.mapping());
        } else {
          result.problems().forEach(p -> problems.add(name + " " + p.path(), p.message()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    problems.throwIfAny();
  }

  public CompiledMapping active(String source) {
    return active.get(source);
  }

  /** Compiles and, only if valid, activates; returns the problems otherwise. */
  public MappingCompiler.Result activate(String source, String yaml) {
    MappingCompiler.Result result = compiler.compile(yaml, source);
    if (result.valid()) {
      CompiledMapping current = active.get(source);
      if (current != null && result.mapping().version() <= current.version()) {
        return new MappingCompiler.Result(
            null,
            List.of(new ConfigProblems.Problem("$.version", "must be greater than the active version " + current.version())));
      }
      active.put(source, result.mapping());
    }
    return result;
  }
}
