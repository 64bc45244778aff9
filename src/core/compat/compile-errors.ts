/**
 * The first compile error in a JVM build's output: an API the core removed shows up as
 * "cannot find symbol" before any test runs, so there is no JUnit report to name a failing
 * test — this line is what makes such a regression triageable from the report.
 */
const JAVAC_MAVEN = /^\[ERROR\] (?:[^\n]*[/\\])?([^/\\\n]+\.java):\[(\d+),\d+\] ([^\n]+)$/m;
const JAVAC_GRADLE = /^(?:[^\n]*[/\\])?([^/\\\n]+\.java):(\d+): error: ([^\n]+)$/m;
const KOTLINC = /^e: (?:file:\/\/)?(?:[^\n]*[/\\])?([^/\\\n]+\.kt):(\d+):\d+:? ([^\n]+)$/m;
const SYMBOL = /^(?:\[ERROR\])?\s+symbol:\s+([^\n]+)$/m;

/** `PluginTest.java:4: cannot find symbol (method run(java.lang.String))`, or undefined. */
export function firstCompileError(output: string): string | undefined {
  for (const pattern of [JAVAC_MAVEN, JAVAC_GRADLE, KOTLINC]) {
    const match = pattern.exec(output);
    if (!match) continue;
    const [, file, line, message = ''] = match;
    const symbol = message.trim() === 'cannot find symbol' ? SYMBOL.exec(output.slice(match.index))?.[1]?.trim() : undefined;
    return `does not compile: ${file}:${line}: ${message.trim()}${symbol ? ` (${symbol})` : ''}`.slice(0, 300);
  }
  return undefined;
}
