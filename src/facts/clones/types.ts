/** The clones fact's shapes, shared by both engines. */

/** One side of a clone pair: 1-based inclusive lines. */
export interface CloneLocation {
  file: string;
  start: number;
  end: number;
}

/** Two places that share the same code. */
export interface ClonePair {
  a: CloneLocation;
  b: CloneLocation;
  lines: number;
  tokens: number;
  /**
   * How many of the tokens lie in type-level code in both copies (interface,
   * type alias and `declare` declarations, overload signatures, declaration
   * files); null when the engine does not tell (jscpd).
   */
  typeTokens: number | null;
}

/** The clones fact, or why there is none. */
export type ClonesFact = { status: "ok"; clones: ClonePair[] } | { status: "unavailable"; reason: string };

/** Which detector finds clones: the built-in token-window index, or jscpd 5 as a child process. */
export type CloneEngine = "builtin" | "jscpd";

/** How clones are detected (config `clones`). */
export interface CloneSettings {
  engine: CloneEngine;
  /** Minimum clone size in tokens; null keeps the default (50, as jscpd). */
  minTokens: number | null;
  /** Minimum clone size in lines; null keeps the default (5, as jscpd). */
  minLines: number | null;
  /** Detection is stopped after this long, and the category is not applicable. */
  timeoutMs: number;
}

/** What to scan and with which executable. */
export interface CloneRun {
  root: string;
  /** Repo-relative files to compare. */
  files: readonly string[];
  maxFileSize: number;
  settings: CloneSettings;
  /** An explicit jscpd executable (the GROUNDWORK_JSCPD variable), which selects the jscpd engine. */
  executable?: string | undefined;
}
