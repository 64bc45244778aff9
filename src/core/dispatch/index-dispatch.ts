/**
 * After a release, the index workflow must run for the new tags. A `push: tags` workflow does
 * not start for them when
 *  - they were pushed with the workflow's GITHUB_TOKEN: "events triggered by the
 *    GITHUB_TOKEN … will not create a new workflow run" (docs.github.com, "Triggering a
 *    workflow from a workflow") — workflow_dispatch is the documented exception; or
 *  - more than three were pushed at once: "Events will not be created for tags when more than
 *    three tags are pushed at once" (GitHub's webhook docs, `push` event) — whatever the token.
 * So the release dispatches the index workflow unless an App token pushed at most three tags.
 */

export const MAX_TAGS_WITH_PUSH_EVENTS = 3;

/**
 * GitHub caps a workflow_dispatch's inputs at 65,535 characters in all; tags are sent in
 * batches that stay below it with room for the JSON around them.
 */
export const MAX_TAGS_INPUT_CHARS = 60_000;

export interface DispatchDecision {
  dispatch: boolean;
  /** Why, in one sentence for the log. */
  reason: string;
}

export function indexDispatchDecision(input: { tags: readonly string[]; pushedWithAppToken: boolean }): DispatchDecision {
  const count = input.tags.length;
  if (count === 0) return { dispatch: false, reason: 'no tags were released: nothing to index' };
  if (!input.pushedWithAppToken) {
    return { dispatch: true, reason: `the ${count} tag${count === 1 ? ' was' : 's were'} pushed with GITHUB_TOKEN, which starts no push: tags workflow` };
  }
  if (count > MAX_TAGS_WITH_PUSH_EVENTS) {
    return { dispatch: true, reason: `${count} tags were pushed at once, and GitHub creates no push events for more than ${MAX_TAGS_WITH_PUSH_EVENTS}` };
  }
  return { dispatch: false, reason: `the App token's push of ${count} tag${count === 1 ? '' : 's'} starts the push: tags workflow itself` };
}

/** The tags as space-separated lists, each at most `limit` characters (one tag never splits). */
export function tagBatches(tags: readonly string[], limit = MAX_TAGS_INPUT_CHARS): string[] {
  const batches: string[] = [];
  let current = '';
  for (const tag of tags) {
    if (current && current.length + 1 + tag.length > limit) {
      batches.push(current);
      current = '';
    }
    current = current ? `${current} ${tag}` : tag;
  }
  if (current) batches.push(current);
  return batches;
}

/** Tags as the release action outputs them (a JSON array) or as people type them (spaces, commas, newlines). */
export function parseTagList(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    const parsed: unknown = JSON.parse(trimmed);
    if (!Array.isArray(parsed) || !parsed.every((t) => typeof t === 'string')) throw new Error('must be a JSON array of tag names');
    return parsed.map((t) => t.trim()).filter(Boolean);
  }
  return trimmed.split(/[\s,]+/).filter(Boolean);
}
