package cn.jzz.hub.normalize;

import cn.jzz.hub.support.ConfigProblems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The active mapping of every source. A new version replaces the active one only after it compiled
 * without a problem, so a bad mapping never interrupts a source. With a {@link MappingStore}, every
 * activated version is kept on disk and the active one survives a restart.
 */
public final class MappingRegistry {

  private static final Logger log = LoggerFactory.getLogger(MappingRegistry.class);

  private final MappingCompiler compiler;
  private final MappingStore store;
  private final Map<String, CompiledMapping> active = new ConcurrentHashMap<>();

  public MappingRegistry(MappingCompiler compiler) {
    this(compiler, null);
  }

  /** @param store where versions are kept; null keeps them in memory only (tests, tools) */
  public MappingRegistry(MappingCompiler compiler, MappingStore store) {
    this.compiler = compiler;
    this.store = store;
  }

  public MappingCompiler compiler() {
    return compiler;
  }

  /**
   * Loads every {@code <source>.yaml} of the folder; fails listing every problem of every file. Where
   * the store holds an active version at least as new as the file, that version stays active; a newer
   * file (a deployment that ships a new mapping) becomes a new stored version.
   */
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
        if (!result.valid()) {
          result.problems().forEach(p -> problems.add(name + " " + p.path(), p.message()));
          continue;
        }
        CompiledMapping chosen = result.mapping();
        if (store != null) {
          CompiledMapping stored = storedActive(source).orElse(null);
          if (stored != null && stored.version() >= chosen.version()) {
            chosen = stored;
          } else {
            store.activate(source, chosen.version(), chosen.yaml());
          }
        }
        active.put(source, chosen);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    problems.throwIfAny();
  }

  private Optional<CompiledMapping> storedActive(String source) {
    return store.activeVersion(source).flatMap(v -> store.read(source, v)).flatMap(yaml -> {
      MappingCompiler.Result result = compiler.compile(yaml, source);
      if (!result.valid()) {
        // The schema changed under a stored version: the repository's file takes over, loudly.
        log.warn("normalize: the stored active mapping of {} no longer compiles ({} problems); using mappings/{}.yaml", source, result.problems().size(), source);
      }
      return Optional.ofNullable(result.mapping());
    });
  }

  public CompiledMapping active(String source) {
    return active.get(source);
  }

  public Set<String> sources() {
    return new TreeSet<>(active.keySet());
  }

  /** The stored versions of a source (the active one at least). */
  public List<Integer> versions(String source) {
    if (store == null) {
      CompiledMapping m = active.get(source);
      return m == null ? List.of() : List.of(m.version());
    }
    return store.versions(source);
  }

  public MappingCompiler.Result validate(String source, String yaml) {
    return compiler.compile(yaml, source);
  }

  /** Compiles and, only if valid and newer than the active version, stores and activates it. */
  public synchronized MappingCompiler.Result activate(String source, String yaml) {
    MappingCompiler.Result result = compiler.compile(yaml, source);
    if (result.valid()) {
      CompiledMapping current = active.get(source);
      if (current != null && result.mapping().version() <= current.version()) {
        return new MappingCompiler.Result(
            null, List.of(new ConfigProblems.Problem("$.version", "must be greater than the active version " + current.version())));
      }
      if (store != null) {
        store.activate(source, result.mapping().version(), yaml);
      }
      active.put(source, result.mapping());
    }
    return result;
  }
}
