package org.cloudworkspace.files.dav.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cloudworkspace.files.FileNode;
import org.cloudworkspace.files.dav.DavLock;
import org.cloudworkspace.files.dav.DavLocks;
import org.cloudworkspace.files.dav.DavPaths;
import org.cloudworkspace.files.dav.DeadProperties;
import org.cloudworkspace.files.dav.DeadProperty;
import org.cloudworkspace.files.FileService;
import org.cloudworkspace.files.Usage;

/**
 * Writes the multistatus answer of a PROPFIND: for the resource and, with Depth 1, each member, the live properties
 * clients need (RFC 4918 section 15, quota from RFC 4331) and the dead properties set with PROPPATCH. Locks, dead
 * properties and usage are each loaded at most once per request, and only when asked for.
 */
final class PropertyWriter {

  /** The DAV: live properties, in the order allprop lists them. */
  static final List<String> ALLPROP_LIVE =
      List.of("creationdate", "displayname", "getcontentlength", "getcontenttype", "getetag", "getlastmodified",
          "resourcetype", "supportedlock", "lockdiscovery");

  /** Live properties given only when asked for by name (RFC 4331). */
  static final Set<String> QUOTA = Set.of("quota-available-bytes", "quota-used-bytes");

  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

  private static final String SUPPORTED_LOCK =
      "<d:supportedlock><d:lockentry><d:lockscope><d:exclusive/></d:lockscope><d:locktype><d:write/></d:locktype>"
          + "</d:lockentry><d:lockentry><d:lockscope><d:shared/></d:lockscope><d:locktype><d:write/></d:locktype>"
          + "</d:lockentry></d:supportedlock>";

  private final DavServlet.Exchange x;
  private final PropertyRequest wanted;
  private final FileService files;
  private final DeadProperties deadProperties;
  private final DavLocks davLocks;
  private final FileNode resource;
  private final List<FileNode> members;
  private final Instant now = Instant.now();
  private Map<String, List<DeadProperty>> dead;
  private List<DavLock> locks;
  private Usage usage;

  PropertyWriter(DavServlet.Exchange x, PropertyRequest wanted, FileService files, DeadProperties deadProperties,
      DavLocks davLocks, FileNode resource, List<FileNode> members) {
    this.x = x;
    this.wanted = wanted;
    this.files = files;
    this.deadProperties = deadProperties;
    this.davLocks = davLocks;
    this.resource = resource;
    this.members = members;
  }

  StringBuilder multistatus() {
    StringBuilder xml = new StringBuilder(512 + members.size() * 700);
    xml.append(DavResponses.XML_HEAD).append("<d:multistatus xmlns:d=\"DAV:\">\n");
    String path = x.target.path();
    StringBuilder href = new StringBuilder(x.base.length() + 64);
    href(x, x.target, resource.isFolder(), href);
    String resourceHref = href.toString();
    response(resource, path, resourceHref, xml);
    String folderHref = resourceHref.endsWith("/") ? resourceHref : resourceHref + "/";
    for (FileNode member : members) {
      href.setLength(0);
      href.append(folderHref);
      DavTarget.encode(member.name(), href);
      if (member.isFolder()) {
        href.append('/');
      }
      response(member, DavPaths.child(path, member.name()), href.toString(), xml);
    }
    xml.append("</d:multistatus>\n");
    return xml;
  }

  /** The href of a target: the user's base and the encoded names; folders end in '/'. */
  static void href(DavServlet.Exchange x, DavTarget target, boolean folder, StringBuilder out) {
    out.append(x.base);
    for (String name : target.names()) {
      out.append('/');
      DavTarget.encode(name, out);
    }
    if (folder || target.isRoot()) {
      out.append('/');
    }
  }

  private void response(FileNode node, String path, String href, StringBuilder xml) {
    xml.append("<d:response><d:href>");
    DavXml.escape(href, xml);
    xml.append("</d:href><d:propstat><d:prop>");
    List<PropertyRequest.Name> missing = null;
    switch (wanted.kind()) {
      case ALLPROP -> {
        for (String live : ALLPROP_LIVE) {
          live(node, path, live, xml);
        }
        for (DeadProperty property : dead(node)) {
          xml.append(property.xml());
        }
        for (PropertyRequest.Name name : wanted.names()) {
          if (name.isDav() && QUOTA.contains(name.local()) && !live(node, path, name.local(), xml)) {
            missing = add(missing, name);
          }
        }
      }
      case PROPNAME -> {
        for (String live : ALLPROP_LIVE) {
          if (applies(node, live)) {
            xml.append("<d:").append(live).append("/>");
          }
        }
        if (node.isFolder()) {
          xml.append("<d:quota-available-bytes/><d:quota-used-bytes/>");
        }
        for (DeadProperty property : dead(node)) {
          DavXml.emptyElement(property.namespace(), property.localName(), xml);
        }
      }
      case PROP -> {
        for (PropertyRequest.Name name : wanted.names()) {
          boolean found = name.isDav() && live(node, path, name.local(), xml);
          if (!found && !name.isDav()) {
            for (DeadProperty property : dead(node)) {
              if (property.namespace().equals(name.namespace()) && property.localName().equals(name.local())) {
                xml.append(property.xml());
                found = true;
                break;
              }
            }
          }
          if (!found) {
            missing = add(missing, name);
          }
        }
      }
    }
    xml.append("</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>");
    if (missing != null) {
      xml.append("<d:propstat><d:prop>");
      for (PropertyRequest.Name name : missing) {
        DavXml.emptyElement(name.namespace(), name.local(), xml);
      }
      xml.append("</d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat>");
    }
    xml.append("</d:response>\n");
  }

