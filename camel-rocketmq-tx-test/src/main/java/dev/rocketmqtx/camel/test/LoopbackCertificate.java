package dev.rocketmqtx.camel.test;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed certificate for localhost and 127.0.0.1 with its private key, in PEM, made once per JVM for the
 * proxies it starts.
 *
 * <p>The proxy always loads a server certificate, even with TLS off; without one it generates its own at every
 * start, which costs several seconds of a busy test machine's CPU (RSA key generation and BouncyCastle's provider
 * set-up). Here the JDK generates an EC key (milliseconds) and BouncyCastle only encodes the certificate.
 * Clients of a test proxy do not verify it: {@code rocketmq-client-java} trusts any server certificate.
 */
final class LoopbackCertificate {

    private static final Duration VALIDITY = Duration.ofDays(3650);
    private static LoopbackCertificate instance;

    private final String certificatePem;
    private final String privateKeyPem;

    private LoopbackCertificate(String certificatePem, String privateKeyPem) {
        this.certificatePem = certificatePem;
        this.privateKeyPem = privateKeyPem;
    }

    static synchronized LoopbackCertificate get() {
        if (instance == null) {
            instance = generate();
        }
        return instance;
    }

    String certificatePem() {
        return certificatePem;
    }

    /** The private key in PKCS#8 ("BEGIN PRIVATE KEY"), unencrypted. */
    String privateKeyPem() {
        return privateKeyPem;
    }

    private static LoopbackCertificate generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keyPair = generator.generateKeyPair();
            X500Name name = new X500Name("CN=localhost");
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(VALIDITY)), name, keyPair.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, InetAddress.getLoopbackAddress().getHostAddress())
            }));
            byte[] certificate = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate()))
                .getEncoded();
            return new LoopbackCertificate(pem("CERTIFICATE", certificate),
                pem("PRIVATE KEY", keyPair.getPrivate().getEncoded()));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("Cannot create a certificate for the RocketMQ proxy", e);
        }
    }

    private static String pem(String type, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    }
}
