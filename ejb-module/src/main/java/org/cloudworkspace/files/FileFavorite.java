package org.cloudworkspace.files;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A file or folder a user marked as a favourite. */
@Entity
@Table(name = "file_favorite")
@IdClass(FileFavorite.Key.class)
public class FileFavorite {

  /** The primary key: owner and node. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String ownerId;
    private String nodeId;

    public Key() {}

    public Key(String ownerId, String nodeId) {
      this.ownerId = ownerId;
      this.nodeId = nodeId;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && Objects.equals(ownerId, key.ownerId) && Objects.equals(nodeId, key.nodeId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(ownerId, nodeId);
    }
  }

  @Id
  @Column(name = "owner_id")
  private String ownerId;

  @Id
  @Column(name = "node_id")
  private String nodeId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected FileFavorite() {}

  FileFavorite(String ownerId, String nodeId, Instant now) {
    this.ownerId = ownerId;
    this.nodeId = nodeId;
    this.createdAt = now;
  }

  public String ownerId() {
    return ownerId;
  }

  public String nodeId() {
    return nodeId;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
