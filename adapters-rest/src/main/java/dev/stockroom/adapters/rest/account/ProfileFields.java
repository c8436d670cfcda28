package dev.stockroom.adapters.rest.account;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.port.in.ProfileChange;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code PATCH /users/me/}, read as the PATCH of a product is: only the fields sent
 * change, an empty body or {@code {}} changes nothing, and an unknown or read-only field is
 * refused by name rather than ignored, so a client's typo cannot pass for a success.
 */
final class ProfileFields {
    private static final Set<String> SERVER_OWNED = Set.of("id", "auth_status", "role", "created_at");
    /** Fields of the profile that other endpoints change. */
    private static final Map<String, String> ELSEWHERE = Map.of(
            "username", "The username cannot be changed.",
            "email", "Change the email address with its own request, which confirms the new one.",
            "password", "Change the password with POST /users/password/update/.");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ProfileFields() {}

    /**
     * @throws com.fasterxml.jackson.core.JsonProcessingException for bad JSON (mapped to 400)
     * @throws AccountFailure.InvalidInput naming every field at fault
     */
    static ProfileChange fromJson(byte[] body) throws IOException {
        JsonNode root = body == null || body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        if (root == null || !root.isObject()) {
            throw AccountFailure.InvalidInput.of("body", "Send a JSON object.");
        }
        ProfileChange.Builder change = ProfileChange.builder();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (SERVER_OWNED.contains(name)) {
                change.invalid(name, "This field is set by the server and cannot be sent.");
            } else if (ELSEWHERE.containsKey(name)) {
                change.invalid(name, ELSEWHERE.get(name));
            } else if (!(name.equals(ProfileChange.FIRST_NAME)
                    || name.equals(ProfileChange.LAST_NAME)
                    || name.equals(ProfileChange.LOCALE))) {
                change.invalid(name, "Unknown field.");
            } else if (!value.isNull() && !value.isTextual()) {
                change.invalid(name, "Must be a string.");
            } else {
                String text = value.isNull() ? null : value.textValue();
                switch (name) {
                    case ProfileChange.FIRST_NAME -> change.firstName(text);
                    case ProfileChange.LAST_NAME -> change.lastName(text);
                    default -> change.locale(text);
                }
            }
        }
        return change.build();
    }
}
