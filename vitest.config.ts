import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two workers even on two cores (vitest's default is one fewer than the cores): much of a test's time is
    // spent waiting on git and child processes, and the second worker fills it (wall 190 s → 105 s).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
