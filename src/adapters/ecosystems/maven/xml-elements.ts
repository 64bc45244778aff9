/**
 * Where elements sit in an XML text, so that an updater can replace one element's content and
 * keep the rest (comments, attributes, indentation, line endings) byte for byte.
 * Hand-written because fast-xml-parser (used to read poms) returns values without positions.
 * Assumes `text` already passed XMLValidator; comments, CDATA, processing instructions and the
 * doctype are stepped over.
 */
export interface XmlElement {
  name: string;
  /** Serial number in document order; 0 is the document's root element. */
  id: number;
  /** The enclosing element's id (-1 for the root element). */
  parent: number;
  /** Element names from the root element to this one, e.g. ['project', 'parent', 'version']. */
  path: readonly string[];
  /** Offsets of the content between the start and end tags (empty for `<x/>`). */
  contentStart: number;
  contentEnd: number;
}

const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE(?:[^>[]|\[[\s\S]*?\])*>|<(\/?)([^\s/>]+)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;

export function xmlElements(text: string): XmlElement[] {
  const elements: XmlElement[] = [];
  const open: XmlElement[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const [token, closing, name, selfClosing] = match;
    if (name === undefined) continue; // comment, CDATA, PI, doctype
    const at = match.index;
    if (closing) {
      const element = open.pop();
      if (element) element.contentEnd = at;
      continue;
    }
    const parent = open.at(-1);
    const element: XmlElement = {
      name,
      id: elements.length,
      parent: parent?.id ?? -1,
      path: [...(parent?.path ?? []), name],
      contentStart: at + token.length,
      contentEnd: at + token.length,
    };
    elements.push(element);
    if (!selfClosing) open.push(element);
  }
  return elements;
}
