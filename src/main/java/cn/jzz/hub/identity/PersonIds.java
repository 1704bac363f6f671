package cn.jzz.hub.identity;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class PersonIds {
  private final byte[] key;

  public PersonIds(byte[] key) {
    this.key = key.clone();
  }

  public String of(ParsedId id) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] h = mac.doFinal(id.number().getBytes(StandardCharsets.US_ASCII));
      return "p" + HexFormat.of().formatHex(h, 0, 16);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
