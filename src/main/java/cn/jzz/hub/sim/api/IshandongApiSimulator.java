package cn.jzz.hub.sim.api;

import com.github.tomakehurst.wiremock.http.Request;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 爱山东 provincial gateway (departments.md): {@code GET /gateway/api/1/{resource}?PAGE=&PAGENUM=
 * &updateTimeStart=} with HMAC-signed headers. A signature that does not verify, a timestamp more than
 * 10 minutes off, or a nonce seen before → {@code {"code":10002,"msg":"令牌无效"}} (HTTP 401); more
 * than 10 requests in a second per client → HTTP 429 {@code {"code":10004,"msg":"调用次数超限"}};
 * {@code PAGENUM} above 1000 → HTTP 400.
 *
 * <p>{@code updateTimeStart} (yyyyMMddHHmmss, local time) filters on a row's hidden {@code
 * _updateTime} (when the gateway received it; same format, or yyyyMMdd) if present, else on the
 * resource's own time field ({@code SBSJ}, {@code SWRQ}, {@code GXSJ}). Hidden fields are not sent.
 * It draws nothing at random: the same requests get the same answers.
 */
public final class IshandongApiSimulator extends ApiSimulator {

  public static final Duration TIMESTAMP_WINDOW = Duration.ofMinutes(10);
  public static final int RATE_LIMIT_PER_SECOND = 10;
  static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
  private static final Map<String, String> TIME_FIELDS = Map.of("jmzzsb", "SBSJ", "swxx", "SWRQ", "ylbx", "GXSJ");
  private static final String PREFIX = "/gateway/api/1/";

  private final Map<String, String> secrets = new ConcurrentHashMap<>();
  private final Map<String, Long> nonces = new ConcurrentHashMap<>();
  private final Map<String, Deque<Long>> recent = new HashMap<>();
  private final Map<String, List<Map<String, Object>>> resources = new ConcurrentHashMap<>();
  private volatile long rateLimited;
  private volatile long refused;

  public IshandongApiSimulator(int port, String clientId, String clientSecret) {
    super(port, "ishandong-api");
    secrets.put(clientId, clientSecret);
    TIME_FIELDS.keySet().forEach(r -> resources.put(r, List.of()));
  }

  @Override
  public IshandongApiSimulator start() {
    super.start();
    return this;
  }

  /** Replaces one resource's rows ({@code jmzzsb}, {@code swxx}, {@code ylbx}); values as strings. */
  public void dataset(String resource, List<Map<String, Object>> rows) {
    if (!TIME_FIELDS.containsKey(resource)) {
      throw new IllegalArgumentException("unknown resource " + resource + "; the gateway serves " + TIME_FIELDS.keySet());
    }
    resources.put(resource, List.copyOf(rows));
  }

  /** Answers refused with 10004 so far. */
  public long rateLimited() {
    return rateLimited;
  }

  /** Answers refused with 10002 so far. */
  public long refused() {
    return refused;
  }

  @Override
  Reply answer(Request request) {
    String path = path(request);
    if (!"GET".equals(request.getMethod().getName()) || !path.startsWith(PREFIX)) {
      return Reply.json(404, envelope(404, "接口不存在", null));
    }
    String clientId = request.getHeader("X-Client-Id");
    if (!signatureValid(clientId, request.getHeader("X-Timestamp"), request.getHeader("X-Nonce"), request.getHeader("X-Signature"))) {
      refused++;
      return Reply.json(401, envelope(10002, "令牌无效", null));
    }
    if (!withinRate(clientId)) {
      rateLimited++;
      return Reply.json(429, envelope(10004, "调用次数超限", null));
    }
    List<Map<String, Object>> rows = resources.get(path.substring(PREFIX.length()));
    if (rows == null) {
      return Reply.json(404, envelope(404, "资源不存在", null));
    }
    Map<String, String> params = query(request);
    Integer page = intParam(params, "PAGE", 1);
    Integer size = intParam(params, "PAGENUM", 100);
    if (page == null || size == null || page < 1 || size < 1 || size > 1000) {
      return Reply.json(400, envelope(10001, "参数错误: PAGE ≥ 1, PAGENUM 1…1000", null));
    }
    LocalDateTime since = null;
    if (params.containsKey("updateTimeStart")) {
      since = parse(params.get("updateTimeStart"));
      if (since == null) {
        return Reply.json(400, envelope(10001, "参数错误: updateTimeStart 格式 yyyyMMddHHmmss", null));
      }
    }
    String resource = path.substring(PREFIX.length());
    List<Map<String, Object>> matching = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      LocalDateTime updated = parse(row.containsKey("_updateTime") ? row.get("_updateTime") : row.get(TIME_FIELDS.get(resource)));
      if (since == null || updated == null || !updated.isBefore(since)) {
        matching.add(row);
      }
    }
    List<Map<String, Object>> pageRows = new ArrayList<>();
    long from = (long) (page - 1) * size;
    for (long i = from; i < Math.min(matching.size(), from + size); i++) {
      pageRows.add(visible(matching.get((int) i)));
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("total", matching.size());
    data.put("page", page);
    data.put("pageSize", size);
    data.put("rows", pageRows);
    return Reply.json(200, envelope(200, "success", data));
  }

  private static Map<String, Object> envelope(int code, String msg, Object data) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("code", code);
    envelope.put("msg", msg);
    if (data != null) {
      envelope.put("data", data);
    }
    return envelope;
  }

  private boolean signatureValid(String clientId, String timestamp, String nonce, String signature) {
    String secret = clientId == null ? null : secrets.get(clientId);
    if (secret == null || timestamp == null || nonce == null || nonce.isBlank() || signature == null) {
      return false;
    }
    long now = clock.millis();
    long sent;
    try {
      sent = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      return false;
    }
    if (Math.abs(now - sent) > TIMESTAMP_WINDOW.toMillis()) {
      return false;
    }
    byte[] expected;
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      expected = Base64.getEncoder().encode(mac.doFinal((clientId + timestamp + nonce).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
      return false;
    }
    // A nonce is remembered for as long as its timestamp would be accepted; a replay inside that is refused.
    nonces.values().removeIf(seen -> now - seen > 2 * TIMESTAMP_WINDOW.toMillis());
    return nonces.putIfAbsent(clientId + "/" + nonce, now) == null;
  }

  private boolean withinRate(String clientId) {
    long now = clock.millis();
    synchronized (recent) {
      Deque<Long> times = recent.computeIfAbsent(clientId, c -> new ArrayDeque<>());
      while (!times.isEmpty() && now - times.peekFirst() >= 1000) {
        times.removeFirst();
      }
      if (times.size() >= RATE_LIMIT_PER_SECOND) {
        return false;
      }
      times.addLast(now);
      return true;
    }
  }

  private static LocalDateTime parse(Object value) {
    if (value == null) {
      return null;
    }
    String text = value.toString().strip();
    try {
      if (text.length() == 14) {
        return LocalDateTime.parse(text, DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
      }
      if (text.length() == 8) {
        return LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay();
      }
    } catch (DateTimeParseException e) {
      return null;
    }
    return null;
  }
}
