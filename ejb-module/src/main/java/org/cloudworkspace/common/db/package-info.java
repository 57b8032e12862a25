/** Schema migrations (Flyway) and JPA type conversions shared by all entities. */
package org.cloudworkspace.common.db;
