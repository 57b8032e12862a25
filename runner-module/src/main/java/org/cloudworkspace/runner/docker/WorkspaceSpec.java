package org.cloudworkspace.runner.docker;

import java.util.regex.Pattern;
import org.cloudworkspace.runner.common.RunnerProblem;

/**
 * What the app asks for when it starts a workspace: which workspace, whose, from which template and image, and how
 * much memory and CPU. Everything else about the container the runner decides.
 *
 * @param workspaceId the app's id of the workspace: 1 to 64 of {@code a-z 0-9 -}
 * @param owner the owner's username (a label, never a path or flag)
 * @param template the template's name, for the label
 * @param image a local image reference (the app's approved list chose it; the runner never pulls)
 * @param memoryMb memory limit in MiB, at least 64, at most the runner's {@code RUNNER_MAX_MEMORY_MB}
 * @param cpus CPU limit, at least 1, at most the runner's {@code RUNNER_MAX_CPUS}
 */
public record WorkspaceSpec(
    String workspaceId, String owner, String template, String image, long memoryMb, long cpus) {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
  private static final Pattern TEMPLATE = Pattern.compile("[a-z0-9][a-z0-9._/:@-]{0,254}");
  private static final Pattern IMAGE = Pattern.compile("[a-z0-9][a-z0-9._/:@-]{0,254}");

  /** Checks a workspace id as it appears in a path. */
  public static String checkId(String workspaceId) {
    if (workspaceId == null || !ID.matcher(workspaceId).matches()) {
      throw RunnerProblem.badRequest("A workspace id is 1 to 64 characters of a-z, 0-9 and '-'.");
    }
    return workspaceId;
  }

  /** Refuses a spec with a missing or malformed part, or limits beyond what the policy allows. */
  public WorkspaceSpec checked(WorkspacePolicy policy) {
    checkId(workspaceId);
    if (owner == null || !OWNER.matcher(owner).matches()) {
      throw RunnerProblem.badRequest("The owner must be a username of 1 to 64 characters.");
    }
    if (template == null || !TEMPLATE.matcher(template).matches()) {
      throw RunnerProblem.badRequest("The template name is missing or malformed.");
    }
    if (image == null || !IMAGE.matcher(image).matches()) {
      throw RunnerProblem.badRequest("The image reference is missing or malformed.");
    }
    if (memoryMb < 64 || memoryMb > policy.maxMemoryMb()) {
      throw RunnerProblem.badRequest("memoryMb must be between 64 and " + policy.maxMemoryMb() + ".");
    }
    if (cpus < 1 || cpus > policy.maxCpus()) {
      throw RunnerProblem.badRequest("cpus must be between 1 and " + policy.maxCpus() + ".");
    }
    return this;
  }
}
