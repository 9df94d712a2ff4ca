package dev.wisim.apiserver.rest;

import dev.wisim.apiserver.cluster.KubernetesException;

/** {@code dryRun=All}: validate and answer, store nothing. */
final class DryRun {

    private DryRun() {
    }

    static boolean parse(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        if ("All".equals(value)) {
            return true;
        }
        throw KubernetesException.badRequest("Invalid dryRun value: " + value + ": supported values: \"All\"");
    }
}
