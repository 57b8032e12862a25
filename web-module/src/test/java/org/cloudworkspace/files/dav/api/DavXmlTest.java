package org.cloudworkspace.files.dav.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.cloudworkspace.common.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** XML of WebDAV bodies: DOCTYPEs (and with them XXE) refused; stored properties serialized self-contained. */
class DavXmlTest {

  private static byte[] bytes(String xml) {
    return xml.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void doctypesAndExternalEntitiesAreRefused() {
    assertThatThrownBy(() -> DavXml.parse(bytes(
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>")))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> DavXml.parse(bytes("<a><b></a>"))).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aPropertyIsSerializedWithItsOwnNamespaceDeclarations() {
    Document doc = DavXml.parse(bytes(
        "<d:prop xmlns:d=\"DAV:\" xmlns:z=\"urn:z\" xmlns:y=\"urn:y\"><z:p xml:lang=\"en\" y:a=\"1\">"
            + "<y:inner>a &amp; b</y:inner><plain xmlns=\"\">t</plain></z:p></d:prop>"));
    Element property = DavXml.children(doc.getDocumentElement()).get(0);
    String xml = DavXml.serialize(property);
    assertThat(xml).startsWith("<p xmlns=\"urn:z\"").contains("xml:lang=\"en\"").contains("=\"urn:y\"")
        .contains("<inner xmlns=\"urn:y\">a &amp; b</inner>").contains("<plain xmlns=\"\">t</plain>");
    Document again = DavXml.parse(bytes(xml));
    assertThat(again.getDocumentElement().getNamespaceURI()).isEqualTo("urn:z");
    assertThat(again.getDocumentElement().getTextContent()).isEqualTo("a & bt");
  }
}
