/**
 * Resolves each path a context file mentions against the file list: from the
 * document's folder, the repository root, each workspace package, and for a
 * bare relative path a match of its end anywhere in the tree. A path found
 * nowhere is missing unless git ignores it, it is build output, a git ref, a
 * package specifier, or its sentence says it is not tracked.
 */
import { builtinModules } from "node:module";
import { posix } from "node:path";
import picomatch from "picomatch";
import type { Inventory } from "../../discover/index.js";
import { globCostProblem } from "../../discover/globs.js";
import { gitAt } from "../../git.js";
import type { ContextDocument } from "./documents.js";
import type { PackageFact } from "./packages.js";
import { RULE_ID, withoutLocation, type PathMention } from "./path-mentions.js";
import { editDistance } from "../../distance.js";

/** One mentioned path and what the check found. */
export interface PathCheck extends PathMention {
  document: string;
  resolution: PathResolution;
}

/**
 * Found (where: beside the document, from the root, inside a folder the
 * document named before, beside a file a scoped rule applies to, inside a
 * workspace package,
 * as the end of a unique path, of the path beside a sibling mention on the same
 * line, or of several paths), not checked (why), or missing (with the nearest
 * existing path when one is close).
 */
export type PathResolution =
  | { status: "found"; via: FoundVia; path: string; matches: number }
  | { status: "exempt"; reason: ExemptReason; detail: string }
  | { status: "missing"; suggestion: string | null };

export type FoundVia = "document" | "root" | "named" | "scope" | "package" | "suffix" | "sibling" | "ambiguous";

export type ExemptReason =
  | "gitignored"
  | "untracked"
  | "build-output"
  | "git-ref"
  | "package-specifier"
  | "other-repository"
  | "example"
  | "unwanted"
  | "planned"
  | "former"
  | "lint-rule"
  | "submodule"
  | "not-a-path";

/** What the check needs. */
export interface PathInput {
  inventory: Inventory;
  documents: readonly ContextDocument[];
  packages: readonly PackageFact[];
}

/** Answers which repo-relative paths git (or the .gitignore files) ignores. */
export type IgnoreCheck = (paths: readonly string[]) => Promise<Set<string>>;

// Folders that builds, caches and installs create: never in the repository, never stale.
const BUILD_OUTPUT = new Set([
  "dist",
  "build",
  "out",
  "coverage",
  "node_modules",
  "generated",
  "__generated__",
  "storybook-static",
  ".next",
  ".nuxt",
  ".output",
  ".svelte-kit",
  ".turbo",
  ".cache",
  ".parcel-cache",
  ".vite",
  ".vercel",
  ".netlify",
  ".wrangler",
  ".docusaurus",
  ".expo",
  ".nyc_output",
]);
const GIT_REF = /^(?:refs\/(?:heads|tags|remotes|pull|notes|stash)\b|(?:origin|upstream)\/)/;

