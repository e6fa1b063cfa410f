/**
 * The tsconfig fact: each tsconfig.json (or jsconfig.json) of the repository
 * read the way `tsc` reads it, `extends` and `references` followed, without
 * an install. A bare `extends` names a package: a workspace package of the
 * repository (`@repo/tsconfig/base` → its folder, as npm, pnpm and yarn would
 * link it), else node_modules when it is installed. What cannot be found is
 * unknown, and said so once: an option it might have set is never guessed.
 *
 * May: read tsconfig, jsconfig and package.json files, and node_modules when present.
 * May not: parse source files, report findings.
 */
import { dirname, join, posix, relative, sep } from "node:path";
import ts from "#typescript";
import { describeReadProblem, READ_LIMITS, readBoundedText } from "../../read.js";
import type { PackageFact } from "../context/packages.js";
import { isRecord } from "../../guards.js";

/** The compiler options a directory's files are resolved with. */
export interface ResolutionOptions {
  options: ts.CompilerOptions;
  /** Repo-relative directory of the tsconfig/jsconfig, or null for the defaults. */
  configDir: string | null;
}

/** One config file as `tsc` would read it. */
export interface ConfigRead {
  /** Repo-relative path of the file. */
  path: string;
  /** Compiler options after `extends`; options an unknown base might set are absent. */
  options: ts.CompilerOptions;
  /** `extends` specifiers that were found neither in the repository nor in node_modules. */
  unknownBases: string[];
  /** Repo-relative paths of the configs it `references`, that exist. */
  references: string[];
  /** A solution file: `files: []` (or nothing to compile) and references; its options apply to nothing. */
  isSolution: boolean;
  /** The file does not parse as JSON with comments. */
  error: string | null;
}

/** Whether a project type-checks in strict mode, and where that comes from. */
export interface Strictness {
  /** null: unknown (an `extends` that could not be read may set it). */
  isStrict: boolean | null;
  /** The configs the answer was read from (a solution file's references). */
  from: string[];
}

/** Defaults when no tsconfig applies: modern resolution that also finds JavaScript files. */
export const DEFAULT_OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowJs: true,
  resolveJsonModule: true,
};

const CONFIG_NAMES = ["tsconfig.json", "jsconfig.json"];
/** "File '{0}' not found.": how `tsc` reports an `extends` it cannot find. */
const FILE_NOT_FOUND = 6053;
/** "No inputs were found in config file": expected, as `include` is not expanded. */
const NO_INPUTS_FOUND = 18003;
const NODE_MODULES = `${sep}node_modules${sep}`;

/**
 * Reads the repository's tsconfig files once each. Workspace packages stand in
 * for their node_modules links, so that an `extends` of a workspace package
 * resolves in a fresh clone.
 */
export class TsconfigReader {
  private readonly reads = new Map<string, ConfigRead>();
  private readonly workspaceDirs = new Map<string, string>();
  /** Why a file that exists was not read (a FIFO, a link out of the repository), by absolute path. */
  private readonly refused = new Map<string, string>();
  private readonly host: ts.ParseConfigHost;

  constructor(
    private readonly root: string,
    packages: readonly PackageFact[],
  ) {
    for (const pkg of packages) {
      if (pkg.name && !this.workspaceDirs.has(pkg.name)) this.workspaceDirs.set(pkg.name, join(root, pkg.dir));
    }
    this.host = {
      useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames,
      readDirectory: () => [],
      fileExists: (file) => ts.sys.fileExists(this.linked(file)),
      readFile: (file) => this.text(this.linked(file)),
      // Every folder has a virtual node_modules holding the workspace packages (and their scopes).
      directoryExists: (dir) =>
        ts.sys.directoryExists(this.linked(dir)) || /[\\/]node_modules(?:[\\/]@[^\\/]+)?[\\/]?$/.test(dir),
      realpath: (file) => this.linked(file),
    };
  }

