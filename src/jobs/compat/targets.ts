/**
 * Which plugins a compat run tests, the same way in every mode: the fleet's plugins in a
 * monorepo, or an organisation's repositories (compat.org) in org mode.
 */
import { join } from 'node:path';
import { discoverFleet } from '../../adapters/fleet.ts';
import type { Octokit } from '../../adapters/github/client.ts';
import { listOrgPlugins } from '../../adapters/compat/org-plugins.ts';
import type { PluginTarget } from '../../adapters/compat/test-plugins.ts';
import type { SlipwayConfig } from '../../core/config/schema.ts';
import { SlipwayError } from '../../core/errors.ts';
import type { Ecosystem } from '../../core/types.ts';

export interface FleetTargets {
  mode: 'monorepo' | 'org';
  ecosystem: Ecosystem;
  /** Plugin names, sorted. */
  names: string[];
  /** The target to test for a name. */
  target(name: string): PluginTarget | undefined;
}

export async function fleetTargets(cwd: string, config: SlipwayConfig, octokit?: Octokit): Promise<FleetTargets> {
  const org = config.compat.org;
  if (org) {
    if (!octokit) {
      throw new SlipwayError('USAGE', `org mode lists the repositories of ${org.name} through the GitHub API, and no token was given`, {
        subject: 'compat.org',
        hint: 'pass a token (GITHUB_TOKEN or the github-token input) that can read the organisation',
      });
    }
    const names = await listOrgPlugins(octokit, { org: org.name, topic: org.topic, pattern: org.pattern });
    const server = (process.env['GITHUB_SERVER_URL'] ?? 'https://github.com').replace(/\/$/, '');
    const set = new Set(names);
    const ecosystem = config.fleet.ecosystem === 'auto' ? 'npm' : config.fleet.ecosystem;
    return {
      mode: 'org',
      ecosystem,
      names,
      target: (name) => (set.has(name) ? { name, cloneUrl: org.cloneUrl.replaceAll('{server}', server).replaceAll('{repo}', name) } : undefined),
    };
  }
  const fleet = await discoverFleet(cwd, config);
  const byName = new Map(fleet.plugins.map((p) => [String(p.name), p]));
  return {
    mode: 'monorepo',
    ecosystem: fleet.ecosystem,
    names: [...byName.keys()],
    target: (name) => {
      const plugin = byName.get(name);
      return plugin ? { name, version: plugin.version, dir: join(cwd, plugin.path) } : undefined;
    },
  };
}
