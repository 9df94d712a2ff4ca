package dev.wisim.iam.pools;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.wisim.iam.rest.IamException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a provider's attribute mapping and condition when it is saved, as Google does: each mapped
 * value must compile as CEL over {@code assertion}, the condition as a boolean over {@code assertion},
 * {@code google} and {@code attribute}; {@code google.subject} must be mapped. STS evaluates them.
 */
@ApplicationScoped
public class AttributeExpressions {

    static final Pattern TARGET = Pattern.compile("google\\.(subject|groups|display_name|profile_photo)|attribute\\.[a-z0-9_]{1,100}");
    static final int MAX_CUSTOM_ATTRIBUTES = 50;

    private Cel mapping;
    private Cel condition;

    /** The CEL environments, built when a provider is first saved (they cost start-up time otherwise). */
    private synchronized void build() {
        if (mapping == null) {
            mapping = CelFactory.standardCelBuilder()
                    .addVar("assertion", MapType.create(SimpleType.STRING, SimpleType.DYN))
                    .build();
            condition = CelFactory.standardCelBuilder()
                    .addVar("assertion", MapType.create(SimpleType.STRING, SimpleType.DYN))
                    .addVar("google", MapType.create(SimpleType.STRING, SimpleType.DYN))
                    .addVar("attribute", MapType.create(SimpleType.STRING, SimpleType.DYN))
                    .setResultType(SimpleType.BOOL)
                    .build();
        }
    }

    public void validateMapping(Map<String, String> attributeMapping) {
        build();
        if (attributeMapping == null || !attributeMapping.containsKey("google.subject")) {
            throw IamException.invalidArgument("The attribute mapping must contain a mapping for google.subject.");
        }
        if (attributeMapping.keySet().stream().filter(k -> k.startsWith("attribute.")).count() > MAX_CUSTOM_ATTRIBUTES) {
            throw IamException.invalidArgument("The attribute mapping can map at most " + MAX_CUSTOM_ATTRIBUTES + " custom attributes.");
        }
        attributeMapping.forEach((target, expression) -> {
            if (!TARGET.matcher(target).matches()) {
                throw IamException.invalidArgument("Invalid attribute name in attribute mapping: " + target
                        + ". Use google.subject, google.groups, google.display_name, google.profile_photo or attribute.NAME"
                        + " (lowercase letters, digits and underscores).");
            }
            check(mapping, expression, "Invalid attribute mapping for " + target);
        });
    }

    public void validateCondition(String attributeCondition) {
        if (attributeCondition != null && !attributeCondition.isBlank()) {
            build();
            check(condition, attributeCondition, "Invalid attribute condition");
        }
    }

    private static void check(Cel cel, String expression, String what) {
        if (expression == null || expression.isBlank()) {
            throw IamException.invalidArgument(what + ": the expression is empty.");
        }
        CelValidationResult compiled = cel.compile(expression);
        if (compiled.hasError()) {
            throw IamException.invalidArgument(what + ": " + compiled.getErrorString());
        }
    }
}
