# One of wisim's five services as a container: wisim/<module>:<version>. The build context is the
# module's packaged application (./mvnw -B package -DskipTests: Quarkus's aot-jar layout), e.g.
#
#   docker build -f deploy/containers/service.Dockerfile --build-arg PORT=8082 -t wisim/iam:0.1.0-SNAPSHOT iam/target/quarkus-app
#
# docker-compose.yml and build-images.sh pass MODULE and PORT for each service. BASE_IMAGE chooses the
# Java 17 runtime: the public Temurin image where a registry is reachable, or the local base that
# base-image.sh makes where none is (build-images.sh passes it).
ARG BASE_IMAGE=eclipse-temurin:17.0.15_6-jre-jammy
FROM ${BASE_IMAGE}
# what build-images.sh prunes once a rebuild leaves it untagged
LABEL dev.wisim.image=service

ARG PORT
ENV LANG=C.UTF-8 \
    JVM_FLAGS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m -Xss512k -Dkeystore.pkcs12.keyPbeIterationCount=1" \
    JAVA_OPTS="" \
    QUARKUS_HTTP_HOST=0.0.0.0 \
    QUARKUS_HTTP_PORT=${PORT}

RUN groupadd --system --gid 1001 wisim && useradd --system --uid 1001 --gid wisim --home-dir /deployments wisim \
    && mkdir -p /deployments /var/lib/wisim && chown -R wisim:wisim /deployments /var/lib/wisim

WORKDIR /deployments
# the application in layers, least changing first: dependencies, Quarkus' own classes, the application
COPY --chown=wisim:wisim lib/ /deployments/lib/
COPY --chown=wisim:wisim quarkus/ /deployments/quarkus/
COPY --chown=wisim:wisim quarkus-run.jar /deployments/
COPY --chown=wisim:wisim app/ /deployments/app/

USER 1001
EXPOSE ${PORT}
HEALTHCHECK --interval=2s --timeout=2s --start-period=20s --retries=30 \
    CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/${QUARKUS_HTTP_PORT} && printf "GET /q/health/ready HTTP/1.0\r\n\r\n" >&3 && head -n1 <&3 | grep -q " 200 "'
# JVM_FLAGS are the stack's own (as ServiceProcess sets them: C1, a small serial heap, one PBKDF2
# iteration for the in-memory TLS key store); JAVA_OPTS is for settings of the deployment's own
ENTRYPOINT ["sh", "-c", "exec java $JVM_FLAGS $JAVA_OPTS -jar /deployments/quarkus-run.jar"]
