package org.cloudworkspace.files.dav;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cloudworkspace.common.error.DomainException;

/** Dead properties of files and folders: read for PROPFIND, changed all-or-nothing by PROPPATCH, copied by COPY. */
@Stateless
public class DeadProperties {

  /** The most properties one file or folder may carry. */
  public static final int MAX_PER_NODE = 200;

  /** The longest property element, in characters of XML. */
  public static final int MAX_XML = 65_536;

  public static final int MAX_NAMESPACE = 512;

  public static final int MAX_NAME = 255;

  private static final int CHUNK = 500;

  @PersistenceContext(unitName = "workspace")
  EntityManager em;

  /** The properties of these nodes, by node id. */
  public Map<String, List<DeadProperty>> of(Collection<String> nodeIds) {
    Map<String, List<DeadProperty>> byNode = new HashMap<>();
    List<String> ids = List.copyOf(nodeIds);
    for (int i = 0; i < ids.size(); i += CHUNK) {
      List<DeadProperty> found =
          em.createQuery("SELECT p FROM DeadProperty p WHERE p.nodeId IN :ids", DeadProperty.class)
              .setParameter("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK)))
              .getResultList();
      for (DeadProperty property : found) {
        byNode.computeIfAbsent(property.nodeId(), k -> new ArrayList<>()).add(property);
      }
    }
    return byNode;
  }

  /** The properties of a folder and of the nodes directly in it, by node id, in one query. */
  public Map<String, List<DeadProperty>> ofFolderAndChildren(String folderId) {
    Map<String, List<DeadProperty>> byNode = new HashMap<>();
    List<DeadProperty> found =
        em.createQuery(
                "SELECT p FROM DeadProperty p WHERE p.nodeId = :folder OR p.nodeId IN"
                    + " (SELECT n.id FROM FileNode n WHERE n.parentId = :folder)",
                DeadProperty.class)
            .setParameter("folder", folderId)
            .getResultList();
    for (DeadProperty property : found) {
      byNode.computeIfAbsent(property.nodeId(), k -> new ArrayList<>()).add(property);
    }
    return byNode;
  }

  /** Applies the changes in order, all or none (the transaction rolls back on any failure). */
  public void patch(String nodeId, List<PropertyChange> changes) {
    for (PropertyChange change : changes) {
      DeadProperty existing =
          em.find(DeadProperty.class, new DeadProperty.Key(nodeId, change.namespace(), change.localName()));
      if (change.removal()) {
        if (existing != null) {
          em.remove(existing);
          em.flush();
        }
      } else if (existing != null) {
        existing.change(change.xml());
      } else {
        em.persist(new DeadProperty(nodeId, change.namespace(), change.localName(), change.xml()));
        em.flush();
      }
    }
    long count =
        em.createQuery("SELECT COUNT(p) FROM DeadProperty p WHERE p.nodeId = :node", Long.class)
            .setParameter("node", nodeId)
            .getSingleResult();
    if (count > MAX_PER_NODE) {
      throw new DomainException(
          DomainException.Kind.INSUFFICIENT_STORAGE, "Too many properties",
          "A file or folder carries at most " + MAX_PER_NODE + " properties.");
    }
  }

  /** Gives copies the properties of their originals ({@code copies}: original node id → copy's node id). */
  public void copy(Map<String, String> copies) {
    Map<String, List<DeadProperty>> originals = of(copies.keySet());
    for (Map.Entry<String, List<DeadProperty>> entry : originals.entrySet()) {
      String copyId = copies.get(entry.getKey());
      for (DeadProperty property : entry.getValue()) {
        em.persist(new DeadProperty(copyId, property.namespace(), property.localName(), property.xml()));
      }
    }
  }
}
