package cn.jzz.hub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class IdentityKeysTest {

  @TempDir Path tmp;

  private static final String KEY_B64 = Base64.getEncoder().encodeToString(new byte[32]);

  @Test
  void usesTheConfiguredKey() {
    assertThat(IdentityKeys.resolve(new IdentityProperties(KEY_B64, null, false))).hasSize(32);
  }

  @Test
  void refusesToStartWithoutAKey() {
    assertThatThrownBy(() -> IdentityKeys.resolve(new IdentityProperties(null, null, false)))
        .hasMessage("hub.identity.key is not set: set HUB_IDENTITY_KEY (base64, 32 bytes) or "
            + "hub.identity.key-file; production refuses to start without it");
    assertThatThrownBy(() -> IdentityKeys.resolve(new IdentityProperties(null, tmp.resolve("k"), false)))
        .hasMessageContaining("does not exist: create it with `openssl rand -base64 32");
  }

  @Test
  void rejectsShortOrMalformedKeysNamingTheProperty() {
    String short16 = Base64.getEncoder().encodeToString(new byte[16]);
    assertThatThrownBy(() -> IdentityKeys.resolve(new IdentityProperties(short16, null, false)))
        .hasMessageContaining("hub.identity.key (HUB_IDENTITY_KEY) holds 16 bytes; it needs at least 32");
    assertThatThrownBy(() -> IdentityKeys.resolve(new IdentityProperties("not base64!", null, false)))
        .hasMessageContaining("is not valid base64");
    assertThatThrownBy(() -> IdentityKeys.resolve(new IdentityProperties(KEY_B64, tmp.resolve("k"), false)))
        .hasMessageContaining("keep only one");
  }

  @Test
  void generatesAnOwnerOnlyKeyFileOnceAndKeepsIt() throws Exception {
    Path file = tmp.resolve("nested/dir/identity.key");
    IdentityProperties props = new IdentityProperties(null, file, true);
    byte[] first = IdentityKeys.resolve(props);
    assertThat(first).hasSize(32);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(IdentityKeys.resolve(props)).isEqualTo(first);
    assertThat(IdentityKeys.resolve(new IdentityProperties(null, file, false))).isEqualTo(first);
    assertThatThrownBy(() -> IdentityKeys.resolve(new IdentityProperties(null, null, true)))
        .hasMessageContaining("needs hub.identity.key-file");
  }

  @Test
  void configurationBuildsBeansOrFailsAtStartup() {
    ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(IdentityConfiguration.class);
    runner.withPropertyValues("hub.identity.key=" + KEY_B64).run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context.getBean(IdNumbers.class).parse("11010519491231002X").isValid()).isTrue();
      assertThat(context.getBean(PersonIds.class).of("11010519491231002X")).startsWith("p");
    });
    runner.run(context -> assertThat(context.getStartupFailure()).rootCause()
        .hasMessageContaining("hub.identity.key is not set"));
  }
}
