/**
 * The org-mode digest benchmark: `node bench/digest-org.ts [--repositories N] [--releasing N] [--runs N]`.
 *
 * Seeds an organisation of N plugin repositories (default 1,300; 400 releasing in the week)
 * into the local GitHub server, then reads the week's releases with the real octokit client
 * exactly as `slipway digest` does in org mode, and composes and renders the digest. Prints
 * the GraphQL requests (the server's own count), the rate-limit points they cost, and the
 * time per run (median of `runs`). Target: at most 15 requests for 1,300 repositories — the
 * GITHUB_TOKEN budget is 1,000 requests an hour per repository. Exits non-zero on a miss.
 */
import { parseArgs } from 'node:util';
import { readOrgReleases } from '../src/adapters/digest/github-releases.ts';
import { createGitHubClient } from '../src/adapters/github/client.ts';
import { composeDigest } from '../src/core/digest/compose-digest.ts';
import { renderDigestMarkdown } from '../src/core/digest/render-markdown.ts';
import { notionPages } from '../src/core/digest/render-notion.ts';
import { renderSlackDigest } from '../src/core/digest/render-slack.ts';
import { windowOf } from '../src/core/digest/window.ts';
import { startGitHubServer } from '../test/servers/github/index.ts';
import { seedSyntheticOrg } from './synthetic-org.ts';

const TARGET_REQUESTS = 15;
const { values } = parseArgs({
  options: { repositories: { type: 'string', default: '1300' }, releasing: { type: 'string', default: '400' }, runs: { type: 'string', default: '3' } },
});
const repositories = Number(values.repositories);
const releasing = Math.min(repositories, Number(values.releasing));
const runs = Math.max(1, Number(values.runs));

const window = windowOf('2025-03-03T00:00:00.000Z', '2025-03-10T00:00:00.000Z');
const github = await startGitHubServer();
try {
  const org = seedSyntheticOrg(github.state, { org: 'acme', topic: 'slipway-plugin', repositories, releasing, weekStart: new Date(window.since) });
  // As the digest job builds it: read-only GraphQL, no write spacing.
  const octokit = createGitHubClient({ baseUrl: github.url, token: github.token, writeSpacingMs: 0 });

  const times: number[] = [];
  let requests = 0;
  let points = 0;
  let found = 0;
  let renderMs = 0;
  let slackMessages = 0;
  for (let run = 0; run < runs; run++) {
    const before = { requests: github.count('graphql'), points: github.state.rateLimits.graphql.used };
    const started = performance.now();
    const result = await readOrgReleases(octokit, { org: 'acme', topic: 'slipway-plugin', window });
    times.push(performance.now() - started);
    requests = github.count('graphql') - before.requests;
    points = github.state.rateLimits.graphql.used - before.points;
    found = result.releases.length;

    const renderStarted = performance.now();
    const digest = composeDigest(window, result.releases);
    renderDigestMarkdown(digest);
    slackMessages = renderSlackDigest(digest).length;
    notionPages(digest);
    renderMs = performance.now() - renderStarted;
  }
  github.assertNoViolations();
  const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
  const pass = requests <= TARGET_REQUESTS && found === org.releasesInWeek;

  console.log(`org-mode digest: ${repositories} plugin repositories, ${found} releases in the week (expected ${org.releasesInWeek})`);
  console.log(`  GitHub GraphQL requests: ${requests} (target ≤ ${TARGET_REQUESTS})  rate-limit points: ${points}`);
  console.log(`  read time: median ${median.toFixed(0)} ms over ${runs} run(s) [${times.map((t) => t.toFixed(0)).join(', ')}] (local server)`);
  console.log(`  compose + render (Markdown, ${slackMessages} Slack message(s), ${found} Notion pages): ${renderMs.toFixed(0)} ms`);
  console.log(pass ? 'PASS' : 'MISS');
  if (!pass) process.exitCode = 1;
} finally {
  await github.close();
}
