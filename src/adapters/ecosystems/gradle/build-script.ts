/**
 * What a build.gradle(.kts) says about the artifact it publishes: `group`, `description` and
 * the jar manifest's `X-Kestra-*` attributes (Kestra's plugins carry their catalog title,
 * group and description there). A scan of literal forms, not a Groovy/Kotlin evaluator:
 *
 *   group "io.kestra.plugin"            group = 'io.kestra.plugin'
 *   project.description = 'Query MySQL'  description "…"
 *   "X-Kestra-Title": "MySQL"            "X-Kestra-Title" to "MySQL"   (Kotlin DSL)
 *   "X-Kestra-Group": project.group + ".jdbc.mysql"
 *
 * Attribute values may concatenate string literals with `project.group`/`project.name`/
 * `project.description` (the forms Kestra uses); anything else is left unknown rather than guessed.
 */

export interface BuildScriptFacts {
  group?: string;
  description?: string;
  /** `X-Kestra-*` attributes, by the part after `X-Kestra-` (Title, Group, Description, Name, …), as written. */
  attributes: Map<string, string>;
}

const LITERAL = String.raw`(?:"((?:\\.|[^"\\\r\n])*)"|'((?:\\.|[^'\\\r\n])*)')`;

export function readBuildScript(text: string): BuildScriptFacts {
  const facts: BuildScriptFacts = { attributes: new Map() };
  const group = firstLiteral(text, 'group');
  if (group !== undefined) facts.group = group;
  const description = firstLiteral(text, 'description');
  if (description !== undefined) facts.description = description;
  // The value: string literals and project properties joined by `+` (a literal may hold `)` or `,`: ".NET (C#)").
  const operand = String.raw`(?:${LITERAL}|[\w.]+)`;
  const attribute = new RegExp(String.raw`["']X-Kestra-([A-Za-z-]+)["']\s*(?::|\bto\b)\s*(${operand}(?:\s*\+\s*${operand})*)`, 'g');
  for (const match of text.matchAll(attribute)) facts.attributes.set(match[1]!, match[2]!.trim());
  return facts;
}

/**
 * An attribute's value with `project.group`, `project.name`, `project.description` (and
 * `project.version`, never resolved: a version is the release's) substituted; undefined when
 * the expression holds anything else.
 */
export function attributeValue(expression: string, project: { group?: string | undefined; name: string; description?: string | undefined }): string | undefined {
  // One operand at a time, so a `+` inside a literal ("C++") is text, not a join.
  const token = new RegExp(String.raw`\s*(?:${LITERAL}|([\w.]+))\s*(\+|$)`, 'y');
  let out = '';
  for (let at = 0; at < expression.length; ) {
    token.lastIndex = at;
    const match = token.exec(expression);
    if (!match || match[0] === '') return undefined;
    at = token.lastIndex;
    const [, double, single, name] = match;
    if (double !== undefined || single !== undefined) out += unescape(double ?? single ?? '');
    else if (/^(?:project\.)?group$/.test(name!) && project.group !== undefined) out += project.group;
    else if (/^(?:project\.)?name$/.test(name!)) out += project.name;
    else if (/^(?:project\.)?description$/.test(name!) && project.description !== undefined) out += project.description;
    else return undefined;
    if (match[4] === '') break;
  }
  return out;
}

/** The first `[project.]key [=] "literal"` whose literal is plain (a GString with `${…}` is not). */
function firstLiteral(text: string, key: string): string | undefined {
  const re = new RegExp(String.raw`(?:^|[\s;{])(?:project\.)?${key}\s*(?:=\s*)?\(?\s*${LITERAL}`, 'gm');
  for (const match of text.matchAll(re)) {
    const value = match[1] ?? match[2] ?? '';
    if (match[1] !== undefined && value.includes('${')) continue;
    return unescape(value);
  }
  return undefined;
}

function unescape(value: string): string {
  return value.replace(/\\(.)/g, '$1');
}
