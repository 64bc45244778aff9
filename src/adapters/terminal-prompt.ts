/** A yes/no question at the terminal (node:readline), for approvals made by a person at a keyboard. */
import { createInterface } from 'node:readline/promises';
import { terminalSafe } from '../core/text/terminal.ts';

export interface PromptStreams {
  input?: NodeJS.ReadableStream & { isTTY?: boolean };
  output?: NodeJS.WritableStream;
}

/** Whether a person can answer: both ends of the conversation are a terminal. */
export function canPrompt(streams: PromptStreams = {}): boolean {
  const input = streams.input ?? process.stdin;
  const output = (streams.output ?? process.stderr) as NodeJS.WritableStream & { isTTY?: boolean };
  return input.isTTY === true && output.isTTY === true;
}

/** Asks `question [y/N]`; only y or yes (any case) is yes, anything else — Enter included — is no. */
export async function confirm(question: string, streams: PromptStreams = {}): Promise<boolean> {
  const rl = createInterface({ input: streams.input ?? process.stdin, output: streams.output ?? process.stderr });
  try {
    const answer = await rl.question(`${terminalSafe(question)} [y/N] `);
    return /^y(?:es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}
