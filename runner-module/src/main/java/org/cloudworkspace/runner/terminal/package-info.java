/**
 * Terminal sessions: shells run with a TTY in a workspace (docker exec), kept by the runner while clients come and go,
 * each with the last {@value org.cloudworkspace.runner.terminal.OutputRing#CAPACITY} bytes of output for replay.
 */
package org.cloudworkspace.runner.terminal;
