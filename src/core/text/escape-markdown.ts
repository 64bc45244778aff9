/**
 * User text in GitHub-flavoured Markdown (job summaries, plan files): a table cell cannot be
 * split by `|` or a line break, and no HTML tag (`</details>`, `<img …>`) reaches the page.
 */
import { stripControls } from './controls.ts';

/** Text inside Markdown: HTML's special characters escaped, so tags show as written. */
export function markdownText(text: string): string {
  return stripControls(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** One table cell: as markdownText, with `|` escaped and line breaks made spaces. */
export function markdownCell(text: string): string {
  return markdownText(text).replace(/\|/g, '\\|').replace(/\r?\n|\r/g, ' ');
}
