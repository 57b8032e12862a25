package org.cloudworkspace.runner.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BufferedBodyRequestTest {

  private static final byte[] BODY = "{\"name\":\"Zoë\"}".getBytes(StandardCharsets.UTF_8);

  @Test
  void handsOnTheBodyBytesUnchanged() throws IOException {
    BufferedBodyRequest request = new BufferedBodyRequest(requestWithEncoding(null), BODY);

    try (ServletInputStream in = request.getInputStream()) {
      assertThat(in.isFinished()).isFalse();
      assertThat(in.readAllBytes()).isEqualTo(BODY);
      assertThat(in.isFinished()).isTrue();
    }
    assertThat(request.getContentLengthLong()).isEqualTo(BODY.length);
  }

  @Test
  void readsTheBodyAsTextInTheRequestCharset() throws IOException {
    BufferedBodyRequest request = new BufferedBodyRequest(requestWithEncoding("UTF-8"), BODY);

    assertThat(request.getReader().readLine()).isEqualTo("{\"name\":\"Zoë\"}");
  }

  /** A request that only knows its character encoding; the wrapper must not need anything else from it. */
  private static HttpServletRequest requestWithEncoding(String encoding) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            HttpServletRequest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getCharacterEncoding")) {
                return encoding;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
