package dev.wisim.iam.policy;

/**
 * A resource an IAM policy is attached to, with the attributes its conditions see.
 *
 * @param policyName the name its policy is stored under ({@code projects/P}, {@code projects/P/serviceAccounts/EMAIL})
 * @param name       {@code resource.name} in conditions (Google names a service account by unique id there)
 * @param type       {@code resource.type}
 * @param service    {@code resource.service}
 */
public record Resource(String policyName, String name, String type, String service) {

    public static Resource project(String projectId) {
        return new Resource("projects/" + projectId, "projects/" + projectId, "cloudresourcemanager.googleapis.com/Project",
                "cloudresourcemanager.googleapis.com");
    }

    public static Resource serviceAccount(String projectId, String email, String uniqueId) {
        return new Resource("projects/" + projectId + "/serviceAccounts/" + email, "projects/-/serviceAccounts/" + uniqueId,
                "iam.googleapis.com/ServiceAccount", "iam.googleapis.com");
    }
}
