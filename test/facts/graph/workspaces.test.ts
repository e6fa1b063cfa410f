import { describe, expect, it } from "vitest";
import { exportTargets, packageName } from "../../../src/facts/graph/workspaces.js";

describe("package names", () => {
  it.each([
    ["@acme/core", "@acme/core"],
    ["@acme/core/sub/path", "@acme/core"],
    ["lodash/get", "lodash"],
    ["./local", null],
    ["/absolute", null],
  ])("%s → %s", (specifier, name) => {
    expect(packageName(specifier)).toBe(name);
  });
});

describe("package.json exports", () => {
  it("prefers source and types conditions, then import, require and default", () => {
    const exportsField = {
      ".": { default: "./d.js", require: "./r.cjs", import: "./i.js", types: "./t.d.ts", source: "./src/index.ts" },
    };
    expect(exportTargets(exportsField, ".")).toEqual(["./src/index.ts", "./t.d.ts", "./i.js", "./r.cjs", "./d.js"]);
  });

  it("reads a bare string, nested conditions and subpath patterns", () => {
    expect(exportTargets("./main.js", ".")).toEqual(["./main.js"]);
    expect(exportTargets({ import: { types: "./a.d.ts", default: "./a.js" } }, ".")).toEqual(["./a.d.ts", "./a.js"]);
    expect(exportTargets({ "./features/*": "./dist/features/*.js" }, "./features/login")).toEqual([
      "./dist/features/login.js",
    ]);
    expect(exportTargets({ ".": "./index.js" }, "./missing")).toEqual([]);
  });
});
