package org.cloudworkspace.files.dav.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cloudworkspace.files.dav.DavEntry;
import org.cloudworkspace.files.dav.DavFiles;
import org.cloudworkspace.files.dav.DavLock;
import org.cloudworkspace.files.dav.DavPaths;
import org.cloudworkspace.files.dav.DeadProperty;

/**
 * Writes the multistatus answer of a PROPFIND: for the resource and, with Depth 1, each member, the live properties
 * clients need (RFC 4918 section 15, quota from RFC 4331) and the dead properties set with PROPPATCH. Everything it
 * answers from is loaded before the first byte (see {@link #extras}); the XML goes to the response as UTF-8 through
 * one fixed buffer, with no document string and no formatter per member.
 */
final class PropertyWriter {

  /** The DAV: live properties, in the order allprop lists them. */
  static final List<String> ALLPROP_LIVE =
      List.of("creationdate", "displayname", "getcontentlength", "getcontenttype", "getetag", "getlastmodified",
          "resourcetype", "supportedlock", "lockdiscovery");

  /** Live properties given only when asked for by name (RFC 4331). */
  static final Set<String> QUOTA = Set.of("quota-available-bytes", "quota-used-bytes");

  static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

  private static final byte[] SUPPORTED_LOCK = bytes(
      "<d:supportedlock><d:lockentry><d:lockscope><d:exclusive/></d:lockscope><d:locktype><d:write/></d:locktype>"
          + "</d:lockentry><d:lockentry><d:lockscope><d:shared/></d:lockscope><d:locktype><d:write/></d:locktype>"
          + "</d:lockentry></d:supportedlock>");

  private static final byte[] MULTISTATUS_START =
      bytes(DavResponses.XML_HEAD + "<d:multistatus xmlns:d=\"DAV:\">\n");
  private static final byte[] MULTISTATUS_END = bytes("</d:multistatus>\n");
  private static final byte[] RESPONSE_START = bytes("<d:response><d:href>");
  private static final byte[] HREF_END_PROPS = bytes("</d:href><d:propstat><d:prop>");
  private static final byte[] OK_END = bytes("</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>");
  private static final byte[] MISSING_START = bytes("<d:propstat><d:prop>");
  private static final byte[] MISSING_END =
      bytes("</d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat>");
  private static final byte[] RESPONSE_END = bytes("</d:response>\n");
  private static final byte[] CREATIONDATE = bytes("<d:creationdate>");
  private static final byte[] CREATIONDATE_END = bytes("</d:creationdate>");
  private static final byte[] DISPLAYNAME = bytes("<d:displayname>");
  private static final byte[] DISPLAYNAME_END = bytes("</d:displayname>");
  private static final byte[] CONTENTLENGTH = bytes("<d:getcontentlength>");
  private static final byte[] CONTENTLENGTH_END = bytes("</d:getcontentlength>");
  private static final byte[] CONTENTTYPE = bytes("<d:getcontenttype>");
  private static final byte[] CONTENTTYPE_END = bytes("</d:getcontenttype>");
  private static final byte[] ETAG = bytes("<d:getetag>");
  private static final byte[] ETAG_END = bytes("</d:getetag>");
  private static final byte[] LASTMODIFIED = bytes("<d:getlastmodified>");
  private static final byte[] LASTMODIFIED_END = bytes("</d:getlastmodified>");
  private static final byte[] COLLECTION = bytes("<d:resourcetype><d:collection/></d:resourcetype>");
  private static final byte[] NOT_COLLECTION = bytes("<d:resourcetype/>");
  private static final byte[] LOCKDISCOVERY = bytes("<d:lockdiscovery>");
  private static final byte[] LOCKDISCOVERY_END = bytes("</d:lockdiscovery>");
  private static final byte[] QUOTA_AVAILABLE = bytes("<d:quota-available-bytes>");
  private static final byte[] QUOTA_AVAILABLE_END = bytes("</d:quota-available-bytes>");
  private static final byte[] QUOTA_USED = bytes("<d:quota-used-bytes>");
  private static final byte[] QUOTA_USED_END = bytes("</d:quota-used-bytes>");
  private static final byte[] QUOTA_NAMES = bytes("<d:quota-available-bytes/><d:quota-used-bytes/>");

