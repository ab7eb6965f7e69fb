package org.comptoir.connectors.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.comptoir.connectors.ConnectorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals the secrets of sources with AES-256-GCM (the JDK's): a random 96-bit nonce per secret and
 * the source's id as associated data, so a sealed value copied onto another source does not open.
 * The key comes from {@code comptoir.secrets.key}; without one, outside the {@code production}
 * profile, a key is generated once into the data folder, readable by its owner only.
 */
public final class SecretBox {
    /** The secrets could not be opened: the key changed, or the stored value was altered. */
    public static class UnreadableSecretException extends ConnectorException {
        UnreadableSecretException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(SecretBox.class);
    private static final String FORMAT = "v1:";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** @param key 32 bytes (AES-256) */
    public SecretBox(byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("comptoir.secrets.key doit contenir " + KEY_BYTES
                    + " octets encodés en base64 (par exemple : openssl rand -base64 32)");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * The box of the configured key.
     *
     * @param configuredKey {@code comptoir.secrets.key}, base64, or null/blank
     * @param keyFile where a generated key is kept when none is configured
     * @param production whether the {@code production} profile is on: then a key must be configured
     */
    public static SecretBox load(String configuredKey, Path keyFile, boolean production) {
        if (configuredKey != null && !configuredKey.isBlank()) {
            return new SecretBox(decodeKey(configuredKey, "comptoir.secrets.key"));
        }
        if (production) {
            throw new IllegalStateException(
                    "comptoir.secrets.key (COMPTOIR_SECRETS_KEY) est obligatoire avec le profil "
                            + "production : donnez une clé de 32 octets en base64 (openssl rand -base64 32), la même sur "
                            + "chaque nœud");
        }
        try {
            return new SecretBox(decodeKey(readOrGenerate(keyFile), keyFile.toString()));
        } catch (IOException e) {
            throw new IllegalStateException("la clé de chiffrement " + keyFile + " n'a pas pu être lue ni créée", e);
        }
    }

    /** Seals {@code plaintext} for the source {@code context}. */
    public String seal(String plaintext, String context) {
        try {
            var nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            var sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            var out =
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed);
            return FORMAT + Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this JDK", e);
        }
    }

    /**
     * Opens what {@link #seal} sealed for the same {@code context}.
     *
     * @throws UnreadableSecretException when the key is not the one that sealed it, or the value was
     *     altered or copied from another source
     */
    public String open(String sealed, String context) {
        try {
            if (sealed == null || !sealed.startsWith(FORMAT)) {
                throw new GeneralSecurityException("unknown format");
            }
            var bytes = Base64.getDecoder().decode(sealed.substring(FORMAT.length()));
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new UnreadableSecretException(
                    "les identifiants de la source ne peuvent pas être déchiffrés : la clé comptoir.secrets.key "
                            + "n'est plus celle qui les a chiffrés ; saisissez-les à nouveau",
                    e);
        }
    }

    private static byte[] decodeKey(String base64, String origin) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(origin + " n'est pas une clé en base64 (openssl rand -base64 32)");
        }
    }

    private static String readOrGenerate(Path keyFile) throws IOException {
        if (Files.exists(keyFile)) {
            return Files.readString(keyFile, StandardCharsets.US_ASCII);
        }
        var key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        var encoded = Base64.getEncoder().encodeToString(key);
        Files.createDirectories(keyFile.toAbsolutePath().getParent());
        try {
            if (keyFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(
                        keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(keyFile);
            }
        } catch (FileAlreadyExistsException e) {
            // another process generated it in between: use that one
            return Files.readString(keyFile, StandardCharsets.US_ASCII);
        }
        Files.writeString(keyFile, encoded + "\n", StandardCharsets.US_ASCII);
        LOG.warn(
                "Clé de chiffrement des identifiants des sources générée dans {} (lisible par son seul propriétaire) : "
                        + "sauvegardez-la avec les données ; sans elle, les identifiants enregistrés sont perdus. "
                        + "En production, donnez COMPTOIR_SECRETS_KEY.",
                keyFile.toAbsolutePath());
        return encoded;
    }
}
