package cn.jzz.hub.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import org.junit.jupiter.api.Test;

class YamlTest {

  @Test
  void typeTagsAndAliasBombsAreRefusedPlainYamlIsNot() {
    assertThat(Yaml.refusal("a: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]\n"))
        .hasValueSatisfying(why -> assertThat(why).contains("line 1").contains("!!javax.script.ScriptEngineManager"));
    assertThat(Yaml.refusal("a: !custom x\n")).isPresent();
    StringBuilder laughs = new StringBuilder("a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n");
    for (char c = 'b'; c <= 'e'; c++) {
      laughs.append(c).append(": &").append(c).append(" [").append(String.join(",", Collections.nCopies(9, "*" + (char) (c - 1)))).append("]\n");
    }
    assertThat(Yaml.refusal(laughs.toString())).hasValueSatisfying(why -> assertThat(why).contains("aliases"));
    assertThat(Yaml.refusal("version: 2\nentities:\n  t: {id_number: sfzh, n: !!int 3, s: !!str x}\nlist: [1, 2]\n")).isEmpty();
    assertThat(Yaml.refusal("a: &x 1\nb: *x\n")).isEmpty();
    // broken YAML is the compiler's to report, with its line
    assertThat(Yaml.refusal("a: [\n")).isEmpty();
  }
}
