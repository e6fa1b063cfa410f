/**
 * Typed errors. Anything that is the user's to fix (usage, config, input) is a
 * GroundworkError with exit code 2 and a one-line message naming what and where;
 * anything else reaching the CLI is a bug.
 */

/** Exit codes, documented in the README. */
export const EXIT = {
  ok: 0,
  gateFailed: 1,
  usage: 2,
  internal: 3,
  /** The reader of stdout went away (`scan | head`): 128 + SIGPIPE, as a shell reports a program a closed pipe ended. */
  closedPipe: 141,
} as const;

/** Base class for errors the user can fix; the message is one line. */
export class GroundworkError extends Error {
  readonly exitCode: number = EXIT.usage;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A bad command line: unknown option, bad value, wrong argument count. */
export class UsageError extends GroundworkError {}

/** A config file that is missing, unreadable, not JSON or not valid against the schema. */
export class ConfigError extends GroundworkError {}

/** An input the scan cannot start from: a missing path, a file where a directory is expected. */
export class InputError extends GroundworkError {}