  /** Reads one config by repo-relative path. */
  read(path: string): ConfigRead {
    const cached = this.reads.get(path);
    if (cached) return cached;
    const absolute = join(this.root, path);
    const text = ts.readConfigFile(absolute, (file) => this.text(file));
    let result: ConfigRead;
    if (text.error) {
      result = {
        path,
        options: {},
        unknownBases: [],
        references: [],
        isSolution: false,
        error: this.refused.get(absolute) ?? flatten(text.error),
      };
    } else {
      const parsed = ts.parseJsonConfigFileContent(text.config, this.host, dirname(absolute), undefined, absolute);
      const unknownBases = parsed.errors
        .filter((error) => error.code === FILE_NOT_FOUND)
        .map((error) => flatten(error))
        .map((message) => /'(.*)'/.exec(message)?.[1] ?? message);
      const serious = parsed.errors.filter((error) => error.code !== NO_INPUTS_FOUND && error.code !== FILE_NOT_FOUND);
      const references = (parsed.projectReferences ?? [])
        .map((reference) => this.configOf(reference.path))
        .filter((found): found is string => found !== null);
      const config: unknown = text.config;
      const compilesNothing =
        isRecord(config) && Array.isArray(config.files) && config.files.length === 0 && config.include === undefined;
      result = {
        path,
        options: parsed.options,
        unknownBases,
        references,
        isSolution: references.length > 0 && compilesNothing,
        error: serious[0] ? flatten(serious[0]) : null,
      };
    }
    this.reads.set(path, result);
    return result;
  }

  /**
   * Strict mode of the project a config describes: its own `strict` (after
   * `extends`), or for a solution file, the projects it references (strict
   * when every known one is, off when one is off, else unknown).
   */
  strictness(path: string, seen = new Set<string>()): Strictness {
    seen.add(path);
    const config = this.read(path);
    if (!config.isSolution) {
      if (config.error !== null && Object.keys(config.options).length === 0) return { isStrict: null, from: [path] };
      const isStrict =
        config.options.strict !== undefined ? config.options.strict : config.unknownBases.length > 0 ? null : false;
      return { isStrict, from: [path] };
    }
    const parts = config.references
      .filter((reference) => !seen.has(reference))
      .map((reference) => this.strictness(reference, seen));
    const off = parts.filter((part) => part.isStrict === false);
    if (off.length > 0) return { isStrict: false, from: off.flatMap((part) => part.from) };
    const isStrict = parts.length > 0 && parts.every((part) => part.isStrict === true) ? true : null;
    return { isStrict, from: parts.flatMap((part) => part.from) };
  }

  /** Every `extends` that could not be found, by specifier, with the configs naming it: for one summary warning. */
  unknownBases(): Map<string, string[]> {
    const bySpecifier = new Map<string, string[]>();
    for (const config of this.reads.values()) {
      for (const base of config.unknownBases) {
        const list = bySpecifier.get(base) ?? [];
        list.push(config.path);
        bySpecifier.set(base, list);
      }
    }
    return bySpecifier;
  }

  /** The repo-relative config a project reference names (a file, or a folder holding tsconfig.json). */
  private configOf(absolute: string): string | null {
    const candidates = absolute.endsWith(".json") ? [absolute] : [join(absolute, "tsconfig.json"), absolute];
    const found = candidates.find((candidate) => ts.sys.fileExists(candidate));
    if (!found) return null;
    const path = relative(this.root, found).split(sep).join("/");
    return path.startsWith("../") ? null : path;
  }

  /**
   * A config's text: only a regular file, of at most the config limit. A link
   * is followed out of the repository only for an installed package
   * (node_modules, which package managers link to their store) or a config
   * above the scanned folder that an `extends` names, as `tsc` reads them.
   */
  private text(file: string): string | undefined {
    const inRoot = relative(this.root, file);
    const isDependency = inRoot.startsWith("..") || inRoot.split(sep).includes("node_modules");
    const read = readBoundedText(this.root, file, READ_LIMITS.config, { isOutsideAllowed: isDependency });
    if (read.ok) return read.text;
    if (read.reason !== "missing" && read.reason !== "unreadable")
      this.refused.set(file, `it ${describeReadProblem(read)}`);
    return undefined;
  }

