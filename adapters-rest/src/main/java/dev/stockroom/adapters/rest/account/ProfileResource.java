package dev.stockroom.adapters.rest.account;

import com.codahale.metrics.annotation.ExceptionMetered;
import com.codahale.metrics.annotation.Timed;
import dev.stockroom.adapters.rest.security.StockroomPrincipal;
import dev.stockroom.core.account.port.in.Profiles;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Timed
@ExceptionMetered
@Path("/users/me")
@Produces(MediaType.APPLICATION_JSON)
public final class ProfileResource {
    private final Profiles profiles;

    ProfileResource(Profiles profiles) {
        this.profiles = profiles;
    }

    @GET
    public AccountJson.Reply me(@Auth StockroomPrincipal caller) {
        return AccountJson.Reply.profile(AccountJson.ProfileBody.from(profiles.me(caller.user())));
    }
}
