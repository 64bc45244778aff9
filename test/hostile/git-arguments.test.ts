/**
 * No value from config, tags, branch names or commit text reaches git in an option position.
 *
 * Every git call in src/ (`git(cwd, [...])`, `execa('git', [...])`, `spawn('git', [...])`, a
 * class's `#git([...])`, and any function that passes its own argument list on to one of these)
 * is read with the TypeScript parser, and each argument before the first `--` / `--end-of-options`
 * must be one that cannot be an option:
 *   - a string literal ('rev-parse', '--quiet'),
 *   - a template whose literal start is an option with its value attached (`--format=${f}`) or
 *     is not "-" (`refs/heads/${branch}`, `+${ref}:${ref}`),
 *   - a value checked by src/core/git/ref-name.ts (`gitRefName(…)`, `gitRemoteName(…)`) or a
 *     parameter typed as one (GitRefName, GitRemoteName),
 *   - a constant written in the code (TIP_REF),
 *   - the value right after an option that takes one (`-p`, `-m`, `-b`: VALUE_OPTIONS),
 *   - a spread of one of the few argument lists named in SAFE_SPREADS (fixed `-c` identities).
 * Anything else must go after `--` / `--end-of-options`, where git reads it as a name only.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const END_OF_OPTIONS = new Set(['--', '--end-of-options']);
const VALIDATORS = new Set(['gitRefName', 'gitRemoteName']);
/** Spreads of fixed argument lists: `-c user.name=… -c user.email=…` built from constants or git config. */
const SAFE_SPREADS = new Set(['identity', 'BOT_IDENTITY', 'fleet']);
/** Options that take the next argument as their value, whatever it looks like (git's parse-options). */
const VALUE_OPTIONS = new Set(['-p', '-m', '-b', '-S']);
/**
 * Functions whose argument list is built in a variable, checked by reading them: readLog's
 * revisions are SHAs and HEAD from git itself, never text from config or commits; mergeBases
 * takes release commits, SHAs git printed for the tags.
 */
const REVIEWED_BUILDERS = new Set(['readLog', 'mergeBases']);
const SAFE_TYPES = /^(GitRefName|GitRemoteName)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

const calleeName = (call: ts.CallExpression): string => {
  const callee = call.expression;
  return ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.getText() : '';
};
/** `execa('git', args)` or node's `spawn('git', args)`: a git process started with an argument list. */
const isGitProcess = (call: ts.CallExpression) =>
  ['execa', 'spawn'].includes(calleeName(call)) && !!call.arguments[0] && ts.isStringLiteral(call.arguments[0]) && call.arguments[0].text === 'git';

/**
 * Functions of this file that pass their own parameter on as a git argument list, with the
 * position of that parameter: wrappers such as `run(args)`, `#git(args)` or `runGit(cwd, args)`,
 * and wrappers of wrappers (`gitOutput` → `runGit` → `spawn`). Calls to them are checked like
 * calls to git.
 */
function gitWrappers(file: ts.SourceFile, imported: ReadonlyMap<string, number> = new Map()): Map<string, number> {
  const wrappers = new Map<string, number>([['git', 1], ...imported]);
  const visit = (node: ts.Node): boolean => {
    let added = false;
    const position = ts.isCallExpression(node) ? (isGitProcess(node) ? 1 : wrappers.get(calleeName(node))) : undefined;
    const passed = position === undefined ? undefined : (node as ts.CallExpression).arguments[position];
    if (passed && ts.isIdentifier(passed)) {
      for (let up: ts.Node | undefined = node.parent; up; up = up.parent) {
        if (!ts.isFunctionLike(up)) continue;
        const index = up.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === passed.text);
        if (index < 0) continue;
        const named = ts.isVariableDeclaration(up.parent) ? up.parent.name : 'name' in up ? up.name : undefined;
        if (named && (ts.isIdentifier(named) || ts.isPrivateIdentifier(named)) && !wrappers.has(named.text)) {
          wrappers.set(named.text, index);
          added = true;
        }
        break;
      }
    }
    ts.forEachChild(node, (child) => {
      if (visit(child)) added = true;
    });
    return added;
  };
  // Until no new wrapper appears: a wrapper may be declared after the one it calls.
  while (visit(file));
  return wrappers;
}

/** The wrappers src/ exports (git-process.ts's runGit and gitOutput): calls to them from any file are checked. */
function exportedWrappers(paths: readonly string[]): Map<string, number> {
  const exported = new Map<string, number>();
  for (const path of paths) {
    const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    for (const [name, position] of gitWrappers(file)) {
      const declared = file.statements.some(
        (statement) =>
          ts.isFunctionDeclaration(statement) && statement.name?.text === name && statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword),
      );
      if (declared) exported.set(name, position);
    }
  }
  return exported;
}

/** Whether `node` is inside a git wrapper that passes its own `args` parameter through (from an enclosing function too: a promise executor's closure). */
function passesOwnParameter(call: ts.CallExpression, args: ts.Expression): boolean {
  if (!ts.isIdentifier(args)) return false;
  for (let up: ts.Node | undefined = call.parent; up; up = up.parent) {
    if (ts.isFunctionLike(up) && up.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === args.text)) return true;
  }
  return false;
}

