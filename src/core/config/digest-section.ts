import * as z from 'zod';

/** digest: the weekly "what shipped" (owned by the digest job). The Slack channel is `slack.digest`. */
export const digestSection = z
  .strictObject({
    /** The Notion database that receives one page per release (its id, from the database's URL). */
    notionDatabase: z.string().optional(),
    /** Days covered when no previous digest is recorded. */
    defaultDays: z.number().int().positive().default(7),
    /**
     * Org mode: the GitHub organisation whose repositories are the plugins (one plugin per
     * repository, releases read from GitHub Releases). Unset: the plugins of this repository.
     */
    org: z.string().min(1).optional(),
    /** Org mode: only repositories with this topic are plugins. */
    topic: z.string().min(1).optional(),
    /** The git ref that records the last completed digest (pushed to release.remote). */
    markRef: z.string().regex(/^refs\/[^\s~^:?*[\\]+$/, 'must be a ref name under refs/, e.g. refs/slipway/digest').default('refs/slipway/digest'),
    /** Where people read the full Markdown digest; the action defaults to the run's summary. */
    digestUrl: z.string().url().optional(),
  })
  .default({ defaultDays: 7, markRef: 'refs/slipway/digest' });
