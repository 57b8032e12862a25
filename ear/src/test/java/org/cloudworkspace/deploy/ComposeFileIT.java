package org.cloudworkspace.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cloudworkspace.it.TestServers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Compose deployment in {@code compose/} as Docker Compose itself reads it ({@code docker-compose config}): the
 * runner and the database unreachable from outside, the app in production mode, every secret required, the Docker
 * socket only in the runner, and the example settings and Dockerfiles in step with it.
 */
class ComposeFileIT {

  /** The app's secrets; production mode refuses to start without them. */
  private static final List<String> SECRETS =
      List.of(
          "JWT_SECRET_KEY",
          "ONLYOFFICE_TOKEN_SECRET",
          "MAIL_CREDENTIALS_KEY",
          "INVENTORY_PRO_SHARED_SECRET",
          "APP_ENCRYPTION_KEY",
          "RUNNER_SHARED_SECRET");

  /** Every value Compose must refuse to start without: the secrets, the database password, the socket's group. */
  private static final List<String> REQUIRED =
      Stream.concat(SECRETS.stream(), Stream.of("POSTGRES_PASSWORD", "DOCKER_GID")).toList();

  private static final String DOCKER_GID = "998";

  private static Path composeDir;
  private static List<String> compose;
  private static Map<String, String> values;
  private static Map<String, Object> config;

  @BeforeAll
  static void readTheConfigurationAsComposeDoes() throws Exception {
    composeDir = TestServers.repoDir().resolve("compose");
    compose = composeCommand().orElse(null);
    assumeTrue(
        compose != null,
        "No Docker Compose on this machine (neither docker-compose nor the docker compose plugin): the Compose file"
            + " is not checked. .ci/run installs Debian's docker-compose.");
    values = requiredValues();
    Run run = config(values);
    assertThat(run.exitCode()).as("docker-compose config failed:%n%s", run.output()).isZero();
    config = MiniYaml.parseMap(run.stdout());
  }

  @Test
  void runnerAndDatabaseAreOnlyOnTheInternalNetworkAndNeverPublished() {
    for (String name : List.of("runner", "postgres")) {
      Map<String, Object> service = service(name);
      assertThat(list(service.get("ports"))).as("ports of %s", name).isEmpty();
      assertThat(networkNames(service.get("networks"))).as("networks of %s", name).containsExactly("internal");
    }
  }

  @Test
  void internalNetworkHasNoWayOutAndFrontendIsOrdinary() {
    Map<String, Object> networks = map(config.get("networks"));
    assertThat(map(networks.get("internal")).get("internal")).as("internal network's 'internal'").isEqualTo("true");
    assertThat(map(networks.get("frontend")).get("internal")).as("frontend network's 'internal'").isNotEqualTo("true");
  }

  @Test
  void appRunsInProductionModeOnPostgresqlAndIsPublishedOnTheFrontend() {
    Map<String, Object> app = service("app");
    Map<String, String> env = environment(app);
    assertThat(env)
        .containsEntry("WORKSPACE_MODE", "production")
        .containsEntry("WORKSPACE_DB_KIND", "postgresql")
        .containsEntry("WORKSPACE_DATA_DIR", "/data")
        .containsEntry("RUNNER_URL", "http://runner:9081");
    assertThat(env.get("WORKSPACE_DB_URL")).startsWith("jdbc:postgresql://postgres:5432/");
    assertThat(networkNames(app.get("networks"))).containsExactlyInAnyOrder("frontend", "internal");
    assertThat(list(app.get("ports")).stream().map(ComposeFileIT::portText)).as("app ports").contains("9080:9080");
    assertThat(list(app.get("volumes"))).anySatisfy(volume -> assertThat(mountText(volume)).contains("/data"));
    assertThat(map(app.get("healthcheck")).get("test").toString()).contains("/health/ready");
    assertThat(dependsOn(app)).contains("postgres", "runner");
  }

