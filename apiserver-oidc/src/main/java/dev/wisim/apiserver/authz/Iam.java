package dev.wisim.apiserver.authz;

import dev.wisim.apiserver.auth.User;
import dev.wisim.apiserver.iam.IamClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * GKE's IAM authorizer, after RBAC: a Google identity (a username that is an email, or a numeric
 * account id when the token had no email scope) is allowed what its IAM roles on the cluster's
 * project grant, asking IAM for the one {@code container.*} permission the request needs
 * ({@link IamPermissions}). Anyone else, and non-resource paths, get no opinion. A refusal carries
 * GKE's reason, {@code requires one of ["container.pods.list"] permission(s).}
 */
@ApplicationScoped
public class Iam {

    private final IamClient iam;

    public Iam(IamClient iam) {
        this.iam = iam;
    }

    /** Whether GKE knows the user as a Google identity (IAM then has a say). */
    public static boolean googleIdentity(User user) {
        String name = user.username();
        return !name.startsWith("system:") && (name.contains("@") || name.matches("\\d+"));
    }

    /** @param enforced a request being served (a refusal is kept among IAM's denials), not a question (access reviews) */
    public Decision authorize(Attributes request, boolean enforced) {
        if (!iam.configured() || !googleIdentity(request.user())) {
            return Decision.noOpinion("");
        }
        Optional<String> permission = IamPermissions.of(request);
        if (permission.isEmpty()) {
            return Decision.noOpinion("");
        }
        String reason = "requires one of [\"" + permission.get() + "\"] permission(s).";
        return holds(request.user(), permission.get(), enforced)
                ? Decision.allow("IAM: " + request.user().username() + " has " + permission.get()) : Decision.noOpinion(reason);
    }

    /** Whether a Google identity holds a permission on the cluster's project. */
    public boolean holds(User user, String permission, boolean enforced) {
        String name = user.username();
        if (!iam.configured() || !name.contains("@")) {
            return false;   // IAM binds members by email: an account id holds no role
        }
        String member = (name.endsWith(".gserviceaccount.com") ? "serviceAccount:" : "user:") + name;
        return iam.heldPermissions(member, List.of(permission), enforced).contains(permission);
    }
}
