/**
 * `slipway init` as a person runs it in their repository: it finds the fleet, writes only the
 * settings that differ from the defaults (with comments), the starter workflows pointed at the
 * chosen slipway, and says what is left to do; it never overwrites a file unless told to.
 */
import { execa } from 'execa';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkWorkflows } from '../../scripts/workflow-policy.ts';
import { parseConfig } from '../../src/core/config/parse-config.ts';
import { detectTagFormat } from '../../src/core/init/detect-tag-format.ts';
import { differingSettings, renderInitConfig } from '../../src/core/init/init-config.ts';
import { parseActionRef, pointStarterAt, secretsUsed } from '../../src/core/init/starter-workflows.ts';
import { defaultConfig } from '../../src/core/config/schema.ts';
import { pluginName, repoPath } from '../../src/core/types.ts';
import { cleanupTempDirs, pkg, repo } from '../helpers/repo.ts';

const CLI = join(import.meta.dirname, '../../src/cli/main.ts');
const slipway = (args: string[], cwd: string) => execa(process.execPath, [CLI, ...args], { cwd, reject: false });

afterAll(cleanupTempDirs);

/** An npm-workspaces fleet on branch `trunk`, released so far with lerna-style `name-v1.0.0` tags. */
function lernaFleet() {
  const r = repo()
    .files({ 'package.json': pkg('fleet', '0.0.0', { private: true, workspaces: ['packages/*'] }), 'packages/a/package.json': pkg('a', '1.0.0'), 'packages/b/package.json': pkg('b', '2.1.0') })
    .commit('chore: release')
    .tag('a-v1.0.0')
    .tag('b-v2.1.0')
    .tag('nightly')
    .commit('feat(a): greet', { 'packages/a/index.js': 'export const hi = 1;\n' });
  r.git('branch', '-m', 'trunk');
  return r;
}

