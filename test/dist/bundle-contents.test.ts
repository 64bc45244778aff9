/**
 * One small file per action: a job's bundle carries the API clients its job uses and no others
 * (the Slack client in a plan run is startup time and attack surface for nothing), and the root
 * action's bundle inlines no job at all.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { actionCheckout } from '../runner/harness.ts';

// Each client's default API root, which its bundled code necessarily contains.
const CLIENTS = { slack: 'https://slack.com/api/', notion: 'https://api.notion.com', github: 'https://api.github.com' } as const;
const USES: Record<string, Array<keyof typeof CLIENTS>> = {
  validate: [],
  plan: [],
  release: ['github'],
  setup: ['github'],
  metadata: ['github'],
  index: ['github'],
  compat: ['github', 'slack'],
  digest: ['github', 'slack', 'notion'],
  'dispatch-index': ['github'],
  'release-notice': ['slack'],
  'org-release': ['github', 'slack'],
  slipway: [],
};

let dist: string;
beforeAll(async () => {
  dist = join(await actionCheckout(), 'dist');
});

describe('the action bundles', () => {
  it('are one file per action, and the table below names them all', () => {
    const bundles = readdirSync(dist).filter((name) => name.endsWith('.js') && name !== 'cli.js').map((name) => name.slice(0, -3));
    expect(bundles.sort()).toEqual(Object.keys(USES).sort());
  });

  for (const [job, clients] of Object.entries(USES)) {
    it(`${job}.js holds ${clients.length ? clients.join(', ') : 'no API client'}`, () => {
      const text = readFileSync(join(dist, `${job}.js`), 'utf8');
      const held = (Object.keys(CLIENTS) as Array<keyof typeof CLIENTS>).filter((client) => text.includes(CLIENTS[client]));
      expect(held.sort()).toEqual([...clients].sort());
    });
  }

  it('the root action loads its job at run time: no job code inlined', () => {
    const text = readFileSync(join(dist, 'slipway.js'), 'utf8');
    expect(text).toContain('await import(new URL(');
    expect(text).not.toMatch(/runAction\("(plan|release|validate)"/);
  });
});
