package org.cloudworkspace.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.cloudworkspace.it.TestServers;
import org.junit.jupiter.api.Test;

/**
 * A client that offers the cleartext HTTP/2 upgrade (as Java's HttpClient does by default) still gets complete
 * answers, including bodiless ones: the servers speak HTTP/1.1 only and ignore the offer.
 */
class Http2CleartextIT {

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void bodilessAnswerCompletesForAClientOfferingH2c() throws Exception {
    HttpRequest logout =
        HttpRequest.newBuilder(TestServers.appUrl().resolve("/api/auth/logout"))
            .timeout(Duration.ofSeconds(15))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();

    HttpResponse<String> reply = client.send(logout, HttpResponse.BodyHandlers.ofString());

    assertThat(reply.statusCode()).isEqualTo(204);
    assertThat(reply.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
  }

  @Test
  void runnerAnswersOverHttp11ToAClientOfferingH2c() throws Exception {
    HttpRequest health =
        HttpRequest.newBuilder(TestServers.runnerUrl().resolve("/health/live"))
            .timeout(Duration.ofSeconds(15))
            .GET()
            .build();

    HttpResponse<String> reply = client.send(health, HttpResponse.BodyHandlers.ofString());

    assertThat(reply.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
  }
}
