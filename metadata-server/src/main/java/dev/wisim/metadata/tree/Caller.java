package dev.wisim.metadata.tree;

import dev.wisim.metadata.pod.Workload;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The request as the tree sees it: query parameters, and the calling workload, looked up only if needed. */
public final class Caller {

    private final Map<String, List<String>> query;
    private final Supplier<Workload> lookup;
    private Workload workload;

    public Caller(Map<String, List<String>> query, Supplier<Workload> lookup) {
        this.query = query;
        this.lookup = lookup;
    }

    public Workload workload() {
        if (workload == null) {
            workload = lookup.get();
        }
        return workload;
    }

    public String query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
