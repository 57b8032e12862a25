package org.cloudworkspace.files.dav.api;

import java.util.ArrayList;
import java.util.List;
import org.cloudworkspace.common.error.InvalidInputException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** What a PROPFIND asks for: all properties (plus some included ones), only their names, or named properties. */
record PropertyRequest(Kind kind, List<Name> names) {

  PropertyRequest {
    names = List.copyOf(names);
  }

  enum Kind {
    ALLPROP,
    PROPNAME,
    PROP
  }

  /** A property name; {@code namespace} is "" for none. */
  record Name(String namespace, String local) {
    boolean isDav() {
      return DavXml.DAV.equals(namespace);
    }
  }

  /** Reads a PROPFIND body; none means allprop. */
  static PropertyRequest of(Document body) {
    if (body == null) {
      return new PropertyRequest(Kind.ALLPROP, List.of());
    }
    Element root = body.getDocumentElement();
    if (!DavXml.isDav(root, "propfind")) {
      throw new InvalidInputException("body", "A PROPFIND body is a DAV:propfind element.");
    }
    Element prop = DavXml.davChild(root, "prop");
    if (prop != null) {
      return new PropertyRequest(Kind.PROP, names(prop));
    }
    if (DavXml.davChild(root, "propname") != null) {
      return new PropertyRequest(Kind.PROPNAME, List.of());
    }
    if (DavXml.davChild(root, "allprop") != null) {
      Element include = DavXml.davChild(root, "include");
      return new PropertyRequest(Kind.ALLPROP, include == null ? List.of() : names(include));
    }
    throw new InvalidInputException("body", "A DAV:propfind holds DAV:prop, DAV:propname or DAV:allprop.");
  }

  private static List<Name> names(Element parent) {
    List<Name> names = new ArrayList<>();
    for (Element e : DavXml.children(parent)) {
      names.add(new Name(DavXml.namespace(e), DavXml.localName(e)));
    }
    return names;
  }
}
