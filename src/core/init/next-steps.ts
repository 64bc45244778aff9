/** What `slipway init` cannot do for a person, as the lines it prints after writing the files. */
import type { SecretUse } from './starter-workflows.ts';

/** What each secret the starters use is for (names from workflows/*.yml). */
const SECRET_PURPOSE: Record<string, string> = {
  NPM_TOKEN: 'an npm automation token allowed to publish the plugins',
  MAVEN_USERNAME: 'the user (or token name) of the Maven repository the build publishes to (Sonatype Central: a user token)',
  MAVEN_PASSWORD: 'its password or token',
  SIGNING_KEY: 'the ASCII-armoured GPG private key that signs the artifacts (gpg --armor --export-secret-keys KEYID)',
  SIGNING_PASSWORD: 'the passphrase of that key',
  SLACK_BOT_TOKEN: 'a Slack bot token (chat:write, channels:read, channels:history); without it nothing is posted',
  NOTION_TOKEN: 'a Notion integration token, shared with the digest database',
  RELEASE_APP_PRIVATE_KEY: 'the private key of a GitHub App that pushes releases (with the RELEASE_APP_ID variable)',
  RELEASE_APP_ID: 'org release: the ID of the GitHub App installed on the organisation (its About page)',
  CATALOG_APP_PRIVATE_KEY: 'org mode: the private key of a GitHub App that pushes the central catalog',
  ORG_READ_TOKEN: 'org mode: a token that can list and clone the plugin repositories',
  PLUGIN_READ_TOKEN: 'org mode: a token that can read private plugin repositories',
};

export interface NextStepsInput {
  secrets: readonly SecretUse[];
  environment: string;
  branch: string;
  /** The files written, to commit. */
  files: readonly string[];
  /** Slack channels are configured for at least one job. */
  slack: boolean;
  /** The compat starter was left out for lack of a core repository. */
  compatSkipped: boolean;
  /** The index starter was left out: no plugin has a catalog manifest. */
  indexSkipped?: boolean;
}

export function nextSteps(input: NextStepsInput): string[] {
  const lines: string[] = [];
  let n = 0;
  const step = (text: string) => lines.push(`${++n}. ${text}`);
  const required = input.secrets.filter((s) => !s.optional);
  const optional = input.secrets.filter((s) => s.optional);
  if (input.secrets.length) {
    step('Add the repository secrets the workflows read (Settings → Secrets and variables → Actions, or `gh secret set NAME`):');
    const width = Math.max(...input.secrets.map((s) => s.name.length));
    for (const secret of required) lines.push(`     ${secret.name.padEnd(width)}  ${SECRET_PURPOSE[secret.name] ?? 'used by'} (${secret.workflows.join(', ')})`);
    for (const secret of optional) lines.push(`     ${secret.name.padEnd(width)}  optional — ${SECRET_PURPOSE[secret.name] ?? 'an option'} (${secret.workflows.join(', ')}, commented out)`);
  }
  step(`Create the approval Environment; GitHub then pauses each release until a reviewer approves:\n     slipway setup --environment ${input.environment} --reviewer YOUR-LOGIN --reviewer ORG/TEAM --branch ${input.branch}\n     (needs a repository admin's token in GITHUB_TOKEN, e.g. GITHUB_TOKEN=$(gh auth token))`);
  if (!input.slack) step('Name the Slack channels in slipway.yml (slack.release, slack.compat, slack.digest), or rerun init with --slack-channel ID --force.');
  if (input.indexSkipped) step('To list the plugins in a catalog, give each a plugin manifest (docs/plugin-manifest.md) and rerun init with --force: it adds .github/workflows/index.yml (validate then also checks what the catalog needs).');
  if (input.compatSkipped) step('To test every plugin against the core each week, rerun with --core OWNER/NAME --force: it adds .github/workflows/compat.yml.');
  step(`Commit and push: git add ${input.files.join(' ')} && git commit -m "ci: release with slipway" && git push`);
  return lines;
}
