package org.cloudworkspace.runner.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudworkspace.runner.common.RunnerProblem;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one Docker engine client of the runner (docker-java over Apache httpclient5). The engine address comes from
 * {@code RUNNER_DOCKER_HOST} (default {@value #DEFAULT_HOST}); the runner never pulls images.
 */
@ApplicationScoped
public class DockerEngine {

  /** Where the engine listens when {@code RUNNER_DOCKER_HOST} is not set. */
  public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

  private static final Logger LOG = Logger.getLogger(DockerEngine.class.getName());

  @Inject
  @ConfigProperty(name = "RUNNER_DOCKER_HOST", defaultValue = DEFAULT_HOST)
  String dockerHost;

  private DockerHttpClient http;
  private DockerClient client;
  private boolean tls;

  @PostConstruct
  void connect() {
    DockerClientConfig config =
        DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(dockerHost).build();
    tls = config.getSSLConfig() != null;
    http =
        new ApacheDockerHttpClient.Builder()
            .dockerHost(config.getDockerHost())
            .sslConfig(config.getSSLConfig())
            .maxConnections(200)
            .connectionTimeout(Duration.ofSeconds(3))
            .build();
    client = DockerClientImpl.getInstance(config, http);
  }

  @PreDestroy
  void close() {
    try {
      client.close();
    } catch (IOException e) {
      LOG.log(Level.FINE, "Closing the Docker client failed", e);
    }
  }

  /** The engine address as configured. */
  public String host() {
    return dockerHost;
  }

  /**
   * Runs an engine call; an engine that cannot be reached becomes a 503 {@link RunnerProblem} naming the address,
   * engine errors other than the ones the caller handles become a 502 with the engine's short message.
   */
  public <T> T call(Function<DockerClient, T> action) {
    try {
      return action.apply(client);
    } catch (RunnerProblem | com.github.dockerjava.api.exception.NotFoundException
        | com.github.dockerjava.api.exception.ConflictException
        | com.github.dockerjava.api.exception.NotModifiedException e) {
      throw e;
    } catch (DockerException e) {
      LOG.log(Level.WARNING, "The Docker engine refused a request: {0}", e.getMessage());
      throw new RunnerProblem(502, "Docker Engine Error", "The Docker engine refused the request: " + shortMessage(e));
    } catch (RuntimeException e) {
      if (isUnreachable(e)) {
        LOG.log(Level.WARNING, "The Docker engine at {0} cannot be reached: {1}", new Object[] {dockerHost, e});
        throw RunnerProblem.engineUnavailable("The Docker engine at " + dockerHost + " cannot be reached.");
      }
      throw e;
    }
  }

  /** Whether the engine is reached over TLS (DOCKER_TLS_VERIFY and DOCKER_CERT_PATH). */
  public boolean usesTls() {
    return tls;
  }

  /** Whether the engine answers a ping. */
  public boolean reachable() {
    try {
      client.pingCmd().exec();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * The engine's version as it reports it, or why it cannot be asked: for the app's system status page. Never throws.
   */
  public EngineStatus status() {
    try {
      com.github.dockerjava.api.model.Version version = client.versionCmd().exec();
      return EngineStatus.reachable(dockerHost, version.getVersion(), version.getApiVersion());
    } catch (DockerException e) {
      return EngineStatus.unreachable(dockerHost, "The Docker engine refused the version request: " + shortMessage(e));
    } catch (RuntimeException e) {
      return EngineStatus.unreachable(
          dockerHost,
          isUnreachable(e)
              ? "The Docker engine at " + dockerHost + " cannot be reached"
              : "The Docker engine at " + dockerHost + " did not answer as expected: " + e.getClass().getSimpleName());
    }
  }

  /** A raw GET against the engine API (for parameters docker-java does not model); the body as a stream. */
  public byte[] rawGet(String path) {
    DockerHttpClient.Request request =
        DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.GET).path(path).build();
    return call(
        c -> {
          try (DockerHttpClient.Response response = http.execute(request);
              InputStream body = response.getBody()) {
            byte[] bytes = body.readAllBytes();
            if (response.getStatusCode() == 404) {
              throw new com.github.dockerjava.api.exception.NotFoundException("not found");
            }
            if (response.getStatusCode() >= 300) {
              throw new RunnerProblem(502, "Docker Engine Error", "The Docker engine answered " + response.getStatusCode());
            }
            return bytes;
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  private static boolean isUnreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  private static String shortMessage(DockerException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    int brace = message.indexOf("{\"message\":\"");
    if (brace >= 0) {
      String rest = message.substring(brace + 12);
      int end = rest.indexOf('"');
      return end > 0 ? rest.substring(0, end) : rest;
    }
    return "HTTP " + e.getHttpStatus();
  }
}
