package org.cloudworkspace.ide.runner;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Type;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudworkspace.ide.RunnerUnavailableException;
import org.cloudworkspace.ide.WorkspaceRuntime;
import org.cloudworkspace.ide.WorkspaceRuntimeException;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.container.jdk.client.JdkClientContainer;

/**
 * The {@link WorkspaceRuntime} that speaks the runner's HTTP API and, for terminals, its WebSocket (Tyrus client), every
 * request and upgrade signed by {@link RunnerClient} (docs/runner-protocol.md).
 */
@ApplicationScoped
public class RunnerWorkspaceRuntime implements WorkspaceRuntime {

  private static final Logger LOG = Logger.getLogger(RunnerWorkspaceRuntime.class.getName());
  private static final Duration SHORT = Duration.ofSeconds(10);
  private static final Duration FILES = Duration.ofSeconds(40);
  private static final Duration START = Duration.ofSeconds(90);
  private static final String BASE = "/api/v1/workspaces";
  private static final byte[] NO_BODY = new byte[0];

  @Inject RunnerClient client;

  private final Jsonb jsonb = JsonbBuilder.create();
  private volatile ClientManager webSockets;

  @PreDestroy
  void close() {
    try {
      jsonb.close();
    } catch (Exception e) {
      LOG.log(Level.FINE, "Closing JSON-B failed", e);
    }
    if (webSockets != null) {
      webSockets.shutdown();
    }
  }

  @Override
  public RuntimeState start(RuntimeSpec spec) {
    Map<String, Object> body =
        Map.of(
            "owner", spec.owner(),
            "template", spec.template(),
            "image", spec.image(),
            "memoryMb", spec.memoryMb(),
            "cpus", spec.cpus());
    return toState(json("POST", BASE + "/" + spec.workspaceId() + "/start", jsonb.toJson(body), START));
  }

  @Override
  public RuntimeState stop(String workspaceId) {
    return toState(json("POST", BASE + "/" + workspaceId + "/stop", null, Duration.ofSeconds(30)));
  }

  @Override
  public void remove(String workspaceId) {
    call("DELETE", BASE + "/" + workspaceId, NO_BODY, Map.of(), Duration.ofSeconds(30));
  }

  @Override
  public RuntimeState state(String workspaceId) {
    return toState(json("GET", BASE + "/" + workspaceId, null, SHORT));
  }

  @Override
  public List<RuntimeState> list() {
    List<RuntimeState> states = new ArrayList<>();
    for (Object item : parse(json("GET", BASE, null, SHORT), List.class)) {
      states.add(toState(jsonb.toJson(item)));
    }
    return states;
  }

  @Override
  public RuntimeResources resources(String workspaceId) {
    return parse(json("GET", BASE + "/" + workspaceId + "/resources", null, SHORT), RuntimeResources.class);
  }

  @Override
  public List<WorkspaceFileEntry> listFolder(String workspaceId, String path) {
    String answer = json("GET", BASE + "/" + workspaceId + "/files?path=" + encode(path), null, FILES);
    Type type = new ArrayList<WorkspaceFileEntry>() {}.getClass().getGenericSuperclass();
    List<WorkspaceFileEntry> entries = jsonb.fromJson(answer, type);
    return entries;
  }

  @Override
  public WorkspaceFile read(String workspaceId, String path) {
    HttpResponse<byte[]> response =
        call("GET", BASE + "/" + workspaceId + "/files/content?path=" + encode(path), NO_BODY, Map.of(), FILES);
    return new WorkspaceFile(response.body(), response.headers().firstValue("X-Content-Sha256").orElse(""));
  }

  @Override
  public String write(String workspaceId, String path, byte[] content, String expectedSha256) {
    Map<String, String> headers =
        expectedSha256 == null
            ? Map.of("Content-Type", "application/octet-stream")
            : Map.of("Content-Type", "application/octet-stream", "X-Expected-Sha256", expectedSha256);
    HttpResponse<byte[]> response =
        call("PUT", BASE + "/" + workspaceId + "/files/content?path=" + encode(path), content, headers, FILES);
    return response.headers().firstValue("X-Content-Sha256").orElse("");
  }

  @Override
  public void mkdir(String workspaceId, String path) {
    json("POST", BASE + "/" + workspaceId + "/files/folders", jsonb.toJson(Map.of("path", path)), FILES);
  }

  @Override
  public void move(String workspaceId, String from, String to) {
    json("POST", BASE + "/" + workspaceId + "/files/move", jsonb.toJson(Map.of("from", from, "to", to)), FILES);
  }

  @Override
  public void delete(String workspaceId, String path) {
    call("DELETE", BASE + "/" + workspaceId + "/files?path=" + encode(path), NO_BODY, Map.of(), FILES);
  }

  @Override
  public byte[] archive(String workspaceId, String path) {
    return call("GET", BASE + "/" + workspaceId + "/files/archive?path=" + encode(path), NO_BODY, Map.of(), FILES)
        .body();
  }

  @Override
  public List<TerminalView> terminals(String workspaceId) {
    String answer = json("GET", BASE + "/" + workspaceId + "/terminals", null, SHORT);
    Type type = new ArrayList<TerminalView>() {}.getClass().getGenericSuperclass();
    return jsonb.fromJson(answer, type);
  }

  @Override
  public TerminalView openTerminal(String workspaceId, int cols, int rows) {
    String answer =
        json("POST", BASE + "/" + workspaceId + "/terminals", jsonb.toJson(Map.of("cols", cols, "rows", rows)), SHORT);
    return parse(answer, TerminalView.class);
  }

