package cn.jzz.hub.support;

import cn.jzz.hub.config.HubProperties;

/**
 * The real services integration tests run against, started by {@code ./hub test} and passed in as
 * system properties. Running an IT any other way fails with how to run it.
 */
public final class ItServices {

  private ItServices() {}

  public static String elasticsearchUrl() {
    return required("hub.it.elasticsearch-url");
  }

  public static String kafkaBootstrap() {
    return required("hub.it.kafka-bootstrap");
  }

  public static HubProperties.Postgres postgres() {
    return new HubProperties.Postgres("127.0.0.1", 5432, "postgres", "postgres");
  }

  /** Drops a test's departmental database and its replication slot and publication. */
  public static void dropDepartment(String database, String slot) throws java.sql.SQLException {
    cn.jzz.hub.sim.DemoWorld.recreateDatabase(postgres(), database, slot);
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(postgres().jdbcUrl("postgres"), "postgres", "postgres"); java.sql.Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  private static String required(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "integration tests need the real services: run them with ./hub test (it starts Elasticsearch and Kafka and sets -D" + name + ")");
    }
    return value;
  }
}
