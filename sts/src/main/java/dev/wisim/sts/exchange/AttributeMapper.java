package dev.wisim.sts.exchange;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A provider's attribute mapping and condition, evaluated as Google does with CEL ({@code dev.cel}):
 * each mapping expression over {@code assertion} (the token's claims) yields an attribute; the
 * condition over {@code assertion}, {@code google} and {@code attribute} must hold.
 */
@ApplicationScoped
public class AttributeMapper {

    static final int MAX_SUBJECT_BYTES = 127;
    static final String REJECTED = "The given credential is rejected by the attribute condition.";
    private static final int MAX_CACHED = 1000;

    private final Map<String, CelRuntime.Program> programs = new ConcurrentHashMap<>();
    /**
     * The CEL environments, built when a provider is first used (GKE exchanges never need them);
     * {@code mapping} is assigned last, so once it is set both are.
     */
    private volatile Cel mapping;
    private volatile Cel condition;

    private void build() {
        if (mapping != null) {
            return;
        }
        synchronized (this) {
            if (mapping != null) {
                return;
            }
            condition = CelFactory.standardCelBuilder()
                    .addVar("assertion", MapType.create(SimpleType.STRING, SimpleType.DYN))
                    .addVar("google", MapType.create(SimpleType.STRING, SimpleType.DYN))
                    .addVar("attribute", MapType.create(SimpleType.STRING, SimpleType.DYN))
                    .setResultType(SimpleType.BOOL)
                    .build();
            mapping = CelFactory.standardCelBuilder()
                    .addVar("assertion", MapType.create(SimpleType.STRING, SimpleType.DYN))
                    .build();
        }
    }

    /**
     * The mapped attributes: {@code google.subject} (required, at most 127 bytes), {@code google.groups}
     * (a list), other {@code google.*} and {@code attribute.*} values as strings.
     */
    public Map<String, Object> map(Map<String, String> attributeMapping, Map<String, Object> claims) {
        build();
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributeMapping.forEach((target, expression) -> {
            Object value = evaluate(mapping, expression, Map.of("assertion", claims),
                    "Unable to map attribute " + target + " from the assertion");
            if (value == null) {
                return;
            }
            if (target.equals("google.groups")) {
                attributes.put(target, value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(value.toString()));
            } else {
                attributes.put(target, String.valueOf(value));
            }
        });
        Object subject = attributes.get("google.subject");
        if (!(subject instanceof String s) || s.isEmpty()) {
            throw StsException.invalidGrant("The mapped attribute google.subject must not be empty.");
        }
        if (s.getBytes(StandardCharsets.UTF_8).length > MAX_SUBJECT_BYTES) {
            throw StsException.invalidGrant("The size of mapped attribute google.subject exceeds the 127 bytes limit. Either modify"
                    + " your attribute mapping or the incoming assertion to produce a mapped attribute that is less than 127 bytes.");
        }
        return attributes;
    }

    /** Throws {@code unauthorized_client} with Google's text unless the condition holds. */
    public void requireCondition(String attributeCondition, Map<String, Object> claims, Map<String, Object> attributes) {
        if (attributeCondition == null || attributeCondition.isBlank()) {
            return;
        }
        build();
        Map<String, Object> google = new LinkedHashMap<>();
        Map<String, Object> attribute = new LinkedHashMap<>();
        attributes.forEach((name, value) -> {
            if (name.startsWith("google.")) {
                google.put(name.substring("google.".length()), value);
            } else {
                attribute.put(name.substring("attribute.".length()), value);
            }
        });
        Object verdict;
        try {
            verdict = evaluate(condition, attributeCondition, Map.of("assertion", claims, "google", google, "attribute", attribute),
                    REJECTED);
        } catch (StsException e) {
            throw StsException.unauthorizedClient(REJECTED);
        }
        if (!Boolean.TRUE.equals(verdict)) {
            throw StsException.unauthorizedClient(REJECTED);
        }
    }

    private Object evaluate(Cel cel, String expression, Map<String, Object> variables, String failure) {
        if (programs.size() >= MAX_CACHED) {
            programs.clear();
        }
        CelRuntime.Program program = programs.computeIfAbsent((cel == mapping ? "m:" : "c:") + expression, key -> {
            CelValidationResult compiled = cel.compile(expression);
            try {
                return cel.createProgram(compiled.getAst());
            } catch (Exception e) {
                return null;
            }
        });
        if (program == null) {
            throw StsException.invalidGrant(failure + ": the expression does not compile.");
        }
        try {
            return program.eval(variables);
        } catch (CelEvaluationException | RuntimeException e) {
            throw StsException.invalidGrant(failure + ": " + e.getMessage());
        }
    }
}
