package org.cloudworkspace.common.web;

import java.util.Optional;

/**
 * A context's exception to the strict content security policy for one kind of page: an origin whose scripts and
 * frames that page may load (e.g. the Document Server on the document editor page). Found by CDI.
 */
public interface CspAllowance {

  /** The origin (scheme://host[:port]) allowed for script-src and frame-src on this path, if any. */
  Optional<String> originFor(String path);
}
