import { describe, expect, it } from "vitest";
import { harnessOf, scriptServers, servedFolder, splitChain, type Manifest } from "../../src/discover/served.js";

const manifests: Manifest[] = [
  {
    dir: "",
    name: "forms",
    scripts: {
      start: "pnpm build:esm && cd ./app && pnpm install && pnpm run dev",
      "build:esm": "rollup -c",
      "dev:web": "pnpm --filter web dev",
      "dev:docs": "vitepress dev docs --port 5173",
    },
    dependencies: {},
  },
  { dir: "app", name: "forms-app", scripts: { dev: "vite --force" }, dependencies: { forms: "file:.." } },
  { dir: "apps/web", name: "web", scripts: { dev: "next dev" }, dependencies: { forms: "workspace:*" } },
  { dir: "apps/admin", name: "admin", scripts: { dev: "vite" }, dependencies: { forms: "^1.0.0" } },
];
const context = { manifests, isFolder: (dir: string) => ["app", "apps/web", "apps/admin", "docs"].includes(dir) };

describe("the folder a server command serves", () => {
  it.each([
    // react-hook-form's start script: a build, then the app's dev script in app/.
    ["pnpm start", "", "app"],
    ["npm run dev", "app", "app"],
    ["cd apps/web && npm run dev", "", "apps/web"],
    ["pnpm -C apps/web dev", "", "apps/web"],
    ["pnpm --dir=apps/admin dev", "", "apps/admin"],
    ["npm --prefix apps/admin run dev", "", "apps/admin"],
    ["pnpm --filter web dev", "", "apps/web"],
    ["pnpm run dev:web", "", "apps/web"],
    ["npm run dev --workspace=admin", "", "apps/admin"],
    ["npm -w apps/web run dev", "", "apps/web"],
    ["yarn workspace admin dev", "", "apps/admin"],
    ["yarn --cwd app dev", "", "app"],
    ["PORT=3000 npx vite --port 3000", "apps/admin", "apps/admin"],
    // A dev server given its folder: vitepress serves docs/, not the package.
    ["npm run dev:docs", "", "docs"],
    ["npx vite --root apps/admin", "", "apps/admin"],
  ])("%s (in %j) serves %j", (command, cwd, expected) => {
    expect(servedFolder(command, cwd, context)).toBe(expected);
  });

  it("refuses a folder outside the repository", () => {
    expect(servedFolder("cd ../elsewhere && vite", "", context)).toBeNull();
  });

  it("splits a shell line at &&, ||, ; and &, not inside quotes or at a redirection", () => {
    expect(splitChain(`a && b || c; d & e 2>&1 "f && g"`)).toEqual(["a", "b", "c", "d", 'e 2>&1 "f && g"']);
  });
});

describe("servers that package scripts start for an e2e runner", () => {
  const configOf = (runner: string) => (runner === "cypress" ? "cypress.config.ts" : null);
  it.each([
    ["start-server-and-test dev http://localhost:3000 cy:run", "npm run dev", "cypress", "cypress.config.ts"],
    ["vite & wait-on http://localhost:5173 && cypress run", "vite", "cypress", "cypress.config.ts"],
    [
      `concurrently "npm run dev" "wait-on tcp:3000 && playwright test"`,
      "npm run dev",
      "playwright",
      "package.json#scripts.e2e",
    ],
  ])("%s starts %j for %s", (script, command, runner, config) => {
    const manifest = {
      dir: "",
      name: "site",
      scripts: { dev: "vite", "cy:run": "cypress run", e2e: script },
      dependencies: {},
    };
    expect(scriptServers(manifest, configOf)).toEqual([{ runner, config, command, cwd: "" }]);
  });

  it("ignores a start-server-and-test whose test part runs no e2e runner", () => {
    const manifest = {
      dir: "",
      name: "site",
      scripts: { dev: "vite", check: "start-server-and-test dev 3000 lint" },
      dependencies: {},
    };
    expect(scriptServers(manifest, configOf)).toEqual([]);
  });
});

describe("a harness app", () => {
  it.each([
    ["app", "playwright.config.ts", "it depends on forms by file:.."],
    ["apps/web", "playwright.config.ts", "it depends on forms by workspace:*"],
    // A published range is no local copy; an app's own tests make it a product app.
    ["apps/admin", "playwright.config.ts", null],
    ["apps/web", "apps/web/playwright.config.ts", null],
  ])("%s served by %s: %j", (dir, config, expected) => {
    expect(harnessOf(dir, config, manifests)).toBe(expected);
  });
});
