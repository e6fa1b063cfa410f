import { describe, expect, it } from "vitest";
import { scriptRuns } from "../../../src/facts/context/script-runs.js";

describe("what a script's body runs", () => {
  it("reads a command run through a wrapper's arguments", () => {
    expect(scriptRuns("node scripts/run-logged.mjs build pnpm build")).toEqual({ scripts: ["build"], tasks: [] });
    expect(scriptRuns("cross-env NODE_ENV=production pnpm run build")).toEqual({ scripts: ["build"], tasks: [] });
    expect(scriptRuns("dotenv -e .env.test -- npm test")).toEqual({ scripts: ["test"], tasks: [] });
    expect(scriptRuns('sh -c "yarn lint && yarn test:unit"')).toEqual({ scripts: ["lint", "test:unit"], tasks: [] });
    expect(scriptRuns("pnpm exec cross-env CI=1 pnpm test")).toEqual({ scripts: ["test"], tasks: [] });
    expect(scriptRuns("CI=1 bun run check")).toEqual({ scripts: ["check"], tasks: [] });
  });

  it("reads the scripts a script runner names", () => {
    expect(scriptRuns('run-s build "test -- --run"')).toEqual({ scripts: ["build", "test"], tasks: [] });
    expect(scriptRuns("npm-run-all -p --max-parallel 2 lint:* test -- --watch")).toEqual({
      scripts: ["lint:*", "test"],
      tasks: [],
    });
    expect(scriptRuns('concurrently -n api,web "npm:dev:*" "pnpm --filter web dev" "pnpm lint"')).toEqual({
      scripts: ["dev:*", "lint"],
      tasks: [],
    });
    expect(scriptRuns("node --run build")).toEqual({ scripts: ["build"], tasks: [] });
  });

  it("reads what task runners run in every workspace package, and not what they run in some", () => {
    expect(scriptRuns("turbo run build lint --concurrency 4")).toEqual({ scripts: [], tasks: ["build", "lint"] });
    expect(scriptRuns("npx turbo build")).toEqual({ scripts: [], tasks: ["build"] });
    expect(scriptRuns("nx run-many -t build test --parallel 3")).toEqual({ scripts: [], tasks: ["build", "test"] });
    expect(scriptRuns("nx run-many --targets=lint,typecheck")).toEqual({ scripts: [], tasks: ["lint", "typecheck"] });
    expect(scriptRuns("lerna run test --stream")).toEqual({ scripts: [], tasks: ["test"] });
    expect(scriptRuns("pnpm -r build && yarn workspaces foreach -A run lint")).toEqual({
      scripts: [],
      tasks: ["build", "lint"],
    });
    expect(scriptRuns("turbo run build --filter=web")).toEqual({ scripts: [], tasks: [] });
    expect(scriptRuns("turbo prune web")).toEqual({ scripts: [], tasks: [] });
    expect(scriptRuns("nx run-many -t build -p web")).toEqual({ scripts: [], tasks: [] });
    expect(scriptRuns("lerna run test --scope web")).toEqual({ scripts: [], tasks: [] });
  });

  it("does not take a command printed, run in another folder or another package", () => {
    expect(scriptRuns("echo pnpm build && vitest run")).toEqual({ scripts: [], tasks: [] });
    expect(scriptRuns("cd docs && pnpm build")).toEqual({ scripts: [], tasks: [] });
    expect(scriptRuns("npm run build --prefix docs")).toEqual({ scripts: [], tasks: [] });
    expect(scriptRuns("pnpm --filter web build")).toEqual({ scripts: [], tasks: [] });
    expect(scriptRuns('node -e "console.log(1)" && tsc -b')).toEqual({ scripts: [], tasks: [] });
  });
});
