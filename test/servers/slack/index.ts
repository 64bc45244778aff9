export { startSlackServer, DEFAULT_SLACK_TOKEN, type SlackServer, type SlackServerOptions, type RateLimitOptions } from './server.ts';
export { blockTextLength, validateBlocks } from './block-kit.ts';
export type { SlackChannel, SlackMessage, SlackMetadata, ScheduledMessage } from './workspace.ts';
export { BOT_ID, BOT_USER_ID, TEAM_ID } from './workspace.ts';
