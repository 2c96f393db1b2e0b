package io.schedulr.testsupport.infra;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away self-signed certificate for {@code localhost} (127.0.0.1, ::1), made fresh at every start by the JDK's
 * {@code keytool} (no openssl needed) and written as PEM: {@code server.crt}, which clients trust as their root, and
 * {@code server.key} (PKCS#8, mode 0600).
 */
final class SelfSignedCertificate {
    private static final String ALIAS = "server";
    private static final String PASSWORD_VARIABLE = "SCHEDULR_KEYSTORE_PASSWORD";

    private final Path certificate;
    private final Path privateKey;

    private SelfSignedCertificate(Path certificate, Path privateKey) {
        this.certificate = certificate;
        this.privateKey = privateKey;
    }

    /** Starts keytool in the background (it takes about a second); {@link Pending#await()} writes the PEM files. */
    static Pending generate(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path keystore = dir.resolve("server.p12");
        Files.deleteIfExists(keystore);
        String password = UUID.randomUUID().toString();
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        ProcessBuilder builder = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-noprompt",
                "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-validity", "365", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1,ip:::1", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass:env", PASSWORD_VARIABLE))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("keytool.log").toFile());
        builder.environment().put(PASSWORD_VARIABLE, password);
        return new Pending(builder.start(), dir, keystore, password);
    }

    Path certificate() {
        return certificate;
    }

    Path privateKey() {
        return privateKey;
    }

    static final class Pending {
        private final Process keytool;
        private final Path dir;
        private final Path keystore;
        private final String password;

        private Pending(Process keytool, Path dir, Path keystore, String password) {
            this.keytool = keytool;
            this.dir = dir;
            this.keystore = keystore;
            this.password = password;
        }

        SelfSignedCertificate await() throws IOException {
            try {
                if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                    keytool.destroyForcibly();
                    throw new IOException("keytool could not make a certificate; see " + dir.resolve("keytool.log"));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while keytool made a certificate", e);
            }
            try (InputStream in = Files.newInputStream(keystore)) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(in, password.toCharArray());
                Key key = store.getKey(ALIAS, password.toCharArray());
                Path certificate = dir.resolve("server.crt");
                Files.writeString(certificate, pem("CERTIFICATE", store.getCertificate(ALIAS).getEncoded()));
                Path privateKey = dir.resolve("server.key");
                Files.deleteIfExists(privateKey);
                // PostgreSQL refuses a key file that others can read.
                Files.createFile(privateKey, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(privateKey, pem("PRIVATE KEY", key.getEncoded()));
                return new SelfSignedCertificate(certificate, privateKey);
            } catch (GeneralSecurityException e) {
                throw new IOException("reading the certificate keytool made failed", e);
            }
        }

        private static String pem(String type, byte[] der) {
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
            return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
        }
    }
}
