package org.craftmark.server.http;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.http.HttpServerRequest;

import java.util.List;

/**
 * Requests the HTTP decoder could not read — a request line over 4 KiB, headers over 8 KiB, bytes
 * that are not HTTP — never reach the router. Vert.x's default answers them with an empty body;
 * these get the contract's error shape too, and the connection closes as the default does.
 */
final class InvalidRequests {
    private InvalidRequests() {
    }

    static void handle(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        int status;
        ApiException error;
        if (cause instanceof TooLongHttpLineException) {
            status = 414;
            error = ApiException.tooLarge("The request line (path and query) is too long.");
        } else if (cause instanceof TooLongHttpHeaderException) {
            status = 431;
            error = ApiException.tooLarge("The request headers are too large.");
        } else {
            status = 400;
            error = ApiException.malformed("The request is not readable HTTP.", List.of());
        }
        request.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Connection", "close")
                .end(ErrorResponses.body(error).encode());
    }
}