  /** `…/node_modules/<workspace package>/rest` → the package's folder, as an install would link it. */
  private linked(file: string): string {
    const at = file.lastIndexOf(NODE_MODULES);
    if (at === -1) return file;
    const rest = file.slice(at + NODE_MODULES.length).split(sep);
    const name = rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1] ?? ""}` : (rest[0] ?? "");
    const dir = this.workspaceDirs.get(name);
    if (dir === undefined) return file;
    return join(dir, ...rest.slice(name.includes("/") ? 2 : 1));
  }
}

/**
 * The nearest tsconfig.json (or jsconfig.json) for each directory, read once
 * with `extends`. Only compiler options are read: the `include` globs are not
 * expanded. A solution file lends its directory the options of the project it
 * references in the same folder (hono's `tsconfig.json` → `tsconfig.build.json`).
 */
export class TsconfigIndex {
  private readonly configs = new Map<string, string>();
  private readonly parsed = new Map<string, ResolutionOptions>();
  private readonly nearest = new Map<string, ResolutionOptions>();
  private readonly problems: string[] = [];

  constructor(
    private readonly reader: TsconfigReader,
    configPaths: readonly string[],
  ) {
    for (const name of [...CONFIG_NAMES].reverse()) {
      for (const path of configPaths.filter((candidate) => posix.basename(candidate) === name)) {
        this.configs.set(posix.dirname(path) === "." ? "" : posix.dirname(path), path);
      }
    }
  }

  /** Problems met reading tsconfig files: one line per unreadable file, one for every unknown `extends`. */
  get warnings(): string[] {
    // Every config is read for this, not only those that imports were resolved with: a base is unknown either way.
    for (const path of this.configs.values()) this.reader.read(path);
    return [...this.problems, ...unknownBasesWarning(this.reader.unknownBases())];
  }

  /** Options for files in repo-relative directory `dir`. */
  optionsFor(dir: string): ResolutionOptions {
    const cached = this.nearest.get(dir);
    if (cached) return cached;
    let found: ResolutionOptions;
    const config = this.configs.get(dir);
    if (config !== undefined) found = this.parse(dir, config);
    else if (dir === "") found = { options: DEFAULT_OPTIONS, configDir: null };
    else found = this.optionsFor(posix.dirname(dir) === "." ? "" : posix.dirname(dir));
    this.nearest.set(dir, found);
    return found;
  }

  private parse(dir: string, path: string): ResolutionOptions {
    const cached = this.parsed.get(dir);
    if (cached) return cached;
    let config = this.reader.read(path);
    if (config.isSolution) {
      const sibling = config.references.find((reference) => posix.dirname(reference) === posix.dirname(path));
      if (sibling !== undefined) config = this.reader.read(sibling);
    }
    let result: ResolutionOptions;
    if (config.error !== null && Object.keys(config.options).length === 0) {
      this.problems.push(`${path}: cannot be read (${config.error}); resolving its imports with default options`);
      result = { options: DEFAULT_OPTIONS, configDir: dir };
    } else {
      if (config.error !== null) this.problems.push(`${config.path}: ${config.error}`);
      // JavaScript files are modules of the graph whatever the project compiles.
      result = { options: { ...config.options, allowJs: true, resolveJsonModule: true }, configDir: dir };
    }
    this.parsed.set(dir, result);
    return result;
  }
}

/** One warning for every `extends` that could not be found, however many configs name it. */
export function unknownBasesWarning(bases: ReadonlyMap<string, readonly string[]>): string[] {
  if (bases.size === 0) return [];
  const configs = new Set([...bases.values()].flat());
  const named = [...bases.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([base, from]) => `${base} (${from.length === 1 ? from[0] : `${from.length} configs`})`);
  const shown = named.length > 3 ? [...named.slice(0, 3), `${named.length - 3} more`] : named;
  return [
    `tsconfig extends not found in the repository or node_modules: ${shown.join(", ")}; options they set are unknown in ${configs.size} config${configs.size === 1 ? "" : "s"} (install the dependencies to read them)`,
  ];
}

function flatten(diagnostic: ts.Diagnostic): string {
  return ts.flattenDiagnosticMessageText(diagnostic.messageText, " ");
}
