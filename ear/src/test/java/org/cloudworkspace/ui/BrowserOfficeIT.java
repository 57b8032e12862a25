package org.cloudworkspace.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.cloudworkspace.it.BrowserTest;
import org.cloudworkspace.it.office.DocumentServerSimulator;
import org.junit.jupiter.api.Test;

/**
 * The browser test of documents: frontend/e2e/office.test.mjs creates a document that opens in the editor page, whose
 * api.js comes from the Document Server simulator (which verifies the signed config the page hands over and fetches
 * the document), and edits and saves a markdown file in the built-in editor.
 */
class BrowserOfficeIT {

  @Test
  @SuppressWarnings("unchecked")
  void theEditorPageHandsTheSignedConfigToTheDocumentServerAndTheTextEditorSaves() throws Exception {
    DocumentServerSimulator ds = DocumentServerSimulator.shared();
    int before = ds.browserOpenings().size();
    BrowserTest.run("office.test.mjs", Map.of("ONLYOFFICE_URL", ds.url()));
    assertThat(ds.browserOpenings()).hasSizeGreaterThan(before);
    Map<String, Object> claims = ds.browserOpenings().get(ds.browserOpenings().size() - 1);
    assertThat((Map<String, Object>) claims.get("document")).containsEntry("title", "New document.docx");
    assertThat((Map<String, Object>) claims.get("editorConfig")).containsEntry("mode", "edit");
  }
}
