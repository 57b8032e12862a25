package org.cloudworkspace.files;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** A parsed 207 answer: for each href, the properties found (200) as "{namespace}name" → text, and those missing. */
record Multistatus(Map<String, Map<String, String>> found, Map<String, Map<String, String>> missing) {

  static Multistatus parse(String xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
      Map<String, Map<String, String>> found = new LinkedHashMap<>();
      Map<String, Map<String, String>> missing = new LinkedHashMap<>();
      NodeList responses = doc.getElementsByTagNameNS("DAV:", "response");
      for (int i = 0; i < responses.getLength(); i++) {
        Element response = (Element) responses.item(i);
        String href = response.getElementsByTagNameNS("DAV:", "href").item(0).getTextContent();
        NodeList propstats = response.getElementsByTagNameNS("DAV:", "propstat");
        for (int j = 0; j < propstats.getLength(); j++) {
          Element propstat = (Element) propstats.item(j);
          String status = propstat.getElementsByTagNameNS("DAV:", "status").item(0).getTextContent();
          Element prop = (Element) propstat.getElementsByTagNameNS("DAV:", "prop").item(0);
          Map<String, String> target =
              (status.contains(" 200 ") ? found : missing).computeIfAbsent(href, k -> new LinkedHashMap<>());
          for (Node n = prop.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
              String ns = e.getNamespaceURI() == null ? "" : e.getNamespaceURI();
              target.put("{" + ns + "}" + e.getLocalName(), e.getTextContent());
            }
          }
        }
      }
      return new Multistatus(found, missing);
    } catch (Exception e) {
      throw new AssertionError("Not a multistatus document: " + xml, e);
    }
  }

  /** A found DAV: property of an href. */
  String dav(String href, String name) {
    Map<String, String> props = found.get(href);
    return props == null ? null : props.get("{DAV:}" + name);
  }
}
