package dev.wisim.storage.auth;

import java.util.List;
import java.util.Map;

/** What the resource server reads of a project from IAM: its number and the members of each role in its policy. */
public record ProjectView(String projectId, String projectNumber, Map<String, List<String>> membersByRole) {

    public boolean names(String projectIdOrNumber) {
        return projectId.equals(projectIdOrNumber) || projectNumber.equals(projectIdOrNumber);
    }
}
