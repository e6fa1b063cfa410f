/**
 * Where a new test of a module goes: the repository's habit, learned from the
 * tests it has, at a path its test runner collects and its framework does not
 * route.
 *
 * The habit is a mirror template: the relation between a tested source's folder
 * and its namesake test's (`src/utils/deepEqual.ts` and
 * `src/__tests__/utils/deepEqual.test.ts`: sources under `src/` mirrored under
 * `src/__tests__/`). Each package's templates are ranked by how many of its
 * sources they map to an existing namesake test; a package with no tests takes
 * the repository's. A proposal is the first template's path that a unit runner
 * of the package collects (collect.ts) and that no framework turns into a route,
 * after the templates the plain placements (beside the module, a `__tests__/`
 * beside it, the package's test folder).
 *
 * May: compute from paths. May not: read files.
 */
import { posix } from "node:path";
import { compileGlobs } from "../../discover/globs.js";
import { createCollector, type CollectVerdict, type RunnerPatterns } from "./collect.js";

/** How a package's tests mirror its sources: a test of `<from>/<rel>/x.ts` is `<to>/<rel>/<child>/x.test.ts`. */
export interface MirrorTemplate {
  /** Package-relative folder the mirrored sources are under ("" for any). */
  from: string;
  /** Package-relative folder their tests are under. */
  to: string;
  /** A folder the test sits in beside the mirrored folder (`__tests__`), or "". */
  child: string;
  /** How many of the package's sources this template maps to an existing namesake test. */
  mapped: number;
  /** The folders (package-relative) of those sources: a template is the habit of the code near them. */
  folders: string[];
}

/** Where to add a test: a path, or the runner patterns a new test must match when no habit gives one. */
export type Proposal =
  /** `exists`: the namesake test is there already (it reaches the module only through others): add to it. */
  | { testFile: string; exists: boolean }
  | { testFile: null; patterns: Array<Pick<RunnerPatterns, "runner" | "config" | "include">> };

/** What the placement needs from the facts. */
export interface PlacementInput {
  /** Parsed modules: their paths and kinds. */
  modules: ReadonlyArray<{ path: string; kind: string }>;
  /** Package folders ("" for the root) and their dependencies' names. */
  packages: ReadonlyArray<{ dir: string; dependencies: readonly string[] }>;
  /** Every listed file, to tell which folders exist (Next.js's `src/pages/` counts only without a root `pages/`). */
  paths: readonly string[];
  /** The test runners' patterns (inventory.testRunners). */
  runners: readonly RunnerPatterns[];
  /** Import edges (repo-relative): a test is a source's own only when it imports it. */
  edges: ReadonlyArray<{ from: string; to: string }>;
}

/** A test file by its name (`x.test.ts`, `x.spec.tsx`): helpers and mocks say nothing of where tests go. */
const NAMED_TEST = /[.-](test|spec)\.[cm]?[jt]sx?$/;
/** A package's test folder, at its root. */
const TEST_FOLDER = /^(tests?|__tests__)\//;
const E2E_RUNNERS = new Set(["playwright", "cypress"]);

/**
 * Folders a framework turns into routes or pages, from a package root, by the framework's package: a new file
 * there (a test) would become a page. Remix's and React Router's `app/routes/`, SvelteKit's `src/routes/` (its
 * `+` files), Nuxt's `pages/`, Astro's `src/pages/`. Next.js is read exactly (nextRouted).
 */
const ROUTE_FOLDERS: ReadonlyArray<{ dependency: RegExp; folders: readonly string[] }> = [
  { dependency: /^(?:@remix-run\/dev|@react-router\/dev)$/, folders: ["app/routes"] },
  { dependency: /^@sveltejs\/kit$/, folders: ["src/routes"] },
  { dependency: /^nuxt$/, folders: ["pages", "app/pages"] },
  { dependency: /^astro$/, folders: ["src/pages"] },
];
/** Next.js App Router files that are routes: a page or a route handler (any other file there is never served). */
const NEXT_APP_ROUTE = /^(?:page|route)\.[cm]?[jt]sx?$/;

/** Proposes test files for the modules of one scan. */
export interface Placement {
  propose(path: string): Proposal;
  /** The templates learned for a package folder, best first. */
  templatesOf(dir: string): MirrorTemplate[];
}

