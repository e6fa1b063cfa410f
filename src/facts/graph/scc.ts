/**
 * Graph algorithms on module indices: strongly connected components (Tarjan,
 * iterative), and a bounded count of elementary loops per edge (Johnson,
 * iterative) to choose the import whose removal breaks the most loops.
 */

/** Adjacency lists: `adjacency[v]` holds v's successors, sorted and unique. */
export type Adjacency = readonly (readonly number[])[];

/** Strongly connected components with two or more nodes, each sorted ascending; in order of their smallest node. */
export function stronglyConnectedComponents(adjacency: Adjacency, nodes?: readonly number[]): number[][] {
  const tarjan = new Tarjan(adjacency, nodes ? new Set(nodes) : null);
  for (const root of nodes ?? adjacency.keys()) tarjan.visit(root);
  return tarjan.components.sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
}

/** Tarjan's algorithm with an explicit stack, so a long chain of imports cannot overflow the call stack. */
class Tarjan {
  readonly components: number[][] = [];
  private readonly index: Int32Array;
  private readonly low: Int32Array;
  private readonly onStack: Uint8Array;
  private readonly stack: number[] = [];
  private counter = 0;

  constructor(
    private readonly adjacency: Adjacency,
    private readonly allowed: ReadonlySet<number> | null,
  ) {
    this.index = new Int32Array(adjacency.length).fill(-1);
    this.low = new Int32Array(adjacency.length);
    this.onStack = new Uint8Array(adjacency.length);
  }

  visit(root: number): void {
    if (this.index[root] !== -1) return;
    const work = [{ v: root, next: 0 }];
    this.open(root);
    for (let frame = work.at(-1); frame !== undefined; frame = work.at(-1)) {
      const successors = this.adjacency[frame.v] ?? [];
      if (frame.next < successors.length) {
        const w = successors[frame.next++];
        if (w !== undefined && this.follow(frame.v, w)) work.push({ v: w, next: 0 });
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) this.low[parent.v] = Math.min(this.lowOf(parent.v), this.lowOf(frame.v));
      if (this.lowOf(frame.v) === this.index[frame.v]) this.close(frame.v);
    }
  }

  /** Handles edge v → w; true when w is new and must be descended into. */
  private follow(v: number, w: number): boolean {
    if (this.allowed && !this.allowed.has(w)) return false;
    if (this.index[w] === -1) {
      this.open(w);
      return true;
    }
    if (this.onStack[w]) this.low[v] = Math.min(this.lowOf(v), this.index[w] ?? 0);
    return false;
  }

  private open(v: number): void {
    this.index[v] = this.counter;
    this.low[v] = this.counter;
    this.counter += 1;
    this.stack.push(v);
    this.onStack[v] = 1;
  }

  /** v is the root of a component: pop it off the stack. */
  private close(v: number): void {
    const component: number[] = [];
    for (let w = this.stack.pop(); w !== undefined; w = w === v ? undefined : this.stack.pop()) {
      this.onStack[w] = 0;
      component.push(w);
    }
    if (component.length > 1) this.components.push(component.sort((a, b) => a - b));
  }

  private lowOf(v: number): number {
    return this.low[v] ?? 0;
  }
}

/** Loop counts per edge of one component. */
export interface LoopCounts {
  /** Key `from,to` → number of enumerated elementary loops through that edge. */
  perEdge: Map<string, number>;
  loops: number;
  isComplete: boolean;
}

/**
 * Counts elementary loops through each edge of a component with Johnson's
 * algorithm, stopping after `limit` loops (the counts then cover the loops
 * found first, in node order).
 */
