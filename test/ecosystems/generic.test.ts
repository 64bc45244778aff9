import { describe, expect, it } from 'vitest';
import { discoverFleet } from '../../src/adapters/fleet.ts';
import { genericUpdater } from '../../src/adapters/ecosystems/generic/update.ts';
import type { Version } from '../../src/core/types.ts';
import { repo } from '../helpers/repo.ts';
import { config } from './fleet-config.ts';

const v = (s: string) => s as Version;

describe('generic fleet discovery', () => {
  it('reads the plugins listed in slipway.yml from their version files, in any of the three forms', async () => {
    const r = repo()
      .file('charts/web/VERSION', '1.2.3\n')
      .file('charts/db/Chart.meta', '# chart metadata\nname: db\nversion: "0.9.1"\n')
      .file('scripts/deploy/release.properties', 'version = 2.0.0-rc.1\n')
      .commit('chore: generic fleet');
    const plugins = [
      { name: 'web', path: 'charts/web' },
      { name: 'db', path: 'charts/db/', versionFile: 'Chart.meta' },
      { name: 'deploy', path: './scripts/deploy', versionFile: 'release.properties' },
    ];

    const fleet = await discoverFleet(r.dir, config({ fleet: { plugins } }));

    expect(fleet).toEqual({
      ecosystem: 'generic',
      single: false,
      plugins: [
        { name: 'db', path: 'charts/db', ecosystem: 'generic', manifestFile: 'charts/db/Chart.meta', version: '0.9.1', dependencies: [], private: false },
        { name: 'deploy', path: 'scripts/deploy', ecosystem: 'generic', manifestFile: 'scripts/deploy/release.properties', version: '2.0.0-rc.1', dependencies: [], private: false },
        { name: 'web', path: 'charts/web', ecosystem: 'generic', manifestFile: 'charts/web/VERSION', version: '1.2.3', dependencies: [], private: false },
      ],
    });
  });

  it('a listed plugin whose version file is missing names the expected path', async () => {
    const r = repo().file('a/README.md', 'no version here\n').commit('chore: no version file');

    const error = await discoverFleet(r.dir, config({ fleet: { plugins: [{ name: 'a', path: 'a' }] } })).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'MANIFEST_MISSING', subject: 'a/VERSION', message: 'expected a manifest at a/VERSION, found none' });
    expect((error as { hint: string }).hint).toContain('versionFile');
  });

  it('a version file whose version is not semver names the file and the value', async () => {
    const r = repo().file('a/VERSION', '2024.05\n').commit('chore: calver');

    await expect(discoverFleet(r.dir, config({ fleet: { plugins: [{ name: 'a', path: 'a' }] } }))).rejects.toMatchObject({
      code: 'VERSION_INVALID',
      subject: 'a/VERSION',
      message: 'version is "2024.05", which is not a semver version',
    });
  });
});

describe('generic manifest updater', () => {
  it('rewrites a bare version and keeps the absence or presence of a trailing newline', () => {
    expect(genericUpdater.update('1.2.3\n', { version: v('1.3.0') }, 'VERSION')).toBe('1.3.0\n');
    expect(genericUpdater.update('1.2.3', { version: v('2.0.0') }, 'VERSION')).toBe('2.0.0');
  });

  it('rewrites a version line and keeps quotes, comments, other lines and CRLF', () => {
    const text = '# do not edit by hand\r\nname: db\r\nversion: "0.9.1"   # released by slipway\r\nappVersion: 0.9.1\r\n';

    expect(genericUpdater.update(text, { version: v('0.10.0') }, 'Chart.meta')).toBe(text.replace('version: "0.9.1"', 'version: "0.10.0"'));
  });

  it('refuses a file with no version in it, naming the file', () => {
    expect(() => genericUpdater.update('name: x\nowner: y\n', { version: v('1.0.0') }, 'x/VERSION')).toThrow(
      expect.objectContaining({ code: 'MANIFEST_INVALID', subject: 'x/VERSION' }),
    );
  });
});
