package org.cloudworkspace.files.dav;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A property a client set with PROPPATCH on a file or folder: its name and the property element as XML. */
@Entity
@Table(name = "dav_property")
@IdClass(DeadProperty.Key.class)
public class DeadProperty {

  /** The primary key: node, namespace ("" for none) and local name. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    String nodeId;
    String namespace;
    String localName;

    public Key() {}

    Key(String nodeId, String namespace, String localName) {
      this.nodeId = nodeId;
      this.namespace = namespace;
      this.localName = localName;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key k && Objects.equals(nodeId, k.nodeId) && Objects.equals(namespace, k.namespace)
          && Objects.equals(localName, k.localName);
    }

    @Override
    public int hashCode() {
      return Objects.hash(nodeId, namespace, localName);
    }
  }

  @Id
  @Column(name = "node_id")
  private String nodeId;

  @Id
  @Column(name = "namespace")
  private String namespace;

  @Id
  @Column(name = "local_name")
  private String localName;

  /** The whole property element, serialized with its own namespace declarations. */
  @Column(name = "value_xml", nullable = false)
  private String xml;

  protected DeadProperty() {}

  DeadProperty(String nodeId, String namespace, String localName, String xml) {
    this.nodeId = Objects.requireNonNull(nodeId);
    this.namespace = Objects.requireNonNull(namespace);
    this.localName = Objects.requireNonNull(localName);
    this.xml = Objects.requireNonNull(xml);
  }

  public String nodeId() {
    return nodeId;
  }

  public String namespace() {
    return namespace;
  }

  public String localName() {
    return localName;
  }

  public String xml() {
    return xml;
  }

  void change(String newXml) {
    this.xml = Objects.requireNonNull(newXml);
  }
}
