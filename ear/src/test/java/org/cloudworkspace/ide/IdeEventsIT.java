package org.cloudworkspace.ide;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Status changes are pushed to the owner's browsers as server-sent events, and to nobody else. */
class IdeEventsIT {

  @Test
  void startingAndStoppingAreStreamedToTheOwnerOnly() throws Exception {
    IdeUser owner = IdeUser.fresh("ide-ev");
    IdeUser other = IdeUser.fresh("ide-ev-other");
    List<String> ownerLines = new CopyOnWriteArrayList<>();
    List<String> otherLines = new CopyOnWriteArrayList<>();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    CompletableFuture<HttpResponse<Stream<String>>> ownerStream = open(http, owner, ownerLines);
    CompletableFuture<HttpResponse<Stream<String>>> otherStream = open(http, other, otherLines);
    String id = owner.create("pushed");
    try {
      awaitLine(ownerLines, "ready");
      awaitLine(otherLines, "ready");
      owner.start(id);
      awaitLine(ownerLines, "\"status\":\"running\"");
      assertThat(String.join("\n", ownerLines)).contains("event: workspace").contains(id).contains("\"starting\"");
      owner.api.post("/api/ide/workspaces/" + id + "/stop", null);
      awaitLine(ownerLines, "\"status\":\"stopped\"");
      assertThat(String.join("\n", otherLines)).doesNotContain(id);
    } finally {
      owner.delete(id);
      ownerStream.cancel(true);
      otherStream.cancel(true);
    }
  }

  private static CompletableFuture<HttpResponse<Stream<String>>> open(
      HttpClient http, IdeUser user, List<String> lines) {
    HttpRequest request =
        user.api.request("/api/ide/events").header("Accept", "text/event-stream").GET().timeout(Duration.ofMinutes(3))
            .build();
    CompletableFuture<HttpResponse<Stream<String>>> response =
        http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
    response.thenAccept(r -> r.body().forEach(lines::add));
    return response;
  }

  private static void awaitLine(List<String> lines, String text) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      if (lines.stream().anyMatch(l -> l.contains(text))) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("No event line with " + text + " in " + lines);
  }
}
