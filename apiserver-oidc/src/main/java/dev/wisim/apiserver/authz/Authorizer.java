package dev.wisim.apiserver.authz;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The API server's authorizer chain as GKE has it: RBAC, then IAM; the first that allows wins
 * (kube-apiserver's union authorizer), and a request neither allows is 403 with both reasons.
 */
@ApplicationScoped
public class Authorizer {

    private final Rbac rbac;
    private final Iam iam;

    public Authorizer(Rbac rbac, Iam iam) {
        this.rbac = rbac;
        this.iam = iam;
    }

    /** @param enforced a request being served, not a question (an access review) */
    public Decision decide(Attributes request, boolean enforced) {
        Decision byRbac = rbac.authorize(request);
        if (byRbac.allowed()) {
            return byRbac;
        }
        Decision byIam = iam.authorize(request, enforced);
        if (byIam.allowed()) {
            return byIam;
        }
        List<String> reasons = List.of(byRbac.reason(), byIam.reason()).stream().filter(r -> !r.isEmpty()).toList();
        return Decision.noOpinion(String.join("\n", reasons));
    }

    /** Allows the request or throws kube-apiserver's 403. */
    public void require(Attributes request) {
        Decision decision = decide(request, true);
        if (!decision.allowed()) {
            throw Forbidden.of(request, decision.reason().isEmpty() ? List.of() : List.of(decision.reason()));
        }
    }
}
