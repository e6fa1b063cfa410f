/**
 * The fix plan: findings grouped into actions (one rule over one scope), each
 * with the points the whole action buys, ranked by gain weighted by hotness,
 * product code first. Pure planning on hand-made findings, and one scan whose
 * action gain is checked against a re-scan with the action done.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CategoryResult, Finding } from "../../src/contract/result.js";
import { analyze } from "../../src/engine/index.js";
import { actionsToNextLevel, MAX_ACTION_FILES, planActions, type PlanContext } from "../../src/score/actions.js";
import type { ActionSpec } from "../../rules/define-rule.js";
import { copyFixture } from "../helpers/fixtures.js";

let serial = 0;
function finding(file: string, ruleId = "docs/one", severity: Finding["severity"] = "warning"): Finding {
  serial += 1;
  return {
    ruleId,
    category: "docs",
    severity,
    message: "m",
    file,
    line: serial,
    column: 1,
    fix: "f",
    gain: 0,
    effort: "trivial",
    rank: serial,
    fingerprint: serial.toString(16).padStart(16, "0"),
  };
}

/**
 * One applicable category (weight 10 of 10) holding the n rules, each at weight 1, examining 100 × n units:
 * a cost of 1 is worth 100 × 1/(100n) × 1/n points, 1 point when there is one rule.
 */
function categories(ruleIds: readonly string[]): CategoryResult[] {
  const checks = ruleIds.map((ruleId) => ({
    ruleId,
    weight: 1,
    examined: 100 * ruleIds.length,
    failed: 100,
    score: 0,
  }));
  return [
    { id: "docs", name: "Documentation", weight: 10, score: 50, checks, metrics: {} } as unknown as CategoryResult,
  ];
}

function context(
  specs: Record<string, ActionSpec>,
  options: { kinds?: Record<string, string>; commits?: Record<string, number> } = {},
): PlanContext {
  return {
    ruleOf: (ruleId) => {
      const action = specs[ruleId];
      return action ? { effort: "trivial", action } : undefined;
    },
    kindOf: (file) => options.kinds?.[file] ?? "source",
    commitsOf: (file) => options.commits?.[file] ?? 0,
    categories: categories(Object.keys(specs)),
  };
}

const FOLDER: ActionSpec = { scope: "folder", title: "Document {{count}} symbol{{s}} in {{scope}}" };
const FILE: ActionSpec = { scope: "file", title: "Test {{scope}}" };

describe("grouping", () => {
  it("groups a folder rule's findings by folder, with the count in the title and the summed gain", () => {
    const findings = [finding("src/a.ts"), finding("src/a.ts"), finding("src/b.ts"), finding("lib/c.ts")];
    const actions = planActions(findings, [1, 1, 1, 1], context({ "docs/one": FOLDER }));
    expect(actions.map((action) => [action.id, action.title, action.files, action.findings.length])).toEqual([
      ["docs/one@folder:src", "Document 3 symbols in src", 2, 3],
      ["docs/one@folder:lib", "Document 1 symbol in lib", 1, 1],
    ]);
    // One rule: each cost of 1 is 1 point.
    expect(actions.map((action) => action.gain)).toEqual([3, 1]);
  });

  it(`splits a folder of more than ${MAX_ACTION_FILES} files into parts of ${MAX_ACTION_FILES}, in path order`, () => {
    const files = Array.from({ length: 25 }, (_, index) => `src/m${String(index).padStart(2, "0")}.ts`);
    const actions = planActions(
      files.map((file) => finding(file)),
      files.map(() => 1),
      context({ "docs/one": FOLDER }),
    );
    expect(actions.map((action) => [action.id, action.files, action.title])).toEqual([
      ["docs/one@folder:src#1", 20, "Document 20 symbols in src (part 1)"],
      ["docs/one@folder:src#2", 5, "Document 5 symbols in src (part 2)"],
    ]);
  });

  it("gives each finding its own action for a finding-scoped rule, and one action for a repository-scoped one", () => {
    const specs: Record<string, ActionSpec> = {
      "docs/cycle": { scope: "finding", title: "Break the cycle at {{scope}}" },
      "docs/loop": { scope: "repository", title: "Close {{count}} gap{{s}} in {{scope}}" },
    };
    const cycles = [finding("src/a.ts", "docs/cycle"), finding("src/a.ts", "docs/cycle")];
    const gaps = [finding("package.json", "docs/loop"), finding(".github/workflows/ci.yml", "docs/loop")];
    const actions = planActions([...cycles, ...gaps], [1, 1, 1, 1], context(specs));
    expect(actions.map((action) => [action.id, action.title]).sort()).toEqual(
      [
        [`docs/cycle@file:src/a.ts#${cycles[0]?.fingerprint}`, "Break the cycle at src/a.ts"],
        [`docs/cycle@file:src/a.ts#${cycles[1]?.fingerprint}`, "Break the cycle at src/a.ts"],
        ["docs/loop@repository:.", "Close 2 gaps in the repository"],
      ].sort(),
    );
  });

  it("gives the same ids whatever the order of the findings", () => {
    const findings = [finding("src/a.ts"), finding("lib/b.ts"), finding("src/c.ts", "docs/two")];
    const specs = { "docs/one": FOLDER, "docs/two": FILE };
    const ids = (list: Finding[]) =>
      planActions(
        list,
        list.map(() => 1),
        context(specs),
      )
        .map((action) => action.id)
        .sort();
    expect(ids([...findings].reverse())).toEqual(ids(findings));
  });

  it("raises the effort class over many files and over many findings", () => {
    const spread = Array.from({ length: 6 }, (_, index) => finding(`src/f${index}.ts`));
    const many = Array.from({ length: 51 }, () => finding("lib/one.ts"));
    const actions = planActions(
      [...spread, ...many],
      [...spread, ...many].map(() => 0.1),
      context({ "docs/one": FOLDER }),
    );
    expect(Object.fromEntries(actions.map((action) => [action.scope.path, action.effort]))).toEqual({
      src: "small", // trivial, one class up for 6 files
      lib: "medium", // trivial, two up for 51 findings
    });
  });
});

