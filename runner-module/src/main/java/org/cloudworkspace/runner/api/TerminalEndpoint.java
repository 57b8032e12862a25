package org.cloudworkspace.runner.api;

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
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudworkspace.runner.common.RunnerProblem;
import org.cloudworkspace.runner.terminal.TerminalClient;
import org.cloudworkspace.runner.terminal.TerminalSession;
import org.cloudworkspace.runner.terminal.Terminals;

/**
 * {@code /ws/v1/workspaces/{id}/terminals/{terminalId}}: attaches to a terminal (the upgrade request is signed like
 * every request). Binary frames from the runner are terminal output (the kept output first); text frames are events
 * ({@code {"type":"exit","code":N}}). The client sends text frames: {@code {"type":"input","data":"..."}} and
 * {@code {"type":"resize","cols":N,"rows":N}}.
 */
@ServerEndpoint("/ws/v1/workspaces/{id}/terminals/{terminalId}")
public class TerminalEndpoint {

  private static final Logger LOG = Logger.getLogger(TerminalEndpoint.class.getName());
  private static final String CLIENT = "terminal-client";
  private static final String TERMINAL = "terminal";
  // Json.createReader looks the provider up through the ServiceLoader on every call (class loading and exceptions
  // included): half of this endpoint's CPU per keystroke when measured. One factory serves every message.
  private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());

  @OnOpen
  public void open(Session session, @PathParam("id") String id, @PathParam("terminalId") String terminalId)
      throws IOException {
    Terminals terminals = CDI.current().select(Terminals.class).get();
    TerminalSession terminal;
    try {
      terminal = terminals.get(id, terminalId);
    } catch (RunnerProblem e) {
      session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(4404), "No such terminal"));
      return;
    }
    session.setMaxIdleTimeout(0);
    session.setMaxTextMessageBufferSize(1024 * 1024);
    SessionClient client = new SessionClient(session);
    session.getUserProperties().put(CLIENT, client);
    session.getUserProperties().put(TERMINAL, terminal);
    terminal.attach(client);
  }

  @OnMessage
  public void message(Session session, String text) {
    TerminalSession terminal = (TerminalSession) session.getUserProperties().get(TERMINAL);
    if (terminal == null) {
      return;
    }
    JsonObject message;
    try (JsonReader reader = JSON.createReader(new StringReader(text))) {
      message = reader.readObject();
    } catch (JsonException | ClassCastException e) {
      return;
    }
    switch (message.getString("type", "")) {
      case "input" -> terminal.input(message.getString("data", "").getBytes(StandardCharsets.UTF_8));
      case "resize" -> {
        try {
          CDI.current()
              .select(Terminals.class)
              .get()
              .resize(terminal, message.getInt("cols", 0), message.getInt("rows", 0));
        } catch (RunnerProblem | ClassCastException e) {
          LOG.log(Level.FINE, "Ignoring a bad resize", e);
        }
      }
      default -> LOG.log(Level.FINE, "Ignoring a terminal message of unknown type");
    }
  }

  @OnClose
  public void close(Session session) {
    TerminalSession terminal = (TerminalSession) session.getUserProperties().get(TERMINAL);
    Object client = session.getUserProperties().get(CLIENT);
    if (terminal != null && client instanceof SessionClient c) {
      terminal.detach(c);
    }
  }

  @OnError
  public void error(Session session, Throwable failure) {
    LOG.log(Level.FINE, "Terminal WebSocket failed", failure);
  }

  /** Forwards a terminal's output to one WebSocket session, one send at a time. */
  private static final class SessionClient implements TerminalClient {
    private final Session session;

    SessionClient(Session session) {
      this.session = session;
    }

    @Override
    public void output(byte[] bytes) {
      synchronized (this) {
        try {
          session.getBasicRemote().sendBinary(ByteBuffer.wrap(bytes));
        } catch (IOException e) {
          throw new IllegalStateException("The terminal client is gone", e);
        }
      }
    }

    @Override
    public void exited(int exitCode) {
      synchronized (this) {
        try {
          session
              .getBasicRemote()
              .sendText(Json.createObjectBuilder().add("type", "exit").add("code", exitCode).build().toString());
          session.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "The shell ended"));
        } catch (IOException e) {
          LOG.log(Level.FINE, "Could not tell a client that the shell ended", e);
        }
      }
    }
  }
}
