/** Applying located edits to a manifest's text, leaving every other byte where it was. */
export interface TextEdit {
  start: number;
  end: number;
  replacement: string;
}

/** `text` with each [start, end) range replaced; ranges must not overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  let out = text;
  for (const edit of sorted) out = out.slice(0, edit.start) + edit.replacement + out.slice(edit.end);
  return out;
}
