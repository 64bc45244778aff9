/** The process-metadata action: plugin versions → catalog entries (a JSON file and an output); writes no catalog. */
import * as core from '@actions/core';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { githubReleaseNotes } from '../adapters/catalog/github-release-notes.ts';
import { createGitHubClient } from '../adapters/github/client.ts';
import { renderIndexMarkdown } from '../core/catalog/render-summary.ts';
import { splitTagList } from '../core/catalog/select-versions.ts';
import { SlipwayError } from '../core/errors.ts';
import { processMetadata, type MetadataSelection } from '../jobs/metadata.ts';
import { booleanInput, secretInput, stringInput } from './runtime/inputs.ts';
import { runAction } from './runtime/run-action.ts';

await runAction('metadata', async ({ reporter, workspace, repository }) => {
  const cwd = resolve(workspace, stringInput('working-directory', '.')!);
  const token = secretInput('token');
  const { entries, skipped } = await processMetadata({
    cwd,
    reporter,
    select: selection(),
    releaseNotes: token && repository ? githubReleaseNotes(createGitHubClient({ token, baseUrl: process.env['GITHUB_API_URL'] }), repository) : undefined,
  });
  const out = resolve(workspace, stringInput('out', 'slipway-catalog-entries.json')!);
  await writeFile(out, JSON.stringify(entries, null, 2) + '\n');
  core.setOutput('file', out);
  core.setOutput('count', entries.length);
  core.setOutput('versions', entries.map((e) => `${e.name}@${e.version}`).join(' '));
  await core.summary.addRaw(renderIndexMarkdown({ entries, skipped })).write();
});

function selection(): MetadataSelection {
  const tags = stringInput('tags');
  const plugin = stringInput('plugin');
  const version = stringInput('version');
  const ref = stringInput('ref');
  if (tags) return { kind: 'tags', tags: splitTagList(tags) };
  if (plugin && ref) return { kind: 'commit', plugin, ref };
  if (plugin) return { kind: 'released', plugin, version };
  if (booleanInput('all')) return { kind: 'released' };
  const pushed = process.env['GITHUB_REF'];
  if (pushed?.startsWith('refs/tags/')) return { kind: 'tags', tags: [pushed] };
  throw new SlipwayError('INPUT_INVALID', 'say which versions: `tags`, `plugin` (+ `version` or `ref`) or `all: true`', { subject: 'inputs', hint: 'or run on push: tags' });
}
