package dev.wisim.apiserver.rest;

import dev.wisim.apiserver.cluster.KubernetesException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;

/**
 * kube-apiserver's limit on a request body, 3 MiB ({@code --max-request-body-bytes}): a larger one is
 * refused before it is read with its 413 {@code RequestEntityTooLarge} Status. (The HTTP layer's own
 * limit, {@code quarkus.http.limits.max-body-size}, is above it, for bodies sent without a length.)
 */
public class PayloadLimit {

    public static final long BYTES = 3L * 1024 * 1024;

    void register(@Observes Router router) {
        router.route().order(-1000).handler(context -> {
            String length = context.request().getHeader("Content-Length");
            if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19 && Long.parseLong(length) > BYTES) {
                String status = new JsonObject(StatusErrorMapper.body(KubernetesException.requestEntityTooLarge(BYTES))).encode();
                context.response().setStatusCode(413).putHeader("Content-Type", "application/json")
                        .putHeader("Connection", "close").end(status);
                return;
            }
            context.next();
        });
    }
}
