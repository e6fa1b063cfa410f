import { z } from "zod";
import type { Heading } from "../../src/facts/index.js";
import { defineRule } from "../define-rule.js";

const USAGE_KEYWORDS = [
  "usage",
  "getting started",
  "quick start",
  "quickstart",
  "install",
  "installation",
  "setup",
  "set up",
  "how to use",
  "example",
  "examples",
];
const DEVELOPMENT_KEYWORDS = [
  "development",
  "developing",
  "contributing",
  "contribute",
  "test",
  "tests",
  "testing",
  "build",
  "building",
  "local development",
  "running locally",
  "hacking",
];

/** Reports a missing or empty README, and missing usage or development sections. */
export default defineRule({
  id: "docs/readme",
  category: "docs",
  severity: "warning",
  description:
    "The repository has a non-empty README with a usage or setup section and a development or testing section (found by heading).",
  why: "The README is the first file an agent reads; without setup and test instructions it has to guess how to run and check its work.",
  weight: 0.5,
  effort: "small",
  action: { scope: "file", title: "Complete {{scope}}" },
  messages: {
    missing: {
      message: "The repository has no README",
      fix: "Add a README.md at the root with what the project is, a Usage (or Getting started) section, and a Development section saying how to install, build and test.",
    },
    empty: {
      message: "The README is empty",
      fix: "Write the README: what the project is, a Usage (or Getting started) section, and a Development section saying how to install, build and test.",
    },
    noUsage: {
      message: "The README has no usage or setup section",
      fix: "Add a heading such as `## Usage` or `## Getting started` with the commands to install and run the project.",
    },
    noDevelopment: {
      message: "The README has no development or testing section",
      fix: "Add a heading such as `## Development` or `## Testing` that gives the exact commands to build, test and lint.",
    },
  },
  options: z.strictObject({
    /** Heading words that mark a usage or setup section (whole words, case-insensitive). */
    usageKeywords: z.array(z.string().min(1)).default(USAGE_KEYWORDS),
    /** Heading words that mark a development or testing section (whole words, case-insensitive). */
    developmentKeywords: z.array(z.string().min(1)).default(DEVELOPMENT_KEYWORDS),
  }),
  check({ facts, options, examine, report }) {
    if (facts.inventory.files.length === 0) return;
    examine();
    const readme = facts.readme;
    if (!readme) {
      report({ messageId: "missing", file: "README.md", line: 1, column: 1, anchor: "readme" });
      return;
    }
    // A README that is a link is edited where it leads: a fix never replaces the link.
    const file = readme.linkedTo ?? readme.path;
    if (readme.isEmpty) {
      report({ messageId: "empty", file, line: 1, column: 1, anchor: "readme" });
      return;
    }
    // A README that shows the install command or an import in a code block has its usage, heading or not;
    // so does one that sends its readers to the documentation site.
    if (!hasSection(readme.headings, options.usageKeywords) && !readme.hasUsageExample && !readme.linksToDocs) {
      report({ messageId: "noUsage", file, line: 1, column: 1, anchor: "usage", cost: 0.5 });
    }
    // Development by content: a code block that builds or tests, a contributing guide that says how
    // (beside the README or linked from it), or a link to such a page elsewhere.
    const hasDevelopment =
      hasSection(readme.headings, options.developmentKeywords) ||
      readme.hasDevelopmentCommands ||
      readme.linksToDevelopmentGuide ||
      readme.guides.some(
        (guide) => guide.hasDevelopmentCommands || hasSection(guide.headings, options.developmentKeywords),
      );
    if (!hasDevelopment) {
      report({ messageId: "noDevelopment", file, line: 1, column: 1, anchor: "development", cost: 0.5 });
    }
  },
});

function hasSection(headings: readonly Heading[], keywords: readonly string[]): boolean {
  const words = headings.map((heading) => ` ${heading.text.toLowerCase().replace(/[^a-z0-9]+/g, " ")} `);
  return keywords.some((keyword) => {
    const needle = ` ${keyword
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, " ")
      .trim()} `;
    return words.some((text) => text.includes(needle));
  });
}
