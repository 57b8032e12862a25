package org.cloudworkspace.mail.api;

import java.util.List;

/**
 * An action on messages of one folder: {@code seen}, {@code unseen}, {@code flag}, {@code unflag}, {@code move} (to
 * {@code target}), {@code delete} (to Trash; in Trash for good) or {@code archive}.
 */
public record ActionRequest(String folder, List<Long> uids, String action, String target) {}
