import { describe, expect, it } from "vitest";
import { commands } from "../../../src/agents-md/sections.js";
import { discover } from "../../../src/discover/index.js";
import { collectFacts } from "../../../src/facts/index.js";
import { isYarnBerry, parseManagerSpec, resolvePackageManager } from "../../../src/facts/context/manager.js";
import { copyFixture } from "../../helpers/fixtures.js";

describe("the packageManager field", () => {
  it.each([
    ["pnpm@10.33.1", { name: "pnpm", version: "10.33.1" }],
    ["yarn@4.5.0+sha512.0123abcd", { name: "yarn", version: "4.5.0" }],
    ["npm@10.9.0-rc.1", { name: "npm", version: "10.9.0-rc.1" }],
    ["bun@1.2.20", { name: "bun", version: "1.2.20" }],
    ["pnpm", null],
    ["pnpm@latest", null],
    ["deno@2.0.0", null],
    ["", null],
  ])("reads %j as Corepack does", (spec, expected) => {
    expect(parseManagerSpec(spec)).toEqual(expected);
  });

  it("comes before the root lockfile, and finds its own lockfile among several", () => {
    const field = { spec: "pnpm@10.33.1+sha512.0123", line: 4 };
    expect(resolvePackageManager(field, ["package-lock.json", "pnpm-lock.yaml"])).toEqual({
      name: "pnpm",
      version: "10.33.1",
      lockfile: "pnpm-lock.yaml",
      declared: field,
    });
    expect(resolvePackageManager(field, ["yarn.lock"])?.lockfile).toBeNull();
    // A value Corepack rejects: the lockfile decides; a lockfile in a sub-folder is not the root's.
    expect(resolvePackageManager({ spec: "pnpm", line: 4 }, ["yarn.lock"])).toEqual({
      name: "yarn",
      version: null,
      lockfile: "yarn.lock",
      declared: null,
    });
    expect(resolvePackageManager(null, ["apps/web/yarn.lock"])).toBeNull();
  });

  it("tells yarn 2 and later from yarn 1 by the pinned version, else by a .yarnrc.yml", () => {
    const yarn = (version: string) => resolvePackageManager({ spec: `yarn@${version}`, line: 1 }, []);
    expect(isYarnBerry(yarn("4.5.0"), [])).toBe(true);
    expect(isYarnBerry(yarn("1.22.22"), [".yarnrc.yml"])).toBe(false);
    expect(isYarnBerry(null, [".yarnrc.yml", "yarn.lock"])).toBe(true);
    expect(isYarnBerry(null, ["yarn.lock"])).toBe(false);
  });

  // fixtures/context/feedback-loop/manager-declared: "pnpm@10.33.1+sha512.…", no lockfile committed.
  it("gives AGENTS.md's commands section the pinned manager, and an install that needs no lockfile", async () => {
    const inventory = await discover(await copyFixture("context/feedback-loop/manager-declared"), {
      ignore: [],
      classify: {},
      maxFileSize: 1024 * 1024,
    });
    const facts = await collectFacts(inventory);
    expect(commands(facts, { dir: "", listLimit: 10 })?.lines.slice(0, 4)).toEqual([
      "## Setup and commands",
      "",
      "Package manager: pnpm (`packageManager: pnpm@10.33.1`).",
      "",
    ]);
    expect(commands(facts, { dir: "", listLimit: 10 })?.lines[4]).toBe("- `pnpm install` — install the dependencies");
  });
});
