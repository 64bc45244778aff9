/**
 * Git ref and remote names from config, tags and branch names, checked before any git process
 * sees them. The rules are `git check-ref-format`'s (https://git-scm.com/docs/git-check-ref-format),
 * plus one of ours: no name starts with "-", so a value can never be read as an option
 * (`release.remote: "--upload-pack=…"` would otherwise run a command).
 */
import { SlipwayError } from '../errors.ts';

declare const refBrand: unique symbol;
declare const remoteBrand: unique symbol;
/** A branch or tag name (without refs/heads/ or refs/tags/) that git accepts and no option parser mistakes for an option. */
export type GitRefName = string & { readonly [refBrand]: true };
/** A configured remote's name (`origin`): a single ref component, never an option or a URL. */
export type GitRemoteName = string & { readonly [remoteBrand]: true };

/** Why `name` is not a valid ref name, or undefined when it is. */
export function refNameProblem(name: string): string | undefined {
  if (name === '') return 'it is empty';
  if (name.startsWith('-')) return 'it starts with "-" (git would read it as an option)';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\x00-\x20\x7f~^:?*[\\]/.test(name)) return 'it contains a space, a control character or one of ~ ^ : ? * [ \\';
  if (name.includes('..')) return 'it contains ".."';
  if (name.includes('@{')) return 'it contains "@{"';
  if (name === '@') return 'it is "@"';
  if (name.startsWith('/') || name.endsWith('/') || name.includes('//')) return 'it starts or ends with "/" or contains "//"';
  if (name.endsWith('.')) return 'it ends with "."';
  for (const part of name.split('/')) {
    if (part.startsWith('.')) return `its part "${part}" starts with "."`;
    if (part.endsWith('.lock')) return `its part "${part}" ends with ".lock"`;
  }
  return undefined;
}

/** Why `name` is not a remote name, or undefined. */
export function remoteNameProblem(name: string): string | undefined {
  if (!/^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(name)) {
    return name.startsWith('-')
      ? 'it starts with "-" (git would read it as an option)'
      : 'a remote name has only letters, digits, ".", "_" and "-" (a URL or path is not a remote name: add it with git remote add)';
  }
  return refNameProblem(name);
}

/** `name` as a ref name, or a SlipwayError naming `subject` (the key, tag or input it came from). */
export function gitRefName(name: string, subject: string): GitRefName {
  const problem = refNameProblem(name);
  if (problem) throw new SlipwayError('INPUT_INVALID', `"${printable(name)}" is not a valid git ref name: ${problem}`, { subject, hint: 'use a name `git check-ref-format --branch` accepts' });
  return name as GitRefName;
}

export function gitRemoteName(name: string, subject: string): GitRemoteName {
  const problem = remoteNameProblem(name);
  if (problem) throw new SlipwayError('INPUT_INVALID', `"${printable(name)}" is not a git remote name: ${problem}`, { subject, hint: 'name a remote of the repository, e.g. origin' });
  return name as GitRemoteName;
}

/** A short, control-free rendering of a hostile value for an error message. */
function printable(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are replaced for display
  const clean = value.replace(/[\x00-\x1f\x7f-\x9f]/g, '?');
  return clean.length > 80 ? `${clean.slice(0, 77)}...` : clean;
}
