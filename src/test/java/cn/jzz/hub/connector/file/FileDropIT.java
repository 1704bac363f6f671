package cn.jzz.hub.connector.file;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jzz.hub.connector.ConnectorContext;
import cn.jzz.hub.connector.ConnectorFixtures;
import cn.jzz.hub.connector.RawEvent;
import cn.jzz.hub.connector.RawTopic;
import cn.jzz.hub.connector.SourceConnector;
import cn.jzz.hub.connector.SourceStatus;
import cn.jzz.hub.support.Await;
import cn.jzz.hub.support.ItServices;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file route {@code ingest.clj} on the test broker: a GBK dump dropped in the inbox is published
 * and archived, the next month's dump publishes only its differences — also across a restart, since
 * the dump state is on disk — and an unreadable file lands in failed/ with its reason.
 */
class FileDropIT {

  private static final Charset GBK = Charset.forName("GBK");
  private static final String NS = "itcont" + Long.toHexString(System.nanoTime()).substring(6);
  private static final String HEADER = "姓名,身份证号,残疾人证号,残疾类别,残疾等级,发证日期,联系电话,现居住地\r\n";
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir Path data;

  @Test
  void dumpsAreDiffedAcrossARestartAndAnUnreadableFileIsParkedWithItsReason() throws Exception {
    DefaultCamelContext camel = new DefaultCamelContext();
    camel.start();
    try (KafkaProducer<String, String> producer = RawTopic.producer(); RawTopic topic = new RawTopic(NS + ".raw.clj")) {
      ConnectorContext context = ConnectorFixtures.context(ConnectorFixtures.properties(data, ItServices.kafkaBootstrap(), NS), producer, camel, s -> s);
      FileDropOptions options = new FileDropOptions("csv", "cjr", List.of("身份证号"), "GBK", null, null, null, null, null, null, 200);
      SourceConnector connector = new FileDropConnectorType().create("clj", options, context);
      connector.start();
      assertThat(camel.getRoute("ingest.clj")).isNotNull();

      drop("残疾人_202610.csv", HEADER + row("张三", "370811199001011234", "一级") + row("李四", "370811199002021234", "二级") + row("王五", "370811199003031234", "三级"));
      List<RawEvent> first = Await.until("the first dump", PATIENCE, topic::all, e -> e.size() >= 3);
      assertThat(first).extracting(RawEvent::op).containsOnly("r");
      Await.until("the dump to be archived", PATIENCE, () -> Files.exists(data.resolve("archive/clj/残疾人_202610.csv")), b -> b);

      connector.stop();
      connector = new FileDropConnectorType().create("clj", options, context);
      connector.start();
      drop("残疾人_202611.csv", HEADER + row("张三", "370811199001011234", "一级") + row("李四", "370811199002021234", "一级"));
      List<RawEvent> second = Await.until("the second dump", PATIENCE, topic::all, e -> e.size() >= 5).subList(3, 5);
      assertThat(RawTopic.sentences(second, "残疾等级")).containsExactlyInAnyOrder(
          "r cjr:" + keyOf(first, "李四") + " 一级", "d cjr:" + keyOf(first, "王五"));

      Files.write(data.resolve("inbox/clj/broken.csv"), (HEADER + "\"张三,370811199001011234\r\n").getBytes(GBK));
      Await.until("the broken file's reason", PATIENCE, () -> Files.exists(data.resolve("failed/clj/broken.csv.reason.txt")), b -> b);
      assertThat(Files.readString(data.resolve("failed/clj/broken.csv.reason.txt"))).contains("broken.csv").contains("drop it into");
      assertThat(data.resolve("failed/clj/broken.csv")).exists();
      assertThat(data.resolve("inbox/clj/broken.csv")).doesNotExist();

      drop("残疾人_202611-again.csv", HEADER + row("张三", "370811199001011234", "一级") + row("李四", "370811199002021234", "一级"));
      Await.until("the repeated dump to be archived", PATIENCE, () -> Files.exists(data.resolve("archive/clj/残疾人_202611-again.csv")), b -> b);
      assertThat(topic.all()).as("an unchanged dump publishes nothing").hasSize(5);
      assertThat(connector.status().state()).isEqualTo(SourceStatus.State.running);
      assertThat(connector.status().lastError()).contains("broken.csv");
      connector.stop();
    } finally {
      camel.stop();
    }
  }

  private static String keyOf(List<RawEvent> events, String name) {
    return events.stream().filter(e -> name.equals(e.after().get("姓名"))).findFirst().orElseThrow().key();
  }

  /** Written beside the inbox and moved in, as a department's upload tool would. */
  private void drop(String name, String content) throws Exception {
    Path temp = data.resolve(name + ".part");
    Files.write(temp, content.getBytes(GBK));
    Files.createDirectories(data.resolve("inbox/clj"));
    Files.move(temp, data.resolve("inbox/clj").resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  private static String row(String name, String id, String grade) {
    return name + "," + id + ",CJZ" + id.substring(10) + ",肢体," + grade + ",2019/3/2,13800000000,济宁市任城区\r\n";
  }
}
