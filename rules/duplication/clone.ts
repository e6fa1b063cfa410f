import { z } from "zod";
import { defineRule } from "../define-rule.js";
import { checkClones } from "../clone-helpers.js";

/** Reports each pair of places in source files that share the same code (found by jscpd). */
export default defineRule({
  id: "duplication/clone",
  category: "duplication",
  severity: "warning",
  description:
    "Source files do not repeat the same code (jscpd clones: by default 50 tokens and 5 lines or more). One finding per pair of places.",
  why: "An agent fixes the copy it found and leaves the other with the bug; every clone doubles the places a change has to reach.",
  weight: 4,
  effort: "medium",
  action: { scope: "file", title: "Remove {{count}} duplicated block{{s}} from {{scope}}" },
  messages: {
    clone: {
      message: "{{lines}} lines duplicated: {{first}} and {{second}}",
      fix: "Extract the code shared by {{first}} and {{second}} into one function in {{home}}, and call it from both places.",
    },
    typeClone: {
      message: "{{lines}} lines of type declarations duplicated: {{first}} and {{second}}",
      fix: "Extract the type shared by {{first}} and {{second}} into one exported type alias in {{home}}, and reference it from both places.",
    },
  },
  options: z.strictObject({}),
  check(context) {
    checkClones(context);
  },
});
