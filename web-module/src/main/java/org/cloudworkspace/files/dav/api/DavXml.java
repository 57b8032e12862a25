package org.cloudworkspace.files.dav.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.cloudworkspace.common.error.InvalidInputException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * XML of WebDAV bodies: parsing with DOCTYPEs refused (no external entities, no entity expansion), namespace-aware;
 * escaping; and a serializer that writes an element with its own namespace declarations, so that a stored property
 * can be returned as is inside any answer.
 */
final class DavXml {

  static final String DAV = "DAV:";

  private static final String XML_NS = XMLConstants.XML_NS_URI;

  private static final DocumentBuilderFactory FACTORY = factory();

  private DavXml() {}

  private static DocumentBuilderFactory factory() {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    try {
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("The XML parser cannot be made safe", e);
    }
    return factory;
  }

  /** Parses a request body; a malformed one, or one with a DOCTYPE, is a 400. */
  static Document parse(byte[] body) {
    try {
      DocumentBuilder builder;
      synchronized (FACTORY) {
        builder = FACTORY.newDocumentBuilder();
      }
      builder.setErrorHandler(new DefaultHandler());
      builder.setEntityResolver((publicId, systemId) -> {
        throw new SAXException("External entities are not allowed");
      });
      return builder.parse(new ByteArrayInputStream(body));
    } catch (SAXException e) {
      throw new InvalidInputException("body", "The XML body is not well-formed (or has a DOCTYPE, which is refused).");
    } catch (IOException | ParserConfigurationException e) {
      throw new InvalidInputException("body", "The XML body could not be read.");
    }
  }

  /** Whether the node is the element {@code DAV:local}. */
  static boolean isDav(Node node, String local) {
    return node instanceof Element && DAV.equals(node.getNamespaceURI()) && local.equals(node.getLocalName());
  }

  /** The child elements of a node. */
  static List<Element> children(Node parent) {
    List<Element> elements = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        elements.add(e);
      }
    }
    return elements;
  }

  /** The first child {@code DAV:local}, or null. */
  static Element davChild(Node parent, String local) {
    for (Element e : children(parent)) {
      if (isDav(e, local)) {
        return e;
      }
    }
    return null;
  }

  /** The namespace of an element, "" when it has none. */
  static String namespace(Element e) {
    return e.getNamespaceURI() == null ? "" : e.getNamespaceURI();
  }

  /** The local name of an element (its name when the parser saw no namespace). */
  static String localName(Element e) {
    return e.getLocalName() == null ? e.getNodeName() : e.getLocalName();
  }

  /** An element as self-contained XML: every namespace it or its descendants use is declared in it. */
  static String serialize(Element element) {
    StringBuilder out = new StringBuilder();
    write(element, out, "", new int[] {0});
    return out.toString();
  }

  /** The children (elements and text) of an element, each self-contained; for DAV:owner. */
  static String serializeContent(Element element) {
    StringBuilder out = new StringBuilder();
    for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        write(e, out, "", new int[] {0});
      } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
        escape(n.getNodeValue(), out);
      }
    }
    return out.toString();
  }

  private static void write(Element e, StringBuilder out, String defaultNamespace, int[] prefixes) {
    String ns = namespace(e);
    String name = localName(e);
    out.append('<').append(name);
    if (!ns.equals(defaultNamespace)) {
      out.append(" xmlns=\"");
      escapeAttribute(ns, out);
      out.append('"');
    }
    NamedNodeMap attributes = e.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attr = (Attr) attributes.item(i);
      String attrNs = attr.getNamespaceURI();
      if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attrNs) || "xmlns".equals(attr.getName())
          || attr.getName().startsWith("xmlns:")) {
        continue;
      }
      String local = attr.getLocalName() == null ? attr.getName() : attr.getLocalName();
      out.append(' ');
      if (XML_NS.equals(attrNs)) {
        out.append("xml:").append(local);
      } else if (attrNs != null && !attrNs.isEmpty()) {
        String prefix = "a" + prefixes[0]++;
        out.append("xmlns:").append(prefix).append("=\"");
        escapeAttribute(attrNs, out);
        out.append("\" ").append(prefix).append(':').append(local);
      } else {
        out.append(local);
      }
      out.append("=\"");
      escapeAttribute(attr.getValue(), out);
      out.append('"');
    }
    if (e.getFirstChild() == null) {
      out.append("/>");
      return;
    }
    out.append('>');
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element child) {
        write(child, out, ns, prefixes);
      } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
        escape(n.getNodeValue(), out);
      }
    }
    out.append("</").append(name).append('>');
  }

  /** An empty element {@code <name xmlns="ns"/>} naming a property. */
  static void emptyElement(String namespace, String local, StringBuilder out) {
    if (DAV.equals(namespace)) {
      out.append("<d:").append(local).append("/>");
      return;
    }
    out.append('<').append(local).append(" xmlns=\"");
    escapeAttribute(namespace, out);
    out.append("\"/>");
  }

  static void escape(String text, StringBuilder out) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '\r' -> out.append("&#13;");
        default -> out.append(c);
      }
    }
  }

  static void escapeAttribute(String text, StringBuilder out) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '"' -> out.append("&quot;");
        case '\t' -> out.append("&#9;");
        case '\n' -> out.append("&#10;");
        case '\r' -> out.append("&#13;");
        default -> out.append(c);
      }
    }
  }
}
