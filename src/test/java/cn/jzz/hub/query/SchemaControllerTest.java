package cn.jzz.hub.query;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jzz.hub.schema.SchemaFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class SchemaControllerTest {

  private final MockMvc mvc =
      MockMvcBuilders.standaloneSetup(new SchemaController(SchemaFixtures.schema(), SchemaFixtures.tags())).build();

  @Test
  void servesTheFieldsFromTheSchema() throws Exception {
    mvc.perform(get("/api/v1/schema"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.fields", hasSize(55)))
        .andExpect(jsonPath("$.fields[0].number").value(1))
        .andExpect(jsonPath("$.fields[0].key").value("county_code"))
        .andExpect(jsonPath("$.fields[0].group").value("A"))
        .andExpect(jsonPath("$.fields[0].group_label").value("区划与网格"))
        .andExpect(jsonPath("$.fields[0].code_table").value("division"))
        .andExpect(jsonPath("$.fields[5].values[0]").value("商品房小区"))
        .andExpect(jsonPath("$.fields[18].type").value("code"))
        .andExpect(jsonPath("$.fields[18].values").value(nullValue()))
        .andExpect(jsonPath("$.fields[22].authority.rule").value("latest_of"))
        .andExpect(jsonPath("$.fields[22].authority.sources", contains("ishandong", "zfw", "clj", "tyjrj")))
        .andExpect(jsonPath("$.fields[44].sensitivity", contains("S", "M")))
        .andExpect(jsonPath("$.fields[52].sensitivity", contains("S", "restricted")))
        .andExpect(jsonPath("$.system_fields[0].key").value("person_id"))
        .andExpect(jsonPath("$.system_fields[0].authority").value(nullValue()))
        .andExpect(jsonPath("$.tags[?(@.name == '育龄妇女')].rule", contains("age_filter")))
        .andExpect(jsonPath("$.tags[?(@.name == '育龄妇女')].min_age", contains(15)))
        .andExpect(jsonPath("$.tags[?(@.name == '刑满释放人员')].sensitivity[*]", contains("S", "restricted")))
        .andExpect(jsonPath("$.tags[?(@.name == '独居')].field", contains("elderly_tags")));
  }
}
