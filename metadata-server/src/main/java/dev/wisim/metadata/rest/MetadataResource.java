package dev.wisim.metadata.rest;

import dev.wisim.metadata.client.Blocking;
import dev.wisim.metadata.config.MetadataConfig;
import dev.wisim.metadata.pod.PodLocator;
import dev.wisim.metadata.pod.Workload;
import dev.wisim.metadata.tree.Caller;
import dev.wisim.metadata.tree.MetadataTree;
import dev.wisim.metadata.tree.Rendered;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Every metadata path: the request is handed to the tree with a lazily identified caller, and
 * {@code wait_for_change} hangs until the answer's {@code ETag} moves. Header rules live in
 * {@link MetadataHeaders}.
 */
@Path("/")
public class MetadataResource {

    static final Duration POLL = Duration.ofMillis(250);

    private final MetadataTree tree;
    private final PodLocator pods;
    private final MetadataConfig config;

    public MetadataResource(MetadataTree tree, PodLocator pods, MetadataConfig config) {
        this.tree = tree;
        this.pods = pods;
        this.config = config;
    }

    @GET
    @NonBlocking
    public Response root() {
        return render(Rendered.text("computeMetadata/\n"));
    }

    /**
     * An answer that needs no upstream (the view of the node and cached tokens are in memory) is
     * computed at once, on the event loop; one that does — a relay, a read-through, a
     * {@code wait_for_change} — on a worker thread.
     */
    @GET
    @Path("{path: .+}")
    public Uni<Response> get(@Context UriInfo uri, @Context HttpServerRequest request,
                             @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        String bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
        String local = request.localAddress() == null ? null : request.localAddress().hostAddress();
        String remote = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        String path = request.path();
        Supplier<Response> answer = () -> answer(path, query, () -> pods.locate(bearer, local, remote));
        if (!"true".equalsIgnoreCase(query.getFirst("wait_for_change"))) {
            try {
                return Uni.createFrom().item(Blocking.forbidden(answer));
            } catch (Blocking.WouldBlock needsAnUpstream) {
                // computed again below, where waiting is allowed
            }
        }
        return Uni.createFrom().item(answer).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Response answer(String path, MultivaluedMap<String, String> query, Supplier<Workload> workload) {
        Rendered answer = tree.get(path, new Caller(query, workload));
        if ("true".equalsIgnoreCase(query.getFirst("wait_for_change")) && !tree.isEndpoint(path)) {
            answer = waitForChange(path, query, answer, workload);
        }
        return render(answer);
    }

    /**
     * Returns at once if {@code last_etag} is not the current ETag; otherwise when the answer changes
     * (a KSA's annotation, say) or after {@code timeout_sec}, with the unchanged answer.
     */
    private Rendered waitForChange(String path, MultivaluedMap<String, String> query, Rendered current,
                                   Supplier<Workload> workload) {
        String lastEtag = query.getFirst("last_etag");
        String etag = current.etag();
        if (lastEtag != null && !lastEtag.equals(etag)) {
            return current;
        }
        Duration timeout = timeout(query.getFirst("timeout_sec"));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(Math.min(POLL.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return current;
            }
            Rendered now = tree.get(path, new Caller(query, workload));
            if (!now.etag().equals(etag)) {
                return now;
            }
        }
        return current;
    }

    private Duration timeout(String timeoutSec) {
        Duration max = config.waitForChangeTimeout();
        if (timeoutSec == null || timeoutSec.isBlank()) {
            return max;
        }
        try {
            long seconds = Long.parseLong(timeoutSec.trim());
            if (seconds < 0) {
                throw new NumberFormatException();
            }
            Duration asked = Duration.ofSeconds(seconds);
            return asked.compareTo(max) > 0 ? max : asked;
        } catch (NumberFormatException e) {
            throw MetadataException.badRequest("timeout_sec must be a non-negative integer");
        }
    }

    private static Response render(Rendered rendered) {
        Response.ResponseBuilder response = Response.status(rendered.status()).type(rendered.contentType())
                .entity(rendered.bytes()).header("ETag", rendered.etag());
        if (rendered.location() != null) {
            response.header("Location", rendered.location());
        }
        return response.build();
    }
}
