/**
 * A commit's author name as the plan records it. Names come from the repository's history, so
 * they are anyone's text: control characters go, whitespace collapses to single spaces, and a
 * long one is cut (a name is for a reader; git accepts megabytes). Markdown escaping happens
 * where the name is rendered (changelog.ts), so the plan keeps the name itself.
 */
import { stripControls } from '../text/controls.ts';

const MAX_LENGTH = 80;
/** Bidirectional overrides and isolates: they reorder how the rest of a changelog line reads. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** The name to record, or undefined when git recorded none worth showing. */
export function commitAuthor(raw: string): string | undefined {
  const name = stripControls(raw).replace(BIDI_CONTROLS, '').replace(/\s+/g, ' ').trim();
  if (!name) return undefined;
  if (name.length <= MAX_LENGTH) return name; // fewer UTF-16 units than the cap: fewer code points too
  const chars = [...name]; // by code point: never half of a surrogate pair
  return chars.length > MAX_LENGTH ? `${chars.slice(0, MAX_LENGTH - 1).join('').trimEnd()}…` : name;
}