/** Checks every path mention of the documents (symbolic links to another document are left out). */
export async function checkPaths(input: PathInput, isIgnored?: IgnoreCheck): Promise<PathCheck[]> {
  const tree = treeOf(input.inventory);
  const names = packageNames(input.packages);
  const packageRoots = new Set(input.inventory.packageRoots);
  const packageDirs = new Set(input.inventory.packageRoots.filter((dir) => dir !== ""));
  const checks: Array<{ mention: PathMention; document: ContextDocument; found: PathResolution | null }> = [];
  for (const document of input.documents) {
    // READMEs are not checked (missing-path reads agent context files): a monorepo holds hundreds of them.
    if (document.linkedTo !== null || document.kind === "readme") continue;
    const resolved = new Map<PathMention, PathResolution | null>();
    const scope = lazy(() => scopeFolders(document, tree, packageRoots));
    const named: string[] = [];
    let section = 0;
    for (const mention of document.paths) {
      // Only the folders named in the mention's own section are the ones under discussion.
      if (mention.section !== section) named.length = 0;
      section = mention.section;
      // `@scope/name` is the package before it is any folder that happens to end so (a docs page, a fixture).
      const isPackage = mention.path.startsWith("@") && packageSpecifier(mention, targetOf(mention), names, new Set());
      const found = isPackage ? null : find(mention, document, { tree, packageDirs, siblingDirs: [], scope, named });
      resolved.set(mention, found);
      if (found?.status === "found" && found.via !== "ambiguous")
        named.push(tree.folders.has(found.path) ? found.path : posix.dirname(found.path));
    }
    // A bare name several folders hold is the one beside a path the same line mentions (`a/b.ts` and `c.ts`).
    for (const mention of document.paths) {
      const found = resolved.get(mention) ?? null;
      if (found?.status !== "found" || found.via !== "ambiguous") continue;
      const siblings = document.paths.flatMap((other) => {
        const resolution = resolved.get(other);
        return other !== mention &&
          other.line === mention.line &&
          resolution?.status === "found" &&
          resolution.via !== "ambiguous"
          ? [posix.dirname(resolution.path)]
          : [];
      });
      resolved.set(mention, find(mention, document, { tree, packageDirs, siblingDirs: siblings, scope, named }));
    }
    for (const mention of document.paths) checks.push({ mention, document, found: resolved.get(mention) ?? null });
  }
  const unfound = checks.filter((check) => check.found === null);
  const askIgnored = unfound.flatMap((check) => ignoreCandidates(check.mention, check.document));
  const ignored =
    askIgnored.length === 0 ? new Set<string>() : await (isIgnored ?? ignoreCheckFor(input.inventory))(askIgnored);
  return checks.map(({ mention, document, found }) => ({
    ...mention,
    document: document.path,
    resolution: found ?? notFound(mention, document, tree, names, input.packages, packageDirs, ignored),
  }));
}

interface Tree {
  files: Set<string>;
  folders: Set<string>;
  /** Files and folders by their last segment. */
  byName: Map<string, string[]>;
  /** Files and folders by the folder they are in ("" for the root). */
  children: Map<string, string[]>;
  /** Names of files and folders up to their first dot (`predicate` of `predicate.test.ts`). */
  stems: Set<string>;
  submodules: string[];
}

function treeOf(inventory: Inventory): Tree {
  const files = new Set([...inventory.files, ...inventory.skipped].map((file) => file.path));
  const folders = new Set<string>();
  for (const path of files) {
    for (let at = path.indexOf("/"); at !== -1; at = path.indexOf("/", at + 1)) folders.add(path.slice(0, at));
  }
  const byName = new Map<string, string[]>();
  const children = new Map<string, string[]>();
  for (const path of [...files, ...folders]) {
    push(byName, posix.basename(path), path);
    const parent = posix.dirname(path);
    push(children, parent === "." ? "" : parent, path);
  }
  const stems = new Set([...byName.keys()].map((name) => name.replace(/^(\.?[^.]*).*$/, "$1")));
  const submodules = inventory.skipped.filter((file) => file.reason === "submodule").map((file) => file.path);
  return { files, folders, byName, children, stems, submodules };
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

interface Target {
  /** Without `./`, a trailing slash or a line number. */
  clean: string;
  isFolder: boolean;
  /** Written from the document's folder (`./x`, `../x`): never a package's or a suffix. */
  isRelative: boolean;
}

function targetOf(mention: PathMention): Target {
  const path = withoutLocation(mention.path);
  return {
    clean: path.replace(/^(?:\.\/)+/, "").replace(/\/+$/, ""),
    isFolder: path.endsWith("/"),
    isRelative: /^\.\.?\//.test(path),
  };
}

/** The folders a document's relative paths start from: where it is, and the folder it speaks for. */
function documentFolders(document: ContextDocument): string[] {
  const own = posix.dirname(document.path);
  return [...new Set([own === "." ? "" : own, document.dir])];
}

/** Where a document's mentions are looked up from, beyond the tree. */
interface Lookup {
  tree: Tree;
  packageDirs: ReadonlySet<string>;
  /** Folders of the paths beside an ambiguous mention on its line. */
  siblingDirs: readonly string[];
  /** Folders of the files the document's scope globs match. */
  scope: () => readonly string[];
  /** Folders of the paths the document named (and that exist) before this mention, in its section. */
  named: readonly string[];
}

// An import specifier names a module without its extension (`ast/predicate` is `ast/predicate.ts`).
const MODULE_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];

