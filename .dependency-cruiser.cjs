/**
 * Groundwork's layers, checked on every lint (`npm run lint:imports`). A layer
 * imports only the layers below it, never one above; no file cycle, type
 * imports included. CONTRIBUTING.md explains each layer.
 *
 *   cli → engine → report, gate, trend, agents-md → score → config → cache
 *       → rules → facts → discover → contract and utilities
 *
 * src/index.ts (the public API) and src/schemas.ts (the JSON Schema source)
 * sit beside the CLI, at the top.
 */

const UTILITIES = "^src/(errors|read|writes|cleanup|git|worker|version|template|format|guards|distance)\\.ts$";

/** Each layer with what it may import besides itself (by name). */
const LAYERS = [
  { name: "contract", path: "^src/contract/", may: [] },
  { name: "utilities", path: UTILITIES, may: [] },
  { name: "discover", path: "^src/discover/", may: ["contract", "utilities"] },
  { name: "facts", path: "^src/facts/", may: ["discover", "contract", "utilities"] },
  { name: "rules", path: "^rules/", may: ["facts", "discover", "contract", "utilities"] },
  { name: "cache", path: "^src/cache/", may: ["facts", "discover", "contract", "utilities"] },
  { name: "config", path: "^src/config/", may: ["cache", "rules", "facts", "discover", "contract", "utilities"] },
  { name: "score", path: "^src/score/", may: ["config", "rules", "facts", "discover", "contract", "utilities"] },
  {
    name: "agents-md",
    path: "^src/agents-md/",
    may: ["score", "config", "rules", "facts", "discover", "contract", "utilities"],
  },
  {
    name: "trend",
    path: "^src/trend/",
    may: ["score", "config", "rules", "facts", "discover", "contract", "utilities"],
  },
  { name: "gate", path: "^src/gate/", may: ["score", "config", "rules", "facts", "discover", "contract", "utilities"] },
  {
    name: "report",
    path: "^src/report/",
    may: ["trend", "score", "config", "rules", "facts", "discover", "contract", "utilities"],
  },
  {
    name: "engine",
    path: "^src/engine/",
    may: ["trend", "score", "config", "cache", "rules", "facts", "discover", "contract", "utilities"],
  },
];
const BELOW_ENTRIES = [...LAYERS.map((layer) => layer.name), "cli"];
LAYERS.push(
  { name: "cli", path: "^src/cli/", may: LAYERS.map((layer) => layer.name) },
  { name: "entries", path: "^src/(index|schemas)\\.ts$", may: BELOW_ENTRIES },
);

const OURS = "^(src|rules)/";
const pathOf = (name) => LAYERS.find((layer) => layer.name === name).path;

module.exports = {
  forbidden: [
    {
      name: "no-cycle",
      comment: "A file cycle, type imports included: the layers below must not know the ones above.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    ...LAYERS.map((layer) => ({
      name: `layer-${layer.name}`,
      comment: `${layer.name} may import only: ${layer.may.join(", ") || "nothing of Groundwork's"}.`,
      severity: "error",
      from: { path: layer.path },
      to: { path: OURS, pathNot: [layer.path, ...layer.may.map(pathOf)] },
    })),
    {
      name: "no-unlayered",
      comment: "Every file of src/ and rules/ belongs to a layer.",
      severity: "error",
      from: { path: OURS, pathNot: LAYERS.map((layer) => layer.path) },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    combinedDependencies: true,
  },
};
