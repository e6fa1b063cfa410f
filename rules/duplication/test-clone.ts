import { z } from "zod";
import { defineRule } from "../define-rule.js";
import { checkClones } from "../clone-helpers.js";

/** Reports code repeated between test files, which weighs less than duplication in source files. */
export default defineRule({
  id: "duplication/test-clone",
  category: "duplication",
  severity: "info",
  description:
    "Test files do not repeat the same setup or assertions (jscpd clones between two test files). Weighs a quarter of source duplication.",
  why: "Copied test setup drifts apart: an agent updates the fixture in one test and the others go on testing the old behaviour.",
  weight: 1,
  effort: "small",
  messages: {
    clone: {
      message: "{{lines}} lines duplicated between tests: {{first}} and {{second}}",
      fix: "Move the setup or assertions shared by {{first}} and {{second}} into a test helper in {{home}}, and call it from both tests.",
    },
    typeClone: {
      message: "{{lines}} lines of type declarations duplicated between tests: {{first}} and {{second}}",
      fix: "Move the type shared by {{first}} and {{second}} into one exported type alias in a test helper in {{home}}, and reference it from both tests.",
    },
  },
  options: z.strictObject({
    /**
     * Shorter clones count in the score but are not listed: tests repeat short arrange and assert
     * blocks on purpose, and a helper for them would hide what each test does.
     */
    minLines: z.number().int().min(1).default(20),
  }),
  check(context) {
    checkClones(context, true, context.options.minLines);
  },
});
