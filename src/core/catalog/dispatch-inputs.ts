/**
 * The contract between the release job and the index workflow's `workflow_dispatch`: the
 * release job sends the new tags as one input, the workflow splits it (select-versions.ts).
 * workflow_dispatch inputs are strings, 65,535 characters in all and at most 25 of them
 * (https://docs.github.com/en/actions/reference/workflows-and-actions/events-that-trigger-workflows#workflow_dispatch),
 * so the tags travel as one space-separated string.
 */
export const INDEX_WORKFLOW_FILE = 'index.yml';
export const DISPATCH_TAGS_INPUT = 'tags';

export function indexDispatchInputs(tags: readonly string[]): Record<string, string> {
  return { [DISPATCH_TAGS_INPUT]: [...tags].join(' ') };
}
