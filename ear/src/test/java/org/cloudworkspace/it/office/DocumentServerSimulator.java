package org.cloudworkspace.it.office;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.cloudworkspace.it.TestServers;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;

/**
 * A stand-in for the OnlyOffice Document Server that speaks its documented protocol: it checks the editor config's
 * HS256 token, fetches {@code document.url} with its own bearer token ({"payload":{"url":…}}), serves edited files
 * under {@code /cache/files/…} as temporary links, posts callbacks with any status (token in the configured header as
 * {"payload": body}, or in the body), and retries while the answer is not {"error":0}. It also serves an
 * {@code api.js} stand-in and an editor frame for the browser test, and a {@code /converter} service. It listens on
 * 127.0.0.1 at {@code it.onlyoffice.port}, the address the app under test was started with as ONLYOFFICE_URL.
 */
public final class DocumentServerSimulator {

  private static final Jsonb JSONB = JsonbBuilder.create();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
  private static DocumentServerSimulator shared;

  private final int port;
  private final String secret;
  private HttpServer server;
  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();
  private final Map<String, String> redirects = new ConcurrentHashMap<>();
  private final List<Map<String, Object>> browserOpenings = new CopyOnWriteArrayList<>();

  private DocumentServerSimulator(int port, String secret) {
    this.port = port;
    this.secret = secret;
  }

  /** The one simulator of this test run, started on first use, signing with the app's ONLYOFFICE_TOKEN_SECRET. */
  public static synchronized DocumentServerSimulator shared() {
    if (shared == null) {
      shared = new DocumentServerSimulator(
          Integer.getInteger("it.onlyoffice.port", 19095), TestServers.secret("ONLYOFFICE_TOKEN_SECRET"));
      shared.start();
    }
    return shared;
  }

  /** The address the app knows as ONLYOFFICE_URL. */
  public String url() {
    return "http://127.0.0.1:" + port;
  }

  public String secret() {
    return secret;
  }

