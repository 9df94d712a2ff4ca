package dev.wisim.apiserver.auth;

import java.util.List;
import java.util.Map;

/** Who a request is from, as kube-apiserver's authenticators say ({@code user.Info}). */
public record User(String username, String uid, List<String> groups, Map<String, List<String>> extra) {

    public static final User ANONYMOUS = new User("system:anonymous", null, List.of("system:unauthenticated"), Map.of());
    /** The identity of the plain-HTTP port, as kube-apiserver's old insecure port had it. */
    public static final User UNSECURED = new User("system:unsecured", null, List.of("system:masters", "system:authenticated"), Map.of());
    public static final User ADMIN = new User("kubernetes-admin", null, List.of("system:masters", "system:authenticated"), Map.of());

    public boolean in(String group) {
        return groups.contains(group);
    }
}
