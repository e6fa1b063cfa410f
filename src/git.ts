/**
 * The one way Groundwork runs git through simple-git: every call is stopped when
 * git prints nothing for a while (a hung credential helper, a stuck filesystem,
 * a wrapper script that never returns), so a scan never hangs on git.
 *
 * May: build simple-git clients. May not: run git itself.
 */
import { simpleGit } from "simple-git";

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

/** What Groundwork asks of git: one command at a time, its stdout as text. */
export interface Git {
  raw(args: readonly string[]): Promise<string>;
}

/**
 * A git runner for `root` through simple-git. Each call fails with a "block
 * timeout" error when git hangs, and runs with `--no-optional-locks`: git must
 * not refresh an index (a submodule's included) while Groundwork only reads.
 * `onStderr` receives what git prints on stderr (warnings of a successful call).
 */
export function gitAt(root: string, onStderr?: (text: string) => void): Git {
  const client = simpleGit({ baseDir: root, timeout: { block: gitTimeoutSeconds() * 1000 } });
  if (onStderr) {
    client.outputHandler((_command, _stdout, stderr) => {
      stderr.on("data", (chunk: Buffer) => onStderr(chunk.toString("utf8")));
    });
  }
  return { raw: (args) => client.raw(["--no-optional-locks", ...args]) };
}

/** True when a simple-git error is the timeout above. */
export function isGitTimeout(error: unknown): boolean {
  return error instanceof Error && /block timeout reached/.test(error.message);
}

/** The reason given when git was stopped for silence. */
export function gitTimeoutReason(): string {
  return `git printed nothing for ${gitTimeoutSeconds()} s and was stopped (GROUNDWORK_GIT_TIMEOUT sets the limit)`;
}