describe("merging", () => {
  it("merges a rule's folder actions up into the folder above while they stay within 20 files", () => {
    const findings = [finding("src/a.ts"), finding("src/middleware/b.ts"), finding("src/react/deep/c.ts")];
    const actions = planActions(findings, [1, 1, 1], context({ "docs/one": FOLDER }));
    expect(actions.map((action) => [action.id, action.title, action.files])).toEqual([
      ["docs/one@folder:src", "Document 3 symbols in src", 3],
    ]);
  });

  it("keeps a subfolder apart when merging it would pass 20 files, and never merges into the root folder", () => {
    const wide = Array.from({ length: 19 }, (_, index) => finding(`src/types/t${String(index).padStart(2, "0")}.ts`));
    const findings = [...wide, finding("src/a.ts"), finding("src/b.ts"), finding("lib/c.ts"), finding("d.ts")];
    const actions = planActions(
      findings,
      findings.map(() => 1),
      context({ "docs/one": FOLDER }),
    );
    expect(actions.map((action) => [action.scope.path, action.files]).sort()).toEqual([
      [".", 1],
      ["lib", 1],
      ["src", 2],
      ["src/types", 19],
    ]);
  });

  it("names the folders a merged action covers when another action of the rule stays under its path", () => {
    // src/babel, src/react and src/react/utils (one file each) merge into src; src/vanilla's 19 files would pass 20
    // and stay apart. src/react names its utils folder too.
    const vanilla = Array.from({ length: 19 }, (_, index) =>
      finding(`src/vanilla/v${String(index).padStart(2, "0")}.ts`),
    );
    const findings = [
      ...vanilla,
      finding("src/react/a.ts"),
      finding("src/react/utils/u.ts"),
      finding("src/babel/b.ts"),
    ];
    const actions = planActions(
      findings,
      findings.map(() => 1),
      context({ "docs/one": FOLDER }),
    );
    expect(actions.map((action) => [action.id, action.title, action.files]).sort()).toEqual([
      ["docs/one@folder:src", "Document 3 symbols in src/babel and src/react", 3],
      ["docs/one@folder:src/vanilla", "Document 19 symbols in src/vanilla", 19],
    ]);
  });

  it("does not merge tests into product code", () => {
    const findings = [finding("src/a.ts"), finding("src/__tests__/a.test.ts")];
    const actions = planActions(
      findings,
      [1, 1],
      context({ "docs/one": FOLDER }, { kinds: { "src/__tests__/a.test.ts": "test" } }),
    );
    expect(actions.map((action) => action.scope.path)).toEqual(["src", "src/__tests__"]);
  });

  it("lets a hotspot's action take the same file's length and complexity findings, with their gains", () => {
    const findings = [
      finding("src/engine.ts", "docs/hot"),
      finding("src/engine.ts", "docs/complex"),
      finding("src/engine.ts", "docs/long"),
      finding("src/other.ts", "docs/complex"),
    ];
    const plain: Record<string, ActionSpec> = {
      "docs/hot": { scope: "file", title: "Make {{scope}} safer" },
      "docs/complex": { scope: "file", title: "Simplify {{count}} in {{scope}}" },
      "docs/long": { scope: "file", title: "Shorten {{count}} in {{scope}}" },
    };
    const absorbing = {
      ...plain,
      "docs/hot": { ...FILE, title: "Make {{scope}} safer", absorbs: ["docs/complex", "docs/long"] },
    };
    const separate = planActions(findings, [1, 2, 3, 4], context(plain));
    const together = planActions(findings, [1, 2, 3, 4], context(absorbing));
    expect(together.map((action) => [action.id, action.findings.length])).toEqual([
      ["docs/hot@file:src/engine.ts", 3],
      ["docs/complex@file:src/other.ts", 1],
    ]);
    const gainOf = (actions: typeof separate, id: string) => actions.find((action) => action.id === id)?.gain ?? 0;
    expect(gainOf(together, "docs/hot@file:src/engine.ts")).toBeCloseTo(
      gainOf(separate, "docs/hot@file:src/engine.ts") +
        gainOf(separate, "docs/complex@file:src/engine.ts") +
        gainOf(separate, "docs/long@file:src/engine.ts"),
      9,
    );
    expect(together[0]?.category).toBe("docs");
  });
});