describe('slipway init', () => {
  it('in a pnpm workspace says which package manager validate will use and writes no commands for it', async () => {
    const r = repo()
      .files({
        'package.json': pkg('fleet', '0.0.0', { private: true }),
        'pnpm-workspace.yaml': 'packages:\n  - plugins/*\n',
        'pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
        'plugins/a/package.json': pkg('a', '1.0.0', { scripts: { test: 'node --test' } }),
      })
      .commit('chore: start');
    const run = await slipway(['init', '--action-ref', 'acme/slipway@v2'], r.dir);
    expect(run.exitCode).toBe(0);
    const line = "Package manager: pnpm (pnpm-lock.yaml). validate installs with `pnpm install --frozen-lockfile` and runs each package's own build and test scripts with it (commands.* here would replace them).";
    expect(run.stderr).toContain(line);
    const text = readFileSync(join(r.dir, 'slipway.yml'), 'utf8');
    expect(text).toContain('# Package manager: pnpm (pnpm-lock.yaml).');
    expect(parseConfig(text).commands).toEqual({});
  });

  it('writes slipway.yml with only what differs (the branch and the tag format it found), commented, and the starters without compat', async () => {
    const r = lernaFleet();
    const run = await slipway(['init', '--action-ref', 'acme/slipway@v2'], r.dir);
    expect(run.stderr).toContain('found a fleet of 2 npm plugins: a, b');
    expect(run.exitCode).toBe(0);

    const text = readFileSync(join(r.dir, 'slipway.yml'), 'utf8');
    expect(text).toContain('release:\n  # The branch releases are made from: the branch checked out when init ran.\n  branch: trunk\n');
    expect(text).toContain("versioning:\n  # Your 2 existing release tag(s) use this format (slipway's default here is {name}@{version}).\n  tagFormat: \"{name}-v{version}\"\n");
    expect(text).toMatch(/^# slipway's settings, written by `slipway init`\. Found: 2 npm plugins\n# \(a, b\)\./);
    // Only those two keys: everything else is the default.
    const config = parseConfig(text);
    expect(config).toEqual({ ...defaultConfig(), release: { ...defaultConfig().release, branch: 'trunk' }, versioning: { ...defaultConfig().versioning, tagFormat: '{name}-v{version}' } });

    // No plugin has a catalog manifest: no index workflow (docs/plugin-manifest.md says how to add one).
    expect(readdirSync(join(r.dir, '.github/workflows')).sort()).toEqual(['digest.yml', 'release.yml', 'validate.yml']);
    expect(run.stderr).toContain('To list the plugins in a catalog, give each a plugin manifest');
    const release = readFileSync(join(r.dir, '.github/workflows/release.yml'), 'utf8');
    expect(release).toContain('uses: acme/slipway/.github/workflows/release.yml@v2');
    expect(release).not.toContain('slipway-dev/slipway');
    expect(await checkWorkflows(r.dir)).toEqual([]);

    // The steps left to do by hand.
    expect(run.stderr).toMatch(/NPM_TOKEN +an npm automation token allowed to publish the plugins \(release\.yml\)/);
    expect(run.stderr).toMatch(/SLACK_BOT_TOKEN +a Slack bot token .*\(digest\.yml, release\.yml\)/);
    expect(run.stderr).toMatch(/NOTION_TOKEN +a Notion integration token/);
    expect(run.stderr).toMatch(/RELEASE_APP_PRIVATE_KEY +optional — /);
    expect(run.stderr).toContain('slipway setup --environment release --reviewer YOUR-LOGIN --reviewer ORG/TEAM --branch trunk');
    expect(run.stderr).toContain('rerun with --core OWNER/NAME --force: it adds .github/workflows/compat.yml');

    // The result is a working setup: the planner reads it and keeps the fleet's tag format.
    const plan = await slipway(['plan', '--json', '--date', '2026-03-01'], r.dir);
    expect(plan.exitCode).toBe(0);
    expect((JSON.parse(plan.stdout) as { releases: Array<{ tag: string }> }).releases.map((x) => x.tag)).toEqual(['a-v1.1.0']);
  });

  it('with --core, --slack-channel and --notion-database: those keys, and the compat starter', async () => {
    const r = lernaFleet();
    r.git('branch', '-m', 'main');
    const run = await slipway(['init', '--core', 'acme/core', '--slack-channel', 'C0RELEASES', '--notion-database', 'db123'], r.dir);
    expect(run.exitCode).toBe(0);
    const text = readFileSync(join(r.dir, 'slipway.yml'), 'utf8');
    expect(text).toContain('slack:\n  # The Slack channel of the release, compat and digest messages (--slack-channel).\n  release: C0RELEASES\n  compat: C0RELEASES\n  digest: C0RELEASES\n');
    const config = parseConfig(text);
    expect(config.core.repository).toBe('acme/core');
    expect(config.digest.notionDatabase).toBe('db123');
    expect(config.release.branch).toBe('main');
    expect(text).not.toContain('branch:');
    expect(existsSync(join(r.dir, '.github/workflows/compat.yml'))).toBe(true);
    expect(readFileSync(join(r.dir, '.github/workflows/compat.yml'), 'utf8')).toContain('uses: slipway-dev/slipway/.github/workflows/compat.yml@v1');
    expect(run.stderr).not.toContain('--core OWNER/NAME');
  });

  it('refuses to overwrite, naming every file that exists, and writes nothing; --force overwrites', async () => {
    const r = lernaFleet();
    writeFileSync(join(r.dir, 'slipway.yml'), 'commands:\n  test: npm test\n');
    expect((await slipway(['init', '--workflows', 'release'], r.dir)).exitCode).toBe(1);
    const before = readFileSync(join(r.dir, 'slipway.yml'), 'utf8');
    const refused = await slipway(['init', '--workflows', 'release,index'], r.dir);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain('1 file(s) exist already and would be overwritten: slipway.yml\n  hint: run again with --force');
    expect(readFileSync(join(r.dir, 'slipway.yml'), 'utf8')).toBe(before);
    expect(existsSync(join(r.dir, '.github'))).toBe(false);

    const forced = await slipway(['init', '--workflows', 'release,index', '--force'], r.dir);
    expect(forced.exitCode).toBe(0);
    expect(forced.stderr).toContain('overwrote slipway.yml\ncreated .github/workflows/index.yml\ncreated .github/workflows/release.yml');
    // The existing setting is kept, with what it does as its comment.
    expect(readFileSync(join(r.dir, 'slipway.yml'), 'utf8')).toContain("commands:\n  # Run in a plugin's folder (validate, compat).\n  test: npm test\n");
    const again = await slipway(['init', '--workflows', 'release,index'], r.dir);
    expect(again.stderr).toContain('3 file(s) exist already and would be overwritten: slipway.yml, .github/workflows/index.yml, .github/workflows/release.yml');
  });

  it('--dry-run lists each file it would write and shows slipway.yml, writing nothing', async () => {
    const r = lernaFleet();
    const status = r.git('status', '--porcelain');
    const run = await slipway(['init', '--dry-run'], r.dir);
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toContain('would create slipway.yml\nwould create .github/workflows/digest.yml\nwould create .github/workflows/release.yml\nwould create .github/workflows/validate.yml\n');
    expect(run.stderr).toContain('slipway.yml would be:\n  # slipway\'s settings');
    expect(r.git('status', '--porcelain')).toBe(status);
  });

  it('a plain npm-workspaces repository set up with init alone passes validate and plans (private packages, no catalog manifests)', async () => {
    const r = repo()
      .files({
        'package.json': pkg('plain', '0.0.0', { private: true, workspaces: ['packages/*'] }),
        'packages/lib/package.json': pkg('@plain/lib', '1.0.0'),
        'packages/app/package.json': pkg('@plain/app', '0.3.0', { private: true, dependencies: { '@plain/lib': '^1.0.0' } }),
      })
      .commit('chore: start')
      .commit('feat(lib): first feature', { 'packages/lib/index.js': 'export const x = 1;\n' });
    const init = await slipway(['init'], r.dir);
    expect(init.exitCode).toBe(0);
    r.commit('ci: release with slipway');
    const validate = await slipway(['validate', '--skip-commands'], r.dir);
    expect(validate.stderr).not.toContain('error:');
    expect(validate.exitCode).toBe(0);
    const plan = await slipway(['plan', '--json', '--date', '2026-03-01'], r.dir);
    expect(plan.exitCode).toBe(0);
    expect((JSON.parse(plan.stdout) as { releases: Array<{ tag: string }> }).releases.map((x) => x.tag)).toEqual(['@plain/app@0.3.1', '@plain/lib@1.1.0']);
  });

  it('a fleet with catalog manifests gets the index workflow, and validate then holds it to the catalog checks', async () => {
    const r = repo()
      .files({
        'package.json': pkg('cat', '0.0.0', { private: true, workspaces: ['plugins/*'] }),
        'plugins/a/package.json': pkg('a', '1.0.0', { slipway: { title: 'A', elements: [{ kind: 'task', name: 'run' }] } }),
      })
      .commit('chore: start')
      .commit('fix(a): crash', { 'plugins/a/index.js': 'x\n' });
    expect((await slipway(['init'], r.dir)).exitCode).toBe(0);
    expect(existsSync(join(r.dir, '.github/workflows/index.yml'))).toBe(true);
    r.commit('ci: release with slipway');
    const validate = await slipway(['validate', '--skip-commands'], r.dir);
    expect(validate.exitCode).toBe(1);
    expect(validate.stderr).toContain('repository is missing');
  });

  it('--force over a hand-written slipway.yml keeps its comments and keys', async () => {
    const r = lernaFleet();
    const mine = '# Our release settings — ask #releases before changing.\ncommands:\n  # the full suite, not just unit tests\n  test: npm run test:all   # slow but thorough\nrelease:\n  branch: main\n';
    writeFileSync(join(r.dir, 'slipway.yml'), mine);
    const forced = await slipway(['init', '--workflows', 'release', '--force'], r.dir);
    expect(forced.exitCode).toBe(0);
    const text = readFileSync(join(r.dir, 'slipway.yml'), 'utf8');
    expect(text).toContain('# Our release settings — ask #releases before changing.');
    expect(text).toContain('  # the full suite, not just unit tests\n  test: npm run test:all # slow but thorough\n');
    // What init found is written in: the branch checked out and the tag format of the tags.
    expect(parseConfig(text)).toMatchObject({ release: { branch: 'trunk' }, versioning: { tagFormat: '{name}-v{version}' }, commands: { test: 'npm run test:all' } });
  });

  it('names what is wrong: no plugins, a bad --action-ref, an unknown starter', async () => {
    const empty = repo().file('README.md', '# nothing\n').commit('docs: readme');
    const none = await slipway(['init'], empty.dir);
    expect(none.exitCode).toBe(1);
    expect(none.stderr).toContain(`slipway init: ${empty.dir}: no plugin manifest found in the repository root`);
    const r = lernaFleet();
    expect((await slipway(['init', '--action-ref', 'slipway'], r.dir)).stderr).toContain('slipway init: --action-ref: "slipway" is not OWNER/NAME@REF');
    expect((await slipway(['init', '--workflows', 'deploy'], r.dir)).stderr).toContain('slipway init: --workflows: no starter workflow "deploy"\n  hint: choose from compat, digest, index, release, validate');
  });
});

describe('the parts of init', () => {
  it('detects the tag format most tags follow, keeping the others as legacy formats; ties and no tags keep the default', () => {
    const plugins = (...names: string[]) => names.map((name) => ({ name: pluginName(name), path: repoPath(`plugins/${name}`) }));
    expect(detectTagFormat(['a@1.0.0', 'b@2.0.0', 'a-v0.9.0'], plugins('a', 'b'), false)).toEqual({ pattern: '{name}@{version}', tags: 2, legacy: ['{name}-v{version}'] });
    expect(detectTagFormat(['a/v1.0.0', 'b/v1.0.0', 'a@1.0.0'], plugins('a', 'b'), false)).toEqual({ pattern: '{name}/v{version}', tags: 2, legacy: ['{name}@{version}'] });
    expect(detectTagFormat(['v1.0.0', '1.1.0', '1.2.0'], plugins('a'), true)).toEqual({ pattern: '{version}', tags: 2, legacy: ['v{version}'] });
    expect(detectTagFormat(['v1.0.0'], plugins('a', 'b'), false)).toBeUndefined();
    expect(detectTagFormat(['other@1.0.0', 'a@banana'], plugins('a'), false)).toBeUndefined();
  });

  it('renders the differing settings so they parse back to the same configuration', () => {
    const config = defaultConfig();
    config.release.branch = 'trunk';
    config.versioning.releaseTypes = { docs: 'patch' };
    config.fleet.paths = ['plugins/*'];
    const settings = differingSettings(config, new Map([['release.branch', 'Why: trunk.']]));
    expect(settings.map((s) => s.path.join('.'))).toEqual(['fleet.paths', 'versioning.releaseTypes.docs', 'release.branch']);
    const text = renderInitConfig(['header'], settings);
    expect(parseConfig(text)).toEqual(config);
    expect(text).toContain('release:\n  # Why: trunk.\n  branch: trunk\n');
    expect(renderInitConfig(['header'], [])).toBe('# header\n#\n# Nothing here differs from the defaults yet: add keys as you need them.\n');
    expect(parseConfig(renderInitConfig(['header'], []))).toEqual(defaultConfig());
  });

  it('points starters at another slipway, and finds the secrets they read', () => {
    const text = 'jobs:\n  a:\n    uses: slipway-dev/slipway/.github/workflows/release.yml@v1\n  b:\n    steps:\n      - uses: slipway-dev/slipway/actions/plan@v1\n      - uses: slipway-dev/slipway@v1\n';
    expect(pointStarterAt(text, parseActionRef('acme/tools@0123abc'))).toBe(text.replaceAll('slipway-dev/slipway', 'acme/tools').replaceAll('@v1', '@0123abc'));
    expect(() => parseActionRef('acme/tools')).toThrow('"acme/tools" is not OWNER/NAME@REF');
    const secrets = secretsUsed(
      new Map([
        ['release.yml', 'token: ${{ secrets.NPM_TOKEN }}\n  # key: ${{ secrets.APP_KEY }}\nx: ${{ secrets.GITHUB_TOKEN }}'],
        ['digest.yml', 'a: ${{ secrets.SLACK_BOT_TOKEN }}\nb: ${{ secrets.NPM_TOKEN }}'],
      ]),
    );
    expect(secrets).toEqual([
      { name: 'NPM_TOKEN', workflows: ['release.yml', 'digest.yml'], optional: false },
      { name: 'SLACK_BOT_TOKEN', workflows: ['digest.yml'], optional: false },
      { name: 'APP_KEY', workflows: ['release.yml'], optional: true },
    ]);
  });
});

describe('the bundled CLI', () => {
  it('carries the starter workflows: init works from a dist/ with no workflows/ folder beside it', async () => {
    const { actionCheckout } = await import('../runner/harness.ts');
    const checkout = await actionCheckout();
    expect(existsSync(join(checkout, 'workflows'))).toBe(false);
    const r = lernaFleet();
    const run = await execa(process.execPath, [join(checkout, 'dist/cli.js'), 'init', '--workflows', 'release'], { cwd: r.dir, reject: false });
    expect(run.exitCode).toBe(0);
    expect(readFileSync(join(r.dir, '.github/workflows/release.yml'), 'utf8')).toBe(readFileSync(join(import.meta.dirname, '../../workflows/release.yml'), 'utf8'));
  });
});
