/** The IDE's REST API ({@code /api/ide}) and the browser's terminal WebSocket ({@code /ws/ide/terminal}). */
package org.cloudworkspace.ide.api;