describe("ranking", () => {
  it("counts an action over the repository, or over a file yet to be written, as hot as the hottest", () => {
    const specs: Record<string, ActionSpec> = {
      "docs/one": FILE,
      "docs/loop": { scope: "repository", title: "Close {{count}} gap{{s}} in {{scope}}" },
      "docs/agents": { scope: "finding", title: "Set up {{scope}}" },
    };
    const findings = [finding("src/hot.ts"), finding("package.json", "docs/loop"), finding("AGENTS.md", "docs/agents")];
    const kinds = { "src/hot.ts": "source", "package.json": "config" };
    const actions = planActions(findings, [1, 1, 1], {
      ...context(specs, { commits: { "src/hot.ts": 12, "package.json": 2 } }),
      kindOf: (file) => kinds[file as keyof typeof kinds],
    });
    expect(Object.fromEntries(actions.map((action) => [action.ruleId, action.hotness]))).toEqual({
      "docs/one": 12,
      "docs/loop": 12,
      "docs/agents": 12,
    });
  });

  it("puts the larger gain first, and of equal gains the hotter scope", () => {
    const findings = [finding("src/frozen.ts"), finding("src/hot.ts"), finding("src/big.ts"), finding("src/big.ts")];
    const actions = planActions(
      findings,
      [1, 1, 1, 1],
      context({ "docs/one": FILE }, { commits: { "src/hot.ts": 9 } }),
    );
    expect(actions.map((action) => [action.rank, action.scope.path, action.hotness])).toEqual([
      [1, "src/big.ts", 0],
      [2, "src/hot.ts", 9],
      [3, "src/frozen.ts", 0],
    ]);
  });

  it("weighs hotness at most half the gain again: the hottest scope's 1.4 beats a frozen 2.0 only below 2.1", () => {
    const run = (frozenCost: number) =>
      planActions(
        [finding("src/hot.ts"), finding("src/frozen.ts")],
        [1.4, frozenCost],
        context({ "docs/one": FILE }, { commits: { "src/hot.ts": 30 } }),
      ).map((action) => action.scope.path);
    // 1.4 × (1 + 0.5 × 30/30) = 2.1
    expect(run(2.0)).toEqual(["src/hot.ts", "src/frozen.ts"]);
    expect(run(2.2)).toEqual(["src/frozen.ts", "src/hot.ts"]);
  });

  it("puts product code before tests, fixtures, benchmarks and scripts, and warnings before notes, whatever the gain", () => {
    const findings = [
      finding("test/a.test.ts"),
      finding("bench/run.ts"),
      finding("src/note.ts", "docs/one", "info"),
      finding("src/small.ts"),
    ];
    const kinds = {
      "test/a.test.ts": "test",
      "bench/run.ts": "benchmark",
      "src/note.ts": "source",
      "src/small.ts": "source",
    };
    const actions = planActions(findings, [5, 4, 3, 0.1], context({ "docs/one": FILE }, { kinds }));
    expect(actions.map((action) => action.scope.path)).toEqual([
      "src/small.ts",
      "src/note.ts",
      "test/a.test.ts",
      "bench/run.ts",
    ]);
  });
});