  @Test
  void everySecretReachesTheServicesThatShareIt() {
    Map<String, String> app = environment(service("app"));
    for (String secret : SECRETS) {
      assertThat(app).as("app environment").containsEntry(secret, values.get(secret));
    }
    assertThat(environment(service("runner")))
        .containsEntry("RUNNER_SHARED_SECRET", values.get("RUNNER_SHARED_SECRET"))
        .containsEntry("RUNNER_HOST", "0.0.0.0");
    assertThat(app).containsEntry("WORKSPACE_DB_PASSWORD", values.get("POSTGRES_PASSWORD"));
    assertThat(environment(service("postgres"))).containsEntry("POSTGRES_PASSWORD", values.get("POSTGRES_PASSWORD"));
    Map<String, Object> onlyoffice = service("onlyoffice");
    assertThat(environment(onlyoffice))
        .containsEntry("JWT_ENABLED", "true")
        .containsEntry("JWT_SECRET", values.get("ONLYOFFICE_TOKEN_SECRET"));
    assertThat(list(onlyoffice.get("profiles"))).as("onlyoffice profiles").containsExactly("office");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requiredNames")
  void composeRefusesToRunWithoutARequiredValueAndNamesIt(String missing) throws Exception {
    Map<String, String> withoutOne = new LinkedHashMap<>(values);
    withoutOne.remove(missing);

    Run run = config(withoutOne);

    assertThat(run.exitCode()).as("exit code of config without %s", missing).isNotZero();
    assertThat(run.output()).contains("set " + missing + " ");
  }

  static List<String> requiredNames() {
    return REQUIRED;
  }

  @Test
  void onlyTheRunnerMountsTheDockerSocket() {
    Map<String, Object> services = map(config.get("services"));
    Set<String> withSocket =
        services.keySet().stream()
            .filter(name -> list(map(services.get(name)).get("volumes")).stream()
                .anyMatch(volume -> mountText(volume).contains("docker.sock")))
            .collect(Collectors.toSet());
    assertThat(services).containsKeys("app", "runner", "postgres", "onlyoffice");
    assertThat(withSocket).as("services mounting the Docker socket").containsExactly("runner");
    assertThat(list(service("runner").get("group_add"))).containsExactly(DOCKER_GID);
  }

  @Test
  void exampleSettingsListEveryVariableWithEmptySecretsAndStayOutOfGit() throws IOException {
    String composeFile = Files.readString(composeDir.resolve("docker-compose.yml"), StandardCharsets.UTF_8);
    String withoutComments =
        composeFile.lines().filter(line -> !line.trim().startsWith("#")).collect(Collectors.joining("\n"));
    Set<String> used = new LinkedHashSet<>();
    Matcher reference = Pattern.compile("\\$\\{([A-Z0-9_]+)").matcher(withoutComments);
    while (reference.find()) {
      used.add(reference.group(1));
    }
    Map<String, String> example = readEnvFile(composeDir.resolve(".env.example"));

    assertThat(used).containsAll(REQUIRED);
    assertThat(example.keySet()).as("variables in .env.example").containsAll(used);
    for (String name : REQUIRED) {
      assertThat(example.get(name)).as("%s in .env.example", name).isEmpty();
    }
    assertThat(Files.readAllLines(composeDir.resolve(".gitignore"))).contains(".env");
  }

  @Test
  void dockerfilesCopyWhatTheMavenBuildProducesAndTheirContextKeepsIt() throws IOException {
    for (String image : List.of("app", "runner")) {
      List<String> sources = copySources(composeDir.resolve(image + ".Dockerfile"));
      List<String> kept =
          Files.readAllLines(composeDir.resolve(image + ".Dockerfile.dockerignore")).stream()
              .filter(line -> line.startsWith("!"))
              .map(line -> line.substring(1))
              .toList();
      assertThat(sources).as("COPY sources of %s.Dockerfile", image).isNotEmpty();
      for (String source : sources) {
        assertThat(TestServers.repoDir().resolve(source)).as("built file copied by %s.Dockerfile", image).exists();
        assertThat(kept)
            .as("%s.Dockerfile.dockerignore keeps %s", image, source)
            .anyMatch(pattern -> source.equals(pattern) || (pattern.endsWith("/") && source.startsWith(pattern)));
      }
    }
  }

  // ----- running Compose

  private record Run(int exitCode, String stdout, String stderr) {
    String output() {
      return stdout + stderr;
    }
  }

  private static Optional<List<String>> composeCommand() {
    for (List<String> candidate : List.of(List.of("docker-compose"), List.of("docker", "compose"))) {
      try {
        List<String> command = new ArrayList<>(candidate);
        command.add("version");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        if (process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0) {
          return Optional.of(candidate);
        }
      } catch (IOException e) {
        // this one is not installed; try the next
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * {@code docker-compose config} with exactly {@code env} as the variables: the process environment is emptied and
   * the example settings are the env file, so neither the caller's environment nor a real {@code compose/.env} counts.
   */
  private static Run config(Map<String, String> env) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(compose);
    command.addAll(
        List.of(
            "-f", composeDir.resolve("docker-compose.yml").toString(),
            "--env-file", composeDir.resolve(".env.example").toString(),
            "--profile", "office",
            "config"));
    Path out = Files.createTempFile("compose-config", ".out");
    Path err = Files.createTempFile("compose-config", ".err");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(TestServers.repoDir().toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      Map<String, String> environment = builder.environment();
      String path = environment.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
      environment.clear();
      environment.put("PATH", path);
      environment.put("HOME", System.getProperty("user.home"));
      environment.putAll(env);
      Process process = builder.start();
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished within 2 minutes", command).isTrue();
      return new Run(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** Fresh random values for every required variable, as an operator would generate them. */
  private static Map<String, String> requiredValues() {
    SecureRandom random = new SecureRandom();
    Map<String, String> generated = new LinkedHashMap<>();
    for (String name : REQUIRED) {
      byte[] bytes = new byte[48];
      random.nextBytes(bytes);
      generated.put(name, Base64.getEncoder().encodeToString(bytes));
    }
    generated.put("DOCKER_GID", DOCKER_GID);
    return generated;
  }

  // ----- reading the normalized configuration

  private static Map<String, Object> service(String name) {
    Map<String, Object> services = map(config.get("services"));
    assertThat(services).as("services").containsKey(name);
    return map(services.get(name));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object node) {
    return node instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object node) {
    return node instanceof List<?> l ? (List<Object>) l : List.of();
  }

  /** Service networks are a list in the short form and a map (name to settings) once normalized. */
  private static List<String> networkNames(Object networks) {
    return networks instanceof Map<?, ?> m
        ? m.keySet().stream().map(String::valueOf).toList()
        : list(networks).stream().map(String::valueOf).toList();
  }

  private static Set<String> dependsOn(Map<String, Object> service) {
    Object dependsOn = service.get("depends_on");
    return dependsOn instanceof Map<?, ?> m
        ? m.keySet().stream().map(String::valueOf).collect(Collectors.toSet())
        : list(dependsOn).stream().map(String::valueOf).collect(Collectors.toSet());
  }

  /** The environment as a map, whether Compose printed it as a map or as {@code KEY=VALUE} items. */
  private static Map<String, String> environment(Map<String, Object> service) {
    Object environment = service.get("environment");
    Map<String, String> env = new LinkedHashMap<>();
    if (environment instanceof Map<?, ?> m) {
      m.forEach((k, v) -> env.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
    } else {
      for (Object item : list(environment)) {
        String text = String.valueOf(item);
        int eq = text.indexOf('=');
        env.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? "" : text.substring(eq + 1));
      }
    }
    return env;
  }

  /** A mount as text: the short form {@code source:target:mode}, or source and target of the long form. */
  private static String mountText(Object volume) {
    Map<String, Object> longForm = map(volume);
    return longForm.isEmpty() ? String.valueOf(volume) : longForm.get("source") + ":" + longForm.get("target");
  }

  /** A published port as {@code published:target}, from the long form or the short one. */
  private static String portText(Object port) {
    Map<String, Object> longForm = map(port);
    return longForm.isEmpty()
        ? String.valueOf(port).replaceFirst("/tcp$", "")
        : longForm.get("published") + ":" + longForm.get("target");
  }

  private static Map<String, String> readEnvFile(Path file) throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String trimmed = line.trim();
      int eq = trimmed.indexOf('=');
      if (!trimmed.isEmpty() && !trimmed.startsWith("#") && eq > 0) {
        entries.put(trimmed.substring(0, eq).trim(), trimmed.substring(eq + 1).trim());
      }
    }
    return entries;
  }

  /** Source paths of the Dockerfile's COPY instructions (options such as --chown skipped, destination dropped). */
  private static List<String> copySources(Path dockerfile) throws IOException {
    List<String> sources = new ArrayList<>();
    for (String line : Files.readAllLines(dockerfile, StandardCharsets.UTF_8)) {
      String[] words = line.trim().split("\\s+");
      if (words.length >= 3 && words[0].equals("COPY")) {
        List<String> arguments = Stream.of(words).skip(1).filter(word -> !word.startsWith("--")).toList();
        sources.addAll(arguments.subList(0, arguments.size() - 1));
      }
    }
    return sources;
  }

  /**
   * Just enough YAML for the block-style documents {@code docker-compose config} prints (PyYAML in Compose v1, Go's
   * yaml in v2): nested maps and lists, plain and quoted scalars, empty flow collections, folded continuation lines
   * and block scalars. Scalars stay strings ({@code "true"}, {@code "9080"}); {@code null} and {@code ~} are null.
   */
  static final class MiniYaml {

    private record Line(int indent, String text) {}

    private final List<Line> lines = new ArrayList<>();
    private int next;

    private MiniYaml(String document) {
      for (String raw : document.split("\r?\n")) {
        String stripped = raw.stripTrailing();
        String text = stripped.stripLeading();
        if (!text.isEmpty() && !text.startsWith("#") && !text.equals("---") && !text.equals("...")) {
          lines.add(new Line(stripped.length() - text.length(), text));
        }
      }
    }

    static Map<String, Object> parseMap(String document) {
      MiniYaml yaml = new MiniYaml(document);
      Object root = yaml.lines.isEmpty() ? Map.of() : yaml.block(yaml.lines.get(0).indent());
      if (!(root instanceof Map<?, ?>)) {
        throw new IllegalArgumentException("Not a YAML mapping: " + document);
      }
      return map(root);
    }

    private Object block(int indent) {
      return isItem(lines.get(next).text()) ? sequence(indent) : mapping(indent);
    }

    private Map<String, Object> mapping(int indent) {
      Map<String, Object> result = new LinkedHashMap<>();
      while (next < lines.size() && lines.get(next).indent() == indent && !isItem(lines.get(next).text())) {
        String text = lines.get(next++).text();
        int colon = keyEnd(text);
        if (colon < 0) {
          throw new IllegalArgumentException("Expected 'key: value' in YAML line: " + text);
        }
        result.put(scalar(text.substring(0, colon)).toString(), value(text.substring(colon + 1).trim(), indent));
      }
      return result;
    }

    private List<Object> sequence(int indent) {
      List<Object> result = new ArrayList<>();
      while (next < lines.size() && lines.get(next).indent() == indent && isItem(lines.get(next).text())) {
        String rest = lines.get(next).text().substring(1).stripLeading();
        int restIndent = indent + lines.get(next).text().length() - rest.length();
        if (rest.isEmpty()) {
          next++;
          result.add(next < lines.size() && lines.get(next).indent() > indent ? block(lines.get(next).indent()) : null);
        } else if (keyEnd(rest) >= 0) {
          lines.set(next, new Line(restIndent, rest));
          result.add(mapping(restIndent));
        } else {
          next++;
          result.add(value(rest, indent));
        }
      }
      return result;
    }

    /** The value after a key or a dash: inline, a block scalar, or the nested block on the following lines. */
    private Object value(String inline, int indent) {
      if (inline.isEmpty()) {
        if (next < lines.size() && lines.get(next).indent() > indent) {
          return block(lines.get(next).indent());
        }
        if (next < lines.size() && lines.get(next).indent() == indent && isItem(lines.get(next).text())) {
          return sequence(indent);
        }
        return null;
      }
      if (inline.startsWith("|") || inline.startsWith(">")) {
        StringBuilder text = new StringBuilder();
        while (next < lines.size() && lines.get(next).indent() > indent) {
          text.append(lines.get(next++).text()).append(inline.startsWith("|") ? "\n" : " ");
        }
        return text.toString().strip();
      }
      StringBuilder folded = new StringBuilder(inline);
      while (next < lines.size() && lines.get(next).indent() > indent) {
        folded.append(' ').append(lines.get(next++).text());
      }
      return scalar(folded.toString());
    }

    private static boolean isItem(String text) {
      return text.equals("-") || text.startsWith("- ");
    }

    /** Where the key of a {@code key: value} line ends, or -1 when the line is a scalar. */
    private static int keyEnd(String text) {
      int from = 0;
      if (text.startsWith("'") || text.startsWith("\"")) {
        int close = text.indexOf(text.charAt(0), 1);
        while (close > 0 && text.charAt(0) == '\'' && close + 1 < text.length() && text.charAt(close + 1) == '\'') {
          close = text.indexOf('\'', close + 2);
        }
        if (close < 0) {
          return -1;
        }
        from = close + 1;
      }
      for (int i = from; i < text.length(); i++) {
        if (text.charAt(i) == ':' && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) {
          return i;
        }
        if (from > 0) {
          return -1;
        }
      }
      return -1;
    }

    private static Object scalar(String text) {
      String value = text.trim();
      if (value.equals("null") || value.equals("~")) {
        return null;
      }
      if (value.equals("{}")) {
        return Map.of();
      }
      if (value.equals("[]")) {
        return List.of();
      }
      if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
        return value.substring(1, value.length() - 1).replace("''", "'");
      }
      if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
        return value.substring(1, value.length() - 1)
            .replace("\\\"", "\"")
            .replace("\\n", "\n")
            .replace("\\t", "\t")
            .replace("\\\\", "\\");
      }
      return value;
    }
  }
}
