package dev.stockroom.adapters.rest.error;

import jakarta.ws.rs.WebApplicationException;

/** A refusal raised by the REST adapter itself, with a message written for the client. */
public final class ClientError extends WebApplicationException implements WebApplicationExceptionMapper.ClientMessage {
    private static final long serialVersionUID = 1L;

    public ClientError(int status, String message) {
        super(message, status);
    }
}