function find(mention: PathMention, document: ContextDocument, lookup: Lookup): PathResolution | null {
  const target = targetOf(mention);
  const direct = locate(target, mention, document, lookup);
  if (direct !== null || target.isFolder || hasExtension(target.clean) || mention.source !== "code") return direct;
  for (const extension of MODULE_EXTENSIONS) {
    const module = locate({ ...target, clean: `${target.clean}${extension}` }, mention, document, lookup);
    if (module !== null) return module;
  }
  return null;
}

function hasExtension(path: string): boolean {
  return /\.[A-Za-z]\w*$/.test(path);
}

function locate(
  target: Target,
  mention: PathMention,
  document: ContextDocument,
  lookup: Lookup,
): PathResolution | null {
  const { tree } = lookup;
  const exists = (path: string | null): path is string =>
    path !== null && (tree.folders.has(path) || (!target.isFolder && tree.files.has(path)));
  const found = (via: FoundVia, path: string, matches = 1): PathResolution => ({
    status: "found",
    via,
    path,
    matches,
  });
  for (const dir of documentFolders(document)) {
    const path = inside(dir, target.clean);
    if (exists(path)) return found(dir === "" ? "root" : "document", path);
  }
  const fromRoot = inside("", target.clean);
  if (exists(fromRoot)) return found("root", fromRoot);
  if (target.isRelative && mention.source === "code" && target.clean !== "") {
    // "`packages/tsdown` … (currently `./base.ts`)": written from a folder the document named before.
    const besideNamed = lookup.named.map((dir) => inside(dir, target.clean)).find(exists);
    if (besideNamed !== undefined) return found("named", besideNamed);
    // `./__testHelpers` in a rule for `**/*.test.ts` is written from the test files' folders, as their imports are.
    const besideScoped = lookup
      .scope()
      .map((dir) => inside(dir, target.clean))
      .find(exists);
    if (besideScoped !== undefined) return found("scope", besideScoped);
  }
  // A link is followed from the document's folder, as a Markdown viewer does: anything else is a broken link.
  if (target.isRelative || mention.source === "link" || target.clean === "") return null;
  const ends = endMatches(target, tree);
  const inPackages = ends.filter((path) =>
    lookup.packageDirs.has(path.slice(0, path.length - target.clean.length - 1)),
  );
  if (inPackages[0] !== undefined) return found("package", inPackages[0], inPackages.length);
  if (ends.length === 1 && ends[0] !== undefined) return found("suffix", ends[0]);
  if (ends.length === 0) return null;
  const besideSibling = ends.filter((path) => lookup.siblingDirs.includes(posix.dirname(path)));
  if (besideSibling.length === 1 && besideSibling[0] !== undefined) return found("sibling", besideSibling[0]);
  const [first] = ends;
  return first === undefined ? null : found("ambiguous", first, ends.length);
}

function lazy<T>(make: () => T): () => T {
  let value: { made: T } | null = null;
  return () => (value ??= { made: make() }).made;
}

/**
 * The folders of the files a scoped rule applies to (its globs are written
 * from the folder it speaks for; a glob with no slash matches a file name
 * anywhere), sorted. Globs too costly to match are left out.
 */
