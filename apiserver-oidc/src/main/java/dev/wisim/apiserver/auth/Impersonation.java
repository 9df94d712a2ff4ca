package dev.wisim.apiserver.auth;

import dev.wisim.apiserver.authz.Attributes;
import dev.wisim.apiserver.authz.Authorizer;
import dev.wisim.apiserver.cluster.KubernetesException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * kube-apiserver's impersonation filter ({@code kubectl --as}, {@code --as-group}): the requester must
 * be allowed to {@code impersonate} the user ({@code users}, or {@code serviceaccounts} for
 * {@code system:serviceaccount:NS:NAME}), each group ({@code groups}), the uid ({@code uids}) and each
 * extra ({@code userextras/KEY}); the request then runs as that user, with {@code system:authenticated}
 * added (and a service account's groups).
 */
@ApplicationScoped
public class Impersonation {

    public static final String USER = "Impersonate-User";
    public static final String GROUP = "Impersonate-Group";
    public static final String UID = "Impersonate-Uid";
    public static final String EXTRA = "Impersonate-Extra-";

    private final Authorizer authorizer;

    public Impersonation(Authorizer authorizer) {
        this.authorizer = authorizer;
    }

    /**
     * @param header   a request header's values by name
     * @param extraKeys the names of the request's {@code Impersonate-Extra-*} headers
     */
    public User apply(User requester, Function<String, List<String>> header, List<String> extraKeys) {
        List<String> users = header.apply(USER);
        List<String> groups = header.apply(GROUP);
        List<String> uids = header.apply(UID);
        if (users.isEmpty()) {
            if (!groups.isEmpty() || !uids.isEmpty() || !extraKeys.isEmpty()) {
                throw KubernetesException.badRequest("requested [" + describe(groups, uids) + "] without impersonating a user");
            }
            return requester;
        }
        String name = users.get(0);
        if (name.startsWith("system:serviceaccount:") && name.split(":").length == 4) {
            String[] parts = name.split(":");
            check(requester, "serviceaccounts", "", parts[2], parts[3]);
        } else {
            check(requester, "users", "", null, name);
        }
        for (String group : groups) {
            check(requester, "groups", "", null, group);
        }
        String uid = uids.isEmpty() ? null : uids.get(0);
        if (uid != null) {
            check(requester, "uids", "authentication.k8s.io", null, uid);
        }
        Map<String, List<String>> extra = new LinkedHashMap<>();
        for (String headerName : extraKeys) {
            String key = java.net.URLDecoder.decode(headerName.substring(EXTRA.length()), java.nio.charset.StandardCharsets.UTF_8)
                    .toLowerCase(java.util.Locale.ROOT);
            for (String value : header.apply(headerName)) {
                authorizer.require(Attributes.resource(requester, "impersonate", "authentication.k8s.io", "userextras", key, null, value));
                extra.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            }
        }
        List<String> all = new ArrayList<>(groups);
        if (name.startsWith("system:serviceaccount:") && name.split(":").length == 4) {
            String namespace = name.split(":")[2];
            for (String implied : List.of("system:serviceaccounts", "system:serviceaccounts:" + namespace)) {
                if (!all.contains(implied)) {
                    all.add(implied);
                }
            }
        }
        if (!name.equals("system:anonymous") && !all.contains("system:authenticated")) {
            all.add("system:authenticated");
        }
        return new User(name, uid, List.copyOf(all), Map.copyOf(extra));
    }

    private void check(User requester, String resource, String group, String namespace, String name) {
        authorizer.require(Attributes.resource(requester, "impersonate", group, resource, null, namespace, name));
    }

    private static String describe(List<String> groups, List<String> uids) {
        List<String> parts = new ArrayList<>();
        groups.forEach(g -> parts.add("group " + g));
        uids.forEach(u -> parts.add("uid " + u));
        return String.join(", ", parts);
    }
}
