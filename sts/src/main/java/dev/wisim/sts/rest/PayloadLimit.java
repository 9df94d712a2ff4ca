package dev.wisim.sts.rest;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;

/**
 * Google's limit on a request body, 10 MiB: a larger one is refused as Google's front end refuses it
 * (in front of STS too: the API error shape, not STS's OAuth one), a 400 INVALID_ARGUMENT, before it
 * is read. (The HTTP layer's own limit,
 * {@code quarkus.http.limits.max-body-size}, is set above it for bodies without a length.)
 */
public class PayloadLimit {

    /** The limit as Google states it. */
    public static final long BYTES = 10L * 1024 * 1024;

    void register(@Observes Router router) {
        router.route().order(-1000).handler(context -> {
            String length = context.request().getHeader("Content-Length");
            if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19 && Long.parseLong(length) > BYTES) {
                JsonObject error = new JsonObject().put("code", 400)
                        .put("message", "Request payload size exceeds the limit: " + BYTES + " bytes.").put("status", "INVALID_ARGUMENT");
                context.response().setStatusCode(400).putHeader("Content-Type", "application/json; charset=UTF-8")
                        .putHeader("Connection", "close").end(new JsonObject().put("error", error).encode());
                return;
            }
            context.next();
        });
    }
}
