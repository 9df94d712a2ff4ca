package dev.wisim.iam.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * Why a permission was granted or denied: the principal (and every member form that names it), and
 * each binding that could have mattered — its role grants the permission, or its members name the
 * principal — with the condition's outcome.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Decision(Instant time, String principal, List<String> principalMembers, String permission, String resource,
                       boolean allowed, List<ConsideredBinding> bindings) {

    /**
     * @param condition        the condition's expression, if the binding has one
     * @param conditionOutcome {@code true}, {@code false} or {@code error: …}; null without a condition
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConsideredBinding(String policyOf, String role, boolean roleGrantsPermission, List<String> members,
                                    boolean membersNamePrincipal, String condition, String conditionOutcome) {
    }

    /** One line for the log. */
    public String summary() {
        long candidates = bindings.stream().filter(ConsideredBinding::roleGrantsPermission).count();
        return (allowed ? "granted " : "denied ") + permission + " on " + resource + " to " + principal + " ("
                + candidates + " binding(s) with a role granting it, " + bindings.size() + " considered)";
    }
}
