package dev.wisim.metadata.tree;

import java.util.Map;
import java.util.function.Function;

/** One entry of the metadata tree: a directory, a value, or an endpoint that is computed per call (token, identity). */
public sealed interface Node {

    /**
     * Children by name, computed per request (the service accounts depend on the calling pod).
     * {@code verbatimKeys}: the names are data (attribute keys, account emails) and keep their
     * spelling in recursive JSON; other names become camelCase there.
     */
    record Dir(Function<Caller, Map<String, Node>> children, boolean verbatimKeys) implements Node {
    }

    /** A value: a String, a Number (text form, JSON number when recursive) or a List of Strings (one per line). */
    record Value(Function<Caller, Object> value) implements Node {
    }

    /** Computed on request and never part of a recursive listing; renders itself. */
    record Endpoint(Function<Caller, Rendered> handler) implements Node {
    }
}
