/**
 * Which plugins a compat run tests, the same way in every mode: the fleet's plugins in a
 * monorepo, or an organisation's repositories (compat.org) in org mode, where each
 * repository's ecosystem is read from its own checkout (an org of Gradle repositories is
 * tested with Gradle, whatever the repository holding slipway.yml is).
 */
import { join } from 'node:path';
import { detectEcosystem } from '../../adapters/ecosystems/detect-ecosystem.ts';
import { discoverFleet } from '../../adapters/fleet.ts';
import type { Octokit } from '../../adapters/github/client.ts';
import { listOrgPlugins } from '../../adapters/compat/org-plugins.ts';
import type { DescribedCheckout, PluginTarget } from '../../adapters/compat/test-plugins.ts';
import { compatCommands } from '../../core/compat/ecosystem-commands.ts';
import type { SlipwayConfig } from '../../core/config/schema.ts';
import { SlipwayError } from '../../core/errors.ts';
import type { Ecosystem } from '../../core/types.ts';

export interface FleetTargets {
  mode: 'monorepo' | 'org';
  /**
   * monorepo: the fleet's ecosystem. org: fleet.ecosystem when set, else generic — only a
   * fallback, since each repository's ecosystem is detected after its clone.
   */
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
    return {
      mode: 'org',
      ecosystem: config.fleet.ecosystem === 'auto' ? 'generic' : config.fleet.ecosystem,
      names,
      target: (name) => (set.has(name) ? { name, cloneUrl: org.cloneUrl.replaceAll('{server}', server).replaceAll('{repo}', name) } : undefined),
    };
  }
  const fleet = await discoverFleet(cwd, config);
  // Checked now, before the core is built: a test command that drops the core version is a configuration error.
  compatCommands(config, fleet.ecosystem);
  // Built now, so a subproject compat cannot test is an error of the plan, not of a shard.
  const byName = new Map<string, PluginTarget>(
    fleet.plugins.map((plugin) => [
      String(plugin.name),
      {
        name: String(plugin.name),
        version: plugin.version,
        ecosystem: fleet.ecosystem,
        dir: join(cwd, plugin.path),
        root: cwd,
        taskPrefix: fleet.ecosystem === 'gradle' ? gradleTaskPrefix(plugin.path) : '',
      },
    ]),
  );
  return { mode: 'monorepo', ecosystem: fleet.ecosystem, names: [...byName.keys()], target: (name) => byName.get(name) };
}

/**
 * `plugins/jdbc` → `:plugins:jdbc:` (Gradle's project path of the folder an `include` names).
 * It goes into a shell command, so only the characters of ordinary project names pass.
 */
export function gradleTaskPrefix(path: string): string {
  if (path === '') return '';
  if (!/^[\w.-]+(\/[\w.-]+)*$/.test(path)) {
    throw new SlipwayError('MANIFEST_INVALID', `the Gradle subproject folder "${path}" has characters compat will not put into a command`, {
      subject: path,
      hint: 'name subprojects with letters, digits and . _ -, or leave it out with fleet.exclude',
    });
  }
  return `:${path.split('/').join(':')}:`;
}

/**
 * A cloned repository's ecosystem (detected; fleet.ecosystem when nothing is recognised) and
 * version: its own, or the one all its modules share (a Gradle build released as one unit).
 */
export async function describeCheckout(dir: string, config: SlipwayConfig): Promise<DescribedCheckout> {
  const own: SlipwayConfig = { ...config, fleet: { ...config.fleet, ecosystem: 'auto', paths: undefined, exclude: [], plugins: [] } };
  let ecosystem: Ecosystem;
  try {
    ecosystem = await detectEcosystem(dir, own);
  } catch (error) {
    if (config.fleet.ecosystem === 'auto') throw error;
    ecosystem = config.fleet.ecosystem;
  }
  const fleet = await discoverFleet(dir, { ...own, fleet: { ...own.fleet, ecosystem } }).catch(() => undefined);
  const versions = new Set(fleet?.plugins.map((p) => p.version));
  return { ecosystem, ...(versions.size === 1 ? { version: [...versions][0] } : {}) };
}
