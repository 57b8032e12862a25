package org.cloudworkspace.common.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API under {@code /api}, authenticated by MicroProfile JWT bearer tokens. */
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT", realmName = "cloud-workspace")
@DeclareRoles({"user", "admin"})
@OpenAPIDefinition(
    info =
        @Info(
            title = "Cloud Workspace API",
            version = "1",
            description =
                "Files, documents, mail, IDE and administration of a self-hosted workspace. Errors are RFC 9457"
                    + " problem details."))
@SecurityScheme(
    securitySchemeName = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
public class WorkspaceApplication extends Application {}
