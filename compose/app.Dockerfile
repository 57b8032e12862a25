# The app server "workspace" of Cloud Workspace on the official Open Liberty image (full runtime, Java 17).
#
# It consumes the Maven build output, so build the project first, in the repository root:
#   mvn -DskipTests package
# then build with the repository root as context (docker-compose.yml does this: context "..").
# app.Dockerfile.dockerignore keeps the context to the few files copied here (BuildKit reads it).
FROM icr.io/appcafe/open-liberty:26.0.0.3-full-java17-openj9-ubi-minimal

ARG VERSION=0.1.0-SNAPSHOT
LABEL org.opencontainers.image.title="Cloud Workspace app server" \
      org.opencontainers.image.description="Cloud Workspace: the SPA, the REST API and the services (Open Liberty)" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.base.name="icr.io/appcafe/open-liberty:26.0.0.3-full-java17-openj9-ubi-minimal"

# The server as `mvn package` assembled it (liberty-config/workspace), without its server.env: that file holds the
# build machine's keystore password; the image generates its own keystore configuration when the container starts.
COPY --chown=1001:0 ear/target/liberty/wlp/usr/servers/workspace/server.xml /config/server.xml
COPY --chown=1001:0 ear/target/liberty/wlp/usr/servers/workspace/jvm.options /config/jvm.options
COPY --chown=1001:0 ear/target/liberty/wlp/usr/servers/workspace/apps/cloud-workspace.ear /config/apps/cloud-workspace.ear
# JDBC drivers: server.xml loads jdbc/${WORKSPACE_DB_KIND} (h2 or postgresql) from the server's config folder.
COPY --chown=1001:0 ear/target/liberty/wlp/usr/servers/workspace/jdbc/ /config/jdbc/

# The data folder. Created here, owned by the server's user, so that a named volume mounted on it starts with that
# owner; the base image runs as user 1001 (group 0) and nothing below needs root.
USER root
RUN mkdir -p /data && chown 1001:0 /data && chmod 0770 /data
USER 1001

ENV WORKSPACE_DATA_DIR=/data \
    WORKSPACE_HTTP_PORT=9080

# configure.sh applies the image's interim fixes. TLS=false: no keystore password is baked into the image (TLS ends
# at the reverse proxy; the container start generates its own). OPENJ9_SCC=false: populating the class cache would
# start the server during the build, where production mode refuses to start without its secrets.
RUN TLS=false OPENJ9_SCC=false configure.sh

EXPOSE 9080

HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
  CMD curl -fsS -o /dev/null --max-time 4 http://127.0.0.1:9080/health/ready || exit 1