  private static List<PropertyRequest.Name> add(List<PropertyRequest.Name> list, PropertyRequest.Name name) {
    List<PropertyRequest.Name> result = list == null ? new ArrayList<>() : list;
    result.add(name);
    return result;
  }

  private static boolean applies(FileNode node, String live) {
    return node.isFile() || !("getcontentlength".equals(live) || "getcontenttype".equals(live));
  }

  /** Writes a live property of the node; false when the node has no such property. */
  private boolean live(FileNode node, String path, String name, StringBuilder xml) {
    switch (name) {
      case "creationdate" -> {
        xml.append("<d:creationdate>").append(DateTimeFormatter.ISO_INSTANT.format(node.createdAt()))
            .append("</d:creationdate>");
      }
      case "displayname" -> {
        xml.append("<d:displayname>");
        DavXml.escape(node.isRoot() ? x.actor.username() : node.name(), xml);
        xml.append("</d:displayname>");
      }
      case "getcontentlength" -> {
        if (!node.isFile()) {
          return false;
        }
        xml.append("<d:getcontentlength>").append(node.size()).append("</d:getcontentlength>");
      }
      case "getcontenttype" -> {
        if (!node.isFile()) {
          return false;
        }
        xml.append("<d:getcontenttype>");
        DavXml.escape(node.mimeType() == null ? "application/octet-stream" : node.mimeType(), xml);
        xml.append("</d:getcontenttype>");
      }
      case "getetag" -> {
        xml.append("<d:getetag>");
        DavXml.escape(node.etag(), xml);
        xml.append("</d:getetag>");
      }
      case "getlastmodified" ->
          xml.append("<d:getlastmodified>").append(httpDate(node.modifiedAt())).append("</d:getlastmodified>");
      case "resourcetype" ->
          xml.append(node.isFolder() ? "<d:resourcetype><d:collection/></d:resourcetype>" : "<d:resourcetype/>");
      case "supportedlock" -> xml.append(SUPPORTED_LOCK);
      case "lockdiscovery" -> {
        xml.append("<d:lockdiscovery>");
        for (DavLock lock : locks()) {
          if (lock.covers(path)) {
            activeLock(x, lock, now, xml);
          }
        }
        xml.append("</d:lockdiscovery>");
      }
      case "quota-available-bytes" -> {
        if (!node.isFolder()) {
          return false;
        }
        xml.append("<d:quota-available-bytes>").append(usage().freeBytes()).append("</d:quota-available-bytes>");
      }
      case "quota-used-bytes" -> {
        if (!node.isFolder()) {
          return false;
        }
        xml.append("<d:quota-used-bytes>").append(usage().usedBytes()).append("</d:quota-used-bytes>");
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  /** A DAV:activelock element. */
  static void activeLock(DavServlet.Exchange x, DavLock lock, Instant now, StringBuilder xml) {
    xml.append("<d:activelock><d:locktype><d:write/></d:locktype><d:lockscope>")
        .append(lock.exclusive() ? "<d:exclusive/>" : "<d:shared/>")
        .append("</d:lockscope><d:depth>").append(lock.depthInfinity() ? "infinity" : "0").append("</d:depth>");
    if (lock.ownerXml() != null) {
      xml.append("<d:owner>").append(lock.ownerXml()).append("</d:owner>");
    }
    xml.append("<d:timeout>Second-").append(lock.secondsLeft(now)).append("</d:timeout>")
        .append("<d:locktoken><d:href>");
    DavXml.escape(lock.token(), xml);
    xml.append("</d:href></d:locktoken><d:lockroot><d:href>");
    DavXml.escape(DavServlet.href(x, lock.rootPath()), xml);
    xml.append("</d:href></d:lockroot></d:activelock>");
  }

  static String httpDate(Instant instant) {
    return HTTP_DATE.format(instant);
  }

  private List<DeadProperty> dead(FileNode node) {
    if (dead == null) {
      dead = members.isEmpty()
          ? deadProperties.of(List.of(resource.id()))
          : deadProperties.ofFolderAndChildren(resource.id());
    }
    return dead.getOrDefault(node.id(), List.of());
  }

  private List<DavLock> locks() {
    if (locks == null) {
      locks = davLocks.active(x.actor.userId());
    }
    return locks;
  }

  private Usage usage() {
    if (usage == null) {
      usage = files.usage(x.actor);
    }
    return usage;
  }
}
