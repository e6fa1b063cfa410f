/**
 * The one way Groundwork runs git. Every call is stopped when git prints
 * nothing for a while (a hung credential helper, a stuck filesystem, a wrapper
 * script that never returns), so a scan never hangs on git; and every call runs
 * with the configuration below, so that nothing a repository's `.git/config`
 * (or an included file) sets runs a program during a scan.
 *
 * May: build git clients, list the configuration every git call runs with.
 * May not: run git any other way.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { simpleGit } from "simple-git";

const DEFAULT_TIMEOUT_SECONDS = 120;

/** The environment git's settings are read from: the caller's (runWithGitEnv), else process.env. */
type Environment = Readonly<Record<string, string | undefined>>;

const callerEnv = new AsyncLocalStorage<Environment>();

/**
 * Runs `work` with `env` as the environment every git call made from it reads
 * its settings from (GROUNDWORK_GIT_TIMEOUT), instead of process.env: the CLI
 * passes the environment it was given. Scoped to `work` and what it awaits, so
 * two runs at once (tests, a host calling the CLI twice) each see their own.
 */
export function runWithGitEnv<T>(env: Environment, work: () => T): T {
  return callerEnv.run(env, work);
}

/**
 * What every git call runs with (`git -c key=value …`), whatever the
 * repository's configuration says. A `.git/config` arrives with a tarball, a
 * shared folder or a container volume; these keys are the ones through which it
 * could make a read-only command run a program:
 * - `core.fsmonitor`: a hook run by every command that reads the index;
 * - `core.hooksPath`: no hook of the repository's is ever run;
 * - `log.showSignature`: `git log`/`git show` would run `gpg.program` on signed commits.
 * Filter and diff drivers (`filter.<name>.clean`, `diff.<name>.textconv`) are
 * named by the repository: see `driverOverrides`. Groundwork never asks for a
 * diff's text (no `diff.external`), a pager (no terminal) or the network.
 */
export const SAFE_GIT_CONFIG: readonly string[] = [
  "core.fsmonitor=false",
  "core.hooksPath=/dev/null",
  "log.showSignature=false",
];

/** The keys of a filter or diff driver that name a program to run. */
const DRIVER_PROGRAMS = /^(filter|diff)\.(.+)\.(clean|smudge|process|textconv|command)$/;

/** The commands that may hash work-tree files, and so run their clean filter. */
const HASHING_COMMANDS = new Set(["diff-files", "status"]);

/**
 * Seconds git may stay silent before it is stopped: `GROUNDWORK_GIT_TIMEOUT`
 * (of `env`: by default the caller's, see runWithGitEnv, else process.env)
 * when it is a positive number, else 120. The clock restarts on every output,
 * so a long `git log` that streams is never cut.
 */
export function gitTimeoutSeconds(env: Environment = callerEnv.getStore() ?? process.env): number {
  const configured = Number(env.GROUNDWORK_GIT_TIMEOUT);
  return Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_TIMEOUT_SECONDS;
}

/** What Groundwork asks of git: one command at a time, its stdout as text. */
export interface Git {
  raw(args: readonly string[]): Promise<string>;
}

/**
 * A git runner for `root` through simple-git. Each call fails with a "block
 * timeout" error when git hangs, and runs with `--no-optional-locks` (git must
 * not refresh an index, a submodule's included, while Groundwork only reads),
 * SAFE_GIT_CONFIG, and every filter and diff driver the configuration defines
 * turned off (a racily clean file is hashed through its clean filter by
 * `diff-files` and `status`). `onStderr` receives what git prints on stderr
 * (warnings of a successful call).
 */
export function gitAt(root: string, onStderr?: (text: string) => void): Git {
  const client = simpleGit({
    baseDir: root,
    timeout: { block: gitTimeoutSeconds() * 1000 },
    // simple-git refuses any `-c` of these keys; Groundwork's own values only turn them off.
    unsafe: {
      allowUnsafeFsMonitor: true,
      allowUnsafeHooksPath: true,
      allowUnsafeFilter: true,
      allowUnsafeDiffTextConv: true,
      allowUnsafeDiffExternal: true,
    },
  });
  if (onStderr) {
    client.outputHandler((_command, _stdout, stderr) => {
      stderr.on("data", (chunk: Buffer) => onStderr(chunk.toString("utf8")));
    });
  }
  let overrides: Promise<DriverOverrides> | null = null;
  return {
    raw: async (args) => {
      overrides ??= driverOverrides((query) => client.raw(["--no-optional-locks", ...configArgs(), ...query]));
      const { settings, unnamable } = await overrides;
      if (unnamable.length > 0 && HASHING_COMMANDS.has(args[0] ?? ""))
        throw new Error(
          `git ${args[0]} not run: filter driver "${unnamable[0]}" cannot be turned off (a = in its name)`,
        );
      return client.raw(["--no-optional-locks", ...configArgs(settings), ...args]);
    },
  };
}

/** Settings that turn the configured drivers off, and the filters no `-c` can name (their name holds a `=`). */
export interface DriverOverrides {
  settings: string[];
  unnamable: string[];
}

/** The `-c` arguments of SAFE_GIT_CONFIG, then of `extra` (`key=value` each). */
export function configArgs(extra: readonly string[] = []): string[] {
  return [...SAFE_GIT_CONFIG, ...extra].flatMap((setting) => ["-c", setting]);
}

/**
 * `key=value` settings that turn off every filter and diff driver the
 * configuration seen from the repository defines (any scope, includes too): its
 * programs set to nothing, which git skips, and a filter no longer required (a
 * required filter without a program would fail the command). Git is asked once
 * per client; when it cannot tell (not a repository, no git), there is nothing
 * to turn off. `git -c` splits at the first `=`, so a filter whose name holds
 * one cannot be named: the commands that would run it are refused instead.
 */
export async function driverOverrides(query: (args: string[]) => Promise<string>): Promise<DriverOverrides> {
  let names: string;
  try {
    names = await query(["config", "--null", "--name-only", "--get-regexp", DRIVER_PROGRAMS.source]);
  } catch {
    return { settings: [], unnamable: [] };
  }
  const settings = new Set<string>();
  const unnamable = new Set<string>();
  for (const key of names.split("\0")) {
    const match = DRIVER_PROGRAMS.exec(key);
    if (!match) continue;
    const [, section, driver = ""] = match;
    if (driver.includes("=")) {
      if (section === "filter") unnamable.add(driver);
      // A diff driver runs only for a diff's text, which Groundwork never asks for.
    } else if (section === "filter") {
      for (const program of ["clean", "smudge", "process"]) settings.add(`filter.${driver}.${program}=`);
      settings.add(`filter.${driver}.required=false`);
    } else {
      for (const program of ["textconv", "command"]) settings.add(`diff.${driver}.${program}=`);
    }
  }
  return { settings: [...settings], unnamable: [...unnamable] };
}

/** True when a simple-git error is the timeout above. */
export function isGitTimeout(error: unknown): boolean {
  return error instanceof Error && /block timeout reached/.test(error.message);
}

/** The reason given when git was stopped for silence. */
export function gitTimeoutReason(): string {
  return `git printed nothing for ${gitTimeoutSeconds()} s and was stopped (GROUNDWORK_GIT_TIMEOUT sets the limit)`;
}
