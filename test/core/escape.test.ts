/** User text on its way to each sink: a terminal, Slack mrkdwn, Notion rich text, a Markdown table. */
import { describe, expect, it } from 'vitest';
import { markdownItems } from '../../src/core/digest/render-notion.ts';
import { markdownToMrkdwn } from '../../src/core/digest/render-slack.ts';
import { markdownCell, markdownLiteral, markdownText } from '../../src/core/text/escape-markdown.ts';
import { slackLink, slackText } from '../../src/core/text/escape-slack.ts';
import { terminalSafe } from '../../src/core/text/terminal.ts';

describe('the terminal', () => {
  it.each([
    ['colour', 'a\x1b[31mred\x1b[0m b', 'ared b'],
    ['cursor moves and clear screen', 'x\x1b[2J\x1b[1;1Hy', 'xy'],
    ['an OSC title ended by BEL', '\x1b]0;owned\x07ok', 'ok'],
    ['an OSC 8 hyperlink ended by ST', '\x1b]8;;https://evil\x1b\\link\x1b]8;;\x1b\\', 'link'],
    ['8-bit CSI', 'a\x9b31mb', 'ab'],
    ['carriage return, backspace, bell', 'safe\rno\x08\x07', 'safeno'],
    ['newline and tab kept', 'a\n\tb', 'a\n\tb'],
  ])('%s', (_name, text, expected) => {
    expect(terminalSafe(text)).toBe(expected);
  });
});

describe('Slack mrkdwn', () => {
  it('escapes &, < and > so no mention or link comes from text', () => {
    expect(slackText('<!channel> & <@U1> <https://x|y>')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt; &lt;https://x|y&gt;');
  });

  it('links only to http(s) targets that cannot end the link early', () => {
    expect(slackLink('https://example.com/a?b=1&c=2', 'a <b>')).toBe('<https://example.com/a?b=1&amp;c=2|a &lt;b&gt;>');
    expect(slackLink('!channel', 'x')).toBe('x (!channel)');
    expect(slackLink('https://e.com|<!here>', 'x')).toBe('x (https://e.com|&lt;!here&gt;)');
    expect(slackLink('javascript:alert(1)', 'x')).toBe('x (javascript:alert(1))');
  });

  it('a changelog link to !channel is text, never <!channel|x>', () => {
    expect(markdownToMrkdwn('[x](!channel)')).toBe('x (!channel)');
    expect(markdownToMrkdwn('**bold** [docs](https://example.com)')).toBe('*bold* <https://example.com|docs>');
  });
});

describe('Notion rich text', () => {
  it('links only http(s) targets and drops control characters', () => {
    const items = markdownItems('[a](javascript:alert(1)) [b](https://example.com) \x1b[31mc');
    expect(items.filter((i) => i.text.link).map((i) => i.text.link?.url)).toEqual(['https://example.com']);
    expect(items.map((i) => i.text.content).join('')).not.toContain('\x1b');
  });
});

describe('Markdown', () => {
  it('a table cell keeps its row: pipes escaped, line breaks made spaces, tags shown as text', () => {
    expect(markdownCell('a|b\nc</details><img src=x>')).toBe('a\\|b c&lt;/details&gt;&lt;img src=x&gt;');
    expect(markdownText('<script>&')).toBe('&lt;script&gt;&amp;');
  });

  it('literal prose text: one line, syntax characters escaped, no mention, control characters gone', () => {
    expect(markdownLiteral('Alice Zhang')).toBe('Alice Zhang');
    expect(markdownLiteral('Jean-Luc O\'Neil Jr.')).toBe('Jean-Luc O\'Neil Jr.');
    expect(markdownLiteral('[x](javascript:alert(1))')).toBe(String.raw`\[x\]\(javascript\:alert\(1\)\)`);
    expect(markdownLiteral('a\n\r\n  b\x1b[31m')).toBe(String.raw`a b\[31m`);
    expect(markdownLiteral('@org/team')).toBe('@\u200borg/team');
  });
});
