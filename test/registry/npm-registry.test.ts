import { execa } from 'execa';
import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatError, SlipwayError } from '../../src/core/errors.ts';
import { checkAccess, defaultDistTag, isPublished, npmRegistry, publish, publishedVersions } from '../../src/adapters/registry/npm-registry.ts';
import { cleanupTempDirs, tempDir } from '../helpers/repo.ts';
import { listen } from '../servers/listen.ts';
import { startVerdaccio, type LocalRegistry } from '../servers/verdaccio.ts';

let registry: LocalRegistry;
let npmCache: string;

beforeAll(async () => {
  registry = await startVerdaccio();
  npmCache = tempDir('slipway-npm-cache-');
});

afterAll(async () => {
  await registry?.close();
  cleanupTempDirs();
});

const auth = () => ({ registry: registry.url, token: registry.token });

/** A publishable package folder: package.json + index.js. */
function packageDir(name: string, version: string, extra: Record<string, unknown> = {}): string {
  const dir = tempDir('slipway-pkg-');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version, main: 'index.js', ...extra }, null, 2));
  writeFileSync(join(dir, 'index.js'), `module.exports = ${JSON.stringify(`${name}@${version}`)};\n`);
  return dir;
}

/** What the real npm CLI reads back from the registry. */
async function npmView(...args: string[]): Promise<unknown> {
  const { stdout } = await execa('npm', ['view', ...args, '--json', '--registry', registry.url, '--userconfig', registry.userconfig, '--cache', npmCache]);
  return JSON.parse(stdout);
}

async function failure(promise: Promise<unknown>): Promise<SlipwayError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SlipwayError);
  return error as SlipwayError;
}

