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
  const attribute = new RegExp(String.raw`["']X-Kestra-([A-Za-z-]+)["']\s*(?::|\bto\b)\s*([^,\r\n)]+)`, 'g');
  for (const match of text.matchAll(attribute)) facts.attributes.set(match[1]!, match[2]!.trim());
  return facts;
}

/**
 * An attribute's value with `project.group`, `project.name`, `project.description` (and
 * `project.version`, never resolved: a version is the release's) substituted; undefined when
 * the expression holds anything else.
 */
export function attributeValue(expression: string, project: { group?: string | undefined; name: string; description?: string | undefined }): string | undefined {
  const parts = expression.split(/\s*\+\s*/);
  let out = '';
  for (const part of parts) {
    const literal = new RegExp(`^${LITERAL}$`).exec(part);
    if (literal) out += unescape(literal[1] ?? literal[2] ?? '');
    else if (/^(?:project\.)?group$/.test(part) && project.group !== undefined) out += project.group;
    else if (/^(?:project\.)?name$/.test(part)) out += project.name;
    else if (/^(?:project\.)?description$/.test(part) && project.description !== undefined) out += project.description;
    else return undefined;
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
