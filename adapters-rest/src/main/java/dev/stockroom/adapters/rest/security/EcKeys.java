package dev.stockroom.adapters.rest.security;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * P-256 keys for ES256: read from PEM (PKCS#8 private keys, X.509 SubjectPublicKeyInfo public
 * keys), generated, written back as PEM, and named by their RFC 7638 JWK thumbprint. The JDK reads
 * and writes the keys; Bouncy Castle only computes a private key's public point, which PKCS#8 need
 * not carry.
 */
public final class EcKeys {
    /** The message of every refusal of a private key: the caller puts the setting's name in front. */
    public static final String NOT_A_PRIVATE_KEY = "not a PEM PKCS#8 EC P-256 private key";

    public static final String NOT_A_KEY = "not a PEM EC P-256 key (PKCS#8 private or X.509 public)";

    private static final Pattern PEM =
            Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----", Pattern.DOTALL);
    private static final String CURVE = "secp256r1";
    private static final int COORDINATE_BYTES = 32;

    private EcKeys() {}

    /** Whether {@code text} looks like PEM rather than, say, the path of a file holding some. */
    public static boolean isPem(String text) {
        return text != null && text.strip().startsWith("-----BEGIN ");
    }

    /** A fresh P-256 key pair. */
    public static KeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(CURVE), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has P-256", e);
        }
    }

    /** {@code -----BEGIN PRIVATE KEY-----}, the PKCS#8 form {@link #privateKey} reads. */
    public static String toPem(PrivateKey key) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
    }

    /** The P-256 key pair of a PEM PKCS#8 private key; {@link #NOT_A_PRIVATE_KEY} for anything else. */
    public static KeyPair privateKey(String pem) {
        byte[] der = armoured(pem, "PRIVATE KEY").orElseThrow(() -> new IllegalArgumentException(NOT_A_PRIVATE_KEY));
        try {
            if (KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der)) instanceof ECPrivateKey key
                    && isP256(key.getParams())) {
                return new KeyPair(publicKeyOf(key), key);
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // the explanation below covers every way it can fail
        }
        throw new IllegalArgumentException(NOT_A_PRIVATE_KEY);
    }

    /** The public key in PEM: a PKCS#8 private key's, or an X.509 public key; {@link #NOT_A_KEY} otherwise. */
    public static ECPublicKey publicKey(String pem) {
        if (armoured(pem, "PRIVATE KEY").isPresent()) {
            try {
                return (ECPublicKey) privateKey(pem).getPublic();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(NOT_A_KEY);
            }
        }
        byte[] der = armoured(pem, "PUBLIC KEY").orElseThrow(() -> new IllegalArgumentException(NOT_A_KEY));
        try {
            if (KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der)) instanceof ECPublicKey key
                    && isP256(key.getParams())) {
                return key;
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // the explanation below covers every way it can fail
        }
        throw new IllegalArgumentException(NOT_A_KEY);
    }

    /**
     * The RFC 7638 thumbprint: base64url (no padding) of the SHA-256 of {@code
     * {"crv":"P-256","kty":"EC","x":…,"y":…}}, the required members in lexicographic order with no
     * whitespace. It depends on the public key alone, so the same key has the same {@code kid} on
     * every start and every instance.
     */
    public static String thumbprint(ECPublicKey key) {
        String canonical = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + x(key) + "\",\"y\":\"" + y(key) + "\"}";
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The JWK {@code x}: base64url of the 32-byte big-endian affine x coordinate. */
    public static String x(ECPublicKey key) {
        return coordinate(key.getW().getAffineX());
    }

    /** The JWK {@code y}. */
    public static String y(ECPublicKey key) {
        return coordinate(key.getW().getAffineY());
    }

    private static String coordinate(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[COORDINATE_BYTES];
        int length = Math.min(bytes.length, COORDINATE_BYTES);
        System.arraycopy(bytes, bytes.length - length, fixed, COORDINATE_BYTES - length, length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
    }

    private static ECPublicKey publicKeyOf(ECPrivateKey key) throws GeneralSecurityException {
        X9ECParameters curve = ECNamedCurveTable.getByName(CURVE);
        org.bouncycastle.math.ec.ECPoint q = new FixedPointCombMultiplier()
                .multiply(curve.getG(), key.getS())
                .normalize();
        ECPoint w = new ECPoint(
                q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, key.getParams()));
    }

    private static boolean isP256(ECParameterSpec params) {
        X9ECParameters p256 = ECNamedCurveTable.getByName(CURVE);
        return params.getOrder().equals(p256.getN())
                && params.getGenerator()
                        .getAffineX()
                        .equals(p256.getG().normalize().getAffineXCoord().toBigInteger())
                && params.getCurve().getField().getFieldSize() == 256;
    }

    private static Optional<byte[]> armoured(String pem, String label) {
        if (pem == null) {
            return Optional.empty();
        }
        Matcher matcher = PEM.matcher(pem.strip());
        if (!matcher.matches() || !matcher.group(1).equals(label)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getMimeDecoder().decode(matcher.group(2)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
