package dev.wisim.apiserver.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wisim.apiserver.auth.Authenticator;
import dev.wisim.apiserver.auth.User;
import dev.wisim.apiserver.authz.Attributes;
import dev.wisim.apiserver.authz.Authorizer;
import dev.wisim.apiserver.cluster.ClusterStore;
import dev.wisim.apiserver.cluster.FieldSelector;
import dev.wisim.apiserver.cluster.KubernetesException;
import dev.wisim.apiserver.cluster.LabelSelector;
import dev.wisim.apiserver.cluster.Subscription;
import dev.wisim.apiserver.config.ApiserverConfig;
import dev.wisim.apiserver.rest.ListOptions;
import dev.wisim.apiserver.rest.StatusErrorMapper;
import dev.wisim.apiserver.rest.Tables;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * Watches, served beside the REST resources on the list paths with {@code watch=true} and on the
 * legacy {@code /api/v1/watch/} paths: authenticated and authorised ({@code watch}) as every API
 * request, then a stream of events — chunked HTTP, or WebSocket messages for a client that upgrades —
 * from the store's history or its current state, filtered by the selectors, with bookmarks when asked,
 * until {@code timeoutSeconds} (or kube-apiserver's default of 30 to 60 minutes), the client leaves,
 * or the server shuts down.
 */
@ApplicationScoped
public class WatchRoute {

    private final ClusterStore store;
    private final Authenticator authenticator;
    private final Authorizer authorizer;
    private final ObjectMapper mapper;
    private final ApiserverConfig config;
    private final Clock clock;
    private final Vertx vertx;
    private final Set<WatchStream> open = ConcurrentHashMap.newKeySet();

    public WatchRoute(ClusterStore store, Authenticator authenticator, Authorizer authorizer, ObjectMapper mapper, ApiserverConfig config,
                      Clock clock, Vertx vertx) {
        this.store = store;
        this.authenticator = authenticator;
        this.authorizer = authorizer;
        this.mapper = mapper;
        this.config = config;
        this.clock = clock;
        this.vertx = vertx;
    }

    void register(@Observes Router router) {
        router.route(HttpMethod.GET, "/api/v1/*").order(-100).handler(this::handle);
        router.route(HttpMethod.GET, WatchTarget.RBAC_PREFIX + "*").order(-100).handler(this::handle);
    }

    void stop(@Observes ShutdownEvent event) {
        open.forEach(WatchStream::close);
    }

    private void handle(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        WatchTarget target;
        try {
            target = WatchTarget.of(request.path(), ListOptions.truthy(request.getParam("watch")));
        } catch (KubernetesException e) {
            refuse(routing, e);
            return;
        }
        if (target == null) {
            routing.next();
            return;
        }
        try {
            User user = authenticator.identify(request);
            authorizer.require(Attributes.resource(user, "watch", target.kind().group(), target.kind().resource(), null,
                    target.namespace(), target.name()));
            ListOptions options = ListOptions.parse(request::getParam);
            ListOptions watch = target.name() == null ? options : options.forName(target.name());
            start(routing, target, watch);
        } catch (KubernetesException e) {
            refuse(routing, e);
        } catch (RuntimeException e) {
            Log.error("a watch failed to start", e);
            refuse(routing, KubernetesException.internal("an unexpected error occurred"));
        }
    }

    private void start(RoutingContext routing, WatchTarget target, ListOptions options) {
        HttpServerRequest request = routing.request();
        boolean table = Tables.wanted(request.getHeader(HttpHeaders.ACCEPT));
        WatchEncoder encoder = new WatchEncoder(mapper, target.kind(), table, clock);
        Predicate<HasMetadata> selector = LabelSelector.parse(options.labelSelector()).and(FieldSelector.parse(target.kind(), options.fieldSelector()));
        Long after = options.watchAfter();
        Context context = vertx.getOrCreateContext();
        String description = request.path() + (request.query() == null ? "" : "?" + request.query());
        if ("websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE))) {
            request.toWebSocket().onSuccess(socket -> stream(new WatchStream(context, WatchOutput.of(socket), encoder, description),
                    target, selector, after, options, encoder)).onFailure(e -> Log.debugf("a watch WebSocket failed: %s", e.getMessage()));
            return;
        }
        var response = routing.response();
        response.setStatusCode(200).setChunked(true)
                .putHeader(HttpHeaders.CONTENT_TYPE, table ? Tables.MEDIA_TYPE : "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache, private");
        response.writeHead();
        stream(new WatchStream(context, WatchOutput.of(response), encoder, description), target, selector, after, options, encoder);
    }

    private void stream(WatchStream stream, WatchTarget target, Predicate<HasMetadata> selector, Long after, ListOptions options,
                        WatchEncoder encoder) {
        Subscription subscription = new Subscription(target.kind(), target.namespace(), selector, stream::accept);
        Runnable unsubscribe;
        try {
            unsubscribe = store.watch(subscription, after, Boolean.TRUE.equals(options.sendInitialEvents()));
        } catch (KubernetesException e) {
            // a too old resource version: kube-apiserver answers 200, then one ERROR event
            stream.fail(encoder.error(e));
            return;
        }
        open.add(stream);
        long timeout = options.timeoutSeconds() != null && options.timeoutSeconds() > 0 ? options.timeoutSeconds() * 1000
                : ThreadLocalRandom.current().nextLong(config.watchMinTimeout().toMillis(), 2 * config.watchMinTimeout().toMillis());
        long timer = vertx.setTimer(timeout, id -> stream.close());
        long bookmarks = options.allowWatchBookmarks()
                ? vertx.setPeriodic(config.watchBookmarkInterval().toMillis(), id -> store.bookmark(subscription)) : -1;
        stream.onClose(() -> {
            unsubscribe.run();
            vertx.cancelTimer(timer);
            if (bookmarks >= 0) {
                vertx.cancelTimer(bookmarks);
            }
            open.remove(stream);
        });
    }

    private void refuse(RoutingContext routing, KubernetesException e) {
        try {
            routing.response().setStatusCode(e.code()).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(mapper.writeValueAsString(StatusErrorMapper.body(e)));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
