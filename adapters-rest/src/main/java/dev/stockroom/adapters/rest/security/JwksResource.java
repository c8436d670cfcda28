package dev.stockroom.adapters.rest.security;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /.well-known/jwks.json}: the public keys access tokens are signed with (RFC 7517), the
 * current one and any retired ones whose tokens may still be live, so that another service can
 * verify a token without asking this one. Under HS256 there is no public key: {@code {"keys":[]}}.
 * The set changes only with the configuration, so caches may keep it for {@value #MAX_AGE_SECONDS}
 * seconds; a retired key is published for as long as it is configured.
 */
@Path("/.well-known/jwks.json")
public final class JwksResource {
    static final int MAX_AGE_SECONDS = 300;

    private final Map<String, Object> body;

    public JwksResource(TokenSettings settings) {
        List<Map<String, String>> keys = new ArrayList<>();
        settings.verificationKeys().forEach((kid, key) -> keys.add(jwk(kid, key)));
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("keys", List.copyOf(keys));
        this.body = java.util.Collections.unmodifiableMap(set);
    }

    private static Map<String, String> jwk(String kid, ECPublicKey key) {
        Map<String, String> jwk = new LinkedHashMap<>();
        jwk.put("kty", "EC");
        jwk.put("crv", "P-256");
        jwk.put("x", EcKeys.x(key));
        jwk.put("y", EcKeys.y(key));
        jwk.put("kid", kid);
        jwk.put("use", "sig");
        jwk.put("alg", "ES256");
        return java.util.Collections.unmodifiableMap(jwk);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response keys() {
        return Response.ok(body)
                .header("Cache-Control", "public, max-age=" + MAX_AGE_SECONDS)
                .build();
    }
}
