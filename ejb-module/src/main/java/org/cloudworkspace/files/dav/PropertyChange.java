package org.cloudworkspace.files.dav;

/** One instruction of a PROPPATCH: set a property to the given element XML, or remove it ({@code xml} null). */
public record PropertyChange(String namespace, String localName, String xml) {

  public boolean removal() {
    return xml == null;
  }
}
