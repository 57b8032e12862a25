package org.cloudworkspace.office;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fields of a Document Server callback that matter here, taken from the signed payload only: {@code key},
 * {@code status}, {@code url}, {@code filetype}, {@code users} and {@code actions}.
 */
public record CallbackBody(String key, int status, String url, String fileType, List<String> users, List<Action> actions) {

  /** A user connecting (1), disconnecting (0) or pressing Save (2). */
  public record Action(int type, String userId) {}

  public CallbackBody {
    users = List.copyOf(users);
    actions = List.copyOf(actions);
  }

  /** Reads the signed payload; throws {@link IllegalArgumentException} when a required field is missing. */
  static CallbackBody from(Map<String, Object> payload) {
    Object key = payload.get("key");
    Object status = payload.get("status");
    if (!(key instanceof String k) || k.isBlank() || k.length() > 128) {
      throw new IllegalArgumentException("The callback has no valid key.");
    }
    if (!(status instanceof Number s)) {
      throw new IllegalArgumentException("The callback has no status.");
    }
    Object url = payload.get("url");
    Object fileType = payload.get("filetype");
    List<String> users = new ArrayList<>();
    if (payload.get("users") instanceof List<?> list) {
      for (Object user : list) {
        if (user != null) {
          users.add(user.toString());
        }
      }
    }
    List<Action> actions = new ArrayList<>();
    if (payload.get("actions") instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> action && action.get("type") instanceof Number type) {
          Object user = action.get("userid");
          actions.add(new Action(type.intValue(), user == null ? null : user.toString()));
        }
      }
    }
    return new CallbackBody(
        k, s.intValue(), url instanceof String u ? u : null, fileType instanceof String f ? f : null, users, actions);
  }
}
