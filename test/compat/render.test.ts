/**
 * The words people read: the job summary, the terminal report and the HTML page, with names
 * that try to break out of a table, a code fence or the page.
 */
import { describe, expect, it } from 'vitest';
import { renderCompatHtml } from '../../src/core/compat/render-html.ts';
import { renderCompatSummary, renderCompatText } from '../../src/core/compat/render-summary.ts';
import { attempt, chain, compatRun, result } from './builders.ts';

const hostile = '@evil/<img src=x onerror=alert(1)>|x';
const [week1, week2] = chain(
  compatRun('r1', 3, [
    result('@demo/plugin-slack', 'fail', 'fail', { baseline: 'pass' }),
    { plugin: hostile, version: '1.0.0', attempts: [attempt('fail', { failingTests: ['a | b', '<script>'] }), attempt('fail', { logTail: 'boom ``` fence\n' })], baseline: attempt('pass') },
    result('@demo/plugin-queue', 'timeout'),
    result('@demo/plugin-http', 'pass'),
  ]),
  compatRun('r2', 10, [result('@demo/plugin-slack', 'pass'), result('@demo/plugin-http', 'pass')]),
);

describe('the job summary', () => {
  const summary = renderCompatSummary(week1!);

  it('counts every class and has one table per class that has plugins', () => {
    expect(summary).toContain('**2** regressed · **0** still broken · **0** fixed · **0** flaky · **1** infra · **1** passed');
    expect(summary.match(/^### /gm)).toHaveLength(3);
    expect(summary).toContain('| @demo/plugin-queue | 1.0.0 | timed out after 1 s |');
  });

  it('keeps hostile names and test names inside their cells and logs inside their fence', () => {
    expect(summary).toContain('| @evil/&lt;img src=x onerror=alert(1)&gt;\\|x | 1.0.0 | passes | a \\| b<br>&lt;script&gt; |');
    expect(summary).toContain('````text\nboom ``` fence\n````');
    expect(summary).not.toContain('<img');
  });
});

describe('the terminal report', () => {
  it('lists what is not a plain pass, then the counts', () => {
    const text = renderCompatText(week2!);
    expect(text).toBe(
      ['compat r2 against core 2.0.0-dev (develop @ aaaaaaa)', '  fixed         @demo/plugin-slack', '  passed        @demo/plugin-http', '0 regressed, 0 still broken, 1 fixed, 0 flaky, 0 infra, 1 passed', ''].join('\n'),
    );
  });
});

describe('the HTML page', () => {
  it('puts the newest run first and a dash where a plugin was not in a run', () => {
    const html = renderCompatHtml([week1!, week2!]);
    expect(html.indexOf('data-run="r2"')).toBeLessThan(html.indexOf('data-run="r1"'));
    expect(html).toMatch(/<tr data-plugin="@demo\/plugin-queue"><th scope="row">@demo\/plugin-queue<\/th><td class="none" data-run="r2">–<\/td><td class="c-infra"/);
  });

  it('escapes every name, so a plugin cannot put markup on the page', () => {
    const html = renderCompatHtml([week1!]);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>');
    expect(html).toContain('@evil/&lt;img src=x onerror=alert(1)&gt;|x');
  });
});
