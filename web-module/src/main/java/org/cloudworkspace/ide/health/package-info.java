/** MicroProfile Health checks of the IDE context: whether the runner server answers signed requests. */
package org.cloudworkspace.ide.health;