/** Learns each package's habit from its tests, once per scan. */
export function createPlacement(input: PlacementInput): Placement {
  const dirs = input.packages
    .map((pkg) => pkg.dir)
    .filter((dir) => dir !== "")
    .sort((a, b) => b.length - a.length);
  const within = (path: string): { dir: string; path: string } => {
    const dir = dirs.find((candidate) => path.startsWith(`${candidate}/`)) ?? "";
    return { dir, path: dir === "" ? path : path.slice(dir.length + 1) };
  };
  const inPackage = (dir: string, relative: string): string => (dir === "" ? relative : `${dir}/${relative}`);
  const collector = createCollector(input.runners, (path) => within(path).dir);
  const folders = new Set<string>();
  for (const path of input.paths) {
    for (let dir = posix.dirname(path); dir !== "." && !folders.has(dir); dir = posix.dirname(dir)) folders.add(dir);
  }

  // End-to-end specs (`e2e/cart.spec.ts` drives the app that uses `src/cart.ts`) say nothing of where unit tests go.
  const isEndToEnd = compileGlobs(
    input.runners.filter((pattern) => E2E_RUNNERS.has(pattern.runner)).flatMap((pattern) => pattern.include),
  );
  const tests = input.modules.filter(
    (module) => module.kind === "test" && NAMED_TEST.test(module.path) && !isEndToEnd(module.path),
  );
  const listed = new Set(input.paths);
  const unitTests = new Set(
    input.modules.filter((module) => module.kind === "test" && !isEndToEnd(module.path)).map((module) => module.path),
  );
  const sources = input.modules.filter((module) => module.kind === "source");
  const byPackage = <T extends { path: string }>(list: readonly T[]): Map<string, string[]> => {
    const map = new Map<string, string[]>();
    for (const item of list) {
      const { dir, path } = within(item.path);
      const list = map.get(dir);
      if (list) list.push(path);
      else map.set(dir, [path]);
    }
    return map;
  };
  const testsByPackage = byPackage(tests);
  const sourcesByPackage = byPackage(sources);
  const templates = new Map<string, MirrorTemplate[]>();
  const imports = new Map<string, Set<string>>();
  for (const edge of input.edges) imports.set(edge.from, (imports.get(edge.from) ?? new Set()).add(edge.to));
  for (const [dir, packageTests] of testsByPackage) {
    const isTestOf = (test: string, source: string): boolean =>
      imports.get(inPackage(dir, test))?.has(inPackage(dir, source)) === true;
    templates.set(dir, learnTemplates(sourcesByPackage.get(dir) ?? [], packageTests, isTestOf));
  }
  const repository = mergeTemplates([...templates.values()]);
  const suffixOf = (list: readonly string[]): "test" | "spec" =>
    list.filter((path) => NAMED_TEST.exec(path)?.[1] === "spec").length > list.length / 2 ? "spec" : "test";
  const repositorySuffix = suffixOf(tests.map((test) => test.path));
  const placements = new Map([...testsByPackage].map(([dir, list]) => [dir, placementOf(list)]));
  const repositoryPlacement = placementOf(tests.map((test) => within(test.path).path));

  const isRouted = (dir: string, relative: string): boolean => {
    const dependencies = input.packages.find((pkg) => pkg.dir === dir)?.dependencies ?? [];
    if (dependencies.includes("next") && nextRouted(relative, (folder) => folders.has(inPackage(dir, folder))))
      return true;
    return ROUTE_FOLDERS.some(
      (entry) =>
        dependencies.some((name) => entry.dependency.test(name)) &&
        entry.folders.some((folder) => relative.startsWith(`${folder}/`)),
    );
  };

  return {
    templatesOf: (dir) => templates.get(dir) ?? [],
    propose(modulePath) {
      const { dir, path } = within(modulePath);
      // A package with tests of its own keeps its own habit; one without any takes the repository's.
      const learned = nearestFirst(testsByPackage.has(dir) ? (templates.get(dir) ?? []) : repository, path);
      const suffix = testsByPackage.has(dir) ? suffixOf(testsByPackage.get(dir) ?? []) : repositorySuffix;
      const placement = placements.get(dir) ?? repositoryPlacement;
      const folder = placement.folder ?? repositoryPlacement.folder ?? "test";
      const beside: MirrorTemplate = { from: "", to: "", child: "", mapped: 0, folders: [] };
      const besideFolder: MirrorTemplate = { ...beside, child: "__tests__" };
      const underFolder: MirrorTemplate = { ...beside, from: path.startsWith("src/") ? "src" : "", to: folder };
      const colocated = placement.isInTestsFolder ? [besideFolder, beside] : [beside, besideFolder];
      const plain = placement.isColocated ? [...colocated, underFolder] : [underFolder, ...colocated];
      const names = testNames(path, [suffix, suffix === "test" ? "spec" : "test"]);
      const filesAt = (templates: readonly MirrorTemplate[]): string[] =>
        templates.flatMap((template) => {
          const location = applyTemplate(template, path);
          return location === null ? [] : names.map((name) => posix.join(location, name));
        });
      // A runner that collects one file name per folder (date-fns's `src/**/test.ts`): an index module's test.
      const literal = posix.basename(path).startsWith("index.")
        ? collector
            .runnersFor(modulePath)
            .flatMap((pattern) => pattern.include.map((glob) => glob.slice(glob.lastIndexOf("/") + 1)))
            .filter((name) => /^[\w.-]+\.[cm]?[jt]sx?$/.test(name))
            .map((name) => posix.join(folderOf(path), name))
        : [];
      let firstMiss: Extract<CollectVerdict, { status: "missed" }> | null = null;
      for (const relative of new Set([...filesAt(learned), ...literal, ...filesAt(plain)])) {
        const candidate = inPackage(dir, relative);
        // A unit test there already is the module's namesake, which reaches it only through others: add to it.
        // Any other file there (an e2e spec) is no place for the test.
        const exists = listed.has(candidate);
        if (isRouted(dir, relative) || (exists && !unitTests.has(candidate))) continue;
        const verdict = collector.verdict(candidate);
        if (verdict.status !== "missed") return { testFile: candidate, exists };
        firstMiss ??= verdict;
      }
      const patterns = (firstMiss?.patterns ?? []).map(({ runner, config, include }) => ({ runner, config, include }));
      return { testFile: null, patterns };
    },
  };
}

