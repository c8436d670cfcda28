package dev.stockroom.adapters.rest.admin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stockroom.core.account.domain.AuditEvent;
import dev.stockroom.core.account.domain.Session;
import dev.stockroom.core.account.domain.User;
import dev.stockroom.core.account.port.in.UserDetail;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/** The administration API's JSON bodies. Absent values are written as null, so every key is always there. */
public final class AdminJson {
    private AdminJson() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RoleRequest(@JsonProperty("role") String role) {
        static final RoleRequest EMPTY = new RoleRequest(null);
    }

    @Schema(name = "AdminUserBody")
    record UserBody(
            @JsonProperty("id") String id,
            @JsonProperty("first_name") String firstName,
            @JsonProperty("last_name") String lastName,
            @JsonProperty("username") String username,
            @JsonProperty("email") String email,
            @JsonProperty("auth_status") String authStatus,
            @JsonProperty("role") String role,
            @JsonProperty("disabled") boolean disabled,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("last_login_at") String lastLoginAt) {

        static UserBody from(User u) {
            return new UserBody(
                    u.id().toString(),
                    u.firstName().value(),
                    u.lastName().value(),
                    u.username().value(),
                    u.email().value(),
                    u.status().name(),
                    u.role().name(),
                    u.isDisabled(),
                    u.createdAt().toString(),
                    u.lastLoginAt().map(Instant::toString).orElse(null));
        }
    }

    /** One user with its live sessions and latest events: the user's keys, and three more. */
    @Schema(name = "AdminUserDetailBody")
    record UserDetailBody(
            @JsonProperty("id") String id,
            @JsonProperty("first_name") String firstName,
            @JsonProperty("last_name") String lastName,
            @JsonProperty("username") String username,
            @JsonProperty("email") String email,
            @JsonProperty("auth_status") String authStatus,
            @JsonProperty("role") String role,
            @JsonProperty("disabled") boolean disabled,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("last_login_at") String lastLoginAt,
            @JsonProperty("throttled_until") String throttledUntil,
            @JsonProperty("sessions") List<SessionBody> sessions,
            @JsonProperty("recent_events") List<EventBody> recentEvents) {

        static UserDetailBody from(UserDetail d) {
            UserBody u = UserBody.from(d.user());
            return new UserDetailBody(
                    u.id(),
                    u.firstName(),
                    u.lastName(),
                    u.username(),
                    u.email(),
                    u.authStatus(),
                    u.role(),
                    u.disabled(),
                    u.createdAt(),
                    u.lastLoginAt(),
                    d.throttledUntil().map(Instant::toString).orElse(null),
                    d.sessions().stream().map(SessionBody::from).toList(),
                    d.recentEvents().stream().map(EventBody::from).toList());
        }
    }

    @Schema(name = "AdminSessionBody")
    record SessionBody(
            @JsonProperty("id") String id,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("last_used_at") String lastUsedAt,
            @JsonProperty("expires_at") String expiresAt,
            @JsonProperty("ip") String ip,
            @JsonProperty("user_agent") String userAgent) {

        static SessionBody from(Session s) {
            return new SessionBody(
                    s.id().toString(),
                    s.createdAt().toString(),
                    s.lastUsedAt().toString(),
                    s.expiresAt().toString(),
                    s.origin().address().orElse(null),
                    s.origin().userAgent().orElse(null));
        }
    }

    /** An audit event as the admin's trail and a user's export show it. */
    @Schema(name = "AuditEventBody")
    public record EventBody(
            @JsonProperty("id") String id,
            @JsonProperty("at") String at,
            @JsonProperty("kind") String kind,
            @JsonProperty("user_id") String userId,
            @JsonProperty("username") String username,
            @JsonProperty("actor_id") String actorId,
            @JsonProperty("ip") String ip,
            @JsonProperty("user_agent") String userAgent,
            @JsonProperty("session_id") String sessionId,
            @JsonProperty("detail") String detail) {

        public static EventBody from(AuditEvent e) {
            return new EventBody(
                    e.id().toString(),
                    e.at().toString(),
                    e.kind().name(),
                    e.userId().map(Object::toString).orElse(null),
                    e.username().map(Object::toString).orElse(null),
                    e.actor().map(Object::toString).orElse(null),
                    e.origin().address().orElse(null),
                    e.origin().userAgent().orElse(null),
                    e.sessionId().map(Object::toString).orElse(null),
                    e.detail().orElse(null));
        }
    }

    /** Paged as the product list is. */
    record PageReply<T>(
            @JsonProperty("status") boolean status,
            @JsonProperty("count") long count,
            @JsonProperty("next") URI next,
            @JsonProperty("previous") URI previous,
            @JsonProperty("results") List<T> results) {}

    @Schema(name = "AdminReply")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Reply(
            @JsonProperty("status") boolean status,
            @JsonProperty("message") String message,
            @JsonProperty("data") Object data) {}
}
