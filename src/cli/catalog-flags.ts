/**
 * Flags shared by `slipway metadata` and `slipway index`: which plugin versions, and where
 * release notes come from when a plugin keeps no changelog.
 */
import type { ReleaseNotesLookup } from '../adapters/catalog/github-release-notes.ts';
import { splitTagList } from '../core/catalog/select-versions.ts';
import { SlipwayError } from '../core/errors.ts';
import type { MetadataSelection } from '../jobs/metadata.ts';

export const SELECTION_FLAGS = {
  tag: { type: 'string', multiple: true },
  plugin: { type: 'string' },
  version: { type: 'string' },
  ref: { type: 'string' },
  all: { type: 'boolean' },
} as const;

export const SELECTION_USAGE = `  --tag TAG            a release tag to index (repeat, or separate with spaces/commas);
                       default: GITHUB_REF when it is a tag (a push: tags workflow)
  --plugin NAME        one plugin: every released version, or the one --version names
  --version VERSION    with --plugin: that released version
  --ref REV            with --plugin: the plugin at any commit (tag, branch or SHA)
  --all                every released version of every plugin`;

interface SelectionValues {
  tag?: string[] | undefined;
  plugin?: string | undefined;
  version?: string | undefined;
  ref?: string | undefined;
  all?: boolean | undefined;
}

/** The selection the flags make, or undefined when none is given (and GITHUB_REF is no tag). */
export function selectionFrom(values: SelectionValues, command: string): MetadataSelection | undefined {
  const usage = (message: string) => new SlipwayError('USAGE', message, { hint: `run \`slipway ${command} --help\`` });
  const given = [values.tag?.length, values.plugin, values.all].filter(Boolean).length;
  if (given > 1) throw usage('give one of --tag, --plugin or --all');
  if ((values.version || values.ref) && !values.plugin) throw usage('--version and --ref go with --plugin');
  if (values.version && values.ref) throw usage('give --version (a released version) or --ref (any commit), not both');
  if (values.tag?.length) return { kind: 'tags', tags: values.tag.flatMap(splitTagList) };
  if (values.plugin && values.ref) return { kind: 'commit', plugin: values.plugin, ref: values.ref };
  if (values.plugin) return { kind: 'released', plugin: values.plugin, version: values.version };
  if (values.all) return { kind: 'released' };
  const ref = process.env['GITHUB_REF'];
  if (ref?.startsWith('refs/tags/')) return { kind: 'tags', tags: [ref] };
  return undefined;
}

/**
 * GitHub Releases as the fallback source of release notes, when a token and the repository are
 * in the environment (GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL — as on Actions).
 */
export function releaseNotesFromEnvironment(): ReleaseNotesLookup | undefined {
  const token = process.env['GITHUB_TOKEN'];
  const repository = process.env['GITHUB_REPOSITORY'];
  if (!token || !repository) return undefined;
  // Loaded on first use: most plugins have a changelog, and the client is the slowest import.
  let lookup: Promise<ReleaseNotesLookup> | undefined;
  return async (tag) => {
    lookup ??= Promise.all([import('../adapters/github/client.ts'), import('../adapters/catalog/github-release-notes.ts')]).then(([client, notes]) =>
      notes.githubReleaseNotes(client.createGitHubClient({ token, baseUrl: process.env['GITHUB_API_URL'] }), repository),
    );
    return (await lookup)(tag);
  };
}
