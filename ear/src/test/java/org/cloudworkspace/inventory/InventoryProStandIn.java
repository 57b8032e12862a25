package org.cloudworkspace.inventory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.cloudworkspace.it.TestServers;

/**
 * A stand-in for InventoryPro that speaks the wire protocol of docs/integrations/inventorypro.md: it redeems tickets
 * with a real signed request to the app, serves the item API and verifies the app's signature on every API request,
 * and shows a tiny login page naming the redeemed user. It listens on 127.0.0.1 at {@code it.inventorypro.port} (the
 * address the app under test was started with) and can be stopped, slowed down or made to fail.
 */
public final class InventoryProStandIn {

  /** How the item API behaves. */
  public enum Mode {
    HEALTHY,
    SLOW,
    FAILING
  }

  public static final String REDEEM_PATH = "/api/integrations/inventorypro/tickets/validate";
  private static final HexFormat HEX = HexFormat.of();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static InventoryProStandIn shared;
  private static InventoryProStandIn second;

  private final int port;
  private final String secret;
  private HttpServer server;
  private ExecutorService executor;
  private volatile Mode mode = Mode.HEALTHY;
  private final AtomicInteger apiRequests = new AtomicInteger();
  private final AtomicInteger signatureFailures = new AtomicInteger();
  private final AtomicReference<String> lastAttachment = new AtomicReference<>();
  private final AtomicReference<String> lastAttachmentTransfer = new AtomicReference<>();

  private InventoryProStandIn(int port, String secret) {
    this.port = port;
    this.secret = secret;
  }

  /** The one stand-in of this test run, started on first use. */
  public static synchronized InventoryProStandIn shared() {
    if (shared == null) {
      shared = new InventoryProStandIn(Integer.getInteger("it.inventorypro.port", 19090),
          TestServers.secret("INVENTORY_PRO_SHARED_SECRET"));
    }
    shared.start();
    shared.mode(Mode.HEALTHY);
    return shared;
  }

  /**
   * A second InventoryPro at another address ({@code it.inventorypro.port2}), for tests that point the setting
   * {@code inventory.url} elsewhere at run time. Started on first use.
   */
  public static synchronized InventoryProStandIn second() {
    if (second == null) {
      second = new InventoryProStandIn(Integer.getInteger("it.inventorypro.port2", 19091),
          TestServers.secret("INVENTORY_PRO_SHARED_SECRET"));
    }
    second.start();
    second.mode(Mode.HEALTHY);
    return second;
  }

  /** The address the app knows as INVENTORY_PRO_URL. */
  public String url() {
    return "http://127.0.0.1:" + port;
  }

