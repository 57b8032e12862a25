package org.cloudworkspace.it;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The Docker command line, for tests that check what the runner really did on the engine. */
public final class DockerCli {

  private static final Jsonb JSONB = JsonbBuilder.create();

  private DockerCli() {}

  /** The output of a {@code docker} command; fails the test when it does not exit 0 within 60 s. */
  public static String run(String... args) {
    Result result = tryRun(args);
    if (result.exitCode() != 0) {
      throw new AssertionError("docker " + String.join(" ", args) + " failed: " + result.output());
    }
    return result.output();
  }

  /** The exit code and combined output of a {@code docker} command. */
  public static Result tryRun(String... args) {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("docker " + String.join(" ", args) + " did not finish");
      }
      return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code docker inspect NAME}, parsed. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> inspect(String name) {
    List<Map<String, Object>> all = JSONB.fromJson(run("inspect", name), List.class);
    return all.get(0);
  }

  /** Whether a container (or volume, with {@code "volume"}) of that name exists. */
  public static boolean exists(String kind, String name) {
    return tryRun(kind, "inspect", name).exitCode() == 0;
  }

  /** Exit code and output of a command. */
  public record Result(int exitCode, String output) {}
}
