/**
 * The rule registry. A meta-test checks that every file under rules/<category>/
 * is listed here, and that every rule has a description, a `why` and a docs page.
 */
import agentFile from "./context/agent-file.js";
import brokenCommand from "./context/broken-command.js";
import contradiction from "./context/contradiction.js";
import feedbackLoop from "./context/feedback-loop.js";
import fileSize from "./context/file-size.js";
import missingPath from "./context/missing-path.js";
import undocumentedEnv from "./context/undocumented-env.js";
import parseError from "./core/parse-error.js";
import importCycle from "./cycles/import-cycle.js";
import type { Rule } from "./define-rule.js";
import exportedSymbolDoc from "./docs/exported-symbol-doc.js";
import fileOverview from "./docs/file-overview.js";
import readme from "./docs/readme.js";
import hiddenCoupling from "./hotspots/hidden-coupling.js";
import hotspot from "./hotspots/hotspot.js";
import coverageReport from "./tests/coverage-report.js";
import noTestScript from "./tests/no-test-script.js";
import untestedModule from "./tests/untested-module.js";
import clone from "./duplication/clone.js";
import testClone from "./duplication/test-clone.js";
import complexity from "./interfaces/complexity.js";
import explicitReturnType from "./interfaces/explicit-return-type.js";
import maxFileLines from "./interfaces/max-file-lines.js";
import maxFunctionLines from "./interfaces/max-function-lines.js";
import maxParams from "./interfaces/max-params.js";
import noAnyInSignature from "./interfaces/no-any-in-signature.js";

export type { Effort, Rule, RuleMessage, Severity } from "./define-rule.js";

/** Every rule, in id order. */
export const RULES: readonly Rule[] = [
  parseError,
  agentFile,
  brokenCommand,
  contradiction,
  feedbackLoop,
  fileSize,
  missingPath,
  undocumentedEnv,
  importCycle,
  clone,
  testClone,
  hiddenCoupling,
  hotspot,
  coverageReport,
  noTestScript,
  untestedModule,
  exportedSymbolDoc,
  fileOverview,
  readme,
  complexity,
  explicitReturnType,
  maxFileLines,
  maxFunctionLines,
  maxParams,
  noAnyInSignature,
].sort((a, b) => (a.id < b.id ? -1 : 1));

/** Looks a rule up by id. */
export function findRule(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
