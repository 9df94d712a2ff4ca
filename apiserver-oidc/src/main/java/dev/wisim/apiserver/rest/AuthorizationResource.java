package dev.wisim.apiserver.rest;

import dev.wisim.apiserver.auth.User;
import dev.wisim.apiserver.authz.Attributes;
import dev.wisim.apiserver.authz.Authorizer;
import dev.wisim.apiserver.authz.Decision;
import dev.wisim.apiserver.authz.Rbac;
import dev.wisim.apiserver.cluster.KubernetesException;
import dev.wisim.apiserver.codec.FieldValidation;
import dev.wisim.apiserver.codec.RequestBodies;
import dev.wisim.apiserver.config.ApiserverConfig;
import io.fabric8.kubernetes.api.model.authorization.v1.LocalSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.NonResourceAttributes;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributes;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewSpec;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code authorization.k8s.io/v1}: the access reviews {@code kubectl auth can-i} asks — whether a
 * request would be allowed (for oneself, for another user, in a namespace), answered by the same
 * authorizer chain that serves requests — and the rules review ({@code can-i --list}), which lists
 * RBAC's rules only: GKE's IAM authorizer cannot enumerate, so the list is marked incomplete.
 */
@Path("/apis/authorization.k8s.io/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class AuthorizationResource {

    static final String GROUP = "authorization.k8s.io";
    private static final String NO_RULE_RESOLUTION = "webhook authorizer does not support user rule resolution";

    private final Access access;
    private final Authorizer authorizer;
    private final Rbac rbac;
    private final RequestBodies bodies;
    private final ApiserverConfig config;

    public AuthorizationResource(Access access, Authorizer authorizer, Rbac rbac, RequestBodies bodies, ApiserverConfig config) {
        this.access = access;
        this.authorizer = authorizer;
        this.rbac = rbac;
        this.bodies = bodies;
        this.config = config;
    }

    @GET
    public Map<String, Object> discovery() {
        access.requirePath("/apis/authorization.k8s.io/v1");
        return GroupDiscovery.authorization();
    }

    @POST
    @Path("selfsubjectaccessreviews")
    public Response selfSubjectAccessReview(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        access.require("create", "selfsubjectaccessreviews", GROUP, null);
        SelfSubjectAccessReview review = bodies.read(contentType, body, SelfSubjectAccessReview.class, FieldValidation.WARN, w -> { });
        var spec = review.getSpec();
        Attributes request = attributes(access.user(), spec == null ? null : spec.getResourceAttributes(),
                spec == null ? null : spec.getNonResourceAttributes(), "SelfSubjectAccessReview");
        Map<String, Object> specView = new LinkedHashMap<>();
        putAttributes(specView, spec == null ? null : spec.getResourceAttributes(), spec == null ? null : spec.getNonResourceAttributes());
        return created("SelfSubjectAccessReview", specView, status(authorizer.decide(request, false)));
    }

    @POST
    @Path("subjectaccessreviews")
    public Response subjectAccessReview(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        access.require("create", "subjectaccessreviews", GROUP, null);
        SubjectAccessReview review = bodies.read(contentType, body, SubjectAccessReview.class, FieldValidation.WARN, w -> { });
        return reviewFor("SubjectAccessReview", review.getSpec(), null);
    }

    @POST
    @Path("namespaces/{namespace}/localsubjectaccessreviews")
    public Response localSubjectAccessReview(@PathParam("namespace") String namespace, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                             byte[] body) {
        access.require("create", "localsubjectaccessreviews", GROUP, namespace);
        LocalSubjectAccessReview review = bodies.read(contentType, body, LocalSubjectAccessReview.class, FieldValidation.WARN, w -> { });
        return reviewFor("LocalSubjectAccessReview", review.getSpec(), namespace);
    }

    @POST
    @Path("selfsubjectrulesreviews")
    public Response selfSubjectRulesReview(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        access.require("create", "selfsubjectrulesreviews", GROUP, null);
        SelfSubjectRulesReview review = bodies.read(contentType, body, SelfSubjectRulesReview.class, FieldValidation.WARN, w -> { });
        String namespace = review.getSpec() == null ? null : review.getSpec().getNamespace();
        Rbac.Rules rules = rbac.rulesFor(access.user(), namespace);
        List<Map<String, Object>> resourceRules = new ArrayList<>();
        List<Map<String, Object>> nonResourceRules = new ArrayList<>();
        for (PolicyRule rule : rules.rules()) {
            if (rule.getNonResourceURLs() != null && !rule.getNonResourceURLs().isEmpty()) {
                nonResourceRules.add(Map.of("verbs", rule.getVerbs(), "nonResourceURLs", rule.getNonResourceURLs()));
            } else {
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("verbs", rule.getVerbs());
                view.put("apiGroups", Optional.ofNullable(rule.getApiGroups()).orElse(List.of()));
                view.put("resources", Optional.ofNullable(rule.getResources()).orElse(List.of()));
                if (rule.getResourceNames() != null && !rule.getResourceNames().isEmpty()) {
                    view.put("resourceNames", rule.getResourceNames());
                }
                resourceRules.add(view);
            }
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("resourceRules", resourceRules);
        status.put("nonResourceRules", nonResourceRules);
        List<String> errors = new ArrayList<>(rules.errors());
        if (config.iamUrl().isPresent()) {
            errors.add(NO_RULE_RESOLUTION);
        }
        status.put("incomplete", config.iamUrl().isPresent() || !rules.errors().isEmpty());
        if (!errors.isEmpty()) {
            status.put("evaluationError", String.join(", ", errors));
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        if (namespace != null) {
            spec.put("namespace", namespace);
        }
        return created("SelfSubjectRulesReview", spec, status);
    }

    private Response reviewFor(String kind, SubjectAccessReviewSpec spec, String namespace) {
        if (spec == null || ((spec.getUser() == null || spec.getUser().isEmpty()) && (spec.getGroups() == null || spec.getGroups().isEmpty()))) {
            throw KubernetesException.invalid(kind, GROUP, "", KubernetesException.Cause.invalidValue("spec.user", "",
                    "at least one of user or group must be specified"));
        }
        ResourceAttributes resource = spec.getResourceAttributes();
        if (namespace != null && (resource == null || !namespace.equals(resource.getNamespace()))) {
            throw KubernetesException.invalid(kind, GROUP, "", KubernetesException.Cause.invalidValue("spec.resourceAttributes.namespace",
                    resource == null ? "" : String.valueOf(resource.getNamespace()), "must match metadata.namespace"));
        }
        User subject = new User(Optional.ofNullable(spec.getUser()).orElse(""), spec.getUid(),
                Optional.ofNullable(spec.getGroups()).orElse(List.of()), Map.copyOf(Optional.ofNullable(spec.getExtra()).orElse(Map.of())));
        Attributes request = attributes(subject, resource, spec.getNonResourceAttributes(), kind);
        Map<String, Object> specView = new LinkedHashMap<>();
        putAttributes(specView, resource, spec.getNonResourceAttributes());
        if (spec.getUser() != null) {
            specView.put("user", spec.getUser());
        }
        if (spec.getGroups() != null) {
            specView.put("groups", spec.getGroups());
        }
        if (spec.getUid() != null) {
            specView.put("uid", spec.getUid());
        }
        return created(kind, specView, status(authorizer.decide(request, false)));
    }

    private static Attributes attributes(User user, ResourceAttributes resource, NonResourceAttributes nonResource, String kind) {
        if ((resource == null) == (nonResource == null)) {
            throw KubernetesException.invalid(kind, GROUP, "", KubernetesException.Cause.invalidValue("spec.resourceAttributes", "",
                    "exactly one of nonResourceAttributes or resourceAttributes must be specified"));
        }
        if (nonResource != null) {
            return Attributes.nonResource(user, Optional.ofNullable(nonResource.getVerb()).orElse(""), Optional.ofNullable(nonResource.getPath()).orElse(""));
        }
        return Attributes.resource(user, Optional.ofNullable(resource.getVerb()).orElse(""), resource.getGroup(),
                Optional.ofNullable(resource.getResource()).orElse(""), resource.getSubresource(), resource.getNamespace(), resource.getName());
    }

    private static void putAttributes(Map<String, Object> spec, ResourceAttributes resource, NonResourceAttributes nonResource) {
        if (resource != null) {
            Map<String, Object> view = new LinkedHashMap<>();
            putIfSet(view, "namespace", resource.getNamespace());
            putIfSet(view, "verb", resource.getVerb());
            putIfSet(view, "group", resource.getGroup());
            putIfSet(view, "version", resource.getVersion());
            putIfSet(view, "resource", resource.getResource());
            putIfSet(view, "subresource", resource.getSubresource());
            putIfSet(view, "name", resource.getName());
            spec.put("resourceAttributes", view);
        }
        if (nonResource != null) {
            Map<String, Object> view = new LinkedHashMap<>();
            putIfSet(view, "path", nonResource.getPath());
            putIfSet(view, "verb", nonResource.getVerb());
            spec.put("nonResourceAttributes", view);
        }
    }

    private static void putIfSet(Map<String, Object> view, String key, String value) {
        if (value != null && !value.isEmpty()) {
            view.put(key, value);
        }
    }

    private static Map<String, Object> status(Decision decision) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("allowed", decision.allowed());
        if (decision.reason() != null && !decision.reason().isEmpty()) {
            status.put("reason", decision.reason());
        }
        return status;
    }

    private static Response created(String kind, Map<String, Object> spec, Map<String, Object> status) {
        Map<String, Object> review = new LinkedHashMap<>();
        review.put("kind", kind);
        review.put("apiVersion", GROUP + "/v1");
        review.put("metadata", Collections.singletonMap("creationTimestamp", null));
        review.put("spec", spec);
        review.put("status", status);
        return Response.status(201).entity(review).build();
    }
}
