package cn.jzz.hub.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CellSafetyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "=HYPERLINK(\"http://x\")",
        " =1+1",
        "\u3000=1+1",
        "\u200b=1+1",
        "\ufeff@SUM(A1)",
        "\uff1dcmd|' /C calc'!A0",
        "\uff0b1",
        "\uff20SUM(A1)",
        "\t=1",
        "\r=1",
        "-2+3",
        "+86 138"
      })
  void aFormulaBehindBlanksInvisibleOrFullWidthCharactersIsNeutralised(String value) {
    assertThat(CellSafety.neutralise(value)).isEqualTo("'" + value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "12.5", "张三", "济宁市任城区 = 路", "3号楼-2单元", "  "})
  void plainValuesStayAsTheyAre(String value) {
    assertThat(CellSafety.neutralise(value)).isEqualTo(value);
  }
}
