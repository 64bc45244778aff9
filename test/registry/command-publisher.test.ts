import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandPublisher, fillPlaceholders } from '../../src/adapters/registry/command-publisher.ts';
import { npmRegistry } from '../../src/adapters/registry/npm-registry.ts';
import { SlipwayError } from '../../src/core/errors.ts';
import { cleanupTempDirs, tempDir } from '../helpers/repo.ts';
import { startVerdaccio, type LocalRegistry } from '../servers/verdaccio.ts';

let registry: LocalRegistry;

beforeAll(async () => {
  registry = await startVerdaccio();
});

afterAll(async () => {
  await registry?.close();
  cleanupTempDirs();
});

/** A plugin folder whose path has a space, so the shell quoting is exercised every time. */
function pluginDir(files: Record<string, string> = {}): string {
  const dir = join(tempDir('slipway-cmd-'), 'my plugin');
  mkdirSync(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

const npmPackage = (name: string, version: string) => ({
  'package.json': JSON.stringify({ name, version }),
  'index.js': 'module.exports = 1;\n',
});

async function failure(promise: Promise<unknown>): Promise<SlipwayError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SlipwayError);
  return error as SlipwayError;
}

describe('command publisher', () => {
  it('runs the configured command in the plugin folder with {name}, {version} and {path} replaced', async () => {
    const dir = pluginDir();
    const command = `printf '%s|%s|%s|%s|%s' {name} {version} {path} "$(pwd)" "$SLIPWAY_VERSION" > published.txt`;
    const publisher = commandPublisher(command);

    const result = await publisher.publish({ name: 'org.demo:gradle-plugin', version: '2.1.0', dir });

    expect(result).toEqual({
      status: 'published',
      name: 'org.demo:gradle-plugin',
      version: '2.1.0',
      destination: `command: ${command}`,
    });
    expect(readFileSync(join(dir, 'published.txt'), 'utf8')).toBe(`org.demo:gradle-plugin|2.1.0|${dir}|${dir}|2.1.0`);
  });

  it('publishes to a real registry through a configured npm command', async () => {
    const dir = pluginDir(npmPackage('slipway-by-command', '1.4.0'));
    const publisher = commandPublisher(`npm publish {path} --registry ${registry.url} --userconfig ${registry.userconfig}`);

    expect((await publisher.publish({ name: 'slipway-by-command', version: '1.4.0', dir })).status).toBe('published');
    expect(await npmRegistry({ registry: registry.url }).publishedVersions('slipway-by-command')).toEqual(['1.4.0']);
  });

  it('a failure whose output matches alreadyPublished counts as already published', async () => {
    const dir = pluginDir(npmPackage('slipway-by-command-twice', '1.0.0'));
    const command = `npm publish --registry ${registry.url} --userconfig ${registry.userconfig}`;
    await commandPublisher(command).publish({ name: 'slipway-by-command-twice', version: '1.0.0', dir });

    const again = commandPublisher(command, { alreadyPublished: /cannot publish over the previously published/ });
    expect((await again.publish({ name: 'slipway-by-command-twice', version: '1.0.0', dir })).status).toBe('already-published');
    // Without the pattern the same rerun is a failure: a command cannot tell slipway otherwise.
    expect((await failure(commandPublisher(command).publish({ name: 'slipway-by-command-twice', version: '1.0.0', dir }))).code).toBe('PUBLISH_FAILED');
  });

  it('a failing command is reported with the plugin, the exit code, its last output line and how to rerun it', async () => {
    const dir = pluginDir();
    const publisher = commandPublisher('echo "uploading {name}"; echo "HTTP 401: bad credentials for {version}" >&2; exit 3');

    const error = await failure(publisher.publish({ name: 'demo-plugin', version: '0.9.0', dir }));

    expect(error.code).toBe('PUBLISH_FAILED');
    expect(error.subject).toBe('demo-plugin@0.9.0');
    expect(error.message).toBe('publishing demo-plugin@0.9.0: the publish command exited with code 3: HTTP 401: bad credentials for 0.9.0');
    expect(error.hint).toBe(`run it yourself in ${dir} to see why: echo "uploading demo-plugin"; echo "HTTP 401: bad credentials for 0.9.0" >&2; exit 3`);
    expect((error.cause as Error).message).toContain('uploading demo-plugin');
  });

  it('a dry run does not run the command', async () => {
    const dir = pluginDir();
    const result = await commandPublisher('touch ran.txt').publish({ name: 'demo', version: '1.0.0', dir }, { dryRun: true });

    expect(result.status).toBe('dry-run');
    expect(existsSync(join(dir, 'ran.txt'))).toBe(false);
  });

  it('cannot tell which versions are out', async () => {
    const publisher = commandPublisher('true');
    expect(await publisher.publishedVersions('demo')).toBeUndefined();
    expect(await publisher.isPublished('demo', '1.0.0')).toBeUndefined();
  });

  it('quotes values the shell would split or expand, and leaves the shell\'s own ${name} alone', () => {
    const values = { name: '@demo/x', version: '1.0.0-rc.1', path: "/tmp/it's here" };
    expect(fillPlaceholders('publish {name}@{version} from {path}; echo ${name}', values)).toBe(
      `publish @demo/x@1.0.0-rc.1 from '/tmp/it'\\''s here'; echo \${name}`,
    );
  });
});
