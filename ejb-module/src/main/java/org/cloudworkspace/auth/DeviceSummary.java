package org.cloudworkspace.auth;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A short, human description of a user agent for the session list, e.g. "Firefox 128 on Linux". */
public final class DeviceSummary {

  private record Rule(Pattern pattern, String name) {}

  /** Order matters: Edge and Opera also say Chrome, Chrome also says Safari, Android also says Linux. */
  private static final List<Rule> BROWSERS =
      List.of(
          new Rule(Pattern.compile("Edg(?:e|A|iOS)?/(\\d+)"), "Edge"),
          new Rule(Pattern.compile("OPR/(\\d+)"), "Opera"),
          new Rule(Pattern.compile("SamsungBrowser/(\\d+)"), "Samsung Internet"),
          new Rule(Pattern.compile("Firefox/(\\d+)"), "Firefox"),
          new Rule(Pattern.compile("FxiOS/(\\d+)"), "Firefox"),
          new Rule(Pattern.compile("CriOS/(\\d+)"), "Chrome"),
          new Rule(Pattern.compile("Chromium/(\\d+)"), "Chromium"),
          new Rule(Pattern.compile("Chrome/(\\d+)"), "Chrome"),
          new Rule(Pattern.compile("Version/(\\d+)[.\\d]* (?:Mobile/\\S+ )?Safari/"), "Safari"),
          new Rule(Pattern.compile("^curl/(\\d+)"), "curl"),
          new Rule(Pattern.compile("^Java-http-client/(\\d+)"), "Java HTTP client"));

  private static final List<Rule> SYSTEMS =
      List.of(
          new Rule(Pattern.compile("Windows NT"), "Windows"),
          new Rule(Pattern.compile("Android"), "Android"),
          new Rule(Pattern.compile("iPhone|iPad|iPod"), "iOS"),
          new Rule(Pattern.compile("Mac OS X|Macintosh"), "macOS"),
          new Rule(Pattern.compile("CrOS"), "ChromeOS"),
          new Rule(Pattern.compile("Linux|X11"), "Linux"));

  private DeviceSummary() {}

  public static String of(String userAgent) {
    if (userAgent == null || userAgent.isBlank()) {
      return "Unknown device";
    }
    String browser = null;
    for (Rule rule : BROWSERS) {
      Matcher m = rule.pattern.matcher(userAgent);
      if (m.find()) {
        browser = rule.name + " " + m.group(1);
        break;
      }
    }
    String system = null;
    for (Rule rule : SYSTEMS) {
      if (rule.pattern.matcher(userAgent).find()) {
        system = rule.name;
        break;
      }
    }
    if (browser == null && system == null) {
      String first = userAgent.strip().split("[\\s/;(]", 2)[0];
      return first.isEmpty() ? "Unknown device" : "Other (" + clip(first) + ")";
    }
    if (browser == null) {
      return "Browser on " + system;
    }
    return system == null ? browser : browser + " on " + system;
  }

  private static String clip(String value) {
    String clean = value.replaceAll("[^\\p{Alnum}._-]", "").toLowerCase(Locale.ROOT).isEmpty() ? "?" : value;
    return clean.length() > 40 ? clean.substring(0, 40) : clean;
  }
}
