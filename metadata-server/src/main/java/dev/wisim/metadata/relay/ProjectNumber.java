package dev.wisim.metadata.relay;

import dev.wisim.metadata.client.IamClient;
import dev.wisim.metadata.client.Upstream;
import dev.wisim.metadata.client.Upstream.Answer;
import dev.wisim.metadata.config.MetadataConfig;
import dev.wisim.metadata.rest.MetadataException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The numeric id of the node's project, read once from IAM (project numbers never change). */
@ApplicationScoped
public class ProjectNumber {

    private final IamClient iam;
    private final MetadataConfig config;
    private volatile String number;

    public ProjectNumber(@RestClient IamClient iam, MetadataConfig config) {
        this.iam = iam;
        this.config = config;
    }

    public String get() {
        String known = number;
        if (known == null) {
            Answer answer = Upstream.call("IAM", () -> iam.project(config.projectId()));
            if (!answer.ok() || answer.text("projectNumber") == null) {
                throw new MetadataException(503, "The project " + config.projectId() + " is not known to IAM\n");
            }
            known = answer.text("projectNumber");
            number = known;
        }
        return known;
    }
}
