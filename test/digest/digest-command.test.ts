/**
 * `slipway digest` and `slipway digest setup-notion` as a person runs them: a real process,
 * a real repository, the local Notion server for the schema check.
 */
import { execa } from 'execa';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, pkg, repo, tempDir } from '../helpers/repo.ts';
import { startNotionServer, type NotionServer } from '../servers/notion/index.ts';


afterAll(cleanupTempDirs);
const CLI = join(import.meta.dirname, '../../src/cli/main.ts');
const slipway = (args: string[], cwd: string, env: Record<string, string> = {}) =>
  execa(process.execPath, [CLI, ...args], { cwd, reject: false, stripFinalNewline: false, env: { SLACK_TOKEN: '', SLACK_BOT_TOKEN: '', NOTION_TOKEN: '', GITHUB_TOKEN: '', ...env } });

/** Two plugins first released on 2026-01-01, then a second release of a (the fixture clock starts 2026-01-01 09:00). */
function fleet() {
  return repo()
    .files({ 'package.json': pkg('fleet', '0.0.0', { private: true, workspaces: ['plugins/*'] }), 'plugins/a/package.json': pkg('a', '1.0.0'), 'plugins/b/package.json': pkg('b', '0.1.0') })
    .commit('feat: import')
    .tag('a@1.0.0')
    .tag('b@0.1.0')
    .commit('chore(release): publish', {
      'plugins/a/package.json': pkg('a', '1.1.0'),
      'plugins/a/CHANGELOG.md': '# Changelog\n\n## 1.1.0 (2026-01-01)\n\n### Features\n\n* **a:** say hello (abc1234)\n',
    })
    .tag('a@1.1.0', 'a@1.1.0');
}

describe('slipway digest', () => {
  it('prints the Markdown digest, writes --out, and with --dry-run and no tokens writes nothing elsewhere', async () => {
    const r = fleet();
    const out = join(tempDir(), 'digest.md');
    const result = await slipway(['digest', '--since', '2026-01-01', '--until', '2026-01-02', '--out', out, '--dry-run'], r.dir);

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(await readFile(out, 'utf8'));
    expect(result.stdout).toContain('# What shipped: 2026-01-01 (2026-W01)');
    expect(result.stdout).toContain('- **a** 1.0.0 → **1.1.0** · minor · 2026-01-01 · 1 feature\n  - Feature: **a:** say hello');
    expect(result.stdout).toContain('- **b** **0.1.0** (first release) · initial · 2026-01-01 · no notes\n  - _no changelog section found for this version_');
    expect(result.stderr).toContain('warning: b@0.1.0: no "0.1.0" section in CHANGELOG.md at the tag; listed without notes');
    expect(result.stderr).toContain('slack: would post 1 message to (no channel)');
    expect(r.git('for-each-ref', 'refs/slipway')).toBe('');
  });

  it('links each release to its GitHub Release when the remote is on GitHub', async () => {
    const r = fleet();
    r.git('remote', 'add', 'origin', 'https://github.com/acme/fleet.git');
    const result = await slipway(['digest', '--since', '2026-01-01', '--until', '2026-01-02', '--no-mark'], r.dir);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('- **[a](https://github.com/acme/fleet/releases/tag/a%401.1.0)** 1.0.0 → **1.1.0**');
    expect(result.stderr).toContain('slack: skipped: no Slack token');
  });

  it('names a bad date', async () => {
    const result = await slipway(['digest', '--since', 'last week'], fleet().dir);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('slipway digest: since: "last week" is not a date\n  hint: write a date as YYYY-MM-DD (UTC) or an ISO 8601 instant');
  });
});

describe('slipway digest setup-notion', () => {
  let notion: NotionServer;
  beforeAll(async () => {
    notion = await startNotionServer();
  });
  afterAll(() => notion.close());

  it('says exactly what is wrong, adds what is missing with --create, and never changes a type', async () => {
    const { databaseId } = notion.seedDatabase({ title: 'Releases', properties: { Name: { title: {} }, Plugin: { rich_text: {} }, Date: { rich_text: {} } } });
    const env = { NOTION_TOKEN: notion.token, NOTION_API_URL: notion.url };
    const cwd = fleet().dir;

    const check = await slipway(['digest', 'setup-notion', '--database', databaseId], cwd, env);
    expect(check.exitCode).toBe(1);
    expect(check.stderr).toContain('error: property "Release" is missing (needs type title)');
    expect(check.stderr).toContain('error: property "Date" is a rich_text property; the digest needs date');
    expect(check.stderr).toContain('run again with --create');

    const fix = await slipway(['digest', 'setup-notion', '--database', databaseId, '--create'], cwd, env);
    expect(fix.exitCode).toBe(1);
    expect(fix.stderr).toContain('fixed: property "Release" is missing (needs type title)');
    expect(fix.stderr).toContain('fixed: property "Week" is missing (needs type select)');
    expect(fix.stderr.match(/^error: .*$/gm)).toEqual(['error: property "Date" is a rich_text property; the digest needs date']);
    const source = [...notion.dataSources.values()].find((s) => s.databaseId === databaseId)!;
    expect(source.properties.map((p) => `${p.name}:${p.type}`)).toEqual(expect.arrayContaining(['Release:title', 'Date:rich_text', 'Link:url', 'Fingerprint:rich_text']));
    expect(source.properties.some((p) => p.name === 'Name')).toBe(false); // the title was renamed, not duplicated
  });

  it('creates a complete database under a page', async () => {
    const result = await slipway(['digest', 'setup-notion', '--create', '--parent', notion.rootPageId, '--title', 'Shipped'], fleet().dir, { NOTION_TOKEN: notion.token, NOTION_API_URL: notion.url });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^Notion database [0-9a-f-]{36} is ready for the digest\n$/);
  });
});