function scopeFolders(document: ContextDocument, tree: Tree, packageRoots: ReadonlySet<string>): string[] {
  const fromDir = (glob: string): string => {
    const relative = glob.replace(/^\.\//, "");
    const anywhere = relative.includes("/") ? relative : `**/${relative}`;
    return document.dir === "" ? anywhere : `${document.dir}/${anywhere}`;
  };
  const usable = document.scope.filter((glob) => globCostProblem(glob) === null);
  const include = usable.filter((glob) => !glob.startsWith("!")).map(fromDir);
  const exclude = usable.filter((glob) => glob.startsWith("!")).map((glob) => fromDir(glob.slice(1)));
  if (include.length === 0) return [];
  const options = { dot: true, noextglob: true };
  const isIncluded = picomatch(include, options);
  const isExcluded = exclude.length === 0 ? () => false : picomatch(exclude, options);
  const folders = new Set<string>();
  for (const path of tree.files) {
    if (!isIncluded(path) || isExcluded(path)) continue;
    const dir = posix.dirname(path);
    folders.add(dir === "." ? "" : dir);
    // Written from the package root of the files it applies to ("`./test/__helpers` (from package root)").
    const root = packageRootOf(dir === "." ? "" : dir, packageRoots);
    if (root !== null) folders.add(root);
  }
  // And from the folder the globs start in (`packages/upgrade/**/*.test.tsx` speaks for packages/upgrade).
  for (const glob of include) {
    const base = glob
      .split("/")
      .filter((segment, index, all) => all.slice(0, index + 1).every((part) => !/[*?[{]/.test(part)));
    const dir = base.join("/");
    if (dir !== glob && tree.folders.has(dir)) folders.add(dir);
  }
  return [...folders].sort();
}

/** The nearest package root (as discovery found them) at or above `dir`, or null. */
function packageRootOf(dir: string, packageRoots: ReadonlySet<string>): string | null {
  for (let current = dir; ; current = posix.dirname(current) === "." ? "" : posix.dirname(current)) {
    if (packageRoots.has(current)) return current;
    if (current === "") return null;
  }
}

/** Existing paths that end with the target's segments, sorted. */
function endMatches(target: Target, tree: Tree): string[] {
  const name = posix.basename(target.clean);
  const suffix = `/${target.clean}`;
  return (tree.byName.get(name) ?? [])
    .filter((path) => (path === target.clean || path.endsWith(suffix)) && (!target.isFolder || tree.folders.has(path)))
    .sort();
}

/** `dir/path` normalized, or null when it leads outside the repository. */
function inside(dir: string, path: string): string | null {
  const joined = posix.normalize(posix.join(dir, path === "" ? "." : path));
  if (joined === "..") return null;
  if (joined.startsWith("../")) return null;
  return joined === "." ? "" : joined.replace(/\/$/, "");
}

/** The repo-relative paths to ask git about: from each of the document's folders and the root, as a folder too. */
function ignoreCandidates(mention: PathMention, document: ContextDocument): string[] {
  const target = targetOf(mention);
  const paths = [...documentFolders(document), ""].flatMap((dir) => {
    const path = inside(dir, target.clean);
    return path === null || path === "" ? [] : [path, `${path}/`];
  });
  return [...new Set(paths)];
}

function notFound(
  mention: PathMention,
  document: ContextDocument,
  tree: Tree,
  names: ReadonlySet<string>,
  packages: readonly PackageFact[],
  packageDirs: ReadonlySet<string>,
  ignored: ReadonlySet<string>,
): PathResolution {
  const target = targetOf(mention);
  const exempt = (reason: ExemptReason, detail: string): PathResolution => ({ status: "exempt", reason, detail });
  const ignoredAs = ignoreCandidates(mention, document).find((path) => ignored.has(path));
  if (ignoredAs !== undefined) return exempt("gitignored", ignoredAs);
  const segments = target.clean.split("/");
  const submodule = tree.submodules.find((path) => target.clean === path || target.clean.startsWith(`${path}/`));
  if (submodule !== undefined) return exempt("submodule", submodule);
  const output = segments.find((segment) => BUILD_OUTPUT.has(segment));
  if (output !== undefined) return exempt("build-output", output);
  if (GIT_REF.test(target.clean)) return exempt("git-ref", target.clean);
  const specifier = packageSpecifier(mention, target, names, exportsOf(document, packages));
  if (specifier !== null) return exempt("package-specifier", specifier);
  // `import/no-cycle` is a rule's id unless `import/` is a folder where paths are looked up from.
  const isLookedUp = isLookupFolder(segments[0] ?? "", document, tree, packageDirs);
  const plugin = isLookedUp ? null : lintPlugin(mention, names);
  if (plugin !== null) return exempt("lint-rule", plugin);
  const word = notAPath(target, tree, isLookedUp);
  if (word !== null) return exempt("not-a-path", word);
  if (mention.cue && !(mention.cue.kind === "lint-rule" && isLookedUp)) {
    const reason = mention.cue.kind === "untracked" ? "untracked" : mention.cue.kind;
    return exempt(reason, mention.cue.word);
  }
  return { status: "missing", suggestion: nearest(target, document, tree) };
}

/**
 * Why text with a slash or a dot is no path, or null: words with a slash
 * whose first names nothing in the repository (`try/catch`); a scoped name
 * (`@acme/x`) or two plain words (`input/output`) whose first is no folder
 * where paths are looked up from, the second naming no file either; a kind of
 * file (`.route.tsx`) that some file's name ends with.
 */
function notAPath(target: Target, tree: Tree, isLookedUp: boolean): string | null {
  const segments = target.clean.split("/");
  const [first = "", second = ""] = segments;
  if (segments.length === 1 && /^\.[\w-]+\.[A-Za-z]\w*$/.test(first)) {
    const isSuffix = [...tree.byName.keys()].some((name) => name.length > first.length && name.endsWith(first));
    return isSuffix ? `kind of file ${first}` : null;
  }
  if (segments.length < 2 || target.isFolder || target.isRelative || isLookedUp) return null;
  if (first.startsWith("@")) return first;
  if (hasExtension(target.clean)) return null;
  if (!tree.byName.has(first)) return first;
  const isWordPair = segments.length === 2 && /^[a-z]+$/i.test(first) && /^[a-z]+$/i.test(second);
  return isWordPair && !tree.stems.has(second) ? first : null;
}

/** Whether `name` is a folder beside the document, at the root or at the root of a workspace package. */
function isLookupFolder(
  name: string,
  document: ContextDocument,
  tree: Tree,
  packageDirs: ReadonlySet<string>,
): boolean {
  if (name === "" || name === "." || name === "..") return false;
  return [...documentFolders(document), "", ...packageDirs].some((base) => tree.folders.has(inside(base, name) ?? ""));
}

/**
 * The package a specifier names: `name/sub` or `@scope/name/sub` whose name is
 * one of the repository's packages, their dependencies or Node's modules, or
 * `./sub`, a key of the `exports` of the package the document is in or of one
 * inside the folder it speaks for.
 */
function packageSpecifier(
  mention: PathMention,
  target: Target,
  names: ReadonlySet<string>,
  exportKeys: ReadonlySet<string>,
): string | null {
  if (mention.source !== "code") return null;
  const written = withoutLocation(mention.path).replace(/\/$/, "");
  if (exportKeys.has(written)) return `exports "${written}"`;
  const [first, second] = target.clean.split("/");
  if (target.isRelative || first === undefined || second === undefined || second.startsWith(".")) return null;
  const name = first.startsWith("@") ? `${first}/${second}` : first;
  return names.has(name) ? name : null;
}

/**
 * The lint plugin whose rule a rule id (`import/no-cycle`,
 * `@typescript-eslint/no-explicit-any`) names, when a package provides it:
 * `eslint-plugin-import`, `@typescript-eslint/eslint-plugin`, `typescript-eslint`.
 */
function lintPlugin(mention: PathMention, names: ReadonlySet<string>): string | null {
  if (mention.source !== "code" || !RULE_ID.test(mention.path)) return null;
  const [first = ""] = mention.path.split("/");
  const plugin = first.startsWith("@") ? first.slice(1) : first;
  const candidates = first.startsWith("@")
    ? [`${first}/eslint-plugin`, plugin, `${first}/eslint-plugin-${plugin}`]
    : [`eslint-plugin-${plugin}`, `@${plugin}/eslint-plugin`];
  return candidates.find((name) => names.has(name)) ?? null;
}

/** The subpaths (`./sub`) the `exports` of the document's package, and of the packages inside its folder, declare. */
function exportsOf(document: ContextDocument, packages: readonly PackageFact[]): Set<string> {
  const owner = packages
    .filter((fact) => fact.dir === "" || document.dir === fact.dir || document.dir.startsWith(`${fact.dir}/`))
    .sort((a, b) => b.dir.length - a.dir.length)[0];
  const inside = packages.filter(
    (fact) => document.dir === "" || fact.dir === document.dir || fact.dir.startsWith(`${document.dir}/`),
  );
  const keys = new Set<string>();
  for (const fact of owner === undefined ? inside : [owner, ...inside]) {
    const exports = fact.exports;
    if (typeof exports !== "object" || exports === null || Array.isArray(exports)) continue;
    for (const key of Object.keys(exports)) if (key.startsWith("./") && key !== "./") keys.add(key);
  }
  return keys;
}

/** Package names a specifier may start with: the repository's packages, their dependencies, Node's modules. */
function packageNames(packages: readonly PackageFact[]): Set<string> {
  const names = new Set(builtinModules.filter((name) => !name.startsWith("_")));
  for (const fact of packages) {
    if (fact.name !== null) names.add(fact.name);
    for (const dependency of fact.dependencies) names.add(dependency);
  }
  return names;
}

/**
 * The existing path a missing one most likely meant: a path with the same name
 * that holds all its folders in order (more folders between them, or a number
 * before a name: `packages/sql/x/` is `packages/2-sql/1-core/x/`), or that also
 * ends with the same folder (`core/a.ts` moved), or inside the document's
 * folder, or the only file of that name; else a close name (a typo, a small
 * rename) in the same folder.
 */
function nearest(target: Target, document: ContextDocument, tree: Tree): string | null {
  const wanted = inside(document.dir, target.clean) ?? target.clean;
  const name = posix.basename(target.clean);
  const kind = (path: string) => !target.isFolder || tree.folders.has(path);
  const namesakes = (tree.byName.get(name) ?? []).filter(kind);
  const segments = target.clean.split("/");
  const lastTwo = segments.length > 1 ? `/${segments.slice(-2).join("/")}` : null;
  const renumbered = segments.length > 1 ? namesakes.filter((path) => holdsInOrder(path, segments)) : [];
  if (renumbered.length > 0) return closest(wanted, renumbered);
  const sameEnd = lastTwo === null ? [] : namesakes.filter((path) => `/${path}`.endsWith(lastTwo));
  if (sameEnd.length > 0) return closest(wanted, sameEnd);
  const nearby = document.dir === "" ? [] : namesakes.filter((path) => path.startsWith(`${document.dir}/`));
  if (nearby.length > 0) return closest(wanted, nearby);
  if (namesakes.length === 1 && namesakes[0] !== undefined && tree.files.has(namesakes[0])) return namesakes[0];
  const parent = posix.dirname(wanted) === "." ? "" : posix.dirname(wanted);
  const limit = Math.max(1, Math.floor(name.length / 4));
  const close = (tree.children.get(parent) ?? [])
    .filter((child) => editDistance(name, posix.basename(child)) <= limit)
    .filter(kind);
  return close.length > 0 ? closest(wanted, close) : null;
}

/** Whether `path`'s segments, without a numbered prefix (`2-sql` is `sql`), hold every one of `segments` in order. */
function holdsInOrder(path: string, segments: readonly string[]): boolean {
  let next = 0;
  for (const segment of path.split("/")) {
    if (segments[next] === segment.replace(/^\d+[-_.]/, "")) next += 1;
    if (next === segments.length) return true;
  }
  return false;
}

function closest(wanted: string, paths: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const path of [...paths].sort()) {
    const d = editDistance(wanted, path);
    if (d < bestDistance) {
      best = path;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * Git's own answer (`git check-ignore --no-index`, in batches) inside a work
 * tree; the .gitignore files read by globby's `isGitIgnored` outside one, or
 * when git fails.
 */
function ignoreCheckFor(inventory: Inventory): IgnoreCheck {
  return async (paths) => {
    if (inventory.lister === "git") {
      const answer = await gitIgnored(inventory.root, paths).catch(() => null);
      if (answer !== null) return answer;
    }
    const { isGitIgnored } = await import("globby");
    const isIgnored = await isGitIgnored({ cwd: inventory.root, suppressErrors: true });
    // The matcher throws on a path it cannot take as relative (a backslash reads as a separator).
    return new Set(paths.filter((path) => !/["\\\p{Cc}]/u.test(path) && isIgnored(path)));
  };
}

const BATCH_CHARACTERS = 32_000;

async function gitIgnored(root: string, paths: readonly string[]): Promise<Set<string>> {
  const git = gitAt(root);
  const ignored = new Set<string>();
  let batch: string[] = [];
  let size = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    // Exit status 1 (nothing ignored) with no message resolves with empty output; one path a line, as given.
    const out = await git.raw(["-c", "core.quotePath=false", "check-ignore", "--no-index", "--", ...batch]);
    for (const path of out.split("\n")) if (path !== "") ignored.add(path);
    batch = [];
    size = 0;
  };
  // Git quotes a path with a quote, a backslash or a control character in its answer: such text is no path.
  for (const path of paths.filter((candidate) => !/["\\\p{Cc}]/u.test(candidate))) {
    if (size + path.length > BATCH_CHARACTERS) await flush();
    batch.push(path);
    size += path.length + 1;
  }
  await flush();
  return ignored;
}
