package dev.wisim.apiserver.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wisim.apiserver.cluster.Kind;
import dev.wisim.apiserver.cluster.KubernetesException;
import dev.wisim.apiserver.cluster.WatchEvent;
import dev.wisim.apiserver.rest.StatusErrorMapper;
import dev.wisim.apiserver.rest.Tables;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A watch event as kube-apiserver encodes it in JSON: {@code {"type":…,"object":…}}, the object as
 * stored, or as a one-row Table for {@code kubectl get -w}; a bookmark's object is the kind with only
 * its resource version (and, ending the initial events, the {@code k8s.io/initial-events-end}
 * annotation); an {@code ERROR}'s is a {@code Status}.
 */
final class WatchEncoder implements Function<WatchEvent, String> {

    static final String INITIAL_EVENTS_END = "k8s.io/initial-events-end";

    private final ObjectMapper mapper;
    private final Kind<?> kind;
    private final boolean table;
    private final Clock clock;

    WatchEncoder(ObjectMapper mapper, Kind<?> kind, boolean table, Clock clock) {
        this.mapper = mapper;
        this.kind = kind;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public String apply(WatchEvent event) {
        Object object;
        if (WatchEvent.BOOKMARK.equals(event.type())) {
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("resourceVersion", Long.toString(event.resourceVersion()));
            if (event.initialEventsEnd()) {
                metadata.put("annotations", Map.of(INITIAL_EVENTS_END, "true"));
            }
            object = Map.of("kind", kind.kind(), "apiVersion", kind.apiVersion(), "metadata", metadata);
        } else if (table) {
            object = Tables.of(kind, List.of(event.object()), Map.of("resourceVersion", Long.toString(event.resourceVersion())), clock);
        } else {
            object = event.object();
        }
        return encode(event.type(), object);
    }

    String error(KubernetesException e) {
        return encode("ERROR", StatusErrorMapper.body(e));
    }

    private String encode(String type, Object object) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", type);
        event.put("object", object);
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a watch event", e);
        }
    }
}
