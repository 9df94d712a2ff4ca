package dev.wisim.metadata.tree;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wisim.metadata.config.MetadataConfig;
import dev.wisim.metadata.relay.ProjectNumber;
import dev.wisim.metadata.rest.MetadataException;
import dev.wisim.metadata.tree.Node.Dir;
import dev.wisim.metadata.tree.Node.Endpoint;
import dev.wisim.metadata.tree.Node.Value;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The GKE metadata server's subset of the Compute metadata tree, and how paths and query modifiers
 * ({@code recursive}, {@code alt}) are answered over it: directories list their entries, a directory
 * asked for without its trailing slash redirects, leaves are text.
 */
@ApplicationScoped
public class MetadataTree {

    private final Dir root;
    private final ObjectMapper mapper;

    public MetadataTree(MetadataConfig config, ProjectNumber projectNumber, ServiceAccountNodes accounts, ObjectMapper mapper) {
        this.mapper = mapper;
        String zone = config.clusterLocation().matches(".*-[a-z]$") ? config.clusterLocation() : config.clusterLocation() + "-a";
        String node = "gke-" + config.clusterName() + "-default-pool-0-node";
        Map<String, Node> attributes = new LinkedHashMap<>();
        attributes.put("cluster-location", value(config.clusterLocation()));
        attributes.put("cluster-name", value(config.clusterName()));
        attributes.put("cluster-uid", value(UUID.nameUUIDFromBytes(config.clusterUrl().getBytes(StandardCharsets.UTF_8))
                .toString().replace("-", "")));
        Map<String, Node> instance = new LinkedHashMap<>();
        instance.put("attributes", new Dir(c -> attributes, true));
        instance.put("hostname", value(node + "." + zone + ".c." + config.projectId() + ".internal"));
        instance.put("id", new Value(c -> Math.abs(UUID.nameUUIDFromBytes(node.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits())));
        instance.put("name", value(node));
        instance.put("service-accounts", accounts.directory());
        instance.put("zone", new Value(c -> "projects/" + projectNumber.get() + "/zones/" + zone));
        Map<String, Node> project = new LinkedHashMap<>();
        project.put("attributes", new Dir(c -> Map.of(), true));
        project.put("numeric-project-id", new Value(c -> Long.parseLong(projectNumber.get())));
        project.put("project-id", value(config.projectId()));
        Map<String, Node> v1 = new LinkedHashMap<>();
        v1.put("instance", new Dir(c -> instance, false));
        v1.put("project", new Dir(c -> project, false));
        v1.put("universe", new Dir(c -> Map.of("universe-domain", value("googleapis.com")), false));
        Dir computeMetadata = new Dir(c -> Map.of("v1", new Dir(c2 -> v1, false)), false);
        this.root = new Dir(c -> Map.of("computeMetadata", computeMetadata), false);
    }

    static Value value(String text) {
        return new Value(c -> text);
    }

    /** Whether the path names a computed endpoint (token, identity), which {@code wait_for_change} does not watch. */
    public boolean isEndpoint(String path) {
        return path.endsWith("/token") || path.endsWith("/identity");
    }

    /** @param path the request path, e.g. {@code /computeMetadata/v1/instance/} */
    public Rendered get(String path, Caller caller) {
        boolean slash = path.endsWith("/");
        List<String> segments = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty())
                .map(s -> s.indexOf('%') < 0 ? s : URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8)).toList();
        Node node = root;
        for (String segment : segments) {
            Node child = node instanceof Dir dir ? dir.children().apply(caller).get(segment) : null;
            if (child == null) {
                throw MetadataException.notFound();
            }
            node = child;
        }
        boolean recursive = "true".equalsIgnoreCase(caller.query("recursive"));
        String alt = caller.query("alt");
        if (alt != null && !alt.equalsIgnoreCase("json") && !alt.equalsIgnoreCase("text")) {
            throw MetadataException.badRequest("Unsupported value for alt: " + alt);
        }
        boolean json = "json".equalsIgnoreCase(alt) || (recursive && !"text".equalsIgnoreCase(alt));
        if (node instanceof Dir dir) {
            if (!slash && !segments.isEmpty()) {
                return Rendered.redirect(path + "/");
            }
            if (json) {
                return Rendered.json(write(recursive ? tree(dir, caller) : listing(dir, caller)));
            }
            if (recursive) {
                StringBuilder lines = new StringBuilder();
                flatten(tree(dir, caller), "", lines);
                return Rendered.text(lines.toString());
            }
            return Rendered.text(String.join("", listing(dir, caller).stream().map(s -> s + "\n").toList()));
        }
        if (slash) {
            throw MetadataException.notFound();
        }
        if (node instanceof Value v) {
            return json ? Rendered.json(write(v.value().apply(caller))) : Rendered.text(text(v.value().apply(caller)));
        }
        return ((Endpoint) node).handler().apply(caller);
    }

    private static List<String> listing(Dir dir, Caller caller) {
        return dir.children().apply(caller).entrySet().stream()
                .map(e -> e.getValue() instanceof Dir ? e.getKey() + "/" : e.getKey()).sorted().toList();
    }

    private static Map<String, Object> tree(Dir dir, Caller caller) {
        Map<String, Object> json = new java.util.TreeMap<>();
        dir.children().apply(caller).forEach((name, child) -> {
            String key = dir.verbatimKeys() ? name : camel(name);
            // token and identity (endpoints) are never part of a recursive answer
            if (child instanceof Dir d) {
                json.put(key, tree(d, caller));
            } else if (child instanceof Value v) {
                json.put(key, v.value().apply(caller));
            }
        });
        return json;
    }

    /** {@code ?recursive=true&alt=text}: one {@code path value} line per value, lists one line per item. */
    @SuppressWarnings("unchecked")
    private static void flatten(Object node, String prefix, StringBuilder lines) {
        if (node instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).forEach((key, value) -> flatten(value, prefix.isEmpty() ? key : prefix + "/" + key, lines));
        } else if (node instanceof List<?> list) {
            list.forEach(item -> lines.append(prefix).append(' ').append(item).append('\n'));
        } else {
            lines.append(prefix).append(' ').append(node).append('\n');
        }
    }

    private static String text(Object value) {
        if (value instanceof List<?> list) {
            return String.join("", list.stream().map(o -> o + "\n").toList());
        }
        return String.valueOf(value);
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String camel(String kebab) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char ch : kebab.toCharArray()) {
            if (ch == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return out.toString();
    }
}