  public synchronized void start() {
    if (server != null) {
      return;
    }
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
    } catch (IOException e) {
      throw new IllegalStateException("The InventoryPro stand-in cannot listen on port " + port, e);
    }
    executor = Executors.newCachedThreadPool();
    server.setExecutor(executor);
    server.createContext("/api/", this::api);
    server.createContext("/sso/login", this::login);
    server.start();
  }

  /** Stops listening: connections are refused, as when InventoryPro is down. */
  public synchronized void stop() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
      server = null;
    }
  }

  public void mode(Mode mode) {
    this.mode = mode;
  }

  public int apiRequests() {
    return apiRequests.get();
  }

  public int signatureFailures() {
    return signatureFailures.get();
  }

  /**
   * How the last attachment's body arrived: "chunked" (streamed, length unknown to the sender) or "length=N", plus
   * "|sha256-header-matches" when the declared X-InventoryPro-Content-SHA256 equals the hash of the bytes received.
   */
  public String lastAttachmentTransfer() {
    return lastAttachmentTransfer.get();
  }

  /** "filename|contentType|size|sha256" of the last attachment received. */
  public String lastAttachment() {
    return lastAttachment.get();
  }

  // ---- Redemption, as InventoryPro's server does it

  /** The app's answer to a redemption of this ticket, signed correctly. */
  public HttpResponse<String> redeem(String ticket, String service) {
    return redeemSigned(redemptionBody(ticket, service), System.currentTimeMillis() / 1000, null);
  }

  public static String redemptionBody(String ticket, String service) {
    return "{\"ticket\":\"" + ticket + "\",\"service\":\"" + service + "\"}";
  }

  /** Sends a redemption; with {@code signatureOverride} the given signature instead of the right one. */
  public HttpResponse<String> redeemSigned(String body, long timestamp, String signatureOverride) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String signature =
        signatureOverride != null ? signatureOverride : sign("POST", REDEEM_PATH, timestamp, sha256(bytes));
    HttpRequest request =
        HttpRequest.newBuilder(TestServers.appUrl().resolve(REDEEM_PATH))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("X-InventoryPro-Timestamp", Long.toString(timestamp))
            .header("X-InventoryPro-Signature", signature)
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
            .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void login(HttpExchange exchange) throws IOException {
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    String ticket = query.getOrDefault("ticket", "");
    HttpResponse<String> answer = redeem(ticket, url());
    String html =
        answer.statusCode() == 200
            ? "<!doctype html><title>InventoryPro</title><h1>InventoryPro</h1><p id=\"user\">Signed in as "
                + field(answer.body(), "username") + "</p>"
            : "<!doctype html><title>InventoryPro</title><h1>InventoryPro</h1><p id=\"error\">Sign-in refused: "
                + answer.statusCode() + "</p>";
    send(exchange, answer.statusCode() == 200 ? 200 : 403, "text/html; charset=utf-8", html);
  }

  // ---- The item API

  private void api(HttpExchange exchange) throws IOException {
    try (exchange) {
      apiRequests.incrementAndGet();
      byte[] body = readAll(exchange.getRequestBody());
      if (!signedCorrectly(exchange, body)) {
        signatureFailures.incrementAndGet();
        send(exchange, 401, "application/problem+json", "{\"title\":\"Signature refused\",\"status\":401}");
        return;
      }
      switch (mode) {
        case SLOW -> sleep(5000);
        case FAILING -> {
          send(exchange, 500, "application/problem+json", "{\"title\":\"Internal error\",\"status\":500}");
          return;
        }
        case HEALTHY -> {}
      }
      String path = exchange.getRequestURI().getRawPath();
      List<String> segments = List.of(path.substring("/api/".length()).split("/"));
      String method = exchange.getRequestMethod();
      if (method.equals("GET") && segments.equals(List.of("items"))) {
        String q = query(exchange.getRequestURI().getRawQuery()).getOrDefault("q", "");
        String items = q.isEmpty() || "drill".contains(q.toLowerCase()) ? item("IT-1", "Cordless drill", false) : "";
        send(exchange, 200, "application/json",
            "{\"items\":[" + items + "],\"total\":" + (items.isEmpty() ? 0 : 1) + "}");
      } else if (method.equals("GET") && segments.size() == 2 && segments.get(0).equals("items")) {
        if (segments.get(1).equals("IT-1")) {
          send(exchange, 200, "application/json", item("IT-1", "Cordless drill", true));
        } else {
          send(exchange, 404, "application/problem+json", "{\"title\":\"Not found\",\"status\":404}");
        }
      } else if (method.equals("POST") && segments.size() == 3 && segments.get(2).equals("attachments")) {
        String filename =
            URLDecoder.decode(exchange.getRequestHeaders().getFirst("X-InventoryPro-Filename"), StandardCharsets.UTF_8);
        String type = exchange.getRequestHeaders().getFirst("X-InventoryPro-Content-Type");
        lastAttachment.set(filename + "|" + type + "|" + body.length + "|" + sha256(body));
        String encoding = exchange.getRequestHeaders().getFirst("Transfer-Encoding");
        String declared = exchange.getRequestHeaders().getFirst("X-InventoryPro-Content-SHA256");
        lastAttachmentTransfer.set(
            ("chunked".equalsIgnoreCase(encoding)
                    ? "chunked"
                    : "length=" + exchange.getRequestHeaders().getFirst("Content-Length"))
                + (sha256(body).equals(declared) ? "|sha256-header-matches" : "|sha256-header-differs"));
        send(exchange, 201, "application/json",
            "{\"id\":\"AT-1\",\"filename\":\"" + filename + "\",\"contentType\":\"" + type + "\",\"size\":"
                + body.length + "}");
      } else {
        send(exchange, 404, "application/problem+json", "{\"title\":\"Not found\",\"status\":404}");
      }
    }
  }

  private static String item(String id, String name, boolean withAttachments) {
    return "{\"id\":\"" + id + "\",\"sku\":\"SKU-" + id + "\",\"name\":\"" + name + "\",\"description\":\"18 V\","
        + "\"quantity\":7,\"location\":\"Shelf B2\",\"updatedAt\":\"2026-11-20T10:00:00Z\""
        + (withAttachments ? ",\"attachments\":[{\"id\":\"AT-0\",\"filename\":\"manual.pdf\"," 
            + "\"contentType\":\"application/pdf\",\"size\":1234}]" : "")
        + "}";
  }

  /** Checks the app's signature as InventoryPro would: ±60 s, the body hash of the bytes received. */
  private boolean signedCorrectly(HttpExchange exchange, byte[] body) {
    String timestamp = exchange.getRequestHeaders().getFirst("X-InventoryPro-Timestamp");
    String signature = exchange.getRequestHeaders().getFirst("X-InventoryPro-Signature");
    if (timestamp == null || signature == null || !timestamp.matches("[0-9]{1,12}")) {
      return false;
    }
    long ts = Long.parseLong(timestamp);
    if (Math.abs(System.currentTimeMillis() / 1000 - ts) > 60) {
      return false;
    }
    String bodyHash = sha256(body);
    String declared = exchange.getRequestHeaders().getFirst("X-InventoryPro-Content-SHA256");
    if (declared != null && !declared.equals(bodyHash)) {
      return false;
    }
    URI uri = exchange.getRequestURI();
    String target = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
    String expected = sign(exchange.getRequestMethod(), target, ts, bodyHash);
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII));
  }

  public String sign(String method, String pathAndQuery, long timestamp, String bodyHash) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      String canonical = method + "\n" + pathAndQuery + "\n" + timestamp + "\n" + bodyHash;
      return HEX.formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String sha256(byte[] bytes) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A string member of a flat JSON object (enough for the stand-in's page). */
  static String field(String json, String name) {
    int at = json.indexOf("\"" + name + "\":\"");
    if (at < 0) {
      return "";
    }
    int start = at + name.length() + 4;
    return json.substring(start, json.indexOf('"', start));
  }

  public static Map<String, String> query(String raw) {
    Map<String, String> values = new LinkedHashMap<>();
    if (raw == null) {
      return values;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return values;
  }

  private static byte[] readAll(InputStream in) throws IOException {
    return in.readAllBytes();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    } catch (IOException e) {
      // the app gave up waiting (timeout): nothing to do
    }
  }
}
