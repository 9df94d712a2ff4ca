package dev.wisim.testcontainers;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Runs a test class only where a Docker engine answers; elsewhere it is skipped, except in CI
 * ({@code CI=true}), where a missing engine fails it: container tests must run there. Put it before
 * {@code @Testcontainers}, which would otherwise fail first.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DockerEngine.Condition.class)
@interface DockerEngine {

    final class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (DockerClientFactory.instance().isDockerAvailable()) {
                return ConditionEvaluationResult.enabled("a Docker engine answers");
            }
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("no Docker engine answers, and CI=true: container tests must run in CI"
                        + " (deploy/containers/setup-engine.sh installs and starts one)");
            }
            return ConditionEvaluationResult.disabled("no Docker engine answers (deploy/containers/setup-engine.sh starts one)");
        }
    }
}
