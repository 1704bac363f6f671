package cn.jzz.hub.identity;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The person-id key.
 *
 * @param key {@code hub.identity.key} (env {@code HUB_IDENTITY_KEY}): base64 of at least 32 bytes
 * @param keyFile {@code hub.identity.key-file}: a file holding the base64 key
 * @param generateKeyIfMissing {@code hub.identity.generate-key-if-missing} (default false): create a
 *     random key in {@code key-file} when neither key nor file exists — for demos and tests only,
 *     since person ids change when the key does
 */
@ConfigurationProperties(prefix = "hub.identity")
public record IdentityProperties(String key, Path keyFile, boolean generateKeyIfMissing) {}
