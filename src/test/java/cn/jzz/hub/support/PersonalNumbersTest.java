package cn.jzz.hub.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonalNumbersTest {

  @Test
  void idAndPhoneNumbersInFreeTextAreCutToTheirMaskedForms() {
    assertThat(PersonalNumbers.scrub("找 370811199001011234 的人")).isEqualTo("找 370811************ 的人");
    assertThat(PersonalNumbers.scrub("37081119900101123x")).isEqualTo("370811************");
    assertThat(PersonalNumbers.scrub("老号码370811900101123")).isEqualTo("老号码370811*********");
    assertThat(PersonalNumbers.scrub("电话13800001234，或 138-0000-1234，或 +86 13800001234")).isEqualTo("电话138****1234，或 138****1234，或 138****1234");
    assertThat(PersonalNumbers.scrub("座机0537-2345678")).isEqualTo("座机053****5678");
    assertThat(PersonalNumbers.scrub("全角３７０８１１１９９００１０１１２３４")).isEqualTo("全角370811************");
  }

  @Test
  void countsCodesAndLongerKeysStayAsTheyAre() {
    assertThat(PersonalNumbers.scrub("total 8400000, division 370811001001, key 12345678901234567890"))
        .isEqualTo("total 8400000, division 370811001001, key 12345678901234567890");
    assertThat(PersonalNumbers.scrub(null)).isNull();
  }

  @Test
  void nestedQueriesAreScrubbedEverywhere() {
    Object scrubbed = PersonalNumbers.scrubAll(Map.of("text", "13800001234", "filters", List.of(Map.of("value", List.of("370811199001011234")))));
    assertThat(scrubbed.toString()).doesNotContain("13800001234").doesNotContain("370811199001011234").contains("138****1234");
  }
}
