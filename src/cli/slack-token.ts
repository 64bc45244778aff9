/**
 * The Slack bot token from the environment. One name everywhere: SLACK_BOT_TOKEN, the secret the
 * starter workflows pass. SLACK_TOKEN (what the CLI read before) still works, with a notice.
 */
export function slackTokenFromEnv(env: NodeJS.ProcessEnv = process.env, warn: (text: string) => void = (text) => process.stderr.write(`${text}\n`)): string | undefined {
  const token = env['SLACK_BOT_TOKEN']?.trim();
  if (token) return token;
  const old = env['SLACK_TOKEN']?.trim();
  if (old) {
    warn('slipway: SLACK_TOKEN is deprecated; set SLACK_BOT_TOKEN (the name the workflows use) instead');
    return old;
  }
  return undefined;
}
