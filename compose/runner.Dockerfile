# The runner server of Cloud Workspace on the official Open Liberty image (full runtime, Java 17). It starts IDE
# containers through the Docker socket and is reached only by the app, on the internal network.
#
# It consumes the Maven build output, so build the project first, in the repository root:
#   mvn -DskipTests package
# then build with the repository root as context (docker-compose.yml does this: context "..").
# runner.Dockerfile.dockerignore keeps the context to the few files copied here (BuildKit reads it).
#
# Docker socket access: the server runs as user 1001 (group 0). The socket belongs to root and the host's docker
# group, whose id differs between hosts, so it is not baked in here: docker-compose.yml adds the group at run time
# (group_add: ${DOCKER_GID}, from `stat -c %g /var/run/docker.sock`).
FROM icr.io/appcafe/open-liberty:26.0.0.3-full-java17-openj9-ubi-minimal

ARG VERSION=0.1.0-SNAPSHOT
LABEL org.opencontainers.image.title="Cloud Workspace runner" \
      org.opencontainers.image.description="Cloud Workspace runner: IDE containers behind signed requests (Open Liberty)" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.base.name="icr.io/appcafe/open-liberty:26.0.0.3-full-java17-openj9-ubi-minimal"

# The server as `mvn package` assembled it (liberty-config/runner).
COPY --chown=1001:0 runner-module/target/liberty/wlp/usr/servers/runner/server.xml /config/server.xml
COPY --chown=1001:0 runner-module/target/liberty/wlp/usr/servers/runner/jvm.options /config/jvm.options
COPY --chown=1001:0 runner-module/target/liberty/wlp/usr/servers/runner/apps/runner.war /config/apps/runner.war

# Inside a container the runner must listen on the container's network (the internal one), not on loopback.
ENV RUNNER_HOST=0.0.0.0 \
    RUNNER_HTTP_PORT=9081

# configure.sh applies the image's interim fixes. TLS=false: the runner has no TLS port and no keystore password is
# baked into the image. OPENJ9_SCC=false: no server start during the build.
RUN TLS=false OPENJ9_SCC=false configure.sh

EXPOSE 9081

HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
  CMD curl -fsS -o /dev/null --max-time 4 http://127.0.0.1:9081/health/ready || exit 1
