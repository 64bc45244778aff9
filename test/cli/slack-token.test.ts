import { describe, expect, it } from 'vitest';
import { slackTokenFromEnv } from '../../src/cli/slack-token.ts';

describe('the Slack token', () => {
  it('is SLACK_BOT_TOKEN, as in the workflows; SLACK_TOKEN still works with a deprecation notice', () => {
    const notices: string[] = [];
    const warn = (text: string) => notices.push(text);
    expect(slackTokenFromEnv({ SLACK_BOT_TOKEN: 'xoxb-new', SLACK_TOKEN: 'xoxb-old' }, warn)).toBe('xoxb-new');
    expect(notices).toEqual([]);
    expect(slackTokenFromEnv({ SLACK_TOKEN: 'xoxb-old' }, warn)).toBe('xoxb-old');
    expect(notices).toEqual(['slipway: SLACK_TOKEN is deprecated; set SLACK_BOT_TOKEN (the name the workflows use) instead']);
    expect(slackTokenFromEnv({ SLACK_BOT_TOKEN: ' ' }, warn)).toBeUndefined();
  });
});
