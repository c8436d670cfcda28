package dev.stockroom.adapters.rest.security;

import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the JWT codec needs: the algorithm and its keys, and the issuer and audience written into
 * and required of every token. ES256 (the default) signs with a P-256 private key and verifies with
 * its public key and any retired public keys, each named by its {@code kid}; HS256 signs and
 * verifies with one shared secret of at least 256 bits.
 */
public final class TokenSettings {
    public static final int MIN_KEY_BYTES = 32;

    /** The signature algorithms a token may be signed with: exactly one is accepted at a time. */
    public enum Algorithm {
        ES256,
        HS256
    }

    private final Algorithm algorithm;
    private final byte[] secret;
    private final KeyPair current;
    private final String currentKeyId;
    private final Map<String, ECPublicKey> verificationKeys;
    private final String issuer;
    private final String audience;

    /** HS256 with {@code key}, as every token was signed before ES256. */
    public TokenSettings(byte[] key, String issuer, String audience) {
        this(Algorithm.HS256, checkedSecret(key), null, List.of(), issuer, audience);
    }

    private TokenSettings(
            Algorithm algorithm,
            byte[] secret,
            KeyPair current,
            List<ECPublicKey> retired,
            String issuer,
            String audience) {
        this.algorithm = algorithm;
        this.secret = secret;
        this.current = current;
        this.currentKeyId = current == null ? null : EcKeys.thumbprint((ECPublicKey) current.getPublic());
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.audience = Objects.requireNonNull(audience, "audience");
        Map<String, ECPublicKey> keys = new LinkedHashMap<>();
        if (current != null) {
            keys.put(EcKeys.thumbprint((ECPublicKey) current.getPublic()), (ECPublicKey) current.getPublic());
        }
        for (ECPublicKey key : retired) {
            keys.putIfAbsent(EcKeys.thumbprint(Objects.requireNonNull(key, "retired key")), key);
        }
        this.verificationKeys = java.util.Collections.unmodifiableMap(keys);
    }

    /**
     * ES256: new tokens are signed with {@code current}; tokens signed with it or with one of the
     * {@code retired} public keys verify, so a rotation does not end the sessions of the old key.
     */
    public static TokenSettings es256(KeyPair current, List<ECPublicKey> retired, String issuer, String audience) {
        Objects.requireNonNull(current, "current");
        if (!(current.getPrivate() instanceof ECPrivateKey) || !(current.getPublic() instanceof ECPublicKey)) {
            throw new IllegalArgumentException("ES256 needs an EC P-256 key pair");
        }
        return new TokenSettings(Algorithm.ES256, null, current, new ArrayList<>(retired), issuer, audience);
    }

    private static byte[] checkedSecret(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException(
                    "The JWT key must be at least 256 bits (32 bytes); it has " + key.length * 8 + " bits.");
        }
        return key.clone();
    }

    public Algorithm algorithm() {
        return algorithm;
    }

    /** The HS256 secret. */
    public byte[] key() {
        if (secret == null) {
            throw new IllegalStateException("ES256 has no shared secret");
        }
        return secret.clone();
    }

    public String issuer() {
        return issuer;
    }

    public String audience() {
        return audience;
    }

    /** ES256: the key new tokens are signed with. */
    KeyPair current() {
        if (current == null) {
            throw new IllegalStateException("HS256 has no key pair");
        }
        return current;
    }

    /** ES256: the {@code kid} of the current key. */
    public String currentKeyId() {
        if (currentKeyId == null) {
            throw new IllegalStateException("HS256 has no key pair");
        }
        return currentKeyId;
    }

    /** ES256: every public key a token may be signed with, by {@code kid}, the current one first; none for HS256. */
    public Map<String, ECPublicKey> verificationKeys() {
        return verificationKeys;
    }

    /** Never prints a key. */
    @Override
    public String toString() {
        return "TokenSettings[algorithm=" + algorithm + ", keys=" + verificationKeys.keySet() + ", issuer=" + issuer
                + ", audience=" + audience + "]";
    }
}
