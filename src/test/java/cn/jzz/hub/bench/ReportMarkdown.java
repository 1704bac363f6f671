package cn.jzz.hub.bench;

import cn.jzz.hub.support.Json;
import java.util.List;
import java.util.Map;

/** The readable form of a bench report. */
final class ReportMarkdown {

  private ReportMarkdown() {}

  @SuppressWarnings("unchecked")
  static String render(Map<String, Object> r, List<Target> targets) {
    StringBuilder md = new StringBuilder();
    md.append("# Hub benchmark — ").append(r.get("residents")).append(" residents\n\n");
    md.append("Run ").append(r.get("started_at")).append(" → ").append(r.get("finished_at")).append("; machine ").append(r.get("machine")).append("\n\n");
    if (r.containsKey("error")) {
      md.append("**The run failed:** `").append(r.get("error")).append("`\n\n");
    }
    md.append("## Targets\n\n| target | what | measured | limit | verdict |\n|---|---|---|---|---|\n");
    for (Target t : targets) {
      md.append("| ").append(t.id()).append(" | ").append(t.what()).append(" | ")
          .append(t.notMeasurable() != null ? "—" : Target.fmt(t.measured()) + " " + t.unit()).append(" | ")
          .append(t.notMeasurable() != null ? "—" : (t.atLeast() ? "≥ " : "≤ ") + Target.fmt(t.limit()) + " " + t.unit()).append(" | ")
          .append(t.verdict()).append(t.shortfall().isEmpty() ? "" : " " + t.shortfall())
          .append(t.notMeasurable() != null ? ": " + t.notMeasurable() : "").append(" |\n");
    }
    section(md, "World", r.get("world"));
    section(md, "B5 — initial load, departmental systems → searchable", without((Map<String, Object>) r.get("b5"), "profile"));
    profile(md, "B5 hub profile (JFR execution samples)", r.get("b5"));
    Object b6 = r.get("b6_b7");
    if (b6 instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        section(md, "B6/B7 — CDC freshness and console search under " + e.getKey(), without((Map<String, Object>) e.getValue(), "profile"));
        profile(md, "B6 hub profile at " + e.getKey(), e.getValue());
      }
    }
    section(md, "Stack memory", r.get("stack"));
    if (r.get("b8") instanceof Map<?, ?> b8) {
      for (String format : List.of("csv", "xlsx")) {
        if (b8.get(format) instanceof Map<?, ?> one) {
          section(md, "B8 — " + format.toUpperCase() + " export of the full population", without((Map<String, Object>) one, "profile"));
          profile(md, "B8 " + format.toUpperCase() + " hub profile", one);
        }
      }
      if (b8.get("reason") != null) {
        section(md, "B8 — exports", Map.of("reason", b8.get("reason")));
      }
    }
    section(md, "Reconciliation after the run", r.get("reconcile"));
    section(md, "B1 — raw _bulk of the same documents", r.get("b1"));
    return md.toString();
  }

  private static Map<String, Object> without(Map<String, Object> m, String key) {
    if (m == null) {
      return null;
    }
    Map<String, Object> copy = new java.util.LinkedHashMap<>(m);
    copy.remove(key);
    return copy;
  }

  private static void section(StringBuilder md, String title, Object body) {
    if (body == null) {
      return;
    }
    md.append("\n## ").append(title).append("\n\n");
    if (body instanceof Map<?, ?> m) {
      md.append("| | |\n|---|---|\n");
      m.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v instanceof Map || v instanceof List ? "`" + Json.write(v) + "`" : v).append(" |\n"));
    } else {
      md.append(body).append('\n');
    }
  }

  @SuppressWarnings("unchecked")
  private static void profile(StringBuilder md, String title, Object phase) {
    if (!(phase instanceof Map<?, ?> m) || !(m.get("profile") instanceof Map<?, ?> p) || p.get("top_self") == null) {
      return;
    }
    md.append("\n### ").append(title).append(" — ").append(p.get("samples")).append(" samples\n\n");
    md.append("| % self | frame |\n|---|---|\n");
    for (Map<String, Object> f : (List<Map<String, Object>>) p.get("top_self")) {
      md.append("| ").append(f.get("pct")).append(" | `").append(f.get("frame")).append("` |\n");
    }
    md.append("\n| % inclusive | frame (non-JDK) |\n|---|---|\n");
    for (Map<String, Object> f : (List<Map<String, Object>>) p.get("top_inclusive")) {
      md.append("| ").append(f.get("pct")).append(" | `").append(f.get("frame")).append("` |\n");
    }
    md.append("\n| % | thread |\n|---|---|\n");
    for (Map<String, Object> f : (List<Map<String, Object>>) p.get("threads")) {
      md.append("| ").append(f.get("pct")).append(" | ").append(f.get("frame")).append(" |\n");
    }
  }
}
