package org.cloudworkspace.ide;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.cloudworkspace.common.error.InvalidInputException;
import org.cloudworkspace.common.settings.SettingsService;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The templates a workspace can be made from. {@code default} always exists and uses {@code IDE_DEFAULT_IMAGE}; every
 * image in the admin's approved list ({@code ide.approvedImages}) is a template named after the image.
 */
@ApplicationScoped
public class IdeTemplates {

  /** The template that always exists. */
  public static final String DEFAULT = "default";

  /** A template: its name and the image it starts. */
  public record Template(String name, String image) {}

  @Inject SettingsService settings;

  @Inject
  @ConfigProperty(name = "IDE_DEFAULT_IMAGE", defaultValue = "cloudworkspace/workspace:1")
  String defaultImage;

  /** Every template, {@code default} first. */
  public List<Template> all() {
    List<Template> templates = new ArrayList<>();
    templates.add(new Template(DEFAULT, defaultImage));
    for (String image : settings.ideApprovedImages()) {
      if (!image.equals(DEFAULT)) {
        templates.add(new Template(image, image));
      }
    }
    return templates;
  }

  /** The template of that name, or 400 naming the known ones. */
  public Template resolve(String name) {
    return all().stream()
        .filter(t -> t.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "template",
                    "Unknown template '" + name + "'. Choose one of: "
                        + String.join(", ", all().stream().map(Template::name).toList()) + "."));
  }

  /** Whether an image may (still) be started: the default image or one on the approved list. */
  public boolean approved(String image) {
    return all().stream().anyMatch(t -> t.image().equals(image));
  }
}
