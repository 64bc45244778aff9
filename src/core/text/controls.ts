/** Control characters (C0 but newline and tab, DEL, C1) removed from user text bound for a chat or a page. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

export function stripControls(text: string): string {
  return text.replace(CONTROLS, '');
}
