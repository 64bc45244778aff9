/**
 * What settings.gradle / settings.gradle.kts says about the build: `rootProject.name` and the
 * included subprojects as folders (`include ':a:b'` → `a/b`). A scan of the include forms, not
 * a Groovy/Kotlin evaluator: `include 'a', 'b'`, `include('a')`, `include("a", "b")`, several per
 * line, arguments over several lines, commented-out lines ignored. Projects relocated with
 * `project(':x').projectDir = …` are not followed; list such folders in fleet.paths instead.
 */
export interface GradleSettings {
  rootProjectName: string | undefined;
  /** Included subprojects as repository-relative folders, in order of appearance. */
  projects: string[];
}

const STRING = /(["'])((?:\\.|(?!\1)[^\\\r\n])*)\1/g;

export function readSettings(text: string): GradleSettings {
  const code = withoutComments(text);
  const rootProjectName = /\brootProject\.name\s*=\s*(["'])([^"'\r\n]+)\1/.exec(code)?.[2];
  const projects: string[] = [];
  // `include` where a statement starts, so that the word inside a string (println("include x")) is not taken.
  const includeRe = /(?:^|[;{])[ \t]*include\b[ \t]*/gm;
  for (let match = includeRe.exec(code); match; match = includeRe.exec(code)) {
    const args = argumentsAt(code, includeRe.lastIndex);
    for (const literal of args.matchAll(STRING)) projects.push(projectFolder(literal[2]!));
  }
  return { rootProjectName, projects: [...new Set(projects.filter((p) => p !== ''))] };
}

/** `:a:b` → `a/b` (Gradle's project path to its default folder). */
function projectFolder(projectPath: string): string {
  return projectPath.split(':').filter(Boolean).join('/');
}

/** The argument text after `include`: a parenthesised list, or string literals joined by commas. */
function argumentsAt(code: string, at: number): string {
  if (code[at] === '(') {
    let depth = 0;
    for (let i = at; i < code.length; i++) {
      if (code[i] === '(') depth++;
      else if (code[i] === ')' && --depth === 0) return code.slice(at + 1, i);
    }
    return code.slice(at + 1);
  }
  const list = /(["'])(?:\\.|(?!\1)[^\\\r\n])*\1(?:\s*,\s*(["'])(?:\\.|(?!\2)[^\\\r\n])*\2)*/y;
  list.lastIndex = at;
  return list.exec(code)?.[0] ?? '';
}

/** The text with `//` and `/* *\/` comments blanked out (string literals respected). */
function withoutComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
