import { describe, expect, it } from 'vitest';
import { fieldNameOf, leavesOf, nodesOf, pathOf } from '../../../src/core/walk.ts';
import { parseMarkdown } from '../../../src/markdown/plain-text.ts';

const leaves = (value: unknown, keys = false) =>
  [...leavesOf(value, { keys })].map((leaf) => [leaf.isKey ? 'key' : 'value', pathOf(leaf.at), leaf.value]);

describe('leavesOf: the walker over nested data', () => {
  it('goes in document order, each key just before its value when keys are asked for', () => {
    const when = new Date('2021-10-01');
    const value = { title: '手机挂号', instructors: [{ name: '李华', affiliation: '示例大学' }], minutes: 12, when };
    expect(leaves(value)).toEqual([
      ['value', ['title'], '手机挂号'],
      ['value', ['instructors', 0, 'name'], '李华'],
      ['value', ['instructors', 0, 'affiliation'], '示例大学'],
      ['value', ['minutes'], 12],
      ['value', ['when'], when],
    ]);
    expect(leaves({ a: { b: 'x' }, c: ['y'] }, true)).toEqual([
      ['key', ['a'], 'a'],
      ['key', ['a', 'b'], 'b'],
      ['value', ['a', 'b'], 'x'],
      ['key', ['c'], 'c'],
      ['value', ['c', 0], 'y'],
    ]);
  });

  it('enters a shared or looping value once (YAML aliases)', () => {
    const shared = { name: '王芳' };
    const loop: Record<string, unknown> = { title: '课程', a: shared, b: shared };
    loop.self = loop;
    expect(leaves(loop)).toEqual([
      ['value', ['title'], '课程'],
      ['value', ['a', 'name'], '王芳'],
    ]);
  });

  it('walks nesting ten thousand deep without overflowing the stack', () => {
    let deep: unknown = '底';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const [leaf] = [...leavesOf(deep)];
    expect(leaf!.value).toBe('底');
    expect(pathOf(leaf!.at)).toHaveLength(10_000);
  });

  it('names the field a list item is in', () => {
    const [member] = [...leavesOf({ members: ['张三'] })];
    expect(fieldNameOf(member!.at)).toBe('members');
    expect(fieldNameOf(undefined)).toBeUndefined();
  });
});

describe('nodesOf: the walker over syntax trees', () => {
  it('gives every node of an mdast tree, the root first, in document order', () => {
    const types = [...nodesOf(parseMarkdown('## 做法\n\n打开[微信](https://example.org/)。'))].map((n) => n.type);
    expect(types).toEqual(['root', 'heading', 'text', 'paragraph', 'text', 'link', 'text', 'text']);
  });
});
