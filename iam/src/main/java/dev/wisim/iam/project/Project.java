package dev.wisim.iam.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** A Cloud Resource Manager v1 project (int64 {@code projectNumber} as a JSON string, as Google sends it). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Project(String projectNumber, String projectId, String lifecycleState, String name, String createTime,
                      Map<String, String> labels) {

    public String resourceName() {
        return "projects/" + projectId;
    }
}
