package dev.wisim.iam.project;

import dev.wisim.durable.StateDb;
import dev.wisim.iam.policy.Policy;
import dev.wisim.iam.policy.PolicyStore;
import dev.wisim.iam.rest.IamException;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The projects of this world. Whoever creates a project owns it, as in Resource Manager without an organisation. */
@ApplicationScoped
public class Projects {

    private static final Pattern PROJECT_ID = Pattern.compile("[a-z][-a-z0-9]{4,28}[a-z0-9]");

    private final Map<String, Project> projects;
    private final PolicyStore policies;
    private final Clock clock;

    public Projects(PolicyStore policies, Clock clock, StateDb db) {
        this.policies = policies;
        this.clock = clock;
        this.projects = db.map("projects", Project.class, new TreeMap<>());
    }

    public synchronized Project create(String projectId, String name, Map<String, String> labels, String ownerMember) {
        if (projectId == null || !PROJECT_ID.matcher(projectId).matches()) {
            throw IamException.invalidArgument("field [project_id] has issue [project_id contains invalid characters]");
        }
        if (projects.containsKey(projectId)) {
            throw IamException.alreadyExists("Requested entity already exists", "projects/" + projectId);
        }
        Project project = new Project(numberOf(projectId), projectId, "ACTIVE", name == null ? projectId : name,
                Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString(), labels);
        // the owner's policy first: a crash between the two writes leaves no project that nobody owns
        policies.set(project.resourceName(), new Policy(1, List.of(new Policy.Binding("roles/owner", List.of(ownerMember), null)), null));
        projects.put(projectId, project);
        return project;
    }

    public synchronized Optional<Project> find(String projectIdOrNumber) {
        Project byId = projects.get(projectIdOrNumber);
        if (byId != null) {
            return Optional.of(byId);
        }
        return projects.values().stream().filter(p -> p.projectNumber().equals(projectIdOrNumber)).findFirst();
    }

    public synchronized List<Project> all() {
        return List.copyOf(projects.values());
    }

    /** Project numbers are stable: the same id always gets the same 12-digit number. */
    static String numberOf(String projectId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(projectId.getBytes(StandardCharsets.UTF_8));
            long value = new BigInteger(1, digest).mod(BigInteger.valueOf(900_000_000_000L)).longValue();
            return Long.toString(100_000_000_000L + value);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
