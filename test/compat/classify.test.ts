import { describe, expect, it } from 'vitest';
import { classifyRun, countByClass } from '../../src/core/compat/classify.ts';
import { mergeCatalogCompat } from '../../src/core/compat/catalog-compat.ts';
import { COMPAT_SCHEMA, type ShardResult } from '../../src/core/compat/compat-run.ts';
import { infraSignal } from '../../src/core/compat/infra-signals.ts';
import { mergeShards } from '../../src/core/compat/merge-shards.ts';
import { parseShardResult, parseStoredRun } from '../../src/core/compat/parse-results.ts';
import { fillPlaceholders } from '../../src/core/compat/placeholders.ts';
import { chain, classOf, compatRun, developCore, releaseCore, result } from './builders.ts';

describe('classifying a plugin against the released core and the previous run', () => {
  it('regressed: fails with develop, passes with the released core', () => {
    const [run] = chain(compatRun('r1', 3, [result('slack', 'fail', 'fail', { baseline: 'pass' })]));
    expect(run!.results[0]).toMatchObject({ class: 'regressed', baselineVerdict: 'pass' });
  });

  it('regressed too when the released core was not tested and the plugin passed last time', () => {
    const [, second] = chain(compatRun('r1', 3, [result('x', 'pass')]), compatRun('r2', 10, [result('x', 'fail', 'fail')]));
    expect(second!.results[0]).toMatchObject({ class: 'regressed', baselineVerdict: 'unknown' });
  });

  it('still broken: fails with the released core as well, so develop is not to blame', () => {
    const [run] = chain(compatRun('r1', 3, [result('csv', 'fail', 'fail', { baseline: 'fail' })]));
    expect(run!.results[0]).toMatchObject({ class: 'still-broken', baselineVerdict: 'fail', brokenSince: 'r1' });
  });

  it('still broken: a regression that fails again next run, remembering when it started', () => {
    const runs = chain(
      compatRun('r1', 3, [result('slack', 'fail', 'fail', { baseline: 'pass' })]),
      compatRun('r2', 10, [result('slack', 'fail', 'fail', { baseline: 'pass' })]),
      compatRun('r3', 17, [result('slack', 'fail', 'fail', { baseline: 'pass' })]),
    );
    expect(runs.map((r) => classOf(r, 'slack'))).toEqual(['regressed', 'still-broken', 'still-broken']);
    expect(runs[2]!.results[0]!.brokenSince).toBe('r1');
  });

  it('fixed: passes after failing last run; passed the run after', () => {
    const runs = chain(
      compatRun('r1', 3, [result('slack', 'fail', 'fail', { baseline: 'pass' })]),
      compatRun('r2', 10, [result('slack', 'pass')]),
      compatRun('r3', 17, [result('slack', 'pass')]),
    );
    expect(runs.map((r) => classOf(r, 'slack'))).toEqual(['regressed', 'fixed', 'passed']);
  });

  it('fixed: passes with develop where a stored run against the released core failed', () => {
    const releaseRun = classifyRun({ current: compatRun('base', 1, [result('x', 'fail')], releaseCore) });
    const run = classifyRun({ current: compatRun('r1', 3, [result('x', 'pass')]), releaseRun });
    expect(run.results[0]).toMatchObject({ class: 'fixed', baselineVerdict: 'fail' });
  });

  it('flaky: failed, then passed on the re-run — whatever happened before', () => {
    const runs = chain(compatRun('r1', 3, [result('cache', 'fail', 'fail', { baseline: 'pass' })]), compatRun('r2', 10, [result('cache', 'fail', 'pass')]));
    expect(runs.map((r) => classOf(r, 'cache'))).toEqual(['regressed', 'flaky']);
    expect(runs[1]!.results[0]!.attempts.map((a) => a.outcome)).toEqual(['fail', 'pass']);
  });

  it('infra: a timeout or a failed install is no verdict, and does not end a broken streak', () => {
    const runs = chain(
      compatRun('r1', 3, [result('queue', 'timeout'), result('s3', 'infra')]),
      compatRun('r2', 10, [result('queue', 'pass'), result('s3', 'pass')]),
    );
    expect([classOf(runs[0]!, 'queue'), classOf(runs[0]!, 's3')]).toEqual(['infra', 'infra']);
    expect([classOf(runs[1]!, 'queue'), classOf(runs[1]!, 's3')]).toEqual(['passed', 'passed']);
  });

  it('counts every class, zeros included', () => {
    const [run] = chain(compatRun('r1', 3, [result('a', 'pass'), result('b', 'fail', 'fail', { baseline: 'pass' }), result('c', 'fail', 'pass')]));
    expect(countByClass(run!)).toEqual({ regressed: 1, 'still-broken': 0, fixed: 0, flaky: 1, infra: 0, passed: 1 });
  });
});