/**
 * The mirror templates of one package's tests (package-relative paths), best first: each namesake pair's
 * relation, ranked by how many of the package's sources it maps to an existing namesake test.
 */
export function learnTemplates(
  sources: readonly string[],
  tests: readonly string[],
  isTestOf: (test: string, source: string) => boolean,
): MirrorTemplate[] {
  const sourcesByStem = new Map<string, string[]>();
  for (const source of sources) {
    const stem = stemOf(source);
    const list = sourcesByStem.get(stem);
    if (list) list.push(source);
    else sourcesByStem.set(stem, [source]);
  }
  const testsByKey = new Map<string, string[]>();
  for (const test of tests) {
    const key = `${folderOf(test)}/${stemOf(test)}`;
    const list = testsByKey.get(key);
    if (list) list.push(test);
    else testsByKey.set(key, [test]);
  }
  /**
   * The one source of its name a test imports, or null: a namesake that does not import it tests something else
   * (vite's src/shared/__tests__/utils.spec.ts is not src/node/utils.ts's), and one that imports several sources of
   * its name (hono's runtime-tests/bun/index.test.ts and three index.ts) is no one module's own test.
   */
  const owners = new Map<string, string | null>();
  const ownTest = (test: string): string | null => {
    if (!owners.has(test)) {
      const imported = (sourcesByStem.get(stemOf(test)) ?? []).filter((source) => isTestOf(test, source));
      owners.set(test, imported.length === 1 ? (imported[0] ?? null) : null);
    }
    return owners.get(test) ?? null;
  };
  const candidates = new Map<string, MirrorTemplate>();
  for (const test of tests) {
    const source = ownTest(test);
    if (source === null) continue;
    const template = relationOf(source, test);
    candidates.set(`${template.from}|${template.to}|${template.child}`, template);
  }
  const ranked = [...candidates.values()].map((template) => {
    const mapped = sources.filter((source) => {
      const location = applyTemplate(template, source);
      const found = location === null ? [] : (testsByKey.get(`${location}/${stemOf(source)}`) ?? []);
      return found.some((test) => ownTest(test) === source);
    });
    return { ...template, mapped: mapped.length, folders: [...new Set(mapped.map(folderOf))] };
  });
  return ranked
    .filter((template) => template.mapped > 0)
    .sort((a, b) => b.mapped - a.mapped || depthOf(a) - depthOf(b));
}

/**
 * The templates that apply to a source, the habit of the code nearest to it first: the longest folder prefix
 * the source shares with a source the template maps (zod's `src/v4/core/x.ts` takes `src/v4/core/tests/`,
 * the habit of `src/v4/core/`, over the `src/v4/locales/` mirror that maps more files), then the most mapped.
 */
function nearestFirst(templates: readonly MirrorTemplate[], source: string): MirrorTemplate[] {
  const dir = segmentsOf(folderOf(source));
  const nearness = (template: MirrorTemplate): number =>
    Math.max(0, ...template.folders.map((folder) => commonPrefix(dir, segmentsOf(folder))));
  return templates
    .filter((template) => applyTemplate(template, source) !== null)
    .map((template) => ({ template, near: nearness(template) }))
    .sort(
      (a, b) => b.near - a.near || b.template.mapped - a.template.mapped || depthOf(a.template) - depthOf(b.template),
    )
    .map(({ template }) => template);
}

function commonPrefix(a: readonly string[], b: readonly string[]): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length += 1;
  return length;
}

function folderOf(path: string): string {
  const dir = posix.dirname(path);
  return dir === "." ? "" : dir;
}

