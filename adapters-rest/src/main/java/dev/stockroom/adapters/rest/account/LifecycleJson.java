package dev.stockroom.adapters.rest.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stockroom.adapters.rest.admin.AdminJson;
import java.util.List;

/** The request and response bodies of email change, account deletion and export. */
final class LifecycleJson {
    private LifecycleJson() {}

    record ChangeEmailRequest(
            @JsonProperty("new_email") String newEmail,
            @JsonProperty("password") String password) {
        static final ChangeEmailRequest EMPTY = new ChangeEmailRequest(null, null);

        /** Never prints the password. */
        @Override
        public String toString() {
            return "ChangeEmailRequest[new_email=" + newEmail + "]";
        }
    }

    record UndoRequest(
            @JsonProperty("email") String email,
            @JsonProperty("code") String code) {
        static final UndoRequest EMPTY = new UndoRequest(null, null);

        /** Never prints the code. */
        @Override
        public String toString() {
            return "UndoRequest[email=" + email + "]";
        }
    }

    record DeleteRequest(
            @JsonProperty("password") String password,
            @JsonProperty("code") String code) {
        static final DeleteRequest EMPTY = new DeleteRequest(null, null);

        /** Never prints the password or the code. */
        @Override
        public String toString() {
            return "DeleteRequest[***]";
        }
    }

    /** {@code GET /users/me/export/}: everything stored about the caller. */
    record ExportReply(
            @JsonProperty("status") boolean status,
            @JsonProperty("data") ExportBody data) {}

    /**
     * @param products the caller's products as {@code GET /products/{id}/} shows each
     */
    record ExportBody(
            @JsonProperty("profile") AccountJson.ProfileBody profile,
            @JsonProperty("sessions") List<AccountJson.SessionBody> sessions,
            @JsonProperty("events") List<AdminJson.EventBody> events,
            @JsonProperty("products") List<?> products) {}
}
