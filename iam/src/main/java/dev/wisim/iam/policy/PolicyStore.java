package dev.wisim.iam.policy;

import dev.wisim.durable.StateDb;
import dev.wisim.iam.rest.IamException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * IAM policies by resource name ({@code projects/P}, {@code projects/P/serviceAccounts/EMAIL}),
 * with Google's etag-based read-modify-write protection.
 */
@ApplicationScoped
public class PolicyStore {

    private final Map<String, Policy> policies;
    private final Conditions conditions;
    /** Etags are this counter's bytes: it starts at the start's millisecond, after every etag a previous run gave. */
    private long revision = System.currentTimeMillis();

    public PolicyStore(Conditions conditions, StateDb db) {
        this.conditions = conditions;
        this.policies = db.map("policies", Policy.class, new HashMap<>());
    }

    public synchronized Policy get(String resource) {
        return policies.getOrDefault(resource, Policy.empty());
    }

    /**
     * Replaces the policy. A request etag must match the current one (else {@code ABORTED}); without
     * an etag the write is blind, as Google's is.
     */
    public synchronized Policy set(String resource, Policy requested) {
        Policy current = get(resource);
        if (requested.etag() != null && !requested.etag().isEmpty() && !sameBytes(requested.etag(), current.etag())) {
            throw IamException.concurrentPolicyChange();
        }
        List<Policy.Binding> bindings = requested.bindingsOrEmpty().stream()
                .filter(Objects::nonNull)
                .map(b -> new Policy.Binding(b.role(), b.membersOrEmpty().stream().filter(Objects::nonNull).distinct().toList(),
                        b.condition()))
                .filter(b -> !b.members().isEmpty())
                .toList();
        for (Policy.Binding binding : bindings) {
            if (binding.role() == null || !binding.role().startsWith("roles/")) {
                throw IamException.invalidArgument("Role (" + binding.role() + ") does not exist in the resource's hierarchy.");
            }
            if (binding.condition() != null) {
                if (!Objects.equals(requested.version(), 3)) {
                    throw IamException.invalidArgument("Conditions are only supported in policy version 3.");
                }
                conditions.validate(binding.condition());
            }
        }
        int version = requested.version() == null || requested.version() == 0 ? 1 : requested.version();
        Policy stored = new Policy(version, bindings, nextEtag());
        policies.put(resource, stored);
        return stored;
    }

    /**
     * The policy as getIamPolicy returns it for {@code requestedPolicyVersion} (0, 1 or 3): a policy with
     * conditional bindings can only be read as version 3.
     */
    public Policy get(String resource, Integer requestedVersion) {
        int requested = requestedVersion == null ? 0 : requestedVersion;
        if (requested != 0 && requested != 1 && requested != 3) {
            throw IamException.invalidArgument("Invalid requested policy version: " + requested + ". Valid versions are 0, 1 and 3.");
        }
        Policy policy = get(resource);
        if (requested < 3 && policy.bindingsOrEmpty().stream().anyMatch(b -> b.condition() != null)) {
            throw IamException.invalidArgument("The policy of " + resource + " has conditional role bindings:"
                    + " request policy version 3 to read it.");
        }
        return policy;
    }

    public synchronized void remove(String resource) {
        policies.remove(resource);
    }

    /**
     * An etag is a protobuf {@code bytes} field, which JSON carries as base64 in either alphabet: gcloud (apitools)
     * sends back the URL-safe form of what it read, so {@code BwX+} and {@code BwX-} are one etag.
     */
    private static boolean sameBytes(String requested, String current) {
        try {
            return Arrays.equals(decode(requested), decode(current));
        } catch (IllegalArgumentException e) {
            throw IamException.invalidArgument("Invalid value at 'policy.etag' (TYPE_BYTES), \"" + requested + "\"");
        }
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64.replace('-', '+').replace('_', '/'));
    }

    private String nextEtag() {
        ByteBuffer bytes = ByteBuffer.allocate(8).putLong(++revision);
        byte[] etag = bytes.array();
        etag[0] = 0x07;
        etag[1] = 0x06;
        return Base64.getEncoder().encodeToString(etag);
    }
}
