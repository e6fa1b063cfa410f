/**
 * Graph algorithms on module indices: strongly connected components (Tarjan,
 * iterative), and a bounded count of elementary loops per edge (Johnson,
 * iterative) to choose the import whose removal breaks the most loops.
 */

/** Adjacency lists: `adjacency[v]` holds v's successors, sorted and unique. */
export type Adjacency = readonly (readonly number[])[];

/** Strongly connected components with two or more nodes, each sorted ascending; in order of their smallest node. */
export function stronglyConnectedComponents(adjacency: Adjacency, nodes?: readonly number[]): number[][] {
  const n = adjacency.length;
  const allowed = nodes ? new Set(nodes) : null;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  const roots = nodes ?? Array.from({ length: n }, (_, v) => v);

  for (const root of roots) {
    if (index[root] !== -1) continue;
    const work: Array<{ v: number; next: number }> = [{ v: root, next: 0 }];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (!frame) break;
      const successors = adjacency[frame.v] ?? [];
      if (frame.next < successors.length) {
        const w = successors[frame.next++] ?? 0;
        if (allowed && !allowed.has(w)) continue;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          work.push({ v: w, next: 0 });
        } else if (onStack[w]) {
          low[frame.v] = Math.min(low[frame.v] ?? 0, index[w] ?? 0);
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent.v] = Math.min(low[parent.v] ?? 0, low[frame.v] ?? 0);
      if (low[frame.v] !== index[frame.v]) continue;
      const component: number[] = [];
      let w: number | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack[w] = 0;
        component.push(w);
      } while (w !== frame.v);
      if (component.length > 1) components.push(component.sort((a, b) => a - b));
    }
  }
  return components.sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
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
  const blocked = new Set<number>([start]);
  const blockedBy = new Map<number, Set<number>>();
  const path = [start];
  const frames: Array<{ v: number; next: number; foundLoop: boolean }> = [{ v: start, next: 0, foundLoop: false }];
  let found = 0;

  const unblock = (node: number): void => {
    const pending = [node];
    while (pending.length > 0) {
      const u = pending.pop();
      if (u === undefined || !blocked.delete(u)) continue;
      const waiting = blockedBy.get(u);
      if (!waiting) continue;
      blockedBy.delete(u);
      pending.push(...waiting);
    }
  };

  while (frames.length > 0) {
    const frame = frames[frames.length - 1];
    if (!frame) break;
    const successors = adjacency[frame.v] ?? [];
    if (frame.next < successors.length) {
      const w = successors[frame.next++] ?? 0;
      if (!inside.has(w)) continue;
      if (w === start) {
        onLoop(path);
        found += 1;
        frame.foundLoop = true;
        if (found >= limit) return found;
      } else if (!blocked.has(w)) {
        frames.push({ v: w, next: 0, foundLoop: false });
        path.push(w);
        blocked.add(w);
      }
      continue;
    }
    frames.pop();
    path.pop();
    if (frame.foundLoop) {
      unblock(frame.v);
    } else {
      for (const w of successors) {
        if (!inside.has(w)) continue;
        const waiting = blockedBy.get(w) ?? new Set<number>();
        waiting.add(frame.v);
        blockedBy.set(w, waiting);
      }
    }
    const parent = frames[frames.length - 1];
    if (parent && frame.foundLoop) parent.foundLoop = true;
  }
  return found;
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
