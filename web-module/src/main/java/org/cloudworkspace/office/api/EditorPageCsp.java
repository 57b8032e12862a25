package org.cloudworkspace.office.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import org.cloudworkspace.common.web.CspAllowance;
import org.cloudworkspace.office.OfficeSettings;

/**
 * The document editor page ({@code /documents/edit/...}, loaded as a full page) may run the Document Server's
 * {@code api.js} and frame its editor: exactly the configured Document Server origin, nothing else, no other page.
 */
@ApplicationScoped
public class EditorPageCsp implements CspAllowance {

  /** The SPA path of the editor page. */
  static final String EDITOR_PAGE = "/documents/edit/";

  @Inject OfficeSettings settings;

  @Override
  public Optional<String> originFor(String path) {
    if (!path.startsWith(EDITOR_PAGE) || !settings.enabled()) {
      return Optional.empty();
    }
    try {
      URI uri = URI.create(settings.publicUrl());
      return Optional.of(uri.getScheme() + "://" + uri.getRawAuthority());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
