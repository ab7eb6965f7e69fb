package org.comptoir.connectors.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTests {
    @TempDir
    Path data;

    @Test
    void opensWhatItSealedForTheSameSourceOnly() {
        var box = new SecretBox(new byte[32]);
        var sealed = box.seal("token=abc", "source-1");

        assertThat(sealed).startsWith("v1:").doesNotContain("abc");
        assertThat(box.seal("token=abc", "source-1")).isNotEqualTo(sealed);
        assertThat(box.open(sealed, "source-1")).isEqualTo("token=abc");
        assertThatThrownBy(() -> box.open(sealed, "source-2"))
                .isInstanceOf(SecretBox.UnreadableSecretException.class)
                .hasMessageContaining("comptoir.secrets.key");
    }

    @Test
    void refusesToOpenWithAnotherKey() {
        var other = new byte[32];
        other[0] = 1;
        var sealed = new SecretBox(new byte[32]).seal("secret", "s");

        assertThatThrownBy(() -> new SecretBox(other).open(sealed, "s"))
                .isInstanceOf(SecretBox.UnreadableSecretException.class);
    }

    @Test
    void generatesAKeyOnceReadableByItsOwnerOnly() throws Exception {
        var file = data.resolve("secrets.key");

        var first = SecretBox.load(null, file, false);
        var sealed = first.seal("secret", "s");
        var second = SecretBox.load(" ", file, false);

        assertThat(second.open(sealed, "s")).isEqualTo("secret");
        assertThat(Files.getPosixFilePermissions(file))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }

    @Test
    void usesTheConfiguredKeyAndRefusesToStartInProductionWithoutOne() {
        var key = Base64.getEncoder().encodeToString(new byte[32]);

        assertThat(SecretBox.load(key, data.resolve("unused"), true)
                        .open(new SecretBox(new byte[32]).seal("x", "s"), "s"))
                .isEqualTo("x");
        assertThat(data.resolve("unused")).doesNotExist();
        assertThatThrownBy(() -> SecretBox.load(null, data.resolve("secrets.key"), true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("COMPTOIR_SECRETS_KEY");
        assertThatThrownBy(() -> SecretBox.load("dG9vIHNob3J0", data.resolve("x"), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 octets");
    }
}
