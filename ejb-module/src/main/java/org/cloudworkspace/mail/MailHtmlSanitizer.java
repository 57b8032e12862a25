package org.cloudworkspace.mail;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Sanitizes mail HTML with a positive policy (OWASP Java HTML Sanitizer): only listed formatting elements and
 * attributes survive; no script, event handler, form, frame, object, base, meta or style element; CSS limited to the
 * sanitizer's default schema (no {@code url()}, no expressions); links only http(s)/mailto and opened in a new tab
 * without referrer. Images: {@code cid:} references become the data URLs the caller supplies for inline parts;
 * remote (http/https) images are dropped unless the caller allows them, and the result says whether any were.
 */
public final class MailHtmlSanitizer {

  private static final Pattern DATA_IMAGE =
      Pattern.compile("data:image/(png|gif|jpeg|webp|bmp);base64,[A-Za-z0-9+/=]+");

  private static final String[] ELEMENTS = {
    "a", "abbr", "address", "b", "big", "blockquote", "br", "caption", "center", "cite", "code", "col", "colgroup",
    "dd", "del", "div", "dl", "dt", "em", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd",
    "li", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "tt", "u", "ul", "var"
  };

  /** What sanitizing produced. */
  public record Result(String html, boolean remoteContentBlocked) {}

  private MailHtmlSanitizer() {}

  /**
   * Sanitizes {@code html}. {@code inlineImages} maps a Content-ID (without angle brackets) to a data URL;
   * {@code allowRemote} keeps http(s) images.
   */
  public static Result sanitize(String html, Function<String, String> inlineImages, boolean allowRemote) {
    boolean[] blocked = {false};
    PolicyFactory policy =
        new HtmlPolicyBuilder()
            .allowElements(ELEMENTS)
            .allowUrlProtocols("http", "https", "mailto", "cid")
            .allowAttributes("href").onElements("a")
            .allowAttributes("src", "alt", "width", "height", "border", "hspace", "vspace").onElements("img")
            .allowAttributes("title", "align", "valign", "dir", "lang").globally()
            .allowAttributes("colspan", "rowspan", "width", "height", "bgcolor", "nowrap", "scope")
                .onElements("td", "th", "col", "colgroup")
            .allowAttributes("width", "border", "cellpadding", "cellspacing", "bgcolor", "summary")
                .onElements("table")
            .allowAttributes("bgcolor", "height").onElements("tr", "tbody", "thead", "tfoot")
            .allowAttributes("color", "face", "size").onElements("font")
            .allowAttributes("start", "type").onElements("ol", "ul", "li")
            .allowAttributes("cite").onElements("blockquote", "q")
            .allowStyling()
            .allowElements(
                (name, attrs) -> {
                  rewriteImage(attrs, inlineImages, allowRemote, blocked);
                  return name;
                },
                "img")
            .allowElements(
                (name, attrs) -> {
                  int href = attrs.indexOf("href");
                  if (href >= 0 && href % 2 == 0
                      && attrs.get(href + 1).toLowerCase(Locale.ROOT).strip().startsWith("cid:")) {
                    attrs.remove(href + 1);
                    attrs.remove(href);
                  }
                  attrs.addAll(List.of("target", "_blank", "rel", "noopener noreferrer nofollow"));
                  return name;
                },
                "a")
            .toFactory();
    String clean = policy.sanitize(html == null ? "" : html);
    return new Result(clean, blocked[0]);
  }

  /** The same with no inline images. */
  public static Result sanitize(String html, boolean allowRemote) {
    return sanitize(html, cid -> null, allowRemote);
  }

  private static void rewriteImage(
      List<String> attrs, Function<String, String> inlineImages, boolean allowRemote, boolean[] blocked) {
    for (int i = 0; i + 1 < attrs.size(); i += 2) {
      if (!"src".equals(attrs.get(i))) {
        continue;
      }
      String src = attrs.get(i + 1).strip();
      String lower = src.toLowerCase(Locale.ROOT);
      String replacement = null;
      if (lower.startsWith("cid:")) {
        String cid = src.substring(4);
        if (cid.startsWith("<") && cid.endsWith(">")) {
          cid = cid.substring(1, cid.length() - 1);
        }
        String data = inlineImages.apply(java.net.URLDecoder.decode(cid, java.nio.charset.StandardCharsets.UTF_8));
        if (data != null && DATA_IMAGE.matcher(data).matches()) {
          replacement = data;
        }
      } else if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("//")) {
        if (allowRemote && !lower.startsWith("//")) {
          replacement = src;
        } else {
          blocked[0] = true;
        }
      }
      if (replacement == null) {
        attrs.remove(i + 1);
        attrs.remove(i);
        i -= 2;
      } else {
        attrs.set(i + 1, replacement);
      }
    }
  }

  /** Data URLs of inline images, keyed by Content-ID, for {@link #sanitize(String, Function, boolean)}. */
  public static Function<String, String> inline(Map<String, String> dataUrlsByContentId) {
    return dataUrlsByContentId::get;
  }
}
