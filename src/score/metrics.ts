import type { RuleTally } from "../../rules/define-rule.js";
import type {
  ContextMetrics,
  CyclesMetrics,
  DocsMetrics,
  DuplicationMetrics,
  HotspotsMetrics,
  InterfacesMetrics,
  TestsMetrics,
} from "../contract/result.js";
import {
  describeLockfiles,
  detectTestRunner,
  findFeedbackSteps,
  findTestScript,
  productPackages,
} from "../facts/context/tooling.js";
import { coveredLines } from "../facts/clones/lines.js";
import type { ClonePair, Facts } from "../facts/index.js";
import type { ExportedSymbol } from "../facts/modules/index.js";

type Tallies = ReadonlyMap<string, RuleTally>;

/**
 * Key figures of the interfaces category. The signature figures are the rules' own counts, so their options
 * (`checkImplicit`) are the figures'; the facts' when a rule is off. Threshold counts come from the rules, null
 * when a rule is off.
 */
export function interfacesMetrics(facts: Facts, tallies: Tallies): InterfacesMetrics {
  // As the signature rules examine them: deprecated callables are frozen.
  const callables = facts.sources.flatMap((module) =>
    module.exports.filter((symbol) => symbol.signatures.length > 0 && !symbol.isDeprecated),
  );
  const returns = tallies.get("interfaces/explicit-return-type");
  const anys = tallies.get("interfaces/no-any-in-signature");
  return {
    sourceFiles: facts.sources.length,
    exportedFunctions: returns?.examined ?? anys?.examined ?? callables.length,
    explicitReturnType: returns
      ? returns.examined - returns.findings
      : callables.filter((symbol) => symbol.signatures.every((signature) => signature.returnType !== "none")).length,
    anyInSignature: anys ? anys.findings : callables.filter(hasAnyInSignature).length,
    tooManyParameters: tallies.get("interfaces/max-params")?.findings ?? null,
    longFiles: tallies.get("interfaces/max-file-lines")?.findings ?? null,
    functions: facts.sources.reduce((sum, module) => sum + module.functions.length, 0),
    longFunctions: tallies.get("interfaces/max-function-lines")?.findings ?? null,
    complexFunctions: tallies.get("interfaces/complexity")?.findings ?? null,
  };
}

/** Explicit `any`, or a parameter with no type at all (implicitly `any`). */
export function hasAnyInSignature(symbol: ExportedSymbol): boolean {
  return symbol.signatures.some(
    (signature) =>
      signature.returnAnyAt !== null ||
      signature.parameters.some((parameter) => parameter.anyAt !== null || parameter.typeSource === "none"),
  );
}

/** Key figures of the docs category. */
export function docsMetrics(facts: Facts, tallies: Tallies): DocsMetrics {
  const symbols = facts.sources.flatMap((module) => module.exports);
  // The rule's own count, so its options (kinds, minLines) are the figure's; the facts' when it is off.
  const symbolTally = tallies.get("docs/exported-symbol-doc");
  const readmeTally = tallies.get("docs/readme");
  const overviewTally = tallies.get("docs/file-overview");
  const readme = facts.readme;
  const isReadable = readme !== null && !readme.isEmpty;
  const sectionFound = (messageId: string): boolean | null =>
    readmeTally ? isReadable && (readmeTally.byMessage.get(messageId) ?? 0) === 0 : null;
  return {
    exportedSymbols: symbolTally ? symbolTally.examined : symbols.length,
    documentedSymbols: symbolTally
      ? symbolTally.examined - symbolTally.findings
      : symbols.filter((symbol) => symbol.hasDoc).length,
    readme: readme?.path ?? null,
    readmeHasUsage: sectionFound("noUsage"),
    readmeHasDevelopment: sectionFound("noDevelopment"),
    largeModules: overviewTally ? overviewTally.examined : null,
    largeModulesWithOverview: overviewTally ? overviewTally.examined - overviewTally.findings : null,
  };
}

/** Key figures of the cycles category, from the graph fact. */
export function cyclesMetrics(facts: Facts): CyclesMetrics {
  const { graph } = facts;
  return {
    cycles: graph.cycles.map((group) => group.files),
    filesInCycles: graph.cycles.reduce((sum, group) => sum + group.files.length, 0),
    largestCycle: graph.cycles.reduce((largest, group) => Math.max(largest, group.files.length), 0),
    typeOnlyCycles: graph.typeOnlyCycles,
    modules: graph.modules,
    edges: new Set(graph.edges.map((edge) => `${edge.from}\0${edge.to}`)).size,
    unresolvedImports: graph.unresolved.length,
    unresolvedByReason: {
      missingFile: graph.unresolved.filter((item) => item.reason === "missing-file").length,
      workspaceOutput: graph.unresolved.filter((item) => item.reason === "workspace-output").length,
      alias: graph.unresolved.filter((item) => item.reason === "alias").length,
    },
    externalImports: graph.externalImports,
  };
}

