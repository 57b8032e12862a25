import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bench/mail.sh's measuring part: the workspace's first page of a large folder (GET /api/mail/.../messages, cache
 * missed) versus a bare Angus Mail fetch of the same page from the same IMAP server in the same run, and the page
 * again from the workspace's cache. Prints medians; asserts nothing.
 */
public class MailBench {

  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  public static void main(String[] args) throws Exception {
    String app = args[0];
    String adminPassword = args[1];
    int imapPort = Integer.parseInt(args[2]);
    int smtpPort = Integer.parseInt(args[3]);
    int rounds = Integer.parseInt(args[4]);
    // Both sides run in freshly started JVMs: untimed rounds first, so that the figures are the steady state of a
    // long-running server (and of this client's HttpClient and Angus Mail), not the JIT compiler's warm-up.
    int warmup = args.length > 5 ? Integer.parseInt(args[5]) : 100;
    String user = "bench@example.test";
    String password = "bench-password";
    startSmtpResponder(smtpPort);

    String token = json(post(app + "/api/auth/login", null,
        "{\"username\":\"admin\",\"password\":\"" + adminPassword + "\"}"), "accessToken");
    String account = "{\"displayName\":\"Bench\",\"email\":\"" + user + "\",\"imap\":{\"host\":\"127.0.0.1\",\"port\":"
        + imapPort + ",\"security\":\"none\",\"username\":\"" + user + "\",\"password\":\"" + password + "\"},"
        + "\"smtp\":{\"host\":\"127.0.0.1\",\"port\":" + smtpPort + ",\"security\":\"none\"}}";
    HttpResponse<String> created = HTTP.send(request(app + "/api/mail/accounts", token)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(account)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (created.statusCode() != 201) {
      throw new IllegalStateException("Adding the bench account failed: " + created.statusCode() + " " + created.body());
    }
    String id = json(created.body(), "id");
    String page0 = app + "/api/mail/accounts/" + id + "/messages?folder=INBOX&page=0&size=50";
    String page1 = app + "/api/mail/accounts/" + id + "/messages?folder=INBOX&page=1&size=50";

    Properties props = new Properties();
    props.put("mail.imap.connectiontimeout", "10000");
    props.put("mail.imap.timeout", "30000");
    Session session = Session.getInstance(props);
    Store store = session.getStore("imap");
    store.connect("127.0.0.1", imapPort, user, password);
    Folder inbox = store.getFolder("INBOX");

    List<Double> appFirst = new ArrayList<>();
    List<Double> appCached = new ArrayList<>();
    List<Double> appSecondPage = new ArrayList<>();
    List<Double> appSecondPageCached = new ArrayList<>();
    List<Double> bareSame = new ArrayList<>();
    List<Double> bareEnvelope = new ArrayList<>();
    List<Double> appAccount = new ArrayList<>();
    String accountUrl = app + "/api/mail/accounts/" + id;
    int total = 0;
    for (int round = -warmup; round < rounds; round++) {
      append(store, session, round);
      double first = time(() -> get(page0, token));
      double cached = time(() -> get(page0, token));
      double second = time(() -> get(page1, token));
      double secondCached = time(() -> get(page1, token));
      double same = time(() -> bare(inbox, true));
      double envelope = time(() -> bare(inbox, false));
      double plain = time(() -> get(accountUrl, token));
      if (round >= 0) {
        appFirst.add(first);
        appCached.add(cached);
        appSecondPage.add(second);
        appSecondPageCached.add(secondCached);
        bareSame.add(same);
        bareEnvelope.add(envelope);
        appAccount.add(plain);
      }
      total = Integer.parseInt(json(get(page0, token), "total"));
    }
    store.close();
    double ratio = median(appFirst) / median(bareSame);
    System.out.printf("%nMail list benchmark: folder of %,d messages, page of 50, %d rounds after %d warm-up rounds (medians)%n",
        total, rounds, warmup);
    System.out.printf("%-72s %10s%n", "measurement", "ms");
    row("workspace GET first page (cache missed: NOOP+STATUS+FETCH on the kept folder, JSON)", median(appFirst));
    row("bare Angus Mail, same page, same items (ENVELOPE FLAGS UID BODYSTRUCTURE +2 headers)", median(bareSame));
    row("bare Angus Mail, same page, envelope only (ENVELOPE FLAGS UID)", median(bareEnvelope));
    row("workspace GET first page again (from cache)", median(appCached));
    row("workspace GET second page (cache missed)", median(appSecondPage));
    row("workspace GET second page again (from cache)", median(appSecondPageCached));
    row("workspace GET account (HTTP, token, database; no IMAP): the fixed part", median(appAccount));
    System.out.printf("%-72s %10.2f%n", "ratio workspace first page / bare Angus same items (target <= 1.5)", ratio);
    System.out.printf("%-72s %10.2f%n", "ratio workspace first page / bare Angus envelope only",
        median(appFirst) / median(bareEnvelope));
  }

  static void row(String what, double ms) {
    System.out.printf("%-72s %10.1f%n", what, ms);
  }

  /** The reference: what a client that knows nothing but Angus Mail does for the newest 50 messages. */
  static Object bare(Folder folder, boolean sameItems) {
    try {
      folder.open(Folder.READ_ONLY);
      int n = folder.getMessageCount();
      Message[] page = folder.getMessages(Math.max(1, n - 49), n);
      FetchProfile profile = new FetchProfile();
      profile.add(FetchProfile.Item.ENVELOPE);
      profile.add(FetchProfile.Item.FLAGS);
      profile.add(UIDFolder.FetchProfileItem.UID);
      if (sameItems) {
        profile.add(FetchProfile.Item.CONTENT_INFO);
        profile.add("References");
        profile.add("In-Reply-To");
      }
      folder.fetch(page, profile);
      StringBuilder sink = new StringBuilder();
      for (int i = page.length - 1; i >= 0; i--) {
        sink.append(((UIDFolder) folder).getUID(page[i])).append(page[i].getSubject()).append(page[i].getFrom()[0])
            .append(page[i].getSentDate()).append(page[i].isSet(Flags.Flag.SEEN));
      }
      folder.close(false);
      return sink;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static void append(Store store, Session session, int round) {
    try {
      MimeMessage m = new MimeMessage(session);
      m.setFrom(new InternetAddress("new@example.test"));
      m.setRecipients(Message.RecipientType.TO, "bench@example.test");
      m.setSubject("New mail in round " + round);
      m.setText("A new message, so that the page cache must revalidate and miss.");
      m.setSentDate(new java.util.Date());
      store.getFolder("INBOX").appendMessages(new Message[] {m});
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static double time(Supplier<Object> work) {
    long start = System.nanoTime();
    work.get();
    return (System.nanoTime() - start) / 1e6;
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  static HttpRequest.Builder request(String url, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
    return token == null ? b : b.header("Authorization", "Bearer " + token);
  }

  static String get(String url, String token) {
    try {
      HttpResponse<String> r = HTTP.send(request(url, token).GET().build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(url + ": " + r.statusCode() + " " + r.body());
      }
      return r.body();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String post(String url, String token, String body) throws Exception {
    HttpResponse<String> r = HTTP.send(request(url, token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + ": " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  static String json(String body, String field) {
    Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"?([^\",}]+)").matcher(body);
    if (!m.find()) {
      throw new IllegalStateException("No " + field + " in " + body);
    }
    return m.group(1);
  }

  /** Just enough SMTP for the account test (connect, EHLO, QUIT); the bench sends no mail. */
  static void startSmtpResponder(int port) throws Exception {
    ServerSocket server = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"));
    Thread thread = new Thread(() -> {
      while (true) {
        try (Socket s = server.accept()) {
          OutputStream out = s.getOutputStream();
          BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
          out.write("220 bench ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
          for (String line; (line = in.readLine()) != null; ) {
            String reply = line.toUpperCase().startsWith("QUIT") ? "221 bye\r\n"
                : line.toUpperCase().startsWith("EHLO") ? "250-bench\r\n250 8BITMIME\r\n" : "250 ok\r\n";
            out.write(reply.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (reply.startsWith("221")) {
              break;
            }
          }
        } catch (Exception e) {
          // next connection
        }
      }
    });
    thread.setDaemon(true);
    thread.start();
  }
}
