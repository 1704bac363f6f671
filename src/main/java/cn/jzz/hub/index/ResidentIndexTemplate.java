package cn.jzz.hub.index;

/** The index template body ({@code PUT _index_template}) for the residents indices. */
@FunctionalInterface
public interface ResidentIndexTemplate {
  /** Stands for the index pattern in {@link #json()}; replaced by {@code <alias>-*}. */
  String PATTERN_PLACEHOLDER = "${index_pattern}";

  String json();
}
