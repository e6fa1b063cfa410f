import { describe, expect, it } from "vitest";
import { countLoops, shortestPath, stronglyConnectedComponents } from "../../../src/facts/graph/scc.js";

// 0 → 1 → 2 → 0 and 1 → 3 → 0: one component of four with two loops, both through 0 → 1.
// 4 ⇄ 5 is a second component; 6 → 6 (a self-import) and 7 (alone) are not cycles.
const GRAPH = [[1], [2, 3], [0], [0], [5], [4], [6], []];

describe("strongly connected components", () => {
  it("finds each group of two or more mutually reachable nodes, sorted", () => {
    expect(stronglyConnectedComponents(GRAPH)).toEqual([
      [0, 1, 2, 3],
      [4, 5],
    ]);
  });

  it("can be restricted to a subset of nodes", () => {
    expect(stronglyConnectedComponents(GRAPH, [0, 1, 2, 4, 5])).toEqual([
      [0, 1, 2],
      [4, 5],
    ]);
  });

  it("handles a chain deeper than the call stack would allow a recursive walk", () => {
    const size = 200_000;
    const ring = Array.from({ length: size }, (_, node) => [(node + 1) % size]);
    expect(stronglyConnectedComponents(ring)[0]?.length).toBe(size);
  });
});

describe("loop counting", () => {
  it("counts every elementary loop through each edge", () => {
    const counts = countLoops(GRAPH, [0, 1, 2, 3], 100);
    expect(counts.loops).toBe(2);
    expect(counts.isComplete).toBe(true);
    expect(Object.fromEntries(counts.perEdge)).toEqual({ "0,1": 2, "1,2": 1, "2,0": 1, "1,3": 1, "3,0": 1 });
  });

  it("stops at the limit and says the counts are partial", () => {
    const counts = countLoops(GRAPH, [0, 1, 2, 3], 1);
    expect(counts).toMatchObject({ loops: 1, isComplete: false });
  });

  it("finds the shortest way back inside a component", () => {
    expect(shortestPath(GRAPH, 1, 0, new Set([0, 1, 2, 3]))).toEqual([1, 2, 0]);
    expect(shortestPath(GRAPH, 4, 0, new Set([0, 4, 5]))).toBeNull();
  });
});
