#!/usr/bin/env bash
# Smoke test of running services (e.g. after `./hub services up`): Elasticsearch health plus one
# document written and found, and one Kafka record produced and consumed back.
# Usage: ops/smoke.sh [es_port=19200] [kafka_port=19092]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd -P)
ES=http://127.0.0.1:${1:-19200}
KAFKA=127.0.0.1:${2:-19092}
CP="$ROOT/.hub/dist/kafka-3.9.1/libs/*"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
printf 'log4j.rootLogger=WARN, err\nlog4j.appender.err=org.apache.log4j.ConsoleAppender\nlog4j.appender.err.Target=System.err\nlog4j.appender.err.layout=org.apache.log4j.PatternLayout\nlog4j.appender.err.layout.ConversionPattern=%%p %%m%%n\n' >"$work/log4j.properties"
L=-Dlog4j.configuration=file:$work/log4j.properties

echo "== Elasticsearch $ES"
curl -sf "$ES/_cluster/health?wait_for_status=yellow&timeout=10s"; echo
curl -sf -XPUT "$ES/smoke-test/_doc/1?refresh=true" -H 'Content-Type: application/json' -d '{"name":"张三丰"}' >/dev/null
hits=$(curl -sf "$ES/smoke-test/_search" -H 'Content-Type: application/json' -d '{"query":{"match_phrase":{"name":"三丰"}}}')
curl -sf -XDELETE "$ES/smoke-test" >/dev/null
[[ "$hits" == *'"value":1'* ]] || { echo "search did not find the document: $hits"; exit 1; }
echo "indexed and found one document (match_phrase on Chinese)"

echo "== Kafka $KAFKA"
topic=smoke-$$-$RANDOM; msg="你好 kafka $(date +%s%N)"
printf '%s\n' "$msg" | java "$L" -cp "$CP" kafka.tools.ConsoleProducer --bootstrap-server "$KAFKA" --topic "$topic" \
  --producer-property acks=all >/dev/null
cat >"$work/Consume.java" <<'EOF'
import java.time.Duration; import java.util.*;
import org.apache.kafka.clients.consumer.*; import org.apache.kafka.common.serialization.StringDeserializer;
public class Consume { public static void main(String[] a) {
  Properties p = new Properties(); p.put("bootstrap.servers", a[0]); p.put("group.id", "smoke");
  p.put("auto.offset.reset", "earliest");
  try (KafkaConsumer<String,String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
    c.subscribe(List.of(a[1])); long end = System.currentTimeMillis() + 30000;
    while (System.currentTimeMillis() < end) for (ConsumerRecord<String,String> r : c.poll(Duration.ofMillis(500))) {
      System.out.println(r.value()); return; }
  } System.exit(1); } }
EOF
got=$(java "$L" -cp "$CP" "$work/Consume.java" "$KAFKA" "$topic")
[ "$got" = "$msg" ] || { echo "consumed '$got', expected '$msg'"; exit 1; }
echo "produced and consumed: $got"
java "$L" -cp "$CP" kafka.admin.ConfigCommand --bootstrap-server "$KAFKA" --entity-type topics --entity-name "$topic" --describe | head -3
echo "smoke test OK"
