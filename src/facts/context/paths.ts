/**
 * Resolves each path a context file mentions against the file list: from the
 * document's folder, the repository root, each workspace package, and for a
 * bare relative path a match of its end anywhere in the tree. A path found
 * nowhere is missing unless git ignores it, it is build output, a git ref, a
 * package specifier, or its sentence says it is not tracked.
 */
import { builtinModules } from "node:module";
import { posix } from "node:path";
import type { Inventory } from "../../discover/index.js";
import { gitAt } from "../../git.js";
import type { ContextDocument } from "./documents.js";
import type { PackageFact } from "./packages.js";
import { withoutLocation, type PathMention } from "./path-mentions.js";

/** One mentioned path and what the check found. */
export interface PathCheck extends PathMention {
  document: string;
  resolution: PathResolution;
}

/**
 * Found (where: beside the document, from the root, inside a workspace package,
 * as the end of a unique path, of the path beside a sibling mention on the same
 * line, or of several paths), not checked (why), or missing (with the nearest
 * existing path when one is close).
 */
export type PathResolution =
  | { status: "found"; via: FoundVia; path: string; matches: number }
  | { status: "exempt"; reason: ExemptReason; detail: string }
  | { status: "missing"; suggestion: string | null };

export type FoundVia = "document" | "root" | "package" | "suffix" | "sibling" | "ambiguous";

export type ExemptReason =
  | "gitignored"
  | "untracked"
  | "build-output"
  | "git-ref"
  | "package-specifier"
  | "other-repository"
  | "example"
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
  const packageDirs = new Set(input.inventory.packageRoots.filter((dir) => dir !== ""));
  const checks: Array<{ mention: PathMention; document: ContextDocument; found: PathResolution | null }> = [];
  for (const document of input.documents) {
    // READMEs are not checked (missing-path reads agent context files): a monorepo holds hundreds of them.
    if (document.linkedTo !== null || document.kind === "readme") continue;
    const resolved = new Map<PathMention, PathResolution | null>();
    for (const mention of document.paths) resolved.set(mention, find(mention, document, tree, packageDirs, []));
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
      resolved.set(mention, find(mention, document, tree, packageDirs, siblings));
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
    resolution: found ?? notFound(mention, document, tree, names, input.packages, ignored),
  }));
}

interface Tree {
  files: Set<string>;
  folders: Set<string>;
  /** Files and folders by their last segment. */
  byName: Map<string, string[]>;
  /** Files and folders by the folder they are in ("" for the root). */
  children: Map<string, string[]>;
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
  const submodules = inventory.skipped.filter((file) => file.reason === "submodule").map((file) => file.path);
  return { files, folders, byName, children, submodules };
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

function find(
  mention: PathMention,
  document: ContextDocument,
  tree: Tree,
  packageDirs: ReadonlySet<string>,
  siblingDirs: readonly string[],
): PathResolution | null {
  const target = targetOf(mention);
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
  // A link is followed from the document's folder, as a Markdown viewer does: anything else is a broken link.
  if (target.isRelative || mention.source === "link" || target.clean === "") return null;
  const ends = endMatches(target, tree);
  const inPackages = ends.filter((path) => packageDirs.has(path.slice(0, path.length - target.clean.length - 1)));
  if (inPackages[0] !== undefined) return found("package", inPackages[0], inPackages.length);
  if (ends.length === 1 && ends[0] !== undefined) return found("suffix", ends[0]);
  if (ends.length === 0) return null;
  const besideSibling = ends.filter((path) => siblingDirs.includes(posix.dirname(path)));
  if (besideSibling.length === 1 && besideSibling[0] !== undefined) return found("sibling", besideSibling[0]);
  const [first] = ends;
  return first === undefined ? null : found("ambiguous", first, ends.length);
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
  // `try/catch`, `textDocument/diagnostic`: words with a slash, when the first names nothing in the repository.
  if (
    segments.length > 1 &&
    !target.isFolder &&
    !target.isRelative &&
    !/\.[A-Za-z]\w*$/.test(target.clean) &&
    !tree.byName.has(segments[0] ?? "")
  )
    return exempt("not-a-path", segments[0] ?? "");
  if (mention.cue) {
    const reason = mention.cue.kind === "untracked" ? "untracked" : mention.cue.kind;
    return exempt(reason, mention.cue.word);
  }
  return { status: "missing", suggestion: nearest(target, document, tree) };
}

/**
 * The package a specifier names: `name/sub` whose name is one of the
 * repository's packages, their dependencies or Node's modules, or `./sub`, a
 * key of the `exports` of the package the document is in.
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
  return names.has(first) ? first : null;
}

/** The subpaths (`./sub`) the `exports` of the document's package declare. */
function exportsOf(document: ContextDocument, packages: readonly PackageFact[]): Set<string> {
  const owner = packages
    .filter((fact) => fact.dir === "" || document.dir === fact.dir || document.dir.startsWith(`${fact.dir}/`))
    .sort((a, b) => b.dir.length - a.dir.length)[0];
  const exports = owner?.exports;
  if (typeof exports !== "object" || exports === null || Array.isArray(exports)) return new Set();
  return new Set(Object.keys(exports).filter((key) => key.startsWith("./") && key !== "./"));
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
 * that also ends with the same folder (`core/a.ts` moved), or inside the
 * document's folder, or the only file of that name; else a close name (a typo,
 * a small rename) in the same folder.
 */
function nearest(target: Target, document: ContextDocument, tree: Tree): string | null {
  const wanted = inside(document.dir, target.clean) ?? target.clean;
  const name = posix.basename(target.clean);
  const kind = (path: string) => !target.isFolder || tree.folders.has(path);
  const namesakes = (tree.byName.get(name) ?? []).filter(kind);
  const segments = target.clean.split("/");
  const lastTwo = segments.length > 1 ? `/${segments.slice(-2).join("/")}` : null;
  const sameEnd = lastTwo === null ? [] : namesakes.filter((path) => `/${path}`.endsWith(lastTwo));
  if (sameEnd.length > 0) return closest(wanted, sameEnd);
  const nearby = document.dir === "" ? [] : namesakes.filter((path) => path.startsWith(`${document.dir}/`));
  if (nearby.length > 0) return closest(wanted, nearby);
  if (namesakes.length === 1 && namesakes[0] !== undefined && tree.files.has(namesakes[0])) return namesakes[0];
  const parent = posix.dirname(wanted) === "." ? "" : posix.dirname(wanted);
  const limit = Math.max(1, Math.floor(name.length / 4));
  const close = (tree.children.get(parent) ?? [])
    .filter((child) => distance(name, posix.basename(child)) <= limit)
    .filter(kind);
  return close.length > 0 ? closest(wanted, close) : null;
}

function closest(wanted: string, paths: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const path of [...paths].sort()) {
    const d = distance(wanted, path);
    if (d < bestDistance) {
      best = path;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance. */
function distance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
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
    return new Set(paths.filter((path) => isIgnored(path)));
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
