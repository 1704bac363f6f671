package cn.jzz.hub.merge;

import cn.jzz.hub.support.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * A golden record serialised once, for both its digest and {@code hub.residents}: the digest covers
 * what a reader sees (everything but {@code updated_at} and {@code version}, which change on every
 * build), and the published JSON is the same text with those two appended, as the record has them last.
 */
final class GoldenJson {

  private final String content;
  private final String updatedAt;
  private final String digest;

  private GoldenJson(String content, String updatedAt, String digest) {
    this.content = content;
    this.updatedAt = updatedAt;
    this.digest = digest;
  }

  /** @param doc a record from {@link GoldenRecordBuilder#build}; its bookkeeping fields are taken out */
  static GoldenJson of(Map<String, Object> doc) {
    Object updatedAt = doc.remove("updated_at");
    doc.remove("version");
    try {
      byte[] bytes = Json.MAPPER.writeValueAsBytes(doc);
      String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
      return new GoldenJson(new String(bytes, StandardCharsets.UTF_8), updatedAt == null ? null : Json.write(updatedAt.toString()), hex);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  String digest() {
    return digest;
  }

  /** The record as published: the content, then {@code updated_at} and {@code version}. */
  String withVersion(long version) {
    StringBuilder out = new StringBuilder(content.length() + 64).append(content, 0, content.length() - 1);
    if (content.length() > 2) {
      out.append(',');
    }
    if (updatedAt != null) {
      out.append("\"updated_at\":").append(updatedAt).append(',');
    }
    return out.append("\"version\":").append(version).append('}').toString();
  }
}
