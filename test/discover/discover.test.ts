import { mkdir, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { discover } from "../../src/discover/index.js";
import { collectFacts } from "../../src/facts/index.js";
import { temporaryDir } from "../helpers/fixtures.js";
import { commitAll, git, initRepo, writeFiles } from "../helpers/git.js";

const DEFAULTS = { ignore: [], classify: {}, maxFileSize: 1024 * 1024 };

describe("discover in a git work tree", () => {
  it("lists tracked and untracked-not-ignored files, skips what it cannot analyse and says why", async () => {
    const dir = await temporaryDir();
    initRepo(dir);
    await writeFiles(dir, {
      ".gitignore": "ignored.ts\n",
      "src/kept.ts": "export const kept = 1;\n",
      "src/deleted.ts": "export const gone = 1;\n",
      "node_modules/pkg/index.js": "module.exports = 1;\n",
      "src/big.ts": `export const big = "${"x".repeat(1024 * 1024)}";\n`,
    });
    await symlink("kept.ts", join(dir, "src/link.ts"));
    git(dir, ["add", "-f", "node_modules/pkg/index.js"]);
    const head = commitAll(dir, "initial");
    await rm(join(dir, "src/deleted.ts"));
    await writeFiles(dir, { "src/untracked.ts": "export const fresh = 1;\n", "ignored.ts": "export const no = 1;\n" });

    const inventory = await discover(dir, DEFAULTS);

    expect(inventory.lister).toBe("git");
    expect(inventory.commit).toBe(head);
    expect(inventory.files.map((file) => [file.path, file.kind])).toEqual([
      [".gitignore", "config"],
      ["src/kept.ts", "source"],
      ["src/untracked.ts", "source"],
    ]);
    expect(inventory.skipped.map((file) => [file.path, file.reason])).toEqual([
      ["node_modules/pkg/index.js", "node_modules"],
      ["src/big.ts", "too-large"],
      ["src/link.ts", "symlink"],
    ]);
    expect(inventory.files.find((file) => file.path === "src/kept.ts")?.blob).toMatch(/^[0-9a-f]{40}$/);
    expect(inventory.files.find((file) => file.path === "src/untracked.ts")?.blob).toBeNull();
  });

  it("honours maxFileSize and ignore globs", async () => {
    const dir = await temporaryDir();
    initRepo(dir);
    await writeFiles(dir, {
      "src/small.ts": "export const a = 1;\n",
      "src/medium.ts": `export const b = "${"y".repeat(200)}";\n`,
      "legacy/old.ts": "x\n",
    });
    commitAll(dir, "initial");
    const inventory = await discover(dir, { ...DEFAULTS, maxFileSize: 100, ignore: ["legacy/**"] });
    expect(inventory.files.map((file) => file.path)).toEqual(["src/small.ts"]);
    expect(inventory.skipped.map((file) => [file.path, file.reason])).toEqual([
      ["legacy/old.ts", "ignored-by-config"],
      ["src/medium.ts", "too-large"],
    ]);
  });

  it("has no commit in a repository without commits", async () => {
    const dir = await temporaryDir();
    initRepo(dir);
    await writeFiles(dir, { "src/a.ts": "export const a = 1;\n" });
    const inventory = await discover(dir, DEFAULTS);
    expect(inventory.lister).toBe("git");
    expect(inventory.commit).toBeNull();
    expect(inventory.files.map((file) => file.path)).toEqual(["src/a.ts"]);
  });

  it("scans a subdirectory of a repository with paths relative to it", async () => {
    const dir = await temporaryDir();
    initRepo(dir);
    await writeFiles(dir, { "packages/app/src/a.ts": "export const a = 1;\n", "other/b.ts": "export const b = 1;\n" });
    commitAll(dir, "initial");
    const inventory = await discover(join(dir, "packages/app"), DEFAULTS);
    expect(inventory.files.map((file) => file.path)).toEqual(["src/a.ts"]);
  });
});

describe("discover in an ignored folder of a work tree", () => {
  it("falls back to the filesystem, with a warning, instead of finding nothing", async () => {
    const dir = await temporaryDir();
    initRepo(dir);
    await writeFiles(dir, {
      ".gitignore": "vendored-copy/\n",
      "vendored-copy/src/lib.ts": "export const lib = 1;\n",
      "app.ts": "export const app = 1;\n",
    });
    commitAll(dir, "initial");
    const inventory = await discover(join(dir, "vendored-copy"), DEFAULTS);
    expect(inventory.lister).toBe("filesystem");
    expect(inventory.files.map((file) => file.path)).toEqual(["src/lib.ts"]);
    expect(inventory.warnings).toEqual([
      "git lists no files in this directory (it is ignored); files were listed from the filesystem",
    ]);
  });
});

describe("discover outside git", () => {
  it("walks the filesystem, honours .gitignore and never lists node_modules", async () => {
    const dir = await temporaryDir();
    await writeFiles(dir, {
      ".gitignore": "generated-out/\n",
      "src/app.ts": "export const app = 1;\n",
      "generated-out/app.js": "var a;\n",
      "node_modules/pkg/index.js": "module.exports = 1;\n",
    });
    const inventory = await discover(dir, DEFAULTS);
    expect(inventory.lister).toBe("filesystem");
    expect(inventory.commit).toBeNull();
    expect(inventory.files.map((file) => file.path)).toEqual([".gitignore", "src/app.ts"]);
  });
});

describe("content sniffing while reading", () => {
  it("skips binary and minified sources, reclassifies generated ones, parses a file with a BOM and reads Latin-1", async () => {
    const dir = await temporaryDir();
    await mkdir(join(dir, "src"));
    await writeFile(join(dir, "src/binary.ts"), Buffer.from([0x65, 0x78, 0x00, 0x70]));
    await writeFile(join(dir, "src/bundle.js"), `var a=${"1+".repeat(3000)}1;\n`);
    await writeFile(
      join(dir, "src/schema.ts"),
      "// Code generated by protoc. DO NOT EDIT.\nexport const schema = 1;\n",
    );
    await writeFile(join(dir, "src/bom.ts"), "\uFEFF/** With a BOM. */\nexport const bom = 1;\n");
    // msw's worker script: a vendored copy the library writes, marked only "Please do NOT modify this file."
    await writeFile(
      join(dir, "src/worker.js"),
      "/**\n * Mock Service Worker.\n * - Please do NOT modify this file.\n */\nconst VERSION = '2.3.5';\n",
    );
    await writeFile(join(dir, "src/mentions-marker.ts"), "export const marker = /@generated/;\n");
    await writeFile(join(dir, "src/latin1.ts"), Buffer.from("/** Caf\xe9. */\nexport const caf\xe9 = 1;\n", "latin1"));
    const facts = await collectFacts(await discover(dir, DEFAULTS));
    expect(facts.inventory.skipped.map((file) => [file.path, file.reason])).toEqual([
      ["src/binary.ts", "binary"],
      ["src/bundle.js", "minified"],
    ]);
    expect(facts.inventory.files.map((file) => [file.path, file.kind])).toEqual([
      ["src/bom.ts", "source"],
      ["src/latin1.ts", "source"],
      ["src/mentions-marker.ts", "source"],
      ["src/schema.ts", "generated"],
      ["src/worker.js", "generated"],
    ]);
    expect(facts.inventory.files.find((file) => file.path === "src/schema.ts")?.why).toBe("a generated-file header");
    expect(facts.modules.map((module) => [module.path, module.exports[0]?.name, module.exports[0]?.hasDoc])).toEqual([
      ["src/bom.ts", "bom", true],
      ["src/latin1.ts", "caf\u00e9", true],
      ["src/mentions-marker.ts", "marker", false],
    ]);
    expect(facts.inventory.warnings).toEqual(["src/latin1.ts: not valid UTF-8; read as Latin-1"]);
  });
});
