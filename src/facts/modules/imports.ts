import ts from "#typescript";
import { positionOf } from "./positions.js";
import type { ImportFact } from "./types.js";

/** Top-level `import`, `import x = require()` and `export … from` statements. */
export function collectStaticImports(sourceFile: ts.SourceFile): ImportFact[] {
  const imports: ImportFact[] = [];
  for (const statement of sourceFile.statements) {
    const fact = importOf(statement, sourceFile);
    if (fact) imports.push(fact);
  }
  return imports;
}

function importOf(statement: ts.Statement, sourceFile: ts.SourceFile): ImportFact | null {
  const at = (): { line: number; column: number } => positionOf(statement, sourceFile);
  if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
    const clause = statement.importClause;
    const { names, allTypeOnly } = importedNames(clause);
    const isTypeOnly = Boolean(clause?.isTypeOnly) || (clause !== undefined && allTypeOnly);
    return { specifier: statement.moduleSpecifier.text, kind: "static", isTypeOnly, names, ...at() };
  }
  if (
    ts.isImportEqualsDeclaration(statement) &&
    ts.isExternalModuleReference(statement.moduleReference) &&
    ts.isStringLiteral(statement.moduleReference.expression)
  ) {
    const specifier = statement.moduleReference.expression.text;
    return { specifier, kind: "require", isTypeOnly: statement.isTypeOnly, names: ["*"], ...at() };
  }
  if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
    const clause = statement.exportClause;
    let names = ["*"];
    let allTypeOnly = false;
    if (clause && ts.isNamedExports(clause)) {
      names = clause.elements.map((element) => (element.propertyName ?? element.name).text);
      allTypeOnly = clause.elements.length > 0 && clause.elements.every((element) => element.isTypeOnly);
    }
    const isTypeOnly = statement.isTypeOnly || allTypeOnly;
    return { specifier: statement.moduleSpecifier.text, kind: "reexport", isTypeOnly, names, ...at() };
  }
  return null;
}

function importedNames(clause: ts.ImportClause | undefined): { names: string[]; allTypeOnly: boolean } {
  if (!clause) return { names: [], allTypeOnly: false };
  const names: string[] = [];
  let allTypeOnly = clause.name === undefined;
  if (clause.name) names.push("default");
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) {
    names.push("*");
    allTypeOnly = false;
  } else if (bindings) {
    for (const element of bindings.elements) names.push((element.propertyName ?? element.name).text);
    allTypeOnly =
      allTypeOnly && bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly);
  } else {
    allTypeOnly = false;
  }
  return { names, allTypeOnly };
}