export function countLoops(adjacency: Adjacency, component: readonly number[], limit: number): LoopCounts {
  const perEdge = new Map<string, number>();
  let loops = 0;
  const sorted = [...component].sort((a, b) => a - b);
  for (let position = 0; position < sorted.length; position += 1) {
    const start = sorted[position];
    if (start === undefined) continue;
    const remaining = sorted.slice(position);
    const withStart = stronglyConnectedComponents(adjacency, remaining).find((candidate) => candidate.includes(start));
    if (!withStart) continue;
    const inside = new Set(withStart);
    const found = circuitsFrom(start, adjacency, inside, limit - loops, (path) => {
      for (let i = 0; i < path.length; i += 1) {
        const key = `${path[i]},${path[(i + 1) % path.length]}`;
        perEdge.set(key, (perEdge.get(key) ?? 0) + 1);
      }
    });
    loops += found;
    if (loops >= limit) return { perEdge, loops, isComplete: false };
  }
  return { perEdge, loops, isComplete: true };
}

/** Johnson's CIRCUIT procedure from `start`, without recursion; returns the loops found (at most `limit`). */
function circuitsFrom(
  start: number,
  adjacency: Adjacency,
  inside: ReadonlySet<number>,
  limit: number,
  onLoop: (path: readonly number[]) => void,
): number {
  const blocking = new Blocking(start);
  const path = [start];
  const frameOf = (v: number): { v: number; successors: number[]; next: number; foundLoop: boolean } => ({
    v,
    successors: (adjacency[v] ?? []).filter((w) => inside.has(w)),
    next: 0,
    foundLoop: false,
  });
  const frames = [frameOf(start)];
  let found = 0;
  for (let frame = frames.at(-1); frame !== undefined; frame = frames.at(-1)) {
    const { successors } = frame;
    if (frame.next < successors.length) {
      const w = successors[frame.next++] ?? start;
      if (w === start) {
        onLoop(path);
        found += 1;
        frame.foundLoop = true;
        if (found >= limit) return found;
      } else if (!blocking.isBlocked(w)) {
        frames.push(frameOf(w));
        path.push(w);
        blocking.block(w);
      }
      continue;
    }
    frames.pop();
    path.pop();
    if (frame.foundLoop) blocking.unblock(frame.v);
    else for (const w of successors) blocking.blockUntil(frame.v, w);
    const parent = frames.at(-1);
    if (parent && frame.foundLoop) parent.foundLoop = true;
  }
  return found;
}

/** Johnson's blocked set and B-lists. */
class Blocking {
  private readonly blocked: Set<number>;
  private readonly waiting = new Map<number, Set<number>>();

  constructor(start: number) {
    this.blocked = new Set([start]);
  }

  isBlocked(node: number): boolean {
    return this.blocked.has(node);
  }

  block(node: number): void {
    this.blocked.add(node);
  }

  /** Keep `node` blocked until `until` is unblocked. */
  blockUntil(node: number, until: number): void {
    const list = this.waiting.get(until) ?? new Set<number>();
    list.add(node);
    this.waiting.set(until, list);
  }

  unblock(node: number): void {
    const pending = [node];
    for (let u = pending.pop(); u !== undefined; u = pending.pop()) {
      if (!this.blocked.delete(u)) continue;
      const list = this.waiting.get(u);
      if (!list) continue;
      this.waiting.delete(u);
      pending.push(...list);
    }
  }
}

/** A shortest path from `from` to `to` inside `inside` (breadth-first), or null. */
export function shortestPath(
  adjacency: Adjacency,
  from: number,
  to: number,
  inside: ReadonlySet<number>,
): number[] | null {
  const previous = new Map<number, number>([[from, -1]]);
  const queue = [from];
  for (let head = 0; head < queue.length; head += 1) {
    const v = queue[head];
    if (v === undefined) break;
    if (v === to) break;
    for (const w of adjacency[v] ?? []) {
      if (!inside.has(w) || previous.has(w)) continue;
      previous.set(w, v);
      queue.push(w);
    }
  }
  if (!previous.has(to)) return null;
  const path: number[] = [];
  for (let v = to; v !== -1; v = previous.get(v) ?? -1) path.push(v);
  return path.reverse();
}
