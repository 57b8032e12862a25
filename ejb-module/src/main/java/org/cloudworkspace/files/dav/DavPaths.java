package org.cloudworkspace.files.dav;

/** Paths of a user's tree as WebDAV sees them: {@code /} for the root, {@code /a/b} below it, no trailing slash. */
public final class DavPaths {

  private DavPaths() {}

  /** Whether {@code path} lies strictly below {@code folder}. */
  public static boolean isInside(String path, String folder) {
    if ("/".equals(folder)) {
      return !"/".equals(path);
    }
    return path.length() > folder.length() && path.startsWith(folder) && path.charAt(folder.length()) == '/';
  }

  /** The path of a child of {@code folder}. */
  public static String child(String folder, String name) {
    return ("/".equals(folder) ? "" : folder) + "/" + name;
  }

  /** The parent's path; the root's parent is null. */
  public static String parent(String path) {
    if ("/".equals(path)) {
      return null;
    }
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "/" : path.substring(0, slash);
  }
}
