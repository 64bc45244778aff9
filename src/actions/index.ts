/** The index action: tags (or a reindex request) → catalog entries → the catalog branch; outputs and a job summary. */
import * as core from '@actions/core';
import { resolve } from 'node:path';
import * as z from 'zod';
import { githubReleaseNotes } from '../adapters/catalog/github-release-notes.ts';
import { createGitHubClient } from '../adapters/github/client.ts';
import { catalogEntrySchema } from '../core/catalog/catalog-schema.ts';
import { renderIndexMarkdown } from '../core/catalog/render-summary.ts';
import { splitTagList } from '../core/catalog/select-versions.ts';
import { SlipwayError } from '../core/errors.ts';
import { indexCatalog } from '../jobs/index.ts';
import type { MetadataSelection } from '../jobs/metadata.ts';
import { readFile } from 'node:fs/promises';
import { booleanInput, integerInput, secretInput, stringInput } from './runtime/inputs.ts';
import { runAction } from './runtime/run-action.ts';

await runAction('index', async ({ reporter, workspace, repository }) => {
  const cwd = resolve(workspace, stringInput('working-directory', '.')!);
  const token = secretInput('token');
  const catalogToken = secretInput('catalog-token') ?? token;
  const entriesFile = stringInput('entries');
  const rebuild = booleanInput('rebuild');
  const select = selection();
  if (!select && !rebuild && !entriesFile && !booleanInput('catch-up')) {
    throw new SlipwayError('INPUT_INVALID', 'nothing to index: no tag was pushed and no tags, plugin, all, rebuild or entries input was given', {
      subject: 'inputs',
      hint: 'run on push: tags, or pass `tags:` (the release job dispatches them), `plugin:` (+ `version:`), `all: true` or `rebuild: true`',
    });
  }
  const result = await indexCatalog({
    cwd,
    reporter,
    select,
    rebuild,
    catchUp: booleanInput('catch-up'),
    entries: entriesFile ? await readEntries(resolve(workspace, entriesFile)) : undefined,
    location: {
      repository: stringInput('catalog-repository'),
      branch: stringInput('catalog-branch'),
      defaultRepository: repository,
      token: catalogToken,
      serverUrl: process.env['GITHUB_SERVER_URL'],
    },
    dryRun: booleanInput('dry-run'),
    maxAttempts: integerInput('max-attempts', 25, { min: 1, max: 100 }),
    releaseNotes: token && repository ? githubReleaseNotes(createGitHubClient({ token, baseUrl: process.env['GITHUB_API_URL'], log: (line) => reporter.info(line) }), repository) : undefined,
  });
  core.setOutput('status', result.status);
  core.setOutput('commit', result.commit ?? '');
  core.setOutput('changed', result.changed.length);
  core.setOutput('versions', result.entries.map((e) => `${e.name}@${e.version}`).join(' '));
  await core.summary
    .addRaw(renderIndexMarkdown({ entries: result.entries, skipped: result.skipped, outcome: { ...result, branch: result.location.branch, pageUrl: stringInput('page-url') } }))
    .write();
});

/** Inputs → which versions: tags (or the pushed tag), a plugin (and version), or all. */
function selection(): MetadataSelection | undefined {
  const tags = stringInput('tags');
  const plugin = stringInput('plugin');
  const version = stringInput('version');
  if (tags) return { kind: 'tags', tags: splitTagList(tags) };
  if (plugin) return { kind: 'released', plugin, version };
  if (version) throw new SlipwayError('INPUT_INVALID', '`version` needs `plugin`', { subject: 'input "version"', hint: 'pass the plugin whose version to reindex' });
  if (booleanInput('all')) return { kind: 'released' };
  const ref = process.env['GITHUB_REF'];
  if (process.env['GITHUB_EVENT_NAME'] === 'push' && ref?.startsWith('refs/tags/')) return { kind: 'tags', tags: [ref] };
  return undefined;
}

async function readEntries(path: string) {
  const parsed = z.array(catalogEntrySchema).safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!parsed.success) {
    throw new SlipwayError('INPUT_INVALID', `not a list of catalog entries: ${parsed.error.issues[0]!.message}`, { subject: path, hint: 'pass the file the metadata action wrote' });
  }
  return parsed.data;
}
