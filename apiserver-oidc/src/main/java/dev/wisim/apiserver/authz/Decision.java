package dev.wisim.apiserver.authz;

/** An authorizer's answer: allowed, or no opinion with an optional reason (RBAC never denies). */
public record Decision(boolean allowed, String reason) {

    static Decision allow(String reason) {
        return new Decision(true, reason);
    }

    static Decision noOpinion(String reason) {
        return new Decision(false, reason);
    }
}
