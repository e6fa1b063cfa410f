import type { RuleTally } from "../engine/collector.js";
import type { DocsMetrics, InterfacesMetrics } from "../engine/result.js";
import type { Facts } from "../facts/index.js";
import type { ExportedSymbol } from "../facts/modules/index.js";

type Tallies = ReadonlyMap<string, RuleTally>;

/** Key figures of the interfaces category. Threshold counts come from the rules, null when a rule is off. */
export function interfacesMetrics(facts: Facts, tallies: Tallies): InterfacesMetrics {
  const callables = facts.sources.flatMap((module) => module.exports.filter((symbol) => symbol.signatures.length > 0));
  return {
    sourceFiles: facts.sources.length,
    exportedFunctions: callables.length,
    explicitReturnType: callables.filter((symbol) =>
      symbol.signatures.every((signature) => signature.returnType !== "none"),
    ).length,
    anyInSignature: callables.filter(hasAnyInSignature).length,
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
  const readmeTally = tallies.get("docs/readme");
  const overviewTally = tallies.get("docs/file-overview");
  const readme = facts.readme;
  const isReadable = readme !== null && !readme.isEmpty;
  const sectionFound = (messageId: string): boolean | null =>
    readmeTally ? isReadable && (readmeTally.byMessage.get(messageId) ?? 0) === 0 : null;
  return {
    exportedSymbols: symbols.length,
    documentedSymbols: symbols.filter((symbol) => symbol.hasDoc).length,
    readme: readme?.path ?? null,
    readmeHasUsage: sectionFound("noUsage"),
    readmeHasDevelopment: sectionFound("noDevelopment"),
    largeModules: overviewTally ? overviewTally.examined : null,
    largeModulesWithOverview: overviewTally ? overviewTally.examined - overviewTally.findings : null,
  };
}
