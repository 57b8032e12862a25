package org.cloudworkspace.office;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Blank Office Open XML files (a document, a spreadsheet, a presentation) zipped from the minimal parts kept under
 * {@code office/blank/} in the class path, {@code [Content_Types].xml} first as the format expects.
 */
public final class BlankDocuments {

  /** What kind of blank file to make. */
  public enum Kind {
    DOCUMENT("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        List.of("[Content_Types].xml", "_rels/.rels", "word/document.xml")),
    SPREADSHEET("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        List.of("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
            "xl/worksheets/sheet1.xml")),
    PRESENTATION("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        List.of("[Content_Types].xml", "_rels/.rels", "ppt/presentation.xml", "ppt/_rels/presentation.xml.rels",
            "ppt/slideMasters/slideMaster1.xml", "ppt/slideMasters/_rels/slideMaster1.xml.rels",
            "ppt/slideLayouts/slideLayout1.xml", "ppt/slideLayouts/_rels/slideLayout1.xml.rels",
            "ppt/slides/slide1.xml", "ppt/slides/_rels/slide1.xml.rels", "ppt/theme/theme1.xml"));

    private final String extension;
    private final String mimeType;
    private final List<String> parts;

    Kind(String extension, String mimeType, List<String> parts) {
      this.extension = extension;
      this.mimeType = mimeType;
      this.parts = parts;
    }

    public String extension() {
      return extension;
    }

    public String mimeType() {
      return mimeType;
    }

    /** {@code document}, {@code spreadsheet} or {@code presentation}. */
    public static Kind parse(String value) {
      return Kind.valueOf(value.toUpperCase(Locale.ROOT));
    }
  }

  private BlankDocuments() {}

  /** The bytes of a blank file of this kind. */
  public static byte[] of(Kind kind) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String part : kind.parts) {
        ZipEntry entry = new ZipEntry(part);
        entry.setTime(0);
        zip.putNextEntry(entry);
        String resource = "/office/blank/" + kind.extension + "/" + part;
        try (InputStream in = BlankDocuments.class.getResourceAsStream(resource)) {
          if (in == null) {
            throw new IllegalStateException("Missing " + resource);
          }
          in.transferTo(zip);
        }
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
