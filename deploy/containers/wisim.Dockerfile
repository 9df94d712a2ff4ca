# The wisim command as a container (docker-compose.yml's one-shot that applies the scenario):
# wisim/stack:<version>. The build context is stack/target after ./mvnw -B package -DskipTests.
# BASE_IMAGE chooses the Java 17 runtime, as for the services (service.Dockerfile).
ARG BASE_IMAGE=eclipse-temurin:17.0.15_6-jre-jammy
FROM ${BASE_IMAGE}
# what build-images.sh prunes once a rebuild leaves it untagged
LABEL dev.wisim.image=cli

ENV LANG=C.UTF-8
RUN groupadd --system --gid 1001 wisim && useradd --system --uid 1001 --gid wisim --home-dir /deployments wisim \
    && mkdir -p /deployments /var/lib/wisim && chown -R wisim:wisim /deployments /var/lib/wisim
WORKDIR /deployments
COPY --chown=wisim:wisim stack-*-cli.jar /deployments/wisim.jar
USER 1001
ENTRYPOINT ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m", "-jar", "/deployments/wisim.jar"]