  private synchronized void start() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    } catch (IOException e) {
      throw new IllegalStateException("The Document Server simulator cannot listen on " + port, e);
    }
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/cache/files/", this::serveCached);
    server.createContext("/redirect/", this::serveRedirect);
    server.createContext("/web-apps/apps/api/documents/api.js", this::serveApiJs);
    server.createContext("/web-apps/apps/documenteditor/main/index.html", this::serveEditorFrame);
    server.createContext("/simulator/opened", this::browserOpened);
    server.createContext("/converter", this::convert);
    server.start();
  }

  // ---- Tokens

  /** Signs claims with HS256 under the given secret, as the Document Server does. */
  public static String sign(Map<String, ?> claims, String key) {
    try {
      JsonWebSignature jws = new JsonWebSignature();
      jws.setPayload(JsonUtil.toJson(claims));
      jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
      jws.setHeader("typ", "JWT");
      jws.setKey(new HmacKey(key.getBytes(StandardCharsets.UTF_8)));
      jws.setDoKeyValidation(false);
      return jws.getCompactSerialization();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Verifies an editor config's token as the Document Server does (error -20 otherwise); returns its claims. */
  public Map<String, Object> verifyConfigToken(String token) {
    try {
      JwtConsumer consumer =
          new JwtConsumerBuilder()
              .setVerificationKey(new HmacKey(secret.getBytes(StandardCharsets.UTF_8)))
              .setRelaxVerificationKeyValidation()
              .setSkipDefaultAudienceValidation()
              .build();
      return consumer.processToClaims(token).getClaimsMap();
    } catch (Exception e) {
      throw new IllegalStateException("The document security token is not correctly formed (-20)", e);
    }
  }

  // ---- Opening a document

  /** What the Document Server got when it opened a document: the config claims and the bytes it fetched. */
  public record Opened(Map<String, Object> claims, String key, int status, byte[] content) {}

  /** Opens a config as the Document Server does: verifies the token, then fetches document.url with a bearer token. */
  @SuppressWarnings("unchecked")
  public Opened open(Map<String, Object> config) {
    Map<String, Object> claims = verifyConfigToken((String) config.get("token"));
    Map<String, Object> document = (Map<String, Object>) claims.get("document");
    String url = (String) document.get("url");
    HttpResponse<byte[]> response = fetchDocument(url, true);
    return new Opened(claims, (String) document.get("key"), response.statusCode(), response.body());
  }

  /** GET of document.url, with or without the Document Server's bearer token. */
  public HttpResponse<byte[]> fetchDocument(String url, boolean withToken) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
    if (withToken) {
      request.header("Authorization", "Bearer " + sign(Map.of("payload", Map.of("url", url)), secret));
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // ---- Callbacks

  /** Where the token of a callback goes. */
  public enum TokenIn {
    HEADER,
    BODY,
    NONE
  }

  /** Puts an edited file in the cache and returns its temporary link, as the Document Server does. */
  public String publish(byte[] content, String extension) {
    String id = UUID.randomUUID().toString();
    cache.put(id, content);
    return url() + "/cache/files/" + id + "/output." + extension;
  }

  /** A link on the simulator that answers with a redirect to {@code target}. */
  public String redirectTo(String target) {
    String id = UUID.randomUUID().toString();
    redirects.put(id, target);
    return url() + "/redirect/" + id;
  }

  /** A callback body with the documented fields. */
  public static Map<String, Object> body(String key, int status, String url, String fileType, List<String> users) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("key", key);
    body.put("status", status);
    if (url != null) {
      body.put("url", url);
      body.put("changesurl", url.replace("output.", "changes."));
      body.put("filetype", fileType);
      body.put("history", Map.of("serverVersion", "8.2.0", "changes", List.of()));
      body.put("lastsave", Instant.now().toString());
    }
    if (status == 6 || status == 7) {
      body.put("forcesavetype", 1);
    }
    body.put("users", users);
    List<Map<String, Object>> actions = new ArrayList<>();
    if (!users.isEmpty()) {
      actions.add(Map.of("type", status == 1 ? 1 : 0, "userid", users.get(0)));
    }
    body.put("actions", actions);
    return body;
  }

  /** One answer to one delivery of a callback. */
  public record Answer(int httpStatus, String body) {
    @SuppressWarnings("unchecked")
    public Map<String, Object> json() {
      return JSONB.fromJson(body, Map.class);
    }

    public boolean ok() {
      if (httpStatus != 200) {
        return false;
      }
      Object error = json().get("error");
      return error instanceof Number n && n.intValue() == 0;
    }
  }

  /** Posts one callback delivery signed with {@code key} (the secret, or a wrong one), token where asked. */
  public Answer post(String callbackUrl, Map<String, Object> body, TokenIn tokenIn, String key) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(callbackUrl))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .version(HttpClient.Version.HTTP_1_1);
    Map<String, Object> sent = new LinkedHashMap<>(body);
    switch (tokenIn) {
      case HEADER -> request.header("Authorization", "Bearer " + sign(Map.of("payload", body), key));
      case BODY -> sent.put("token", sign(body, key));
      case NONE -> {}
    }
    return postRaw(request, JSONB.toJson(sent));
  }

  /** Posts a raw body with a raw Authorization header (null for none), for tampering tests. */
  public Answer postRaw(String callbackUrl, String rawBody, String authorization) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(callbackUrl))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .version(HttpClient.Version.HTTP_1_1);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return postRaw(request, rawBody);
  }

  private static Answer postRaw(HttpRequest.Builder request, String body) {
    try {
      HttpResponse<String> response =
          HTTP.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      return new Answer(0, "{\"error\":-1,\"message\":\"" + e.getClass().getSimpleName() + "\"}");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Delivers a callback as the Document Server does: posts it, and while the answer is not {"error":0} waits and
   * posts the same callback again, up to {@code attempts} times; {@code beforeRetry} runs before each retry.
   */
  public List<Answer> deliver(String callbackUrl, Map<String, Object> body, TokenIn tokenIn, int attempts,
      Runnable beforeRetry) {
    List<Answer> answers = new ArrayList<>();
    for (int attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) {
        beforeRetry.run();
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      Answer answer = post(callbackUrl, body, tokenIn, secret);
      answers.add(answer);
      if (answer.ok()) {
        break;
      }
    }
    return answers;
  }

  public List<Answer> deliver(String callbackUrl, Map<String, Object> body, TokenIn tokenIn) {
    return deliver(callbackUrl, body, tokenIn, 3, () -> {});
  }

  // ---- HTTP side

  private void serveCached(HttpExchange exchange) throws IOException {
    String[] parts = exchange.getRequestURI().getPath().split("/");
    byte[] content = parts.length > 3 ? cache.get(parts[3]) : null;
    if (content == null) {
      send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
      return;
    }
    send(exchange, 200, "application/octet-stream", content);
  }

  private void serveRedirect(HttpExchange exchange) throws IOException {
    String id = exchange.getRequestURI().getPath().substring("/redirect/".length());
    String target = redirects.get(id);
    exchange.getResponseHeaders().add("Location", target == null ? "/" : target);
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  /** The conversion service: answers a link to the "converted" file (the same bytes with the new extension). */
  @SuppressWarnings("unchecked")
  private void convert(HttpExchange exchange) throws IOException {
    String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, Object> body = JSONB.fromJson(raw, Map.class);
    Map<String, Object> request;
    try {
      request = verifyConfigToken((String) body.get("token"));
    } catch (IllegalStateException e) {
      send(exchange, 200, "application/json", "{\"error\":-8}".getBytes(StandardCharsets.UTF_8));
      return;
    }
    String source = (String) request.get("url");
    String id = source.replaceAll(".*/cache/files/([^/]+)/.*", "$1");
    byte[] content = cache.get(id);
    if (content == null) {
      send(exchange, 200, "application/json", "{\"error\":-4}".getBytes(StandardCharsets.UTF_8));
      return;
    }
    byte[] converted = ("converted to " + request.get("outputtype") + ": ").getBytes(StandardCharsets.UTF_8);
    byte[] result = new byte[converted.length + content.length];
    System.arraycopy(converted, 0, result, 0, converted.length);
    System.arraycopy(content, 0, result, converted.length, content.length);
    String link = publish(result, (String) request.get("outputtype"));
    send(exchange, 200, "application/json",
        JSONB.toJson(Map.of("endConvert", true, "fileUrl", link, "percent", 100)).getBytes(StandardCharsets.UTF_8));
  }

  /** The api.js stand-in: DocsAPI.DocEditor puts an editor frame of this server in place and hands it the config. */
  private void serveApiJs(HttpExchange exchange) throws IOException {
    String js =
        "(function(){\n"
            + "var origin=" + JSONB.toJson(url()) + ";\n"
            + "window.DocsAPI={DocEditor:function(id,config){\n"
            + "  var host=document.getElementById(id);\n"
            + "  var frame=document.createElement('iframe');\n"
            + "  frame.name='frameEditor';frame.title='Document editor';\n"
            + "  frame.style.width='100%';frame.style.height='100%';frame.style.border='0';\n"
            + "  frame.src=origin+'/web-apps/apps/documenteditor/main/index.html';\n"
            + "  frame.onload=function(){frame.contentWindow.postMessage(JSON.stringify({config:config}),origin);};\n"
            + "  host.parentNode.replaceChild(frame,host);\n"
            + "  this.destroyEditor=function(){frame.remove();};\n"
            + "}};\n"
            + "})();\n";
    send(exchange, 200, "application/javascript", js.getBytes(StandardCharsets.UTF_8));
  }

  /** The editor frame: receives the config, reports it to this server, and shows what the server made of it. */
  private void serveEditorFrame(HttpExchange exchange) throws IOException {
    String html =
        "<!doctype html><html><head><meta charset='utf-8'><title>Editor</title></head><body>"
            + "<p id='status'>waiting for the config</p><script>\n"
            + "window.addEventListener('message',function(e){\n"
            + "  var config=JSON.parse(e.data).config;\n"
            + "  fetch('/simulator/opened',{method:'POST',body:JSON.stringify(config)})"
            + ".then(function(r){return r.text();})"
            + ".then(function(t){document.getElementById('status').textContent=t;});\n"
            + "});\n</script></body></html>";
    send(exchange, 200, "text/html", html.getBytes(StandardCharsets.UTF_8));
  }

  @SuppressWarnings("unchecked")
  private void browserOpened(HttpExchange exchange) throws IOException {
    String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String text;
    try {
      Map<String, Object> config = JSONB.fromJson(raw, Map.class);
      Opened opened = open(config);
      browserOpenings.add(opened.claims());
      Map<String, Object> document = (Map<String, Object>) opened.claims().get("document");
      text = opened.status() == 200
          ? "Opened " + document.get("title") + " (" + opened.content().length + " bytes, token verified)"
          : "Download failed: HTTP " + opened.status();
    } catch (RuntimeException e) {
      text = "Error: " + e.getMessage();
    }
    send(exchange, 200, "text/plain", text.getBytes(StandardCharsets.UTF_8));
  }

  /** The configs the browser's editor frame handed over, as verified claims. */
  public List<Map<String, Object>> browserOpenings() {
    return browserOpenings;
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
