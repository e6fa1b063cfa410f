import { z } from "zod";
import { defineRule } from "../define-rule.js";
import { checkTestClones } from "../clone-helpers.js";

/**
 * Reports each pair of test files that repeat each other (a file with itself
 * too), with all the blocks they share; weighs less than duplication in source files.
 */
export default defineRule({
  id: "duplication/test-clone",
  category: "duplication",
  severity: "info",
  description:
    "Test files do not repeat the same setup or assertions (jscpd clones between test files). One finding per pair of files, with every block they share. Weighs a quarter of source duplication.",
  why: "Copied test setup drifts apart: an agent updates the fixture in one test and the others go on testing the old behaviour.",
  weight: 1,
  effort: "small",
  action: { scope: "file", title: "Factor {{count}} duplicated test block{{s}} out of {{scope}}" },
  messages: {
    repeated: {
      message:
        "{{first}} and {{second}} repeat each other in {{blocks}} ({{lines}} lines); the largest: {{largestFirst}} and {{largestSecond}}",
      fix: "Parametrize the repeated tests (`it.each` / `describe.each`) or move the shared setup into a test helper in {{home}}, and call it from both files.",
    },
    repeatedInFile: {
      message:
        "{{first}} repeats itself in {{blocks}} ({{lines}} lines); the largest: {{largestFirst}} and {{largestSecond}}",
      fix: "Parametrize the repeated tests (`it.each` / `describe.each`) or move the shared setup into a helper in {{home}}, and call it from each test.",
    },
    repeatedTypes: {
      message:
        "{{first}} and {{second}} repeat the same type declarations in {{blocks}} ({{lines}} lines); the largest: {{largestFirst}} and {{largestSecond}}",
      fix: "Move the repeated types into exported type aliases in a test helper in {{home}}, and reference them from both files.",
    },
    repeatedTypesInFile: {
      message:
        "{{first}} repeats the same type declarations in {{blocks}} ({{lines}} lines); the largest: {{largestFirst}} and {{largestSecond}}",
      fix: "Declare the repeated types once in {{home}}, and reference them where they were repeated.",
    },
  },
  options: z.strictObject({
    /**
     * A pair of files is listed when one of its clones has this many lines;
     * shorter clones still count in the score. Tests repeat short arrange and
     * assert blocks on purpose, and a helper for them would hide what each test does.
     */
    minLines: z.number().int().min(1).default(20),
  }),
  check(context) {
    checkTestClones(context, context.options.minLines);
  },
});
