package cn.jzz.hub.support;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The values of the stream stages' state stores, as Smile (binary JSON: the same data model as
 * {@link Json}, without text escaping and UTF-8 re-encoding of field names). The stores were JSON text
 * before, so a value that starts with {@code {} is still read as JSON: state and changelogs written by
 * an older hub stay readable, and are rewritten as Smile on their next change.
 */
public final class StateSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

  private static final ObjectMapper SMILE =
      new ObjectMapper(new SmileFactory())
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final JavaType type;
  private final ObjectWriter writer;
  private final ObjectReader smileReader;
  private final ObjectReader jsonReader;

  private StateSerde(JavaType type) {
    this.type = type;
    this.writer = SMILE.writerFor(type);
    this.smileReader = SMILE.readerFor(type);
    this.jsonReader = Json.MAPPER.readerFor(type);
  }

  public static <T> StateSerde<T> of(Class<T> type) {
    return new StateSerde<>(SMILE.constructType(type));
  }

  @Override
  public byte[] serialize(String topic, T value) {
    if (value == null) {
      return null;
    }
    try {
      return writer.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    try {
      return data.length > 0 && data[0] == '{' ? jsonReader.readValue(data) : smileReader.readValue(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Serializer<T> serializer() {
    return this;
  }

  @Override
  public Deserializer<T> deserializer() {
    return this;
  }

  @Override
  public void configure(java.util.Map<String, ?> configs, boolean isKey) {}

  @Override
  public void close() {}
}
