/**
 * The browsable catalog in a real headless Chromium (Debian's chromium, driven by
 * playwright-core), served the way GitHub Pages serves the branch: static files over HTTP.
 * The catalog is the demo fleet's, made by the real index job, with release notes from the
 * local GitHub server — one of them trying to inject HTML.
 */
import { execa } from 'execa';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { githubReleaseNotes } from '../../src/adapters/catalog/github-release-notes.ts';
import { createDemoFleet } from '../../src/adapters/demo/create-demo-fleet.ts';
import { createGitHubClient } from '../../src/adapters/github/client.ts';
import { memoryReporter } from '../../src/core/reporter.ts';
import { indexCatalog } from '../../src/jobs/index.ts';
import { cleanupTempDirs, tempDir } from '../helpers/repo.ts';
import { startGitHubServer, type GitHubServer } from '../servers/github/index.ts';
import { listen, type Listening } from '../servers/listen.ts';

const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const RESULTS = join(import.meta.dirname, '../../test-results');
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.json': 'application/json; charset=utf-8' };

let github: GitHubServer;
let site: Listening;
let browser: BrowserContext;
let page: Page;
const requested: string[] = [];

beforeAll(async () => {
  const demo = await createDemoFleet(tempDir('slipway-page-demo-'));
  github = await startGitHubServer();
  github.state.addRepo('slipway-demo/plugins');
  github.state.addRelease('slipway-demo/plugins', {
    tagName: '@demo/plugin-http@1.1.0',
    body: '### Features\n\n* **http:** support request timeouts ([3f2a1b0](https://github.com/slipway-demo/plugins/commit/3f2a1b0))',
  });
  github.state.addRelease('slipway-demo/plugins', {
    tagName: '@demo/plugin-http@1.0.0',
    body: '* first release <img src=x onerror="window.__injected = true"> [click](javascript:window.__injected=true)',
  });
  const octokit = createGitHubClient({ baseUrl: github.url, token: github.token });
  await indexCatalog({ cwd: demo.fleetDir, reporter: memoryReporter(), rebuild: true, releaseNotes: githubReleaseNotes(octokit, 'slipway-demo/plugins') });

  // The catalog branch as GitHub Pages would publish it.
  const root = tempDir('slipway-pages-');
  await execa('sh', ['-c', `git -C "${demo.remoteDir}" archive slipway-catalog | tar -x -C "${root}"`]);
  site = await listen(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requested.push(path);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  browser = await chromium.launchPersistentContext(tempDir('slipway-chromium-'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1200, height: 820 },
  });
  page = await browser.newPage();
  await page.goto(`${site.url}/`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
  mkdirSync(RESULTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await github?.close();
  cleanupTempDirs();
});

const listed = () => page.locator('li.plugin').evaluateAll((items) => items.map((item) => item.getAttribute('data-name')));

describe('the catalog page', () => {
  it('lists every plugin from index.json, fetched by relative URL', async () => {
    expect(await listed()).toEqual(['@demo/plugin-csv', '@demo/plugin-http', '@demo/plugin-s3', '@demo/plugin-slack', '@demo/plugin-sql']);
    expect(await page.textContent('#count')).toBe('5 plugins');
    expect(requested).toContain('/index.json');
    await page.screenshot({ path: join(RESULTS, 'catalog.png'), fullPage: true });
  });

  it('filters the list as you type, by name, description or category, and by the category menu', async () => {
    await page.fill('#search', 'csv');
    expect(await listed()).toEqual(['@demo/plugin-csv']);
    expect(await page.textContent('#count')).toBe('1 of 5 plugins');
    await page.fill('#search', 'storage');
    expect(await listed()).toEqual(['@demo/plugin-s3']);
    await page.fill('#search', 'no such plugin');
    expect(await listed()).toEqual([]);
    expect(await page.isVisible('#empty')).toBe(true);
    await page.fill('#search', '');
    await page.selectOption('#category', 'data');
    expect(await listed()).toEqual(['@demo/plugin-csv', '@demo/plugin-sql']);
    await page.selectOption('#category', '');
    expect(await listed()).toHaveLength(5);
  });

  it('opens a plugin’s page with its versions, core ranges, elements and release notes', async () => {
    await page.click('li.plugin[data-name="@demo/plugin-http"] a');
    await page.waitForSelector('#versions tbody tr');
    expect(page.url()).toBe(`${site.url}/#plugin=${encodeURIComponent('@demo/plugin-http')}`);
    const rows = await page.locator('#versions tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent)));
    expect(rows).toEqual([
      ['1.1.0', '2025-02-05', '^1.4.0'],
      ['1.0.0', '2025-02-03', '^1.4.0'],
    ]);
    expect(await page.locator('#elements tbody tr').evaluateAll((trs) => trs.map((tr) => tr.textContent))).toEqual(['taskhttp.requestDescribe an HTTP request for the host to send.']);
    expect(await page.textContent('#detail h2')).toContain('HTTP');
    expect(await page.isVisible('#search')).toBe(false);
    expect(requested).toContain('/plugins/~40demo~2fplugin-http.json');

    await page.click('tr[data-version="1.1.0"] summary');
    expect(await page.locator('tr[data-version="1.1.0"] .notes li').innerHTML()).toBe(
      '<strong>http:</strong> support request timeouts (<a href="https://github.com/slipway-demo/plugins/commit/3f2a1b0" rel="nofollow noopener">3f2a1b0</a>)',
    );
    await page.screenshot({ path: join(RESULTS, 'catalog-plugin.png'), fullPage: true });
  });

  it('shows release notes as text: HTML and javascript: links in them do nothing', async () => {
    await page.click('tr[data-version="1.0.0"] summary');
    const notes = page.locator('tr[data-version="1.0.0"] .notes');
    expect(await notes.locator('img').count()).toBe(0);
    expect(await notes.locator('a').count()).toBe(0);
    expect(await notes.textContent()).toContain('first release <img src=x onerror="window.__injected = true">');
    expect(await page.evaluate(() => (globalThis as { __injected?: boolean }).__injected)).toBeUndefined();
  });

  it('goes back to the list, and answers an unknown plugin plainly', async () => {
    await page.click('#detail a.back');
    await page.waitForSelector('li.plugin');
    expect(await listed()).toHaveLength(5);
    await page.goto(`${site.url}/#plugin=nope`);
    await page.waitForSelector('#detail .error');
    expect(await page.textContent('#detail .error')).toBe('No plugin named nope in this catalog.');
  });
});
