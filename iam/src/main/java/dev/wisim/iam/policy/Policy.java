package dev.wisim.iam.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code google.iam.v1.Policy}. An empty policy renders as exactly {@code {"etag":"ACAB"}}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Policy(Integer version, List<Binding> bindings, String etag) {

    public static final String EMPTY_ETAG = "ACAB";

    public static Policy empty() {
        return new Policy(null, List.of(), EMPTY_ETAG);
    }

    public List<Binding> bindingsOrEmpty() {
        return bindings == null ? List.of() : bindings;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Binding(String role, List<String> members, Expr condition) {

        public List<String> membersOrEmpty() {
            return members == null ? List.of() : members;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Expr(String expression, String title, String description, String location) {
    }
}
