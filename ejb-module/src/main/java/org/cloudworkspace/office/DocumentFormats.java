package org.cloudworkspace.office;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Which files the Document Server opens (and whether it edits them), and which the built-in text editor edits. */
public final class DocumentFormats {

  /** The Document Server's editor for a format. */
  public enum DocumentType {
    WORD("word"),
    CELL("cell"),
    SLIDE("slide"),
    PDF("pdf");

    private final String code;

    DocumentType(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  /** A format the Document Server handles: its editor, and whether it edits (else it only views). */
  public record Format(String extension, DocumentType type, boolean editable) {}

  private static final Map<String, Format> FORMATS =
      Map.ofEntries(
          edit("docx", DocumentType.WORD), edit("docm", DocumentType.WORD), edit("dotx", DocumentType.WORD),
          edit("odt", DocumentType.WORD), edit("ott", DocumentType.WORD), edit("rtf", DocumentType.WORD),
          edit("txt", DocumentType.WORD), edit("docxf", DocumentType.WORD), edit("oform", DocumentType.WORD),
          view("doc", DocumentType.WORD), view("dot", DocumentType.WORD), view("epub", DocumentType.WORD),
          view("fb2", DocumentType.WORD), view("html", DocumentType.WORD), view("htm", DocumentType.WORD),
          view("mht", DocumentType.WORD), view("xml", DocumentType.WORD),
          edit("xlsx", DocumentType.CELL), edit("xlsm", DocumentType.CELL), edit("xltx", DocumentType.CELL),
          edit("ods", DocumentType.CELL), edit("ots", DocumentType.CELL), edit("csv", DocumentType.CELL),
          view("xls", DocumentType.CELL), view("xlt", DocumentType.CELL),
          edit("pptx", DocumentType.SLIDE), edit("pptm", DocumentType.SLIDE), edit("potx", DocumentType.SLIDE),
          edit("odp", DocumentType.SLIDE), edit("otp", DocumentType.SLIDE),
          view("ppt", DocumentType.SLIDE), view("pps", DocumentType.SLIDE), view("ppsx", DocumentType.SLIDE),
          view("pot", DocumentType.SLIDE),
          edit("pdf", DocumentType.PDF), view("djvu", DocumentType.PDF), view("xps", DocumentType.PDF),
          view("oxps", DocumentType.PDF));

  /** What the built-in editor edits when there is no Document Server: plain text, markdown, code, CSV. */
  private static final Set<String> TEXT =
      Set.of(
          "txt", "text", "md", "markdown", "csv", "tsv", "log", "json", "xml", "yaml", "yml", "toml", "ini", "conf",
          "cfg", "properties", "env", "js", "mjs", "cjs", "jsx", "ts", "tsx", "css", "scss", "less", "html", "htm",
          "java", "kt", "kts", "scala", "groovy", "gradle", "py", "rb", "go", "rs", "c", "h", "cpp", "hpp", "cc",
          "cs", "php", "pl", "lua", "r", "sql", "sh", "bash", "zsh", "fish", "ps1", "bat", "cmd", "dockerfile",
          "makefile", "swift", "dart", "vue", "svelte", "tex", "rst", "adoc", "gitignore", "editorconfig");

  private DocumentFormats() {}

  private static Map.Entry<String, Format> edit(String extension, DocumentType type) {
    return Map.entry(extension, new Format(extension, type, true));
  }

  private static Map.Entry<String, Format> view(String extension, DocumentType type) {
    return Map.entry(extension, new Format(extension, type, false));
  }

  /** The lower-case extension of a file name ("" when there is none). */
  public static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** The Document Server format of a file name, if the Document Server opens it. */
  public static Optional<Format> of(String name) {
    return Optional.ofNullable(FORMATS.get(extension(name)));
  }

  public static boolean isText(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return TEXT.contains(extension(name)) || lower.equals("dockerfile") || lower.equals("makefile");
  }

  /** Every extension the Document Server edits, for the SPA. */
  public static Set<String> editable() {
    return FORMATS.values().stream().filter(Format::editable).map(Format::extension).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
  }

  /** Every extension the Document Server only views, for the SPA. */
  public static Set<String> viewable() {
    return FORMATS.values().stream().filter(f -> !f.editable()).map(Format::extension).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
  }

  /** Every extension the built-in editor edits, for the SPA. */
  public static Set<String> text() {
    return new java.util.TreeSet<>(TEXT);
  }
}