describe('npm registry adapter against a real Verdaccio', () => {
  it('publishes a fresh package that npm view and publishedVersions both read back', async () => {
    const result = await publish(packageDir('slipway-fresh', '1.0.0'), auth());

    expect(result).toEqual({ status: 'published', name: 'slipway-fresh', version: '1.0.0', destination: registry.url, distTag: 'latest' });
    expect(await npmView('slipway-fresh@1.0.0', 'version')).toBe('1.0.0');
    expect(await publishedVersions('slipway-fresh', auth())).toEqual(['1.0.0']);
    expect(await isPublished('slipway-fresh', '1.0.0', auth())).toBe(true);
    expect(await isPublished('slipway-fresh', '1.0.1', auth())).toBe(false);
  });

  it('a package that was never published has no versions', async () => {
    expect(await publishedVersions('slipway-never-published', auth())).toEqual([]);
    expect(await publishedVersions('@demo/never-published', { registry: registry.url })).toEqual([]);
  });

  it('publishing the same version again reports already-published and does not fail', async () => {
    const dir = packageDir('slipway-twice', '2.0.0');
    expect((await publish(dir, auth())).status).toBe('published');

    expect(await publish(dir, auth())).toMatchObject({ status: 'already-published', name: 'slipway-twice', version: '2.0.0' });
    expect(await publishedVersions('slipway-twice', auth())).toEqual(['2.0.0']);
  });

  it('two publishes of one version racing past the pre-check: one publishes, the conflict counts as already-published', async () => {
    // Both check the registry before either uploads, so the loser gets the registry's (or npm's) conflict answer.
    const dir = packageDir('slipway-race', '1.0.0');
    const results = await Promise.all([publish(dir, auth()), publish(dir, auth())]);

    expect(results.map((r) => r.status).sort()).toEqual(['already-published', 'published']);
    expect(await publishedVersions('slipway-race', auth())).toEqual(['1.0.0']);
  });

  it('a prerelease goes to its own dist-tag and leaves latest alone', async () => {
    await publish(packageDir('slipway-pre', '1.0.0'), auth());
    const beta = await publish(packageDir('slipway-pre', '1.1.0-beta.1'), auth());
    const explicit = await publish(packageDir('slipway-pre', '1.2.0-0'), { ...auth(), distTag: 'canary' });

    expect(beta).toMatchObject({ status: 'published', distTag: 'beta' });
    expect(explicit).toMatchObject({ status: 'published', distTag: 'canary' });
    expect(await npmView('slipway-pre', 'dist-tags')).toEqual({ latest: '1.0.0', beta: '1.1.0-beta.1', canary: '1.2.0-0' });
    expect((await publishedVersions('slipway-pre', auth())).sort()).toEqual(['1.0.0', '1.1.0-beta.1', '1.2.0-0']);
  });

  it('a prerelease with a numeric identifier defaults to next; a release to npm\'s latest', () => {
    expect(defaultDistTag('2.0.0-rc.1')).toBe('rc');
    expect(defaultDistTag('2.0.0-0')).toBe('next');
    expect(defaultDistTag('2.0.0')).toBeUndefined();
  });

  it('publishes scoped packages', async () => {
    const result = await publish(packageDir('@demo/x', '0.3.0'), { ...auth(), access: 'public' });

    expect(result.status).toBe('published');
    expect(await npmView('@demo/x@0.3.0', 'version')).toBe('0.3.0');
    expect(await publishedVersions('@demo/x', auth())).toEqual(['0.3.0']);
  });

  it('a dry run goes through npm but writes nothing to the registry', async () => {
    const result = await publish(packageDir('slipway-dry', '1.0.0'), { ...auth(), dryRun: true });

    expect(result.status).toBe('dry-run');
    expect(await publishedVersions('slipway-dry', auth())).toEqual([]);
  });

  it('a wrong token fails with a clear message that never shows the token', async () => {
    const wrongToken = 'npm_Wr0ngT0kenThatMustNeverBePrinted42';
    const error = await failure(publish(packageDir('slipway-denied', '1.0.0'), { registry: registry.url, token: wrongToken }));

    expect(error.code).toBe('PUBLISH_FAILED');
    expect(error.subject).toBe('slipway-denied@1.0.0');
    expect(error.message).toContain(`publishing slipway-denied@1.0.0 to ${registry.url} failed`);
    expect(error.message).toMatch(/authenticat/i); // npm's own line: "Unable to authenticate, …"
    expect(error.hint).toContain('NPM_TOKEN');
    const everything = [formatError(error), error.hint, String((error.cause as Error).message), JSON.stringify(error)].join('\n');
    expect(everything).not.toContain(wrongToken);
    expect(await publishedVersions('slipway-denied', auth())).toEqual([]);
  });

  it('the token travels in npm\'s environment, scoped to the registry: never in argv, never in a file', async () => {
    // A stand-in `npm` first on PATH records what it was given, then fails like npm does.
    const bin = tempDir('slipway-fake-npm-');
    const record = join(bin, 'record.json');
    const key = `npm_config_//127.0.0.1:${registry.port}/:_authToken`;
    writeFileSync(
      join(bin, 'npm'),
      `#!/usr/bin/env node
const fs = require('node:fs');
const argv = process.argv.slice(2);
const tokenKeys = Object.keys(process.env).filter((k) => /_authtoken/i.test(k));
fs.writeFileSync(${JSON.stringify(record)}, JSON.stringify({ argv, tokenKeys, token: process.env[${JSON.stringify(key)}] }));
console.error('npm error code E401');
console.error('npm error Unable to authenticate, token ' + process.env[${JSON.stringify(key)}] + ' rejected');
process.exit(1);
`,
    );
    chmodSync(join(bin, 'npm'), 0o755);
    const path = process.env.PATH;
    process.env.PATH = `${bin}:${path}`;
    const tmpBefore = readdirSync(tmpdir()).filter((f) => f.startsWith('slipway-npmrc-'));
    let error: SlipwayError;
    try {
      error = await failure(publish(packageDir('slipway-argv', '1.0.0'), auth()));
    } finally {
      process.env.PATH = path;
    }

    const seen = JSON.parse(readFileSync(record, 'utf8')) as { argv: string[]; tokenKeys: string[]; token: string };
    expect(seen.argv.join(' ')).not.toContain(registry.token);
    expect(seen.argv).not.toContain('--userconfig');
    expect(seen.argv).toEqual(expect.arrayContaining(['publish', '--registry', registry.url]));
    expect(seen.tokenKeys).toEqual([key]);
    expect(seen.token).toBe(registry.token);
    expect(readdirSync(tmpdir()).filter((f) => f.startsWith('slipway-npmrc-'))).toEqual(tmpBefore);
    // Even when npm echoes the token, the error a person sees has it masked.
    expect(error.message).toContain('token *** rejected');
    expect(formatError(error)).not.toContain(registry.token);
  });

  it('checking access before a release: the right token passes, a wrong one is named before anything is written', async () => {
    await checkAccess('slipway-access', auth());
    const error = await failure(checkAccess('slipway-access', { registry: registry.url, token: 'not-a-valid-token' }));
    expect(error.code).toBe('PUBLISH_FAILED');
    expect(error.message).toContain(`${registry.url} does not accept the token`);
    expect(error.hint).toContain('NPM_TOKEN');
  });

  it('an unreachable registry is named with a hint, not a bare fetch error', async () => {
    const server = await listen(() => undefined);
    const deadUrl = `${server.url}/`;
    await server.close();

    const error = await failure(publishedVersions('slipway-anything', { registry: deadUrl }));
    expect(error.code).toBe('API_FAILED');
    expect(error.message).toContain(`could not read slipway-anything from ${deadUrl}`);
    expect(error.hint).toContain('network');
  });

  it('the registry client refuses a folder whose manifest is not the planned version', async () => {
    const client = npmRegistry(auth());
    const dir = packageDir('slipway-planned', '1.0.0');

    const error = await failure(client.publish({ name: 'slipway-planned', version: '1.0.1', dir }));
    expect(error.message).toContain('says slipway-planned@1.0.0, but the plan publishes slipway-planned@1.0.1');
    expect(await client.publishedVersions('slipway-planned')).toEqual([]);
    expect(await client.publish({ name: 'slipway-planned', version: '1.0.0', dir })).toMatchObject({ status: 'published' });
    expect(await client.isPublished('slipway-planned', '1.0.0')).toBe(true);
  });
});
