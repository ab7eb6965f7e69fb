package org.comptoir.connectors.source;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key that seals the credentials of sources ({@code comptoir.secrets.*}).
 *
 * @param key 32 bytes in base64 ({@code openssl rand -base64 32}), the same on every node;
 *     required with the {@code production} profile. Without it, a key is generated once into
 *     {@code keyFile}
 * @param keyFile where the generated key is kept; by default {@code secrets.key} in the data folder
 *     ({@code comptoir.data-dir})
 */
@ConfigurationProperties("comptoir.secrets")
public record SecretsProperties(String key, Path keyFile) {
    @Override
    public String toString() {
        return "SecretsProperties[key=" + (key == null || key.isBlank() ? "<none>" : "<set>") + ", keyFile=" + keyFile
                + "]";
    }
}