describe("on a scan", () => {
  it("an action's gain is what the re-scan gains once it is done (known-counts: document its 3 exports)", async () => {
    const dir = await copyFixture("scan/known-counts");
    const before = await analyze({ root: dir, cache: false });
    const action = before.actions.find((candidate) => candidate.ruleId === "docs/exported-symbol-doc");
    // By hand: 3 of the 5 exports undocumented in src/orders.ts, each +3.11 (docs 18.67 × 15/90).
    expect(action).toMatchObject({
      id: "docs/exported-symbol-doc@folder:src",
      title: "Document 3 exported symbols in src",
      files: 1,
      gain: 9.33,
    });
    const fingerprints = new Set(action?.findings);
    const lines = before.findings
      .filter((entry) => fingerprints.has(entry.fingerprint))
      .map((entry) => entry.line)
      .sort((a, b) => b - a);
    expect(lines).toEqual([17, 15, 11]);
    const path = join(dir, "src/orders.ts");
    const source = (await readFile(path, "utf8")).split("\n");
    for (const line of lines) source.splice(line - 1, 0, "/** Documented. */");
    await writeFile(path, source.join("\n"));
    const after = await analyze({ root: dir, cache: false });
    expect(after.actions.some((candidate) => candidate.ruleId === "docs/exported-symbol-doc")).toBe(false);
    // The gain is exact on the exact scores; the two shown scores are rounded to 0.1 each.
    expect(Math.abs((after.score ?? 0) - (before.score ?? 0) - (action?.gain ?? 0))).toBeLessThanOrEqual(0.1);
    expect([before.score, after.score]).toEqual([74.2, 83.6]);
    // Level 4 needs 75 overall (+0.8), docs 44 → 50 (+6 of its points: the docs action gives 56) and context 36 → 50
    // (+14: the agent file's +8.89 overall is 40 of context's, 8.89 × 90/20).
    expect(before.level?.next?.actions).toEqual([
      action?.id,
      before.actions.find((entry) => entry.ruleId === "context/agent-file")?.id,
    ]);
  });
});

describe("the actions to the next level", () => {
  const level = { rank: 3, name: "Workable", next: { rank: 4, name: "Ready", needs: [], actions: [] } };
  // Level 4 needs 75 overall and 50 in every category. Docs (weight 10 of 20 applicable) at 40: it needs +10 of
  // its own points, 5 overall points; each docs action below is worth 3 overall points, 6 of the category's.
  const categoriesAt = (docs: number, tests: number) =>
    [
      { id: "docs", name: "Documentation", weight: 10, score: docs, checks: [], metrics: {} },
      { id: "tests", name: "Test coverage", weight: 10, score: tests, checks: [], metrics: {} },
    ] as unknown as CategoryResult[];
  const action = (rank: number, category: "docs" | "tests", gain: number) => ({
    id: `${category}/rule@file:${rank}.ts`,
    rank,
    ruleId: `${category}/rule`,
    category,
    scope: { kind: "file" as const, path: `${rank}.ts` },
    title: "t",
    findings: ["0000000000000001"],
    files: 1,
    gain,
    effort: "small" as const,
    hotness: 0,
  });

  it("takes, per gap, the first actions in rank order whose gains close it", () => {
    const actions = [action(1, "tests", 3), action(2, "docs", 3), action(3, "docs", 3), action(4, "docs", 3)];
    // Overall 74 → 75: action 1 (+3) closes it; docs 40 → 50: actions 2 and 3 (6 + 6 of its points).
    expect(actionsToNextLevel(level, 74, categoriesAt(40, 80), actions)).toEqual([
      "tests/rule@file:1.ts",
      "docs/rule@file:2.ts",
      "docs/rule@file:3.ts",
    ]);
  });

  it("names none when the plan cannot close a gap", () => {
    // Tests at 30 need 20 of their own points; there is no tests action.
    expect(actionsToNextLevel(level, 80, categoriesAt(60, 30), [action(1, "docs", 3)])).toEqual([]);
  });
});

describe("every rule's action", () => {
  it("names its scope (but the repository's), and pluralises the count it names", async () => {
    const { RULES } = await import("../../rules/index.js");
    for (const rule of RULES) {
      const { scope, title } = rule.action;
      expect({ id: rule.id, namesScope: title.includes("{{scope}}") }).toEqual({
        id: rule.id,
        namesScope: scope !== "repository" || title.includes("{{scope}}"),
      });
      if (title.includes("{{count}}"))
        expect({ id: rule.id, title }).toEqual({ id: rule.id, title: expect.stringContaining("{{s}}") });
      expect(title.replace(/\{\{(?:count|s|scope)\}\}/g, "")).not.toContain("{{");
    }
  });
});