  /** A live property, by its local name in DAV:. */
  private enum Live {
    CREATIONDATE, DISPLAYNAME, GETCONTENTLENGTH, GETCONTENTTYPE, GETETAG, GETLASTMODIFIED, RESOURCETYPE, SUPPORTEDLOCK,
    LOCKDISCOVERY, QUOTA_AVAILABLE_BYTES, QUOTA_USED_BYTES;

    final String local = name().toLowerCase(Locale.ROOT).replace('_', '-');

    final byte[] empty = bytes("<d:" + local + "/>");

    static Live of(String local) {
      for (Live live : values()) {
        if (live.local.equals(local)) {
          return live;
        }
      }
      return null;
    }
  }

  private static final List<Live> ALLPROP = ALLPROP_LIVE.stream().map(Live::of).toList();

  private final DavServlet.Exchange x;
  private final PropertyRequest wanted;
  private final DavFiles.Listing listing;
  /** For each wanted name: its live property, or null for a dead (or unknown) one. */
  private final Live[] wantedLive;
  private final Instant now = Instant.now();

  PropertyWriter(DavServlet.Exchange x, PropertyRequest wanted, DavFiles.Listing listing) {
    this.x = x;
    this.wanted = wanted;
    this.listing = listing;
    this.wantedLive = live(wanted);
  }

  private static Live[] live(PropertyRequest wanted) {
    Live[] live = new Live[wanted.names().size()];
    for (int i = 0; i < live.length; i++) {
      PropertyRequest.Name name = wanted.names().get(i);
      live[i] = name.isDav() ? Live.of(name.local()) : null;
    }
    return live;
  }

  /** What the answer to this request needs besides the entries: dead properties, locks, usage. */
  static DavFiles.Extras extras(PropertyRequest wanted) {
    boolean dead = wanted.kind() != PropertyRequest.Kind.PROP;
    boolean locks = wanted.kind() == PropertyRequest.Kind.ALLPROP;
    boolean usage = false;
    for (PropertyRequest.Name name : wanted.names()) {
      if (!name.isDav()) {
        dead = true;
      } else if (QUOTA.contains(name.local())) {
        usage = true;
      } else if ("lockdiscovery".equals(name.local())) {
        locks = true;
      }
    }
    return new DavFiles.Extras(dead, locks, usage);
  }

  /** Writes the 207 answer. */
  void write(HttpServletResponse response) throws IOException {
    response.setStatus(207);
    response.setContentType(DavResponses.XML);
    XmlSink sink = new XmlSink(length -> {
      if (length >= 0) {
        response.setContentLength(length);
      }
      return response.getOutputStream();
    });
    multistatus(sink);
    sink.finish();
  }