/** Key figures of the duplication category, from the clones fact. */
export function duplicationMetrics(facts: Facts): DuplicationMetrics {
  const tests = new Set(facts.modules.filter((module) => module.kind === "test").map((module) => module.path));
  const totalLines = facts.modules
    .filter((module) => !tests.has(module.path) && !module.parseError)
    .reduce((sum, module) => sum + module.lines, 0);
  if (facts.clones.status !== "ok") {
    return { percentage: null, duplicatedLines: 0, totalLines, clones: [], testClones: 0, testDuplicatedLines: 0 };
  }
  const isTestPair = (pair: ClonePair): boolean => tests.has(pair.a.file) && tests.has(pair.b.file);
  const sourcePairs = facts.clones.clones.filter((pair) => !isTestPair(pair));
  const testPairs = facts.clones.clones.filter(isTestPair);
  const duplicatedLines = coveredLines(sourcePairs, (file) => !tests.has(file));
  return {
    percentage: totalLines === 0 ? 0 : Math.round((10_000 * duplicatedLines) / totalLines) / 100,
    duplicatedLines,
    totalLines,
    clones: sourcePairs.map((pair) => ({
      files: [pair.a.file, pair.b.file],
      lines: pair.lines,
      a: { start: pair.a.start, end: pair.a.end },
      b: { start: pair.b.start, end: pair.b.end },
    })),
    testClones: testPairs.length,
    testDuplicatedLines: coveredLines(testPairs, () => true),
  };
}

/** Key figures of the tests category. */
export function testsMetrics(facts: Facts): TestsMetrics {
  const map = facts.tests;
  const lines = new Map(facts.modules.map((module) => [module.path, module.lines]));
  const commits = (path: string): number =>
    facts.history.status === "ok" ? (facts.history.files.get(path)?.commits ?? 0) : 0;
  const isUntested = (path: string): boolean =>
    map.coverage ? (map.coverage.get(path) ?? 0) === 0 : !map.direct.has(path) && !map.transitive.has(path);
  const priority = (path: string): number => (lines.get(path) ?? 0) * (1 + commits(path));
  const untested = map.testable.filter(isUntested).sort((a, b) => priority(b) - priority(a) || (a < b ? -1 : 1));
  const testLines = facts.modules
    .filter((module) => module.kind === "test")
    .reduce((sum, module) => sum + module.lines, 0);
  const sourceLines = facts.sources.reduce((sum, module) => sum + module.lines, 0);
  const withScript = [
    ...facts.packages.filter((manifest) => manifest.dir === ""),
    ...productPackages(facts.packages),
  ].find((manifest) => findTestScript(manifest) !== null);
  const script = withScript ? findTestScript(withScript) : null;
  return {
    mode: map.mode,
    sourceFiles: map.testable.length,
    testFiles: facts.modules.filter((module) => module.kind === "test").length,
    directlyTested: map.direct.size,
    transitivelyTested: map.transitive.size,
    e2eReached: map.e2e.size,
    untested,
    lineCoverage: map.lineCoverage,
    testScript:
      withScript && script ? `${withScript.dir === "" ? "" : `${withScript.dir}/`}package.json: ${script}` : null,
    testRunner: detectTestRunner(facts.packages, facts.inventory.files),
    testToSourceRatio: sourceLines === 0 ? 0 : Math.round((100 * testLines) / sourceLines) / 100,
    coverageReport: facts.coverage.status === "none" ? null : facts.coverage.report,
    isCoverageStale: facts.coverage.status === "ok" && facts.coverage.isStale,
  };
}

/** Key figures of the hotspots category. */
export function hotspotsMetrics(facts: Facts): HotspotsMetrics {
  const history = facts.history;
  return {
    window: history.status === "ok" ? history.window : null,
    commits: history.status === "ok" ? history.commits : 0,
    isShallow: history.status === "ok" && history.isShallow,
    hotspots: facts.hotspots.slice(0, 20).map(({ file, commits, authors, complexity, score, risk }) => ({
      file,
      commits,
      authors,
      complexity,
      score,
      risk: Math.round(risk * 100) / 100,
    })),
    coupledPairs: facts.coupling.map((pair) => ({
      files: pair.files,
      shared: pair.shared,
      degree: pair.degree,
      hidden: !pair.hasImportPath,
    })),
  };
}

/** Key figures of the context category. */
export function contextMetrics(facts: Facts, tallies: Tallies): ContextMetrics {
  const packages = [...facts.packages.filter((pkg) => pkg.dir === ""), ...productPackages(facts.packages)];
  const steps = findFeedbackSteps(packages, facts.project);
  const scriptOf = (purpose: "test" | "build" | "lint" | "typecheck"): string | null => {
    const found = steps[purpose];
    return found ? `${found.dir === "" ? "" : `${found.dir}/`}package.json: ${found.name}` : null;
  };
  const project = facts.project;
  return {
    contextFiles: facts.context.documents
      .filter((document) => document.kind !== "readme")
      .map((document) => document.path),
    agentConfig: facts.context.agentConfig,
    commandsChecked: facts.commands.length,
    brokenCommands: facts.commands.filter((command) => !command.isOk).length,
    missingPaths: tallies.get("context/missing-path")?.findings ?? 0,
    undocumentedEnvVars: facts.envVars.filter((variable) => !variable.isDocumented).map((variable) => variable.name),
    packageManager: project.packageManager?.name ?? null,
    feedbackLoop: {
      test: scriptOf("test"),
      build: scriptOf("build"),
      lint: scriptOf("lint"),
      typecheck: scriptOf("typecheck"),
      lockfile: describeLockfiles(packages, project),
      ci: project.ciFiles,
      strictTypescript: project.typescript.config ? project.typescript.isStrict : null,
    },
  };
}
