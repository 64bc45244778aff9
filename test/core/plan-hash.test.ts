import { describe, expect, it } from 'vitest';
import { canonicalJson, hashPlan } from '../../src/core/plan/plan-hash.ts';

describe('canonical JSON for plan hashes', () => {
  it('sorts keys at every level and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('is what JSON.stringify gives for the same data with sorted keys (undefined dropped, null kept)', () => {
    const value = { s: 'quote " and \\ and ✓', n: 1.5, t: true, nil: null, gone: undefined, list: [undefined, 'x'] };
    expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
    expect(canonicalJson(value)).toBe('{"list":[null,"x"],"n":1.5,"nil":null,"s":"quote \\" and \\\\ and ✓","t":true}');
  });

  it('a plan hash ignores key order and the hash field itself, and changes with any value', () => {
    const plan = { schemaVersion: 1, baseSha: 'abc', releases: [{ name: 'a', to: '1.1.0' }] };
    const reordered = { releases: [{ to: '1.1.0', name: 'a' }], baseSha: 'abc', schemaVersion: 1, hash: 'sha256:whatever' };
    expect(hashPlan(plan as never)).toBe(hashPlan(reordered as never));
    expect(hashPlan({ ...plan, releases: [{ name: 'a', to: '1.1.1' }] } as never)).not.toBe(hashPlan(plan as never));
  });
});

describe('canonical JSON of values whose objects have different keys at different depths', () => {
  it('sorts each object by its own keys, skips undefined members and keeps arrays in order', () => {
    const value = { z: [{ b: 1, a: undefined, c: { y: [], x: null } }, { d: 'x' }], a: { 'é': 1, Z: 2, _: 3 }, m: [undefined, 2] };
    expect(canonicalJson(value)).toBe('{"a":{"Z":2,"_":3,"é":1},"m":[null,2],"z":[{"b":1,"c":{"x":null,"y":[]}},{"d":"x"}]}');
  });
});
