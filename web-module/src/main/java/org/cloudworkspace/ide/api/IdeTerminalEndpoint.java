package org.cloudworkspace.ide.api;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudworkspace.common.error.DomainException;
import org.cloudworkspace.ide.IdeActivity;
import org.cloudworkspace.ide.TerminalGrant;
import org.cloudworkspace.ide.WorkspaceRuntime;

/**
 * {@code /ws/ide/terminal?ticket=…}: a browser's terminal, relayed to the runner's terminal stream. The upgrade was
 * checked by {@link TerminalUpgradeFilter} (Origin, one-time ticket). Binary frames to the browser are terminal output
 * (the kept output of the shell first, so a reconnect shows what happened); text frames are events
 * ({@code {"type":"exit","code":N}}). The browser sends {@code {"type":"input","data":"…"}} and
 * {@code {"type":"resize","cols":N,"rows":N}}.
 */
@ServerEndpoint(IdeTerminalEndpoint.PATH)
public class IdeTerminalEndpoint {

  /** Where browsers connect. */
  public static final String PATH = "/ws/ide/terminal";

  private static final Logger LOG = Logger.getLogger(IdeTerminalEndpoint.class.getName());
  private static final int MAX_MESSAGE = 256 * 1024;
  private static final String CONNECTION = "runner-connection";
  private static final String WORKSPACE = "workspace";
  private static final String ACTIVITY = "activity";
  // Json.createReader looks the provider up through the ServiceLoader on every call (class loading and exceptions
  // included): a third of the endpoint's CPU per keystroke when measured. One factory serves every message.
  private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());

  @OnOpen
  public void open(Session session) throws IOException {
    List<String> tickets = session.getRequestParameterMap().get("ticket");
    Optional<TerminalGrant> grant =
        CDI.current().select(TerminalGrants.class).get().take(tickets == null || tickets.isEmpty() ? null : tickets.get(0));
    if (grant.isEmpty()) {
      session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(4401), "No valid ticket"));
      return;
    }
    session.setMaxIdleTimeout(0);
    session.setMaxTextMessageBufferSize(MAX_MESSAGE);
    IdeActivity activity = CDI.current().select(IdeActivity.class).get();
    String workspaceId = grant.get().workspaceId();
    session.getUserProperties().put(WORKSPACE, workspaceId);
    session.getUserProperties().put(ACTIVITY, activity);
    WorkspaceRuntime runtime = CDI.current().select(WorkspaceRuntime.class).get();
    try {
      WorkspaceRuntime.TerminalConnection connection =
          runtime.attach(
              workspaceId,
              grant.get().terminalId(),
              new WorkspaceRuntime.TerminalListener() {
                @Override
                public void output(ByteBuffer bytes) {
                  activity.touch(workspaceId);
                  synchronized (session) {
                    try {
                      session.getBasicRemote().sendBinary(bytes);
                    } catch (IOException | IllegalStateException e) {
                      LOG.log(Level.FINE, "The browser's terminal is gone", e);
                    }
                  }
                }

                @Override
                public void event(String json) {
                  synchronized (session) {
                    try {
                      session.getBasicRemote().sendText(json);
                    } catch (IOException | IllegalStateException e) {
                      LOG.log(Level.FINE, "The browser's terminal is gone", e);
                    }
                  }
                }

                @Override
                public void closed(int code, String reason) {
                  try {
                    if (session.isOpen()) {
                      session.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "The terminal ended"));
                    }
                  } catch (IOException e) {
                    LOG.log(Level.FINE, "Closing the browser's terminal failed", e);
                  }
                }
              });
      session.getUserProperties().put(CONNECTION, connection);
    } catch (DomainException e) {
      session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(4404), clip(e.getMessage())));
    }
  }

  @OnMessage
  public void message(Session session, String text) {
    Object connection = session.getUserProperties().get(CONNECTION);
    if (!(connection instanceof WorkspaceRuntime.TerminalConnection runner)) {
      return;
    }
    JsonObject message;
    try (JsonReader reader = JSON.createReader(new StringReader(text))) {
      message = reader.readObject();
    } catch (JsonException | ClassCastException e) {
      return;
    }
    String type = message.getString("type", "");
    if (type.equals("input") || type.equals("resize")) {
      // Looked up once per connection: a CDI lookup per keystroke is measurable on the echo path.
      IdeActivity activity = (IdeActivity) session.getUserProperties().get(ACTIVITY);
      activity.touch((String) session.getUserProperties().get(WORKSPACE));
      // Forwarded as received (it parsed as a JSON object of a known type; the runner reads only its known fields).
      runner.send(text);
    }
  }

  @OnClose
  public void close(Session session) {
    Object connection = session.getUserProperties().remove(CONNECTION);
    if (connection instanceof WorkspaceRuntime.TerminalConnection runner) {
      runner.close();
    }
  }

  @OnError
  public void error(Session session, Throwable failure) {
    LOG.log(Level.FINE, "Terminal WebSocket failed", failure);
  }

  private static String clip(String text) {
    String value = text == null ? "" : text;
    return value.length() > 100 ? value.substring(0, 100) : value;
  }
}
