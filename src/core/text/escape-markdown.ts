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

/**
 * Text shown as written in Markdown prose (a name in a changelog line), whatever it holds: one
 * line; the punctuation that starts links, images, emphasis, code, HTML, entities or
 * strikethrough backslash-escaped (CommonMark lets any ASCII punctuation be escaped); and `@`
 * followed by a zero-width space, so `@everyone` or `@org/team` renders but mentions no one
 * (GitHub finds mentions in the rendered text, after escapes; Renovate does the same).
 */
export function markdownLiteral(text: string): string {
  return stripControls(text)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]()<>&!~|#:{}]/g, '\\$&')
    .replace(/@/g, '@\u200b');
}
