/**
 * User text in Slack mrkdwn. Slack reads `<…>` as links and mentions (`<!channel>`,
 * `<@U123>`), so &, < and > are escaped (docs.slack.dev/messaging/formatting-message-text), and a
 * link is only ever made from an http(s) URL that cannot close the link or start a mention.
 */
import { stripControls } from './controls.ts';

export function slackText(text: string): string {
  return stripControls(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A URL Slack may link to: http(s), with none of the characters that end a link (`|`, `<`, `>`) or spaces. */
export function slackLinkable(url: string): boolean {
  return /^https?:\/\/[^\s|<>]+$/i.test(url);
}

/** `<url|label>` for an http(s) URL; anything else is shown as text, never as a link or mention. */
export function slackLink(url: string, label: string): string {
  return slackLinkable(url) ? `<${url.replace(/&/g, '&amp;')}|${slackText(label)}>` : `${slackText(label)} (${slackText(url)})`;
}
