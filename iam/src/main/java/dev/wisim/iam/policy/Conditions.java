package dev.wisim.iam.policy;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.wisim.iam.rest.IamException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * IAM conditions: CEL expressions (Google's {@code dev.cel} implementation) over {@code request.time}
 * and the resource's {@code name}, {@code type} and {@code service}. An expression is checked when a
 * policy is set; one that fails to evaluate does not grant, as on Google.
 */
@ApplicationScoped
public class Conditions {

    /** A condition's verdict, with the evaluation error when there was one. */
    public record Outcome(boolean granted, String error) {
    }

    private static final int MAX_CACHED = 1000;

    /** Built on first use: most policies have no condition, and building it costs start-up time. */
    private volatile Cel cel;
    private final Map<String, CelRuntime.Program> programs = new ConcurrentHashMap<>();

    /** {@code INVALID_ARGUMENT} unless the expression compiles to a boolean. */
    public void validate(Policy.Expr condition) {
        if (condition.title() == null || condition.title().isBlank()) {
            throw IamException.invalidArgument("A condition requires a title.");
        }
        program(condition.expression());
    }

    public Outcome evaluate(String expression, Resource resource, Instant now) {
        try {
            Object result = program(expression).eval(Map.of(
                    "request", Map.of("time", now),
                    "resource", Map.of("name", resource.name(), "type", resource.type(), "service", resource.service())));
            return new Outcome(Boolean.TRUE.equals(result), null);
        } catch (CelEvaluationException | RuntimeException e) {
            return new Outcome(false, e.getMessage());
        }
    }

    private Cel environment() {
        if (cel == null) {
            synchronized (this) {
                if (cel == null) {
                    cel = CelFactory.standardCelBuilder()
                            .addVar("request", MapType.create(SimpleType.STRING, SimpleType.DYN))
                            .addVar("resource", MapType.create(SimpleType.STRING, SimpleType.DYN))
                            .setResultType(SimpleType.BOOL)
                            .build();
                }
            }
        }
        return cel;
    }

    private CelRuntime.Program program(String expression) {
        if (expression == null || expression.isBlank()) {
            throw IamException.invalidArgument("A condition requires an expression.");
        }
        CelRuntime.Program cached = programs.get(expression);
        if (cached != null) {
            return cached;
        }
        Cel environment = environment();
        CelValidationResult compiled = environment.compile(expression);
        if (compiled.hasError()) {
            throw IamException.invalidArgument("Condition expression is invalid: " + compiled.getErrorString());
        }
        try {
            CelAbstractSyntaxTree ast = compiled.getAst();
            CelRuntime.Program program = environment.createProgram(ast);
            if (programs.size() >= MAX_CACHED) {
                programs.clear();
            }
            programs.put(expression, program);
            return program;
        } catch (CelValidationException | CelEvaluationException e) {
            throw IamException.invalidArgument("Condition expression is invalid: " + e.getMessage());
        }
    }
}
