package org.pitbox.server.resources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.pitbox.protocol.ApiPaths;
import org.pitbox.protocol.api.LoginRequest;
import org.pitbox.protocol.api.RefreshRequest;
import org.pitbox.protocol.api.RegisterRequest;
import org.pitbox.protocol.api.TokenPair;
import org.pitbox.protocol.api.UserView;
import org.pitbox.server.auth.AuthService;
import org.pitbox.server.auth.LoginGuard;
import org.pitbox.server.auth.RateLimitFilter;
import org.pitbox.server.auth.RateLimited;
import org.pitbox.server.http.Require;

/** Accounts and tokens; rate-limited per client address (the filter), failed logins counted by the guard. */
@Path(ApiPaths.AUTH)
@PermitAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "auth")
public final class AuthResource {
    private final AuthService auth;
    private final LoginGuard guard;

    public AuthResource(AuthService auth, LoginGuard guard) {
        this.auth = auth;
        this.guard = guard;
    }

    @POST
    @Path("register")
    @RateLimited("auth")
    @Operation(summary = "Create an account")
    @ApiResponse(responseCode = "201", description = "The account",
            content = @Content(schema = @Schema(implementation = UserView.class)))
    @ApiResponse(responseCode = "409", description = "The email has an account (`email_taken`)")
    public Response register(RegisterRequest body) {
        Require.body(body);
        String email = AuthService.normalizeEmail(Require.text("email", body.email(), 320));
        String password = Require.present("password", body.password());
        String name = Require.text("displayName", body.displayName(), 100);
        return Response.status(201).entity(auth.register(email, password, name)).build();
    }

    @POST
    @Path("login")
    @RateLimited("auth")
    @Operation(summary = "Log in")
    @ApiResponse(responseCode = "200", description = "Tokens",
            content = @Content(schema = @Schema(implementation = TokenPair.class)))
    @ApiResponse(responseCode = "401", description = "Wrong email or password (`invalid_credentials`)")
    @ApiResponse(responseCode = "429",
            description = "Too many requests from this address, or too many failed logins for this email from this "
            + "address (`rate_limited`); see Retry-After")
    public TokenPair login(@Context ContainerRequestContext request, LoginRequest body) {
        Require.body(body);
        String email = Require.text("email", body.email(), 320).toLowerCase(Locale.ROOT);
        String password = Require.present("password", body.password());
        String client = (String) request.getProperty(RateLimitFilter.CLIENT);
        return guard.login(email, client, () -> auth.login(email, password));
    }

    @POST
    @Path("refresh")
    @RateLimited("auth")
    @Operation(summary = "Trade a refresh token for a new pair; the old one is revoked, and reusing a revoked one "
            + "revokes its whole family")
    @ApiResponse(responseCode = "200", description = "New tokens",
            content = @Content(schema = @Schema(implementation = TokenPair.class)))
    @ApiResponse(responseCode = "401",
            description = "Unknown, expired or reused refresh token (`invalid_refresh_token`)")
    public TokenPair refresh(RefreshRequest body) {
        return auth.refresh(Require.text("refreshToken", Require.body(body).refreshToken(), 200));
    }

    @POST
    @Path("logout")
    @Operation(summary = "Revoke a refresh token (idempotent)")
    @ApiResponse(responseCode = "204", description = "Revoked")
    public Response logout(RefreshRequest body) {
        auth.logout(Require.text("refreshToken", Require.body(body).refreshToken(), 200));
        return Response.noContent().build();
    }
}
