import { readFileSync } from "node:fs";
import { dirname, join, posix } from "node:path";
import ts from "#typescript";

/** The compiler options a directory's files are resolved with. */
export interface ResolutionOptions {
  options: ts.CompilerOptions;
  /** Repo-relative directory of the tsconfig/jsconfig, or null for the defaults. */
  configDir: string | null;
}

/** Defaults when no tsconfig applies: modern resolution that also finds JavaScript files. */
const DEFAULT_OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowJs: true,
  resolveJsonModule: true,
};

const CONFIG_NAMES = ["tsconfig.json", "jsconfig.json"];

/**
 * Finds the nearest tsconfig.json (or jsconfig.json) for each directory and
 * parses it once, `extends` included. Only compiler options are read: the
 * `include` globs are not expanded. A config that cannot be read gives a
 * warning and the defaults.
 */
export class TsconfigIndex {
  private readonly configDirs: Set<string>;
  private readonly parsed = new Map<string, ResolutionOptions>();
  private readonly nearest = new Map<string, ResolutionOptions>();
  readonly warnings: string[] = [];

  constructor(
    private readonly root: string,
    configPaths: readonly string[],
  ) {
    this.configDirs = new Set(
      configPaths
        .filter((path) => CONFIG_NAMES.includes(posix.basename(path)))
        .map((path) => (posix.dirname(path) === "." ? "" : posix.dirname(path))),
    );
  }

  /** Options for files in repo-relative directory `dir`. */
  optionsFor(dir: string): ResolutionOptions {
    const cached = this.nearest.get(dir);
    if (cached) return cached;
    let found: ResolutionOptions;
    if (this.configDirs.has(dir)) found = this.parse(dir);
    else if (dir === "") found = { options: DEFAULT_OPTIONS, configDir: null };
    else found = this.optionsFor(posix.dirname(dir) === "." ? "" : posix.dirname(dir));
    this.nearest.set(dir, found);
    return found;
  }

  private parse(dir: string): ResolutionOptions {
    const cached = this.parsed.get(dir);
    if (cached) return cached;
    const absoluteDir = join(this.root, dir);
    const name =
      CONFIG_NAMES.find((candidate) => ts.sys.fileExists(join(absoluteDir, candidate))) ?? CONFIG_NAMES[0] ?? "";
    const path = join(absoluteDir, name);
    const label = dir === "" ? name : `${dir}/${name}`;
    const read = ts.readConfigFile(path, (file) => readFileSync(file, "utf8"));
    let result: ResolutionOptions;
    if (read.error) {
      this.warnings.push(
        `${label}: cannot be read (${flatten(read.error)}); resolving its imports with default options`,
      );
      result = { options: DEFAULT_OPTIONS, configDir: dir };
    } else {
      const host: ts.ParseConfigHost = {
        useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames,
        readDirectory: () => [],
        fileExists: (file) => ts.sys.fileExists(file),
        readFile: (file) => ts.sys.readFile(file),
      };
      const parsed = ts.parseJsonConfigFileContent(read.config, host, dirname(path), undefined, path);
      const serious = parsed.errors.filter((error) => error.code !== NO_INPUTS_FOUND);
      const [firstError] = serious;
      if (firstError) this.warnings.push(`${label}: ${flatten(firstError)}`);
      // JavaScript files are modules of the graph whatever the project compiles.
      result = { options: { ...parsed.options, allowJs: true, resolveJsonModule: true }, configDir: dir };
    }
    this.parsed.set(dir, result);
    return result;
  }
}

/** "No inputs were found in config file": expected, as `include` is not expanded. */
const NO_INPUTS_FOUND = 18003;

function flatten(diagnostic: ts.Diagnostic): string {
  return ts.flattenDiagnosticMessageText(diagnostic.messageText, " ");
}
