import { describe, expect, it } from "vitest";
import { findingsOf, locationsOf, scanFixture } from "../../helpers/fixtures.js";

const RULE = "context/missing-path";

describe(RULE, () => {
  it("reports the deleted folder a context file still mentions, and accepts existing files, folders and links", async () => {
    // fixtures/context/drift: AGENTS.md mentions src/core/ (exists), src/legacy/ (deleted) and docs/architecture.md (a link, exists).
    const result = await scanFixture("context/drift");
    expect(locationsOf(result, RULE)).toEqual(["AGENTS.md:18:4"]);
  });

  it("reports paths outside the repository and folders with no file", async () => {
    // fixtures/context/workspace-commands: `packages/api/` exists; `../outside.md` and `docs/` do not.
    const result = await scanFixture("context/workspace-commands");
    expect(findingsOf(result, RULE).map((finding) => `${finding.line}:${finding.column} ${finding.message}`)).toEqual([
      "16:26 AGENTS.md mentions ../outside.md, which does not exist",
      "16:46 AGENTS.md mentions docs/, which does not exist",
    ]);
  });
});

/** `file:line:column message` of each finding of the rule. */
async function reported(fixture: string): Promise<string[]> {
  return findingsOf(await scanFixture(fixture), RULE).map(
    (finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.message}`,
  );
}

describe(`${RULE} on real-repository shapes`, () => {
  it("finds paths relative to a workspace package or written as the end of a path, and follows links from the file's folder", async () => {
    // fixtures/context/missing-path-resolution: core/ and core/regexes.ts are under packages/lib/src; AGENTS.md:13
    // names core/parser.ts, which exists nowhere; the copilot file links a missing release guide and core/regexes.ts,
    // a link that leads nowhere from .github/ or the root.
    expect(await reported("context/missing-path-resolution")).toEqual([
      ".github/copilot-instructions.md:3:80 .github/copilot-instructions.md mentions ./release-guide.md, which does not exist",
      ".github/copilot-instructions.md:4:24 .github/copilot-instructions.md mentions core/regexes.ts, which does not exist (packages/lib/src/core/regexes.ts does)",
      "AGENTS.md:13:22 AGENTS.md mentions core/parser.ts, which does not exist",
    ]);
  });

  it("does not report gitignored paths or paths the sentence says are made at run time, beside ones that are missing", async () => {
    // fixtures/context/missing-path-ignored: `.triage/` and `local/` are in .gitignore, logs/server/ is "created at run time".
    expect(await reported("context/missing-path-ignored")).toEqual([
      "AGENTS.md:5:34 AGENTS.md mentions .triage-archive/, which does not exist",
      "AGENTS.md:8:23 AGENTS.md mentions notes/releases/, which does not exist",
      "AGENTS.md:9:30 AGENTS.md mentions scratch/, which does not exist",
    ]);
  });

  it("does not report build output, git refs or package specifiers, beside a missing folder", async () => {
    expect(await reported("context/missing-path-specifiers")).toEqual([
      "AGENTS.md:7:76 AGENTS.md mentions src/helpers/, which does not exist",
    ]);
  });

  it("does not report placeholders, examples, words, URLs, another repository's paths or code blocks, beside a missing file", async () => {
    // config/local.json is in a fenced error message (line 13) and in prose (line 17): only the prose is read.
    expect(await reported("context/missing-path-not-paths")).toEqual([
      "AGENTS.md:17:73 AGENTS.md mentions config/local.json, which does not exist",
    ]);
  });

  it("suggests the path with the same name or a close one in the same folder, and nothing when none is close", async () => {
    // fixtures/context/missing-path-suggestion: format-date.ts moved to src/lib/, the link has a typo, src/legacy/ is gone.
    const findings = findingsOf(await scanFixture("context/missing-path-suggestion"), RULE);
    expect(findings.map((finding) => `${finding.line}:${finding.column} ${finding.message}`)).toEqual([
      "3:25 AGENTS.md mentions src/utils/format-date.ts, which does not exist (src/lib/format-date.ts does)",
      "4:31 AGENTS.md mentions docs/architecure.md, which does not exist (docs/architecture.md does)",
      "5:28 AGENTS.md mentions src/legacy/, which does not exist",
    ]);
    expect(findings.map((finding) => finding.fix)).toEqual([
      "Update AGENTS.md to src/lib/format-date.ts if that is what it means, or remove the mention if the thing it named is gone.",
      "Update AGENTS.md to docs/architecture.md if that is what it means, or remove the mention if the thing it named is gone.",
      "Update AGENTS.md to the path's current location, or remove the mention if the thing it named is gone.",
    ]);
  });
});
