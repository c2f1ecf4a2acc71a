/**
 * The walkers over nested data: the values read from YAML (objects, lists, aliases) and syntax trees
 * (mdast, hast). Both are iterative, so that a hostile file nested ten thousand deep cannot overflow the
 * stack, and both go in document order.
 */

/** One step of a path into nested data, linked to its parent: deep nesting costs no copying. */
export interface Step {
  key: PropertyKey;
  parent: Step | undefined;
}

/** The path from the root to a step: `['instructors', 0, 'name']`. */
export function pathOf(step: Step | undefined): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (let s = step; s; s = s.parent) path.push(s.key);
  return path.reverse();
}

/** The name of the field a step is in: its own key, or for a list item the key of the list. */
export function fieldNameOf(step: Step | undefined): string | undefined {
  for (let s = step; s; s = s.parent) if (typeof s.key === 'string') return s.key;
  return undefined;
}

export interface Leaf {
  /** A string, number, boolean, bigint or Date; with `keys`, also each object key (a string) */
  value: unknown;
  /** Where it is; a key's step is the key itself */
  at: Step | undefined;
  isKey: boolean;
}

/**
 * Every value in nested data that is not an object or a list, in document order, and with `keys` each
 * object key just before its value. Each object is entered once, so that YAML aliases that repeat or
 * loop cannot make it run forever; a Date is a value, not an object to enter.
 */
export function* leavesOf(root: unknown, { keys = false }: { keys?: boolean } = {}): Generator<Leaf> {
  const seen = new WeakSet<object>();
  const stack: Leaf[] = [{ value: root, at: undefined, isKey: false }];
  while (stack.length > 0) {
    const leaf = stack.pop()!;
    const { value, at } = leaf;
    if (leaf.isKey || value === null || typeof value !== 'object' || value instanceof Date) {
      yield leaf;
      continue;
    }
    if (seen.has(value)) continue;
    seen.add(value);
    const entries: [PropertyKey, unknown][] = Array.isArray(value)
      ? value.map((item, i) => [i, item])
      : Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, item] = entries[i]!;
      const step = { key, parent: at };
      stack.push({ value: item, at: step, isKey: false });
      if (keys && typeof key === 'string') stack.push({ value: key, at: step, isKey: true });
    }
  }
}

/** Every node of a syntax tree (mdast, hast, or any tree of `children`), the root first, in document order. */
export function* nodesOf<N extends object>(root: N): Generator<N> {
  const stack: N[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    yield node;
    const children = (node as { children?: unknown }).children;
    if (Array.isArray(children)) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as N);
  }
}
