import { describe, expect, it } from "vitest";
import { parseModule } from "../../../src/facts/modules/parse.js";

describe("modules fact: type assertions in tests", () => {
  it("marks the lines of expectTypeOf and assertType chains and of tsd's checks, not runtime expects", () => {
    const source = [
      'import { expectTypeOf, assertType } from "vitest";', // 1
      'import { expectType } from "tsd";', // 2
      "const store = createStore();", // 3
      "expectTypeOf(store.get()).toEqualTypeOf<number>();", // 4: assertion
      "expectTypeOf(", // 5: assertion, over three lines
      "  store.add(1),", // 6
      ").toEqualTypeOf<number>();", // 7
      "assertType<number>(store.get());", // 8: assertion
      "expectType<number>(store.get());", // 9: assertion (tsd)
      "expect(store.get()).toBe(0);", // 10: a runtime check
      "const check = expectTypeOf;", // 11: no call
      "it('types', () => {", // 12
      "  expectTypeOf(store).not.toBeAny();", // 13: assertion inside a test
      "});", // 14
    ].join("\n");
    const facts = parseModule("test/store.test.ts", "test", source);
    expect(facts.typeAssertionLines).toEqual([4, 5, 6, 7, 8, 9, 13]);
  });

  it("leaves them out of a source file's facts, and out of a test without any", () => {
    const assertion = "expectTypeOf(1).toEqualTypeOf<number>();\n";
    expect(parseModule("src/types.ts", "source", assertion).typeAssertionLines).toBeUndefined();
    expect(parseModule("test/plain.test.ts", "test", "expect(1).toBe(1);\n").typeAssertionLines).toBeUndefined();
  });
});
