/**
 * The one way Groundwork runs git through simple-git: every call is stopped when
 * git prints nothing for a while (a hung credential helper, a stuck filesystem,
 * a wrapper script that never returns), so a scan never hangs on git.
 *
 * May: build simple-git clients. May not: run git itself.
 */
import { simpleGit, type SimpleGit } from "simple-git";

const DEFAULT_TIMEOUT_SECONDS = 120;

/**
 * Seconds git may stay silent before it is stopped: `GROUNDWORK_GIT_TIMEOUT`
 * when it is a positive number, else 120. The clock restarts on every output,
 * so a long `git log` that streams is never cut.
 */
export function gitTimeoutSeconds(): number {
  const configured = Number(process.env.GROUNDWORK_GIT_TIMEOUT);
  return Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_TIMEOUT_SECONDS;
}

/** A simple-git client for `root` whose calls fail with a "block timeout" error when git hangs. */
export function gitAt(root: string): SimpleGit {
  return simpleGit({
    baseDir: root,
    timeout: { block: gitTimeoutSeconds() * 1000 },
  });
}

/** True when a simple-git error is the timeout above. */
export function isGitTimeout(error: unknown): boolean {
  return error instanceof Error && /block timeout reached/.test(error.message);
}

/** The reason given when git was stopped for silence. */
export function gitTimeoutReason(): string {
  return `git printed nothing for ${gitTimeoutSeconds()} s and was stopped (GROUNDWORK_GIT_TIMEOUT sets the limit)`;
}
