/**
 * The org release starter, filled in for one organisation: its login, the plugin topic, the
 * approval Environment and, when given, the central catalog and the Slack channel. Line edits
 * on the starter's own lines, so its comments stay for the reader.
 */
import { SlipwayError } from '../errors.ts';

export const ORG_STARTER = 'org-release.yml';

export interface OrgStarterSettings {
  org: string;
  topic?: string | undefined;
  environment?: string | undefined;
  catalogRepository?: string | undefined;
  slackChannel?: string | undefined;
}

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
/** Topics: lowercase letters, digits and hyphens, at most 50 characters (GitHub's rule). */
const TOPIC = /^[a-z0-9][a-z0-9-]{0,49}$/;
const PLAIN = /^[\w./-]+$/;

function check(value: string, pattern: RegExp, flag: string, hint: string): string {
  if (!pattern.test(value)) throw new SlipwayError('USAGE', `"${value.slice(0, 100)}" is not valid here`, { subject: flag, hint });
  return value;
}

export function fillOrgStarter(text: string, settings: OrgStarterSettings): string {
  const org = check(settings.org, LOGIN, '--org', 'the organisation login, e.g. acme');
  const edits: Array<[RegExp, string]> = [[/^(\s+org: ).*$/m, `$1${org}`]];
  if (settings.topic !== undefined) edits.push([/^(\s+topic: ).*$/m, `$1${check(settings.topic, TOPIC, '--topic', 'a GitHub topic: lowercase letters, digits and -')}`]);
  if (settings.environment !== undefined) edits.push([/^(\s+environment: ).*$/m, `$1${check(settings.environment, PLAIN, '--environment', 'letters, digits, ., _, / and -')}`]);
  if (settings.catalogRepository !== undefined) edits.push([/^(\s+)# (catalog-repository: ).*$/m, `$1$2${check(settings.catalogRepository, /^[\w.-]+\/[\w.-]+$/, '--catalog-repository', 'owner/name')}`]);
  if (settings.slackChannel !== undefined) edits.push([/^(\s+)# (slack-channel: ).*$/m, `$1$2${check(settings.slackChannel, /^#?[\w-]+$/, '--slack-channel', 'a channel ID (C0123456789) or #name')}`]);
  let filled = text;
  for (const [pattern, replacement] of edits) {
    if (!pattern.test(filled)) throw new SlipwayError('USAGE', `the org release starter has no line for ${pattern.source}`, { subject: ORG_STARTER, hint: 'the bundled starter is damaged: reinstall slipway' });
    filled = filled.replace(pattern, replacement);
  }
  return filled;
}
