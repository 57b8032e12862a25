package org.cloudworkspace.office.api;

import org.cloudworkspace.office.OfficeService;

/**
 * The answer the Document Server expects from a callback: {@code {"error":0}}, or an error with a message (JSON-B
 * leaves the null message out).
 */
public record CallbackAnswerView(int error, String message) {

  static CallbackAnswerView from(OfficeService.CallbackAnswer answer) {
    return new CallbackAnswerView(answer.error(), answer.message());
  }
}