  void multistatus(XmlSink out) throws IOException {
    out.markup(MULTISTATUS_START);
    DavEntry resource = listing.node();
    String path = x.target.path();
    StringBuilder href = new StringBuilder(x.base.length() + 64);
    href(x, x.target, resource.folder(), href);
    String resourceHref = href.toString();
    out.markup(RESPONSE_START).text(resourceHref);
    response(resource, path, out);
    if (!listing.members().isEmpty()) {
      byte[] folderHref = bytes(escaped(resourceHref.endsWith("/") ? resourceHref : resourceHref + "/"));
      for (DavEntry member : listing.members()) {
        out.markup(RESPONSE_START).markup(folderHref).hrefName(member.name());
        if (member.folder()) {
          out.ascii("/");
        }
        response(member, listing.locks().isEmpty() ? null : DavPaths.child(path, member.name()), out);
      }
    }
    out.markup(MULTISTATUS_END);
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

  /** The rest of a response element, after the href's text; {@code path} is needed only when there are locks. */
  private void response(DavEntry node, String path, XmlSink out) throws IOException {
    out.markup(HREF_END_PROPS);
    List<PropertyRequest.Name> missing = null;
    switch (wanted.kind()) {
      case ALLPROP -> {
        for (Live live : ALLPROP) {
          live(node, path, live, out);
        }
        for (DeadProperty property : dead(node)) {
          out.raw(property.xml());
        }
        for (int i = 0; i < wantedLive.length; i++) {
          Live live = wantedLive[i];
          if (live != null && QUOTA.contains(live.local) && !live(node, path, live, out)) {
            missing = add(missing, wanted.names().get(i));
          }
        }
      }
      case PROPNAME -> {
        for (Live live : ALLPROP) {
          if (applies(node, live)) {
            out.markup(live.empty);
          }
        }
        if (node.folder()) {
          out.markup(QUOTA_NAMES);
        }
        for (DeadProperty property : dead(node)) {
          StringBuilder name = new StringBuilder();
          DavXml.emptyElement(property.namespace(), property.localName(), name);
          out.raw(name.toString());
        }
      }
      case PROP -> {
        for (int i = 0; i < wantedLive.length; i++) {
          Live live = wantedLive[i];
          PropertyRequest.Name name = wanted.names().get(i);
          boolean found = live != null && live(node, path, live, out);
          if (!found && !name.isDav()) {
            for (DeadProperty property : dead(node)) {
              if (property.namespace().equals(name.namespace()) && property.localName().equals(name.local())) {
                out.raw(property.xml());
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
    out.markup(OK_END);
    if (missing != null) {
      out.markup(MISSING_START);
      StringBuilder names = new StringBuilder();
      for (PropertyRequest.Name name : missing) {
        DavXml.emptyElement(name.namespace(), name.local(), names);
      }
      out.raw(names.toString()).markup(MISSING_END);
    }
    out.markup(RESPONSE_END);
  }

  private static List<PropertyRequest.Name> add(List<PropertyRequest.Name> list, PropertyRequest.Name name) {
    List<PropertyRequest.Name> result = list == null ? new ArrayList<>() : list;
    result.add(name);
    return result;
  }

  private static boolean applies(DavEntry node, Live live) {
    return node.isFile() || !(live == Live.GETCONTENTLENGTH || live == Live.GETCONTENTTYPE);
  }

  /** Writes a live property of the node; false when the node has no such property. */
  private boolean live(DavEntry node, String path, Live live, XmlSink out) throws IOException {
    switch (live) {
      case CREATIONDATE -> out.markup(CREATIONDATE).isoInstant(node.createdAt()).markup(CREATIONDATE_END);
      case DISPLAYNAME -> out.markup(DISPLAYNAME).text(node.root() ? x.actor.username() : node.name())
          .markup(DISPLAYNAME_END);
      case GETCONTENTLENGTH -> {
        if (!node.isFile()) {
          return false;
        }
        out.markup(CONTENTLENGTH).number(node.size()).markup(CONTENTLENGTH_END);
      }
      case GETCONTENTTYPE -> {
        if (!node.isFile()) {
          return false;
        }
        out.markup(CONTENTTYPE).text(node.mimeType() == null ? "application/octet-stream" : node.mimeType())
            .markup(CONTENTTYPE_END);
      }
      case GETETAG -> out.markup(ETAG).text(node.etag()).markup(ETAG_END);
      case GETLASTMODIFIED -> out.markup(LASTMODIFIED).httpDate(node.modifiedAt()).markup(LASTMODIFIED_END);
      case RESOURCETYPE -> out.markup(node.folder() ? COLLECTION : NOT_COLLECTION);
      case SUPPORTEDLOCK -> out.markup(SUPPORTED_LOCK);
      case LOCKDISCOVERY -> {
        out.markup(LOCKDISCOVERY);
        if (!listing.locks().isEmpty()) {
          StringBuilder locks = new StringBuilder();
          for (DavLock lock : listing.locks()) {
            if (lock.covers(path)) {
              activeLock(x, lock, now, locks);
            }
          }
          out.raw(locks.toString());
        }
        out.markup(LOCKDISCOVERY_END);
      }
      case QUOTA_AVAILABLE_BYTES -> {
        if (!node.folder()) {
          return false;
        }
        out.markup(QUOTA_AVAILABLE).number(listing.usage().freeBytes()).markup(QUOTA_AVAILABLE_END);
      }
      case QUOTA_USED_BYTES -> {
        if (!node.folder()) {
          return false;
        }
        out.markup(QUOTA_USED).number(listing.usage().usedBytes()).markup(QUOTA_USED_END);
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

  private List<DeadProperty> dead(DavEntry node) {
    Map<String, List<DeadProperty>> dead = listing.deadProperties();
    return dead.isEmpty() ? List.of() : dead.getOrDefault(node.id(), List.of());
  }

  private static String escaped(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    DavXml.escape(text, out);
    return out.toString();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
