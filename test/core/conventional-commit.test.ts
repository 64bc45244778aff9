import { describe, expect, it } from 'vitest';
import { parseConventionalCommit } from '../../src/core/versioning/conventional-commit.ts';

// The examples of https://www.conventionalcommits.org/en/v1.0.0/#examples, verbatim.
describe('Conventional Commits 1.0 examples', () => {
  it('a description and a breaking change footer', () => {
    const parsed = parseConventionalCommit(
      'feat: allow provided config object to extend other configs\n\nBREAKING CHANGE: `extends` key in config file is now used for extending other config files',
    );
    expect(parsed).toEqual({
      conventional: true,
      commit: expect.objectContaining({
        type: 'feat',
        scope: null,
        subject: 'allow provided config object to extend other configs',
        breaking: true,
        breakingNotes: ['`extends` key in config file is now used for extending other config files'],
      }),
    });
  });

  it('`!` to draw attention to a breaking change', () => {
    const parsed = parseConventionalCommit('feat!: send an email to the customer when a product is shipped');
    expect(parsed.conventional && parsed.commit).toMatchObject({ type: 'feat', breaking: true, breakingNotes: ['send an email to the customer when a product is shipped'] });
  });

  it('scope and `!`', () => {
    const parsed = parseConventionalCommit('feat(api)!: send an email to the customer when a product is shipped');
    expect(parsed.conventional && parsed.commit).toMatchObject({ type: 'feat', scope: 'api', breaking: true });
  });

  it('both `!` and a BREAKING CHANGE footer: the footer is the note', () => {
    const parsed = parseConventionalCommit('chore!: drop support for Node 6\n\nBREAKING CHANGE: use JavaScript features not available in Node 6.');
    expect(parsed.conventional && parsed.commit).toMatchObject({
      type: 'chore',
      breaking: true,
      breakingNotes: ['use JavaScript features not available in Node 6.'],
    });
  });

  it('no body', () => {
    const parsed = parseConventionalCommit('docs: correct spelling of CHANGELOG');
    expect(parsed.conventional && parsed.commit).toMatchObject({ type: 'docs', scope: null, subject: 'correct spelling of CHANGELOG', breaking: false });
  });

  it('scope', () => {
    const parsed = parseConventionalCommit('feat(lang): add Polish language');
    expect(parsed.conventional && parsed.commit).toMatchObject({ type: 'feat', scope: 'lang', subject: 'add Polish language' });
  });

  it('multi-paragraph body and multiple footers', () => {
    const parsed = parseConventionalCommit(
      'fix: prevent racing of requests\n\nIntroduce a request id and a reference to latest request. Dismiss\nincoming responses other than from latest request.\n\nRemove timeouts which were used to mitigate the racing issue but are\nobsolete now.\n\nReviewed-by: Z\nRefs: #123',
    );
    expect(parsed.conventional && parsed.commit).toMatchObject({ type: 'fix', subject: 'prevent racing of requests', breaking: false });
    expect(parsed.conventional && parsed.commit.body).toContain('Remove timeouts');
  });

  it('BREAKING-CHANGE is a synonym of BREAKING CHANGE in a footer', () => {
    const parsed = parseConventionalCommit('fix: x\n\nBREAKING-CHANGE: the old flag is gone');
    expect(parsed.conventional && parsed.commit).toMatchObject({ breaking: true, breakingNotes: ['the old flag is gone'] });
  });

  it('a lowercase "breaking change:" footer is not a breaking change (it must be uppercase)', () => {
    const parsed = parseConventionalCommit('fix: x\n\nbreaking change: not really');
    expect(parsed.conventional && parsed.commit.breaking).toBe(false);
  });

  it('types are case-insensitive', () => {
    const parsed = parseConventionalCommit('FEAT: shout');
    expect(parsed.conventional && parsed.commit.type).toBe('feat');
  });
});

describe('reverts', () => {
  it('git\'s own revert message names the reverted header and commit', () => {
    const parsed = parseConventionalCommit('Revert "feat: add x"\n\nThis reverts commit 1234567890abcdef1234567890abcdef12345678.');
    expect(parsed.conventional && parsed.commit).toMatchObject({
      type: 'revert',
      reverts: { header: 'feat: add x', sha: '1234567890abcdef1234567890abcdef12345678' },
    });
  });

  it('a `revert:` type commit is a revert', () => {
    const parsed = parseConventionalCommit('revert: let us never again speak of the noodle incident\n\nRefs: 676104e, a215868');
    expect(parsed.conventional && parsed.commit).toMatchObject({ type: 'revert', subject: 'let us never again speak of the noodle incident' });
  });
});

describe('messages that are not Conventional Commits', () => {
  it.each(['update stuff', 'Merge pull request #1 from a/b', 'feat add thing', 'feat:missing space', ': no type'])('"%s" is reported with its header', (message) => {
    expect(parseConventionalCommit(message)).toEqual({ conventional: false, header: message });
  });
});