  @Override
  public void closeTerminal(String workspaceId, String terminalId) {
    call("DELETE", BASE + "/" + workspaceId + "/terminals/" + encode(terminalId), NO_BODY, Map.of(), SHORT);
  }

  @Override
  public TerminalConnection attach(String workspaceId, String terminalId, TerminalListener listener) {
    RunnerClient.SignedUpgrade upgrade =
        client
            .signUpgrade("/ws/v1/workspaces/" + workspaceId + "/terminals/" + encode(terminalId))
            .orElseThrow(() -> new RunnerUnavailableException("The runner is not configured"));
    ClientEndpointConfig config =
        ClientEndpointConfig.Builder.create()
            .configurator(
                new ClientEndpointConfig.Configurator() {
                  @Override
                  public void beforeRequest(Map<String, List<String>> headers) {
                    String[] pairs = upgrade.headers();
                    for (int i = 0; i + 1 < pairs.length; i += 2) {
                      headers.put(pairs[i], List.of(pairs[i + 1]));
                    }
                  }
                })
            .build();
    Endpoint endpoint =
        new Endpoint() {
          @Override
          public void onOpen(Session session, EndpointConfig endpointConfig) {
            session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) listener::output);
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) listener::event);
          }

          @Override
          public void onClose(Session session, CloseReason reason) {
            listener.closed(reason.getCloseCode().getCode(), reason.getReasonPhrase());
          }

          @Override
          public void onError(Session session, Throwable failure) {
            LOG.log(Level.FINE, "Terminal stream from the runner failed", failure);
          }
        };
    try {
      Session session = webSockets().connectToServer(endpoint, config, upgrade.uri());
      session.setMaxIdleTimeout(0);
      return new TerminalConnection() {
        @Override
        public void send(String json) {
          synchronized (session) {
            try {
              session.getBasicRemote().sendText(json);
            } catch (IOException | IllegalStateException e) {
              LOG.log(Level.FINE, "Sending to the runner's terminal failed", e);
            }
          }
        }

        @Override
        public void close() {
          try {
            session.close();
          } catch (IOException e) {
            LOG.log(Level.FINE, "Closing the runner's terminal stream failed", e);
          }
        }
      };
    } catch (DeploymentException e) {
      // The upgrade was refused: no such terminal (or a signature problem, logged by the runner).
      throw new WorkspaceRuntimeException(404, "Terminal not found", "That terminal does not exist any more.");
    } catch (IOException e) {
      throw new RunnerUnavailableException("Cannot open the terminal stream: " + e.getMessage());
    }
  }

  private ClientManager webSockets() {
    ClientManager manager = webSockets;
    if (manager == null) {
      synchronized (this) {
        if (webSockets == null) {
          ClientManager created = ClientManager.createClient(JdkClientContainer.class.getName());
          created.getProperties().put(ClientProperties.HANDSHAKE_TIMEOUT, 10_000);
          webSockets = created;
        }
        manager = webSockets;
      }
    }
    return manager;
  }

  private String json(String method, String path, String body, Duration timeout) {
    byte[] bytes = body == null ? NO_BODY : body.getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = body == null ? Map.of() : Map.of("Content-Type", "application/json");
    return new String(call(method, path, bytes, headers, timeout).body(), StandardCharsets.UTF_8);
  }

  private HttpResponse<byte[]> call(
      String method, String path, byte[] body, Map<String, String> headers, Duration timeout) {
    HttpResponse<byte[]> response = client.exchange(method, path, body, headers, timeout);
    int status = response.statusCode();
    if (status < 300) {
      return response;
    }
    if (status == 401) {
      throw new RunnerUnavailableException(
          "The runner refused the request signature (HTTP 401): check RUNNER_SHARED_SECRET and the clocks");
    }
    String title = "Runner error";
    String detail = "The runner answered HTTP " + status + ".";
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(response.body()))) {
      JsonObject problem = reader.readObject();
      title = problem.getString("title", title);
      detail = problem.getString("detail", detail);
    } catch (JsonException | ClassCastException e) {
      // Not a problem body: keep the generic words.
    }
    if (status == 503 && !"Docker Engine Unavailable".equals(title)) {
      throw new RunnerUnavailableException("HTTP 503: " + detail);
    }
    if (status == 503) {
      throw new WorkspaceRuntimeException(503, "Docker engine unavailable",
          "The runner cannot reach its Docker engine, so workspaces cannot run right now.");
    }
    throw new WorkspaceRuntimeException(status, title, detail);
  }

  private RuntimeState toState(String json) {
    try {
      JsonObject o;
      try (JsonReader reader = Json.createReader(new java.io.StringReader(json))) {
        o = reader.readObject();
      }
      return new RuntimeState(
          o.getString("workspaceId", null),
          o.getString("owner", null),
          o.getString("state", "missing"),
          o.containsKey("exitCode") && !o.isNull("exitCode") ? o.getJsonNumber("exitCode").longValue() : null,
          o.getBoolean("oomKilled", false),
          o.getString("error", null));
    } catch (JsonException | ClassCastException e) {
      throw new RunnerUnavailableException("The runner's answer is not a workspace state");
    }
  }

  private <T> T parse(String json, Class<T> type) {
    try {
      return jsonb.fromJson(json, type);
    } catch (JsonbException e) {
      throw new RunnerUnavailableException("The runner's answer could not be read: " + e.getMessage());
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