/** How a test's folder relates to its source's: a folder beside it (`__tests__`), or a mirrored tree. */
function relationOf(source: string, test: string): MirrorTemplate {
  const sourceDir = segmentsOf(posix.dirname(source));
  const testDir = segmentsOf(posix.dirname(test));
  if (testDir.length === sourceDir.length + 1 && sourceDir.every((segment, index) => testDir[index] === segment))
    return { from: "", to: "", child: testDir[testDir.length - 1] ?? "", mapped: 0, folders: [] };
  let common = 0;
  while (
    common < sourceDir.length &&
    common < testDir.length &&
    sourceDir[sourceDir.length - 1 - common] === testDir[testDir.length - 1 - common]
  )
    common += 1;
  const from = sourceDir.slice(0, sourceDir.length - common).join("/");
  const to = testDir.slice(0, testDir.length - common).join("/");
  return { from: from === to ? "" : from, to: from === to ? "" : to, child: "", mapped: 0, folders: [] };
}

/** The folder (package-relative, "" for the root) a template puts the test of `source` in; null if it does not apply. */
export function applyTemplate(template: Pick<MirrorTemplate, "from" | "to" | "child">, source: string): string | null {
  const dir = posix.dirname(source) === "." ? "" : posix.dirname(source);
  if (template.from !== "" && dir !== template.from && !dir.startsWith(`${template.from}/`)) return null;
  const rest = template.from === "" ? dir : dir.slice(template.from.length).replace(/^\//, "");
  return [template.to, rest, template.child].filter((part) => part !== "").join("/");
}

/** The repository's templates: every package's, their counts added up. */
function mergeTemplates(lists: ReadonlyArray<readonly MirrorTemplate[]>): MirrorTemplate[] {
  const merged = new Map<string, MirrorTemplate>();
  for (const template of lists.flat()) {
    const key = `${template.from}|${template.to}|${template.child}`;
    const known = merged.get(key);
    const folders = known ? [...known.folders, ...template.folders] : template.folders;
    merged.set(key, known ? { ...known, mapped: known.mapped + template.mapped, folders } : template);
  }
  return [...merged.values()].sort((a, b) => b.mapped - a.mapped || depthOf(a) - depthOf(b));
}

/**
 * True when Next.js would route a file at `relative` (package-relative): under its Pages Router folder (`pages/`,
 * or `src/pages/` when there is no root `pages/`) every file is a page; under its App Router folder (`app/`, or
 * `src/app/` likewise) only `page.*` and `route.*` are.
 */
export function nextRouted(relative: string, exists: (folder: string) => boolean): boolean {
  const pages = exists("pages") ? "pages/" : "src/pages/";
  const app = exists("app") ? "app/" : "src/app/";
  if (relative.startsWith(pages)) return true;
  return relative.startsWith(app) && NEXT_APP_ROUTE.test(posix.basename(relative));
}

/** The test file names for a module, one per suffix: `x.test.tsx` for `x.tsx`, `x.test.js` for `x.cjs`. */
function testNames(path: string, suffixes: readonly string[]): string[] {
  const extension = posix.extname(path);
  const stem = posix.basename(path, extension);
  const testExtension = extension === ".tsx" || extension === ".jsx" ? extension : extension.replace(/^\.[cm]?/, ".");
  return suffixes.map((suffix) => `${stem}.${suffix}${testExtension}`);
}

/** `src/a/deepEqual.ts`, `__tests__/a/deepEqual.test.tsx` → `deepEqual`. */
function stemOf(path: string): string {
  return posix.basename(path).replace(/(?:[.-](?:test|spec))?\.[cm]?[jt]sx?$/, "");
}

function segmentsOf(dir: string): string[] {
  return dir === "." || dir === "" ? [] : dir.split("/");
}

function depthOf(template: MirrorTemplate): number {
  return segmentsOf(template.from).length + segmentsOf(template.to).length + (template.child === "" ? 0 : 1);
}

/** Where a package's tests (package-relative paths) mostly are: beside their code, in a `__tests__/` beside it, or a test folder. */
function placementOf(tests: readonly string[]): {
  isColocated: boolean;
  isInTestsFolder: boolean;
  folder: string | null;
} {
  const folders = tests.map((test) => TEST_FOLDER.exec(test)?.[1]);
  const colocated = tests.filter((_, index) => folders[index] === undefined);
  const inTestsFolder = colocated.filter((test) => posix.basename(posix.dirname(test)) === "__tests__");
  return {
    isColocated: colocated.length > tests.length / 2,
    isInTestsFolder: inTestsFolder.length > colocated.length / 2,
    folder: mostCommon(folders),
  };
}

/** The value most entries have (the first such in order of appearance), ignoring undefined; null when none. */
function mostCommon(values: ReadonlyArray<string | undefined>): string | null {
  const counts = new Map<string, number>();
  for (const value of values) if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | null = null;
  for (const [value, count] of counts) if (best === null || count > (counts.get(best) ?? 0)) best = value;
  return best;
}
