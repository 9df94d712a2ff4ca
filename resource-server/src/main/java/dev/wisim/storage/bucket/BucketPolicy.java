package dev.wisim.storage.bucket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** A bucket's IAM policy as the JSON API carries it ({@code storage#policy}); {@code setIamPolicy} sends it as the body. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record BucketPolicy(String kind, String resourceId, Integer version, List<Binding> bindings, String etag) {

    public List<Binding> bindingsOrEmpty() {
        return bindings == null ? List.of() : bindings;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Binding(String role, List<String> members, Map<String, Object> condition) {

        public List<String> membersOrEmpty() {
            return members == null ? List.of() : members;
        }
    }

    /** Google's default policy for a new bucket: the project's owners and editors own it, its viewers read it. */
    static BucketPolicy defaultFor(String bucket, String project, String etag) {
        return new BucketPolicy("storage#policy", "projects/_/buckets/" + bucket, 1, List.of(
                new Binding("roles/storage.legacyBucketOwner", List.of("projectEditor:" + project, "projectOwner:" + project), null),
                new Binding("roles/storage.legacyBucketReader", List.of("projectViewer:" + project), null)), etag);
    }
}
