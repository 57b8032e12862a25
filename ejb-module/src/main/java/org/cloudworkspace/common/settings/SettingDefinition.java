package org.cloudworkspace.common.settings;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One setting: its name in the API, its kind and rules, and where its default comes from (an environment variable
 * through MicroProfile Config, else a built-in value). Values are stored as text: numbers in decimal, booleans as
 * {@code true}/{@code false}, lists one item per line.
 */
public record SettingDefinition(
    String name,
    Kind kind,
    long min,
    long max,
    Set<String> choices,
    Pattern pattern,
    String configName,
    String builtInDefault,
    String description) {

  /** The type of a setting's value. */
  public enum Kind {
    /** A whole number between min and max. */
    NUMBER,
    BOOLEAN,
    /** An http(s) address without user info, query or fragment, or empty for "not configured". */
    URL,
    /** A short text matching the pattern. */
    TEXT,
    /** A list of texts each matching the pattern, at most max items. */
    LIST,
    /** A subset of the choices. */
    CHOICES
  }

  /** Thrown by {@link #parse} with a message for the user. */
  public static final class InvalidValue extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidValue(String message) {
      super(message, null, false, false);
    }
  }

  static SettingDefinition number(String name, long min, long max, String configName, long def, String description) {
    return new SettingDefinition(name, Kind.NUMBER, min, max, Set.of(), null, configName, Long.toString(def), description);
  }

  static SettingDefinition bool(String name, String configName, boolean def, String description) {
    return new SettingDefinition(name, Kind.BOOLEAN, 0, 0, Set.of(), null, configName, Boolean.toString(def), description);
  }

  static SettingDefinition url(String name, String configName, String description) {
    return new SettingDefinition(name, Kind.URL, 0, 2000, Set.of(), null, configName, "", description);
  }

  static SettingDefinition text(String name, String regex, String configName, String def, String description) {
    return new SettingDefinition(
        name, Kind.TEXT, 0, 255, Set.of(), Pattern.compile(regex), configName, def, description);
  }

  static SettingDefinition list(String name, String regex, int maxItems, String configName, String description) {
    return new SettingDefinition(
        name, Kind.LIST, 0, maxItems, Set.of(), Pattern.compile(regex), configName, "", description);
  }

  static SettingDefinition choices(String name, Set<String> choices, String configName, String def, String description) {
    return new SettingDefinition(name, Kind.CHOICES, 0, choices.size(), choices, null, configName, def, description);
  }

  /**
   * Turns a value from a JSON request (a {@link BigDecimal} or other {@link Number}, a {@link Boolean}, a {@link
   * String} or a {@link List}) into its stored text, or says what is wrong with it.
   */
  public String parse(Object value) throws InvalidValue {
    return switch (kind) {
      case NUMBER -> parseNumber(value);
      case BOOLEAN -> {
        if (value instanceof Boolean b) {
          yield b.toString();
        }
        throw new InvalidValue("Use true or false.");
      }
      case URL -> parseUrl(value);
      case TEXT -> {
        if (value instanceof String s && pattern.matcher(s.strip()).matches()) {
          yield s.strip();
        }
        throw new InvalidValue("Use a value of the form " + pattern.pattern() + ".");
      }
      case LIST -> String.join("\n", parseList(value, false));
      case CHOICES -> String.join("\n", parseList(value, true));
    };
  }

  /** The stored text as the API shows it: a Long, a Boolean, a String or a List of Strings. */
  public Object decode(String stored) {
    return switch (kind) {
      case NUMBER -> Long.parseLong(stored.strip());
      case BOOLEAN -> Boolean.parseBoolean(stored.strip());
      case URL, TEXT -> stored.strip();
      case LIST, CHOICES -> stored.isBlank() ? List.<String>of() : List.of(stored.strip().split("\n"));
    };
  }

  /** A configured default (lists comma-separated) as stored text, or the built-in default when it is invalid. */
  String fromConfig(String configured) {
    if (configured == null) {
      return builtInDefault;
    }
    try {
      Object raw =
          switch (kind) {
            case NUMBER -> new BigDecimal(configured.strip());
            case BOOLEAN -> Boolean.parseBoolean(configured.strip());
            case LIST, CHOICES -> splitComma(configured);
            default -> configured;
          };
      return parse(raw);
    } catch (InvalidValue | NumberFormatException e) {
      return builtInDefault;
    }
  }

  private static List<Object> splitComma(String configured) {
    List<Object> items = new ArrayList<>();
    for (String item : configured.split(",")) {
      if (!item.isBlank()) {
        items.add(item.strip());
      }
    }
    return items;
  }

  private String parseNumber(Object value) throws InvalidValue {
    String range = "Use a whole number from " + min + " to " + max + ".";
    if (!(value instanceof Number n)) {
      throw new InvalidValue(range);
    }
    BigDecimal number = n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
    try {
      long whole = number.longValueExact();
      if (whole < min || whole > max) {
        throw new InvalidValue(range);
      }
      return Long.toString(whole);
    } catch (ArithmeticException e) {
      throw new InvalidValue(range);
    }
  }

  private String parseUrl(Object value) throws InvalidValue {
    if (!(value instanceof String s)) {
      throw new InvalidValue("Use an http:// or https:// address, or an empty text for none.");
    }
    String trimmed = s.strip();
    if (trimmed.isEmpty()) {
      return "";
    }
    if (trimmed.length() > max) {
      throw new InvalidValue("Use an address of at most " + max + " characters.");
    }
    try {
      URI uri = new URI(trimmed);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https"))
          && uri.getHost() != null
          && uri.getRawUserInfo() == null
          && uri.getRawQuery() == null
          && uri.getRawFragment() == null) {
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
      }
    } catch (URISyntaxException e) {
      // answered below
    }
    throw new InvalidValue(
        "Use an http:// or https:// address with a host and no user, query or fragment, e.g. https://office.example.org.");
  }

  private List<String> parseList(Object value, boolean fromChoices) throws InvalidValue {
    if (!(value instanceof List<?> items)) {
      throw new InvalidValue("Use a list of texts.");
    }
    if (items.size() > max) {
      throw new InvalidValue("Use at most " + max + " items.");
    }
    Set<String> result = new LinkedHashSet<>();
    for (Object item : items) {
      String text = item instanceof String s ? s.strip() : null;
      if (fromChoices) {
        String lower = text == null ? null : text.toLowerCase(Locale.ROOT);
        if (lower == null || !choices.contains(lower)) {
          throw new InvalidValue("Choose from " + String.join(", ", choices.stream().sorted().toList()) + ".");
        }
        result.add(lower);
      } else {
        if (text == null || !pattern.matcher(text).matches()) {
          throw new InvalidValue("Each item must be of the form " + pattern.pattern() + ".");
        }
        result.add(text);
      }
    }
    return List.copyOf(result);
  }
}
