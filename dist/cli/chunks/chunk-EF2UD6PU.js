import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);

// src/cli/slack-token.ts
function slackTokenFromEnv(env = process.env, warn = (text) => process.stderr.write(`${text}
`)) {
  const token = env["SLACK_BOT_TOKEN"]?.trim();
  if (token) return token;
  const old = env["SLACK_TOKEN"]?.trim();
  if (old) {
    warn("slipway: SLACK_TOKEN is deprecated; set SLACK_BOT_TOKEN (the name the workflows use) instead");
    return old;
  }
  return void 0;
}

export {
  slackTokenFromEnv
};
