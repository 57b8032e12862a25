package org.cloudworkspace.office.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new blank document: the folder ({@code root} or an id), its name, and document, spreadsheet or presentation. */
public record NewDocumentRequest(
    @NotBlank(message = "Say in which folder (folderId, or 'root').") @Size(max = 64, message = "folderId is too long.")
        String folderId,
    @NotBlank(message = "Give the new file a name.") @Size(max = 250, message = "Use a name of at most 250 characters.")
        String name,
    @NotNull(message = "Say which kind: document, spreadsheet or presentation.")
        @Pattern(regexp = "document|spreadsheet|presentation",
            message = "kind is document, spreadsheet or presentation.") String kind) {}
