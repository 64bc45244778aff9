/**
 * Complete REST objects built from the server's records, one function per GitHub schema
 * (named after components/schemas in GitHub's OpenAPI description). Every field the schema
 * requires is here: responses are validated against it, so a missing field fails tests.
 */
import type { AppRecord, AccountRecord, EnvironmentRecord, IssueRecord, LabelRecord, ReleaseRecord, RepoRecord, RunRecord, TeamRecord, CommentRecord, BranchPolicyRecord, GitHubState } from './state.ts';

export interface Urls {
  /** The server's own root: API links point back at it so following them works. */
  api: string;
  html: string;
}

const nodeId = (prefix: string, id: number) => `${prefix}_${Buffer.from(`0:${id}`).toString('base64url')}`;
const hexOf = (seed: string) => {
  let h = 0x811c9dc5;
  let out = '';
  for (let round = 0; out.length < 40; round++) {
    for (const ch of `${seed}:${round}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 40);
};

export class Factories {
  private readonly state: GitHubState;
  private readonly urls: Urls;

  constructor(state: GitHubState, urls: Urls) {
    this.state = state;
    this.urls = urls;
  }

  /** The account for a login, created on first sight (authors of seeded data). */
  account(login: string): AccountRecord {
    return this.state.account(login) ?? this.state.addUser(login);
  }

  simpleUser(account: AccountRecord) {
    // A bot's login has brackets (name[bot]); GitHub percent-encodes them in its URLs.
    const path = encodeURIComponent(account.login);
    const api = `${this.urls.api}/users/${path}`;
    return {
      login: account.login,
      id: account.id,
      node_id: nodeId(account.type === 'Organization' ? 'O' : 'U', account.id),
      avatar_url: `https://avatars.githubusercontent.com/u/${account.id}?v=4`,
      gravatar_id: '',
      url: api,
      html_url: `${this.urls.html}/${path}`,
      followers_url: `${api}/followers`,
      following_url: `${api}/following{/other_user}`,
      gists_url: `${api}/gists{/gist_id}`,
      starred_url: `${api}/starred{/owner}{/repo}`,
      subscriptions_url: `${api}/subscriptions`,
      organizations_url: `${api}/orgs`,
      repos_url: `${api}/repos`,
      events_url: `${api}/events{/privacy}`,
      received_events_url: `${api}/received_events`,
      type: account.type,
      site_admin: false,
      user_view_type: 'public',
    };
  }

  publicUser(account: AccountRecord) {
    return {
      ...this.simpleUser(account),
      name: account.name,
      company: null,
      blog: '',
      location: null,
      email: null,
      hireable: null,
      bio: null,
      twitter_username: null,
      public_repos: this.state.reposOf(account.login).filter((r) => r.visibility === 'public').length,
      public_gists: 0,
      followers: 0,
      following: 0,
      created_at: account.createdAt,
      updated_at: account.createdAt,
    };
  }

  teamFull(team: TeamRecord) {
    const org = this.account(team.org);
    const orgApi = `${this.urls.api}/orgs/${org.login}`;
    const api = `${this.urls.api}/organizations/${org.id}/team/${team.id}`;
    return {
      id: team.id,
      node_id: nodeId('T', team.id),
      url: api,
      html_url: `${this.urls.html}/orgs/${org.login}/teams/${team.slug}`,
      name: team.name,
      slug: team.slug,
      description: team.description,
      privacy: 'closed',
      notification_setting: 'notifications_enabled',
      permission: 'pull',
      members_url: `${api}/members{/member}`,
      repositories_url: `${api}/repos`,
      parent: null,
      members_count: 0,
      repos_count: 0,
      created_at: team.createdAt,
      updated_at: team.createdAt,
      type: 'organization',
      organization_id: org.id,
      organization: {
        login: org.login,
        id: org.id,
        node_id: nodeId('O', org.id),
        url: orgApi,
        repos_url: `${orgApi}/repos`,
        events_url: `${orgApi}/events`,
        hooks_url: `${orgApi}/hooks`,
        issues_url: `${orgApi}/issues`,
        members_url: `${orgApi}/members{/member}`,
        public_members_url: `${orgApi}/public_members{/member}`,
        avatar_url: `https://avatars.githubusercontent.com/u/${org.id}?v=4`,
        description: null,
        html_url: `${this.urls.html}/${org.login}`,
        has_organization_projects: true,
        has_repository_projects: true,
        public_repos: this.state.reposOf(org.login).filter((r) => r.visibility === 'public').length,
        public_gists: 0,
        followers: 0,
        following: 0,
        type: 'Organization',
        created_at: org.createdAt,
        updated_at: org.createdAt,
        archived_at: null,
      },
    };
  }

  /** The simple team object that environments embed for a team reviewer. */
  team(team: TeamRecord) {
    const full = this.teamFull(team);
    return {
      id: full.id,
      node_id: full.node_id,
      url: full.url,
      html_url: full.html_url,
      name: full.name,
      slug: full.slug,
      description: full.description,
      privacy: full.privacy,
      notification_setting: full.notification_setting,
      permission: full.permission,
      members_url: full.members_url,
      repositories_url: full.repositories_url,
      parent: null,
      type: full.type,
      organization_id: full.organization_id,
    };
  }

  /** Fields shared by minimal-repository and full-repository. */
  private repoBase(repo: RepoRecord) {
    const fullName = `${repo.owner}/${repo.name}`;
    const api = `${this.urls.api}/repos/${fullName}`;
    const html = `${this.urls.html}/${fullName}`;
    return {
      id: repo.id,
      node_id: nodeId('R', repo.id),
      name: repo.name,
      full_name: fullName,
      owner: this.simpleUser(this.account(repo.owner)),
      private: repo.visibility !== 'public',
      html_url: html,
      description: repo.description,
      fork: false,
      url: api,
      archive_url: `${api}/{archive_format}{/ref}`,
      assignees_url: `${api}/assignees{/user}`,
      blobs_url: `${api}/git/blobs{/sha}`,
      branches_url: `${api}/branches{/branch}`,
      collaborators_url: `${api}/collaborators{/collaborator}`,
      comments_url: `${api}/comments{/number}`,
      commits_url: `${api}/commits{/sha}`,
      compare_url: `${api}/compare/{base}...{head}`,
      contents_url: `${api}/contents/{+path}`,
      contributors_url: `${api}/contributors`,
      deployments_url: `${api}/deployments`,
      downloads_url: `${api}/downloads`,
      events_url: `${api}/events`,
      forks_url: `${api}/forks`,
      git_commits_url: `${api}/git/commits{/sha}`,
      git_refs_url: `${api}/git/refs{/sha}`,
      git_tags_url: `${api}/git/tags{/sha}`,
      git_url: `git:${html.replace(/^https?:/, '')}.git`,
      issue_comment_url: `${api}/issues/comments{/number}`,
      issue_events_url: `${api}/issues/events{/number}`,
      issues_url: `${api}/issues{/number}`,
      keys_url: `${api}/keys{/key_id}`,
      labels_url: `${api}/labels{/name}`,
      languages_url: `${api}/languages`,
      merges_url: `${api}/merges`,
      milestones_url: `${api}/milestones{/number}`,
      notifications_url: `${api}/notifications{?since,all,participating}`,
      pulls_url: `${api}/pulls{/number}`,
      releases_url: `${api}/releases{/id}`,
      ssh_url: `git@github.com:${fullName}.git`,
      stargazers_url: `${api}/stargazers`,
      statuses_url: `${api}/statuses/{sha}`,
      subscribers_url: `${api}/subscribers`,
      subscription_url: `${api}/subscription`,
      tags_url: `${api}/tags`,
      teams_url: `${api}/teams`,
      trees_url: `${api}/git/trees{/sha}`,
      clone_url: `${html}.git`,
      mirror_url: null,
      hooks_url: `${api}/hooks`,
      svn_url: html,
      homepage: null,
      language: null,
      forks_count: 0,
      stargazers_count: 0,
      watchers_count: 0,
      size: 0,
      default_branch: repo.defaultBranch,
      open_issues_count: repo.issues.filter((i) => i.state === 'open').length,
      is_template: false,
      topics: repo.topics,
      has_issues: true,
      has_projects: true,
      has_wiki: true,
      has_pages: false,
      has_downloads: true,
      has_discussions: false,
      archived: repo.archived,
      disabled: false,
      visibility: repo.visibility,
      pushed_at: repo.pushedAt,
      created_at: repo.createdAt,
      updated_at: repo.pushedAt,
      permissions: { admin: true, maintain: true, push: true, triage: true, pull: true },
      allow_forking: true,
      web_commit_signoff_required: false,
      forks: 0,
      open_issues: repo.issues.filter((i) => i.state === 'open').length,
      watchers: 0,
    };
  }

  installation(app: AppRecord, id: number, org: string) {
    const account = this.account(org);
    return {
      id,
      account: this.simpleUser(account),
      repository_selection: 'all',
      access_tokens_url: `${this.urls.api}/app/installations/${id}/access_tokens`,
      repositories_url: `${this.urls.api}/installation/repositories`,
      html_url: `${this.urls.html}/organizations/${account.login}/settings/installations/${id}`,
      app_id: app.id,
      client_id: `Iv1.${app.id}`,
      target_id: account.id,
      target_type: 'Organization',
      permissions: { contents: 'write', metadata: 'read' },
      events: [],
      created_at: app.createdAt,
      updated_at: app.createdAt,
      single_file_name: null,
      app_slug: app.slug,
      suspended_by: null,
      suspended_at: null,
    };
  }

  minimalRepository(repo: RepoRecord) {
    return { ...this.repoBase(repo), license: null };
  }

  fullRepository(repo: RepoRecord) {
    const owner = this.account(repo.owner);
    return {
      ...this.repoBase(repo),
      license: null,
      organization: owner.type === 'Organization' ? this.simpleUser(owner) : null,
      network_count: 0,
      subscribers_count: 0,
      allow_rebase_merge: true,
      allow_squash_merge: true,
      allow_merge_commit: true,
      allow_auto_merge: false,
      delete_branch_on_merge: false,
      allow_update_branch: false,
      use_squash_pr_title_as_default: false,
      squash_merge_commit_title: 'COMMIT_OR_PR_TITLE',
      squash_merge_commit_message: 'COMMIT_MESSAGES',
      merge_commit_title: 'MERGE_MESSAGE',
      merge_commit_message: 'PR_TITLE',
    };
  }

  release(repo: RepoRecord, release: ReleaseRecord) {
    const fullName = `${repo.owner}/${repo.name}`;
    const api = `${this.urls.api}/repos/${fullName}/releases/${release.id}`;
    const tag = encodeURIComponent(release.tagName);
    return {
      url: api,
      html_url: `${this.urls.html}/${fullName}/releases/tag/${tag}`,
      assets_url: `${api}/assets`,
      upload_url: `${this.urls.api}/repos/${fullName}/releases/${release.id}/assets{?name,label}`,
      tarball_url: release.draft ? null : `${this.urls.api}/repos/${fullName}/tarball/${tag}`,
      zipball_url: release.draft ? null : `${this.urls.api}/repos/${fullName}/zipball/${tag}`,
      id: release.id,
      node_id: nodeId('RE', release.id),
      tag_name: release.tagName,
      target_commitish: release.targetCommitish,
      name: release.name,
      body: release.body,
      draft: release.draft,
      prerelease: release.prerelease,
      immutable: false,
      created_at: release.createdAt,
      published_at: release.publishedAt,
      updated_at: release.updatedAt,
      author: this.simpleUser(this.account(release.authorLogin)),
      assets: [],
    };
  }

  environment(repo: RepoRecord, env: EnvironmentRecord) {
    const fullName = `${repo.owner}/${repo.name}`;
    const rules: object[] = [];
    if (env.waitTimer > 0) {
      rules.push({ id: env.ruleIds.waitTimer, node_id: nodeId('GA', env.ruleIds.waitTimer), type: 'wait_timer', wait_timer: env.waitTimer });
    }
    if (env.reviewers.length > 0) {
      rules.push({
        id: env.ruleIds.reviewers,
        node_id: nodeId('GA', env.ruleIds.reviewers),
        type: 'required_reviewers',
        prevent_self_review: env.preventSelfReview,
        reviewers: env.reviewers.map((r) => ({ type: r.type, reviewer: this.reviewer(r) })),
      });
    }
    if (env.branchPolicy) {
      rules.push({ id: env.ruleIds.branchPolicy, node_id: nodeId('GA', env.ruleIds.branchPolicy), type: 'branch_policy' });
    }
    return {
      id: env.id,
      node_id: nodeId('EN', env.id),
      name: env.name,
      url: `${this.urls.api}/repos/${fullName}/environments/${encodeURIComponent(env.name)}`,
      html_url: `${this.urls.html}/${fullName}/deployments/activity_log?environments_filter=${encodeURIComponent(env.name)}`,
      created_at: env.createdAt,
      updated_at: env.updatedAt,
      protection_rules: rules,
      deployment_branch_policy: env.branchPolicy,
    };
  }

  private reviewer(r: { type: 'User' | 'Team'; id: number }) {
    if (r.type === 'Team') {
      const team = this.state.teamById(r.id);
      return team ? this.team(team) : undefined;
    }
    const account = this.state.accountById(r.id);
    return account ? this.simpleUser(account) : undefined;
  }

  branchPolicy(policy: BranchPolicyRecord) {
    return { id: policy.id, node_id: nodeId('DBP', policy.id), name: policy.name, type: policy.type };
  }

  label(repo: RepoRecord, label: LabelRecord) {
    return {
      id: label.id,
      node_id: nodeId('LA', label.id),
      url: `${this.urls.api}/repos/${repo.owner}/${repo.name}/labels/${encodeURIComponent(label.name)}`,
      name: label.name,
      description: label.description,
      color: label.color,
      default: false,
    };
  }

  issue(repo: RepoRecord, issue: IssueRecord) {
    const repoApi = `${this.urls.api}/repos/${repo.owner}/${repo.name}`;
    const api = `${repoApi}/issues/${issue.number}`;
    return {
      id: issue.id,
      node_id: nodeId('I', issue.id),
      url: api,
      repository_url: repoApi,
      labels_url: `${api}/labels{/name}`,
      comments_url: `${api}/comments`,
      events_url: `${api}/events`,
      html_url: `${this.urls.html}/${repo.owner}/${repo.name}/issues/${issue.number}`,
      number: issue.number,
      state: issue.state,
      state_reason: issue.stateReason,
      title: issue.title,
      body: issue.body,
      user: this.simpleUser(this.account(issue.authorLogin)),
      labels: issue.labels.map((name) => {
        const label = repo.labels.get(name.toLowerCase());
        return label ? this.label(repo, label) : name;
      }),
      assignee: null,
      assignees: [],
      milestone: null,
      locked: false,
      active_lock_reason: null,
      comments: issue.comments.length,
      closed_at: issue.closedAt,
      created_at: issue.createdAt,
      updated_at: issue.updatedAt,
      closed_by: null,
      author_association: 'MEMBER',
      timeline_url: `${api}/timeline`,
    };
  }

  issueComment(repo: RepoRecord, issue: IssueRecord, comment: CommentRecord) {
    const repoApi = `${this.urls.api}/repos/${repo.owner}/${repo.name}`;
    return {
      id: comment.id,
      node_id: nodeId('IC', comment.id),
      url: `${repoApi}/issues/comments/${comment.id}`,
      html_url: `${this.urls.html}/${repo.owner}/${repo.name}/issues/${issue.number}#issuecomment-${comment.id}`,
      body: comment.body,
      user: this.simpleUser(this.account(comment.authorLogin)),
      created_at: comment.createdAt,
      updated_at: comment.createdAt,
      issue_url: `${repoApi}/issues/${issue.number}`,
      author_association: 'MEMBER',
    };
  }

  workflowRun(repo: RepoRecord, run: RunRecord, workflowNumericId: number) {
    const repoApi = `${this.urls.api}/repos/${repo.owner}/${repo.name}`;
    const api = `${repoApi}/actions/runs/${run.id}`;
    const actor = this.simpleUser(this.account(run.actorLogin));
    const minimal = this.minimalRepository(repo);
    return {
      id: run.id,
      name: run.workflowId,
      node_id: nodeId('WFR', run.id),
      head_branch: run.ref,
      head_sha: hexOf(`${repo.id}:${run.ref}`),
      path: `.github/workflows/${run.workflowId}`,
      display_title: run.workflowId,
      run_number: [...repo.runs.keys()].indexOf(run.id) + 1,
      run_attempt: 1,
      event: run.event,
      status: run.status,
      conclusion: run.conclusion,
      workflow_id: workflowNumericId,
      url: api,
      html_url: `${this.urls.html}/${repo.owner}/${repo.name}/actions/runs/${run.id}`,
      pull_requests: [],
      created_at: run.createdAt,
      updated_at: run.updatedAt,
      actor,
      triggering_actor: actor,
      run_started_at: run.createdAt,
      jobs_url: `${api}/jobs`,
      logs_url: `${api}/logs`,
      check_suite_url: `${repoApi}/check-suites/${run.id}`,
      artifacts_url: `${api}/artifacts`,
      cancel_url: `${api}/cancel`,
      rerun_url: `${api}/rerun`,
      previous_attempt_url: null,
      workflow_url: `${repoApi}/actions/workflows/${workflowNumericId}`,
      head_commit: null,
      repository: minimal,
      head_repository: minimal,
      ...(run.referencedWorkflows ? { referenced_workflows: run.referencedWorkflows } : {}),
    };
  }

  rateLimitOverview(core: { limit: number; used: number; reset: number }, graphql: { limit: number; used: number; reset: number }) {
    const entry = (r: { limit: number; used: number; reset: number }) => ({ limit: r.limit, used: r.used, remaining: Math.max(0, r.limit - r.used), reset: r.reset });
    const search = entry({ limit: 30, used: 0, reset: core.reset });
    return { resources: { core: entry(core), graphql: entry(graphql), search }, rate: entry(core) };
  }
}
