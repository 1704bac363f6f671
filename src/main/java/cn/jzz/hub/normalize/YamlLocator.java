package cn.jzz.hub.normalize;

import cn.jzz.hub.support.ConfigProblems;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds the line of a problem path ({@code $.entities.rk_jbxx.fields.sex.transform[1]}) in the YAML
 * text, from the parser's own node positions, so the console can show each problem at its line. A
 * path to a missing key points at its nearest existing parent.
 */
public final class YamlLocator {

  /** A problem with its 1-based line (null when the text has none to point at). */
  public record LocatedProblem(String path, Integer line, String message) {}

  private static final Pattern SEGMENT = Pattern.compile("\\.([^.\\[]+)|\\[(\\d+)]");

  private YamlLocator() {}

  public static List<LocatedProblem> locate(String yaml, List<ConfigProblems.Problem> problems) {
    Node root = null;
    Integer parseErrorLine = null;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setMaxAliasesForCollections(20);
      root = new org.yaml.snakeyaml.Yaml(options).compose(new StringReader(yaml));
    } catch (MarkedYAMLException e) {
      parseErrorLine = e.getProblemMark() == null ? null : e.getProblemMark().getLine() + 1;
    } catch (RuntimeException e) {
      // Unreadable text: no lines to give.
    }
    List<LocatedProblem> out = new ArrayList<>();
    for (ConfigProblems.Problem p : problems) {
      Integer line = root == null ? parseErrorLine : line(root, p.path());
      out.add(new LocatedProblem(p.path(), line, p.message()));
    }
    return out;
  }

  static Integer line(Node root, String path) {
    Node node = root;
    Node keyOfNode = null;
    Matcher m = SEGMENT.matcher(path.startsWith("$") ? path.substring(1) : path);
    while (m.find()) {
      Node next = null;
      Node nextKey = null;
      if (m.group(1) != null && node instanceof MappingNode map) {
        for (NodeTuple tuple : map.getValue()) {
          if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(m.group(1))) {
            next = tuple.getValueNode();
            nextKey = key;
            break;
          }
        }
      } else if (m.group(2) != null && node instanceof SequenceNode seq) {
        int i = Integer.parseInt(m.group(2));
        if (i < seq.getValue().size()) {
          next = seq.getValue().get(i);
        }
      }
      if (next == null) {
        break;
      }
      node = next;
      keyOfNode = nextKey;
    }
    // A key's line is where the admin reads its name; a list item's is where it starts.
    Node at = keyOfNode != null ? keyOfNode : node;
    return at == null ? null : at.getStartMark().getLine() + 1;
  }
}
