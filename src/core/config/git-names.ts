/** Config keys that reach git as ref or remote names: refused at parse time, so no git process ever sees a bad one. */
import * as z from 'zod';
import { refNameProblem, remoteNameProblem } from '../git/ref-name.ts';

const checked = (problemOf: (value: string) => string | undefined, what: string) =>
  z.string().superRefine((value, ctx) => {
    const problem = problemOf(value);
    if (problem) ctx.addIssue({ code: 'custom', message: `not a valid ${what}: ${problem}` });
  });

/** A branch name (`main`, `release/1.x`). */
export const branchName = () => checked(refNameProblem, 'git branch name');
/** A remote name (`origin`). */
export const remoteName = () => checked(remoteNameProblem, 'git remote name');
/** A remote name, or '' for "none". */
export const optionalRemoteName = () => checked((value) => (value === '' ? undefined : remoteNameProblem(value)), 'git remote name');
