/**
 * Test support found by content: a file the paths called product code that
 * imports a test framework's API (`vitest`, `@jest/globals`, `node:test`,
 * `@playwright/test`, `@testing-library/*`, `jest-diff`, …) is a test helper
 * (excalidraw's `packages/utils/src/test-utils.ts` imports jest-diff to extend
 * `expect`), so it is read as a
 * test: not product code to document, and a test whose imports reach modules.
 */
import type { ModuleFacts } from "../modules/index.js";

/** Test frameworks and the assertion, mocking and matcher libraries only tests use (msw: request mocks). */
const TEST_APIS =
  /^(?:vitest|@vitest\/[\w-]+|@jest\/globals|@jest\/expect|jest-diff|jest-matcher-utils|jest-mock|expect|expect-type|node:test|@playwright\/test|mocha|chai|ava|uvu|tap|sinon|msw|@mswjs\/[\w-]+|@testing-library\/[\w-]+)$/;

/** Modules reclassified as tests, and why. */
export interface TestSupport {
  modules: ModuleFacts[];
  reclassified: Array<{ path: string; kind: "test"; why: string }>;
}

/** Reads as tests the source modules that import a test framework's API. */
export function findTestSupport(
  modules: readonly ModuleFacts[],
  byConfig: ReadonlySet<string> = new Set(),
): TestSupport {
  const reclassified: TestSupport["reclassified"] = [];
  const updated = modules.map((module) => {
    // A kind the config's classify gives stands.
    if (module.kind !== "source" || byConfig.has(module.path)) return module;
    const framework = module.imports.find((fact) => TEST_APIS.test(fact.specifier));
    if (!framework) return module;
    reclassified.push({ path: module.path, kind: "test", why: `test support: it imports ${framework.specifier}` });
    return { ...module, kind: "test" as const, exports: [] };
  });
  return { modules: updated, reclassified };
}