describe('merging shard results', () => {
  const shard = (n: number, plugins: string[]): ShardResult => ({
    schema: COMPAT_SCHEMA,
    shard: n,
    core: developCore,
    releaseCore,
    startedAt: `2026-01-03T02:0${n}:00.000Z`,
    finishedAt: `2026-01-03T02:1${n}:00.000Z`,
    results: plugins.map((p) => result(p, 'pass')),
  });

  it('keeps every plugin once, sorted, with the run’s first start and last finish', () => {
    const run = mergeShards({ id: '42', shards: [shard(2, ['c', 'a']), shard(1, ['b'])] });
    expect(run.results.map((r) => r.plugin)).toEqual(['a', 'b', 'c']);
    expect([run.startedAt, run.finishedAt]).toEqual(['2026-01-03T02:01:00.000Z', '2026-01-03T02:12:00.000Z']);
    expect(run.releaseCore).toEqual(releaseCore);
  });

  it('reports a planned plugin whose shard never reported as infra, not as missing', () => {
    const run = mergeShards({ id: '42', shards: [shard(1, ['a'])], planned: ['a', 'b'] });
    const b = run.results.find((r) => r.plugin === 'b')!;
    expect(b.attempts[0]).toMatchObject({ outcome: 'infra', reason: expect.stringMatching(/shard did not finish/) });
    expect(classifyRun({ current: run }).results.map((r) => r.class)).toEqual(['passed', 'infra']);
  });

  it('refuses shards that tested different core builds, and no shards at all', () => {
    const other = { ...shard(2, ['b']), core: { ...developCore, sha: 'c'.repeat(40) } };
    expect(() => mergeShards({ id: '42', shards: [shard(1, ['a']), other] })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', subject: 'shard 2' }));
    expect(() => mergeShards({ id: '42', shards: [] })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('reads results files back, naming the file when one is damaged', () => {
    const text = JSON.stringify(shard(1, ['a']));
    expect(parseShardResult(text, 'shard-001.json').results[0]!.plugin).toBe('a');
    expect(() => parseShardResult(text.slice(0, 40), 'shard-001.json')).toThrow(expect.objectContaining({ code: 'RESULTS_INVALID', subject: 'shard-001.json' }));
    const stored = classifyRun({ current: mergeShards({ id: '42', shards: [shard(1, ['a'])] }) });
    expect(parseStoredRun(JSON.stringify(stored), 'runs/x.json')).toEqual(stored);
    expect(() => parseStoredRun(JSON.stringify({ ...stored, schema: 2 }), 'runs/x.json')).toThrow(/schema|expected 1/);
  });
});

describe('what compat tells the catalog', () => {
  it('records, per plugin version, the core versions it passed and failed with, and only adds', () => {
    const [first, second] = chain(
      compatRun('r1', 3, [result('slack', 'fail', 'fail', { baseline: 'pass' }), result('http', 'pass'), result('queue', 'timeout')]),
      compatRun('r2', 10, [result('http', 'pass')], { ...developCore, sha: 'd'.repeat(40) }),
    );
    const once = mergeCatalogCompat(undefined, first!);
    expect(once.plugins['slack']!['1.0.0']).toEqual({ passedWith: ['1.4.0'], failedWith: ['2.0.0-dev+gaaaaaaa'] });
    expect(once.plugins['queue']).toBeUndefined();
    const twice = mergeCatalogCompat(once, second!);
    expect(twice.plugins['http']!['1.0.0']!.passedWith).toEqual(['2.0.0-dev+gaaaaaaa', '2.0.0-dev+gddddddd']);
    expect(twice.plugins['slack']).toEqual(once.plugins['slack']);
    expect(twice).toMatchObject({ core: '@demo/core', updatedBy: 'r2' });
  });
});

describe('small rules', () => {
  it('takes network and disk failures without a named failing test for infra', () => {
    expect(infraSignal('npm error code ECONNRESET\nnpm error network aborted')).toBeDefined();
    expect(infraSignal('getaddrinfo EAI_AGAIN registry.npmjs.org')).toBe('DNS lookup failed');
    expect(infraSignal('AssertionError: expected 1 to equal 2')).toBeUndefined();
  });

  it('fills placeholders, leaves the shell’s own ${VAR} alone and names an unknown one', () => {
    expect(fillPlaceholders('x {coreDir} ${HOME}', { coreDir: '/c' }, 'compat.test')).toBe('x /c ${HOME}');
    expect(() => fillPlaceholders('npm i {coreTarbal}', { coreTarball: '/t.tgz' }, 'compat.install')).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID', subject: 'compat.install', hint: expect.stringContaining('{coreTarball}') }),
    );
  });
});
