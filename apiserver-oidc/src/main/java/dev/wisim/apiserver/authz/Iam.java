package dev.wisim.apiserver.authz;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wisim.apiserver.auth.User;
import dev.wisim.apiserver.config.ApiserverConfig;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

    private final ApiserverConfig config;
    private final ObjectMapper mapper;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public Iam(ApiserverConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    /** Whether GKE knows the user as a Google identity (IAM then has a say). */
    public static boolean googleIdentity(User user) {
        String name = user.username();
        return !name.startsWith("system:") && (name.contains("@") || name.matches("\\d+"));
    }

    /** @param enforced a request being served (a refusal is kept among IAM's denials), not a question (access reviews) */
    public Decision authorize(Attributes request, boolean enforced) {
        if (config.iamUrl().isEmpty() || !googleIdentity(request.user())) {
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
        if (config.iamUrl().isEmpty() || !name.contains("@")) {
            return false;   // IAM binds members by email: an account id holds no role
        }
        String member = (name.endsWith(".gserviceaccount.com") ? "serviceAccount:" : "user:") + name;
        try {
            byte[] body = mapper.writeValueAsBytes(Map.of("member", member, "resource", "projects/" + config.projectId(),
                    "permissions", List.of(permission), "enforced", enforced));
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(config.iamUrl().get() + "/_sim/test-permissions"))
                    .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                Log.warnf("IAM answered %d to the permission check of %s", response.statusCode(), member);
                return false;
            }
            Object held = mapper.readValue(response.body(), Map.class).get("permissions");
            return held instanceof List<?> list && list.contains(permission);
        } catch (IOException e) {
            Log.warnf("IAM could not be asked about %s: %s", member, e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