/** The git arguments a call passes, when the call runs git: an array, or the call's own string arguments (`repo.git('init', '-q')`). */
function gitArgs(call: ts.CallExpression, wrappers: Map<string, number>): readonly ts.Expression[] | ts.Expression | undefined {
  const position = isGitProcess(call) ? 1 : wrappers.get(calleeName(call));
  if (position === undefined) return undefined;
  for (let up: ts.Node | undefined = call.parent; up; up = up.parent) {
    if (ts.isFunctionDeclaration(up) && up.name && REVIEWED_BUILDERS.has(up.name.text)) return undefined;
  }
  if (isGitProcess(call)) return call.arguments[1];
  const first = call.arguments[0];
  if (first && (ts.isStringLiteral(first) || ts.isSpreadElement(first))) return call.arguments;
  return call.arguments[position] ?? first;
}

/** Parameters typed as a checked name, per function: `remote: GitRemoteName`. */
function typedSafeNames(file: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node) => {
    if ((ts.isParameter(node) || ts.isVariableDeclaration(node)) && node.type && SAFE_TYPES.test(node.type.getText(file)) && ts.isIdentifier(node.name)) names.add(node.name.text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return names;
}

function safeArgument(node: ts.Expression, file: ts.SourceFile, typed: Set<string>): boolean {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return true;
  if (ts.isTemplateExpression(node)) {
    const head = node.head.text;
    return /^--[\w-]+=/.test(head) || (head !== '' && !head.startsWith('-'));
  }
  if (ts.isParenthesizedExpression(node)) return safeArgument(node.expression, file, typed);
  if (ts.isConditionalExpression(node)) return safeArgument(node.whenTrue, file, typed) && safeArgument(node.whenFalse, file, typed);
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && VALIDATORS.has(node.expression.text)) return true;
  if (ts.isIdentifier(node) && typed.has(node.text)) return true;
  // Constants written in the code (TIP_REF, IDENTITY.name).
  if (ts.isIdentifier(node) && /^[A-Z][A-Z0-9_]*$/.test(node.text)) return true;
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && /^[A-Z][A-Z0-9_]*$/.test(node.expression.text)) return true;
  if (ts.isArrayLiteralExpression(node)) {
    const end = node.elements.findIndex((e) => ts.isStringLiteral(e) && END_OF_OPTIONS.has(e.text));
    return node.elements.every((e, i) => {
      const before = node.elements[i - 1];
      return (end >= 0 && i > end) || (before && ts.isStringLiteral(before) && VALUE_OPTIONS.has(before.text)) || safeArgument(e, file, typed);
    });
  }
  if (ts.isSpreadElement(node)) {
    const inner = ts.isParenthesizedExpression(node.expression) ? node.expression.expression : node.expression;
    if (ts.isAwaitExpression(inner) && ts.isCallExpression(inner.expression) && ts.isIdentifier(inner.expression.expression) && SAFE_SPREADS.has(inner.expression.expression.text.replace(/Args$/, ''))) return true;
    if (ts.isIdentifier(inner) && SAFE_SPREADS.has(inner.text)) return true;
    return safeArgument(inner, file, typed);
  }
  return false;
}

/** Arguments of git calls that could be read as options: `file:line: text`. */
function unsafeGitArguments(path: string, imported: ReadonlyMap<string, number> = new Map()): string[] {
  const text = readFileSync(path, 'utf8');
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const typed = typedSafeNames(file);
  const wrappers = gitWrappers(file, imported);
  const found: string[] = [];
  const where = (node: ts.Node) => `${relative(ROOT, path)}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const args = gitArgs(node, wrappers);
      const lists = args !== undefined && !Array.isArray(args) && ts.isConditionalExpression(args as ts.Expression) ? [(args as ts.ConditionalExpression).whenTrue, (args as ts.ConditionalExpression).whenFalse] : [args];
      for (const args of lists) {
        const elements = args === undefined ? undefined : Array.isArray(args) ? (args as readonly ts.Expression[]) : ts.isArrayLiteralExpression(args as ts.Expression) ? (args as ts.ArrayLiteralExpression).elements : undefined;
        if (elements) {
          let valueNext = false;
          for (const element of elements) {
            const literal = ts.isStringLiteral(element) || ts.isNoSubstitutionTemplateLiteral(element) ? element.text : undefined;
            if (literal !== undefined && END_OF_OPTIONS.has(literal)) break;
            if (!valueNext && !safeArgument(element, file, typed)) found.push(`${where(element)}: ${element.getText(file)}`);
            valueNext = literal !== undefined && VALUE_OPTIONS.has(literal);
          }
        } else if (args && !passesOwnParameter(node, args as ts.Expression)) {
          // An argument list built elsewhere cannot be checked here.
          found.push(`${where(args as ts.Expression)}: arguments built elsewhere (${(args as ts.Expression).getText(file).slice(0, 40)})`);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('git arguments', () => {
  it('no git call in src/ passes an unchecked value where git reads options', () => {
    const files = sourceFiles(join(ROOT, 'src'));
    const imported = exportedWrappers(files);
    expect([...imported.keys()]).toEqual(expect.arrayContaining(['runGit', 'gitOutput']));
    const found = files.flatMap((path) => unsafeGitArguments(path, imported));
    expect(found).toEqual([]);
  });

  it('the check itself catches a value in an option position and accepts one after --', () => {
    const dir = join(ROOT, 'test', 'hostile', 'fixtures');
    expect(unsafeGitArguments(join(dir, 'git-calls.ts.txt'))).toEqual([
      'test/hostile/fixtures/git-calls.ts.txt:8: remote',
      'test/hostile/fixtures/git-calls.ts.txt:9: `${ref}^{commit}`',
      'test/hostile/fixtures/git-calls.ts.txt:10: ...paths',
      'test/hostile/fixtures/git-calls.ts.txt:11: ref',
      'test/hostile/fixtures/git-calls.ts.txt:12: ref',
      'test/hostile/fixtures/git-calls.ts.txt:13: ref',
    ]);
  });
});
