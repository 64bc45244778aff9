import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { GitRefsSource } from './git-refs.ts';

/**
 * What the local GitHub server knows: accounts, teams, repositories and what lives in them.
 * Plain records, kept small so seeding a fleet of 1,300 repositories with releases is cheap;
 * the full REST objects are built from them only when a response needs one (factories.ts).
 */

export type Visibility = 'public' | 'private' | 'internal';
/** The account's GitHub plan: required reviewers on private repositories need Enterprise. */
export type Plan = 'free' | 'pro' | 'team' | 'enterprise';

export interface AccountRecord {
  id: number;
  login: string;
  type: 'User' | 'Organization' | 'Bot';
  name: string | null;
  createdAt: string;
}

export interface TeamRecord {
  id: number;
  org: string;
  slug: string;
  name: string;
  description: string | null;
  createdAt: string;
}

export interface ReleaseRecord {
  id: number;
  tagName: string;
  targetCommitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  createdAt: string;
  publishedAt: string | null;
  updatedAt: string;
  authorLogin: string;
}

export interface ReviewerRecord {
  type: 'User' | 'Team';
  id: number;
}

export interface BranchPolicyRecord {
  id: number;
  name: string;
  type: 'branch' | 'tag';
}

export interface EnvironmentRecord {
  id: number;
  name: string;
  createdAt: string;
  updatedAt: string;
  waitTimer: number;
  preventSelfReview: boolean;
  reviewers: ReviewerRecord[];
  /** null: every branch may deploy. */
  branchPolicy: { protected_branches: boolean; custom_branch_policies: boolean } | null;
  branchPolicies: BranchPolicyRecord[];
  /** Ids of the protection rules, stable across updates like GitHub's. */
  ruleIds: { waitTimer: number; reviewers: number; branchPolicy: number };
}

export interface LabelRecord {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

export interface CommentRecord {
  id: number;
  body: string;
  authorLogin: string;
  createdAt: string;
}

export interface IssueRecord {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  stateReason: 'completed' | 'not_planned' | 'duplicate' | 'reopened' | null;
  labels: string[];
  authorLogin: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  comments: CommentRecord[];
}

export interface DispatchRecord {
  workflowId: string;
  ref: string;
  inputs: Record<string, string>;
  actorLogin: string;
  at: string;
  /** The run created for it (always; its id is only answered with return_run_details). */
  runId: number;
}

export interface RunRecord {
  id: number;
  workflowId: string;
  ref: string;
  event: 'workflow_dispatch' | 'schedule' | 'pull_request' | 'push';
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: 'success' | 'failure' | 'cancelled' | null;
  actorLogin: string;
  createdAt: string;
  updatedAt: string;
  /** The reusable workflows the run called, each with the commit its ref resolved to. */
  referencedWorkflows?: { path: string; sha: string; ref?: string }[];
}

export interface RepoRecord {
  id: number;
  owner: string;
  name: string;
  visibility: Visibility;
  plan: Plan;
  defaultBranch: string;
  topics: string[];
  description: string | null;
  archived: boolean;
  fork: boolean;
  createdAt: string;
  pushedAt: string;
  /** Branches and tags (GraphQL `defaultBranchRef`, `refs`); none: an empty repository. */
  git: GitRefsSource | undefined;
  releases: ReleaseRecord[];
  environments: Map<string, EnvironmentRecord>;
  labels: Map<string, LabelRecord>;
  issues: IssueRecord[];
  dispatches: DispatchRecord[];
  runs: Map<number, RunRecord>;
}

export interface RepoSeed {
  visibility?: Visibility;
  /** Defaults to the owner's plan (see addOrg), else 'free'. */
  plan?: Plan;
  defaultBranch?: string;
  topics?: string[];
  description?: string | null;
  archived?: boolean;
  fork?: boolean;
  createdAt?: string;
  git?: GitRefsSource;
}

export interface ReleaseSeed {
  tagName: string;
  name?: string | null;
  body?: string | null;
  draft?: boolean;
  prerelease?: boolean;
  targetCommitish?: string;
  createdAt?: string;
  /** Defaults to createdAt for published releases, null for drafts. */
  publishedAt?: string | null;
  authorLogin?: string;
}

/** A GitHub App: its key signs the JWTs the server checks; installed on organisations. */
export interface AppRecord {
  id: number;
  slug: string;
  publicKey: KeyObject;
  /** org login (lower case) → installation id. */
  installations: Map<string, number>;
  createdAt: string;
}

/** What an installation token may reach: its installation's repositories, or those it was scoped to. */
export interface TokenScope {
  appId: number;
  installationId: number;
  org: string;
  /** Repository ids; undefined: every repository of the installation. */
  repositoryIds: Set<number> | undefined;
  permissions: Record<string, string>;
}

export interface IssueSeed {
  title: string;
  body?: string | null;
  labels?: string[];
  state?: 'open' | 'closed';
  authorLogin?: string;
}

const key = (s: string) => s.toLowerCase();

export class GitHubState {
  private nextId = 1000;
  private clock = Date.now();
  readonly accounts = new Map<string, AccountRecord>();
  readonly plans = new Map<string, Plan>();
  readonly teams = new Map<string, TeamRecord>();
  readonly repos = new Map<string, RepoRecord>();
  /** token → login. */
  readonly tokens = new Map<string, string>();
  /** Installation tokens → what they may reach. */
  readonly tokenScopes = new Map<string, TokenScope>();
  readonly apps = new Map<number, AppRecord>();
  /** GitHub's hourly budgets: 5,000 REST requests and 5,000 GraphQL points for a user token. */
  readonly rateLimits = {
    core: { limit: 5000, used: 0, reset: Math.ceil(Date.now() / 1000) + 3600 },
    graphql: { limit: 5000, used: 0, reset: Math.ceil(Date.now() / 1000) + 3600 },
  };

  /** A fresh id; every record shares one sequence, like GitHub's ids are unique per type. */
  id(): number {
    return this.nextId++;
  }

  /** Now, strictly increasing, so records created in one millisecond still sort by creation. */
  now(): string {
    this.clock = Math.max(this.clock + 1, Date.now());
    return new Date(this.clock).toISOString();
  }

  addToken(token: string, login: string): void {
    if (!this.accounts.has(key(login))) this.addUser(login);
    this.tokens.set(token, login);
  }

  addUser(login: string, seed: { name?: string; type?: 'User' | 'Bot' } = {}): AccountRecord {
    return this.addAccount(login, seed.type ?? 'User', seed.name ?? null);
  }

  addOrg(login: string, seed: { name?: string; plan?: Plan } = {}): AccountRecord {
    const org = this.addAccount(login, 'Organization', seed.name ?? null);
    if (seed.plan) this.plans.set(key(login), seed.plan);
    return org;
  }

  account(login: string): AccountRecord | undefined {
    return this.accounts.get(key(login));
  }

  addTeam(org: string, slug: string, seed: { name?: string; description?: string } = {}): TeamRecord {
    if (!this.account(org)) this.addOrg(org);
    const team: TeamRecord = { id: this.id(), org, slug, name: seed.name ?? slug, description: seed.description ?? null, createdAt: this.now() };
    this.teams.set(key(`${org}/${slug}`), team);
    return team;
  }

  team(org: string, slug: string): TeamRecord | undefined {
    return this.teams.get(key(`${org}/${slug}`));
  }

  teamById(id: number): TeamRecord | undefined {
    for (const team of this.teams.values()) if (team.id === id) return team;
    return undefined;
  }

  accountById(id: number): AccountRecord | undefined {
    for (const account of this.accounts.values()) if (account.id === id) return account;
    return undefined;
  }

  /** Adds `owner/name`; the owner becomes an organization if it does not exist yet. */
  addRepo(fullName: string, seed: RepoSeed = {}): RepoRecord {
    const [owner, name] = splitFullName(fullName);
    if (!this.account(owner)) this.addOrg(owner);
    if (this.repos.has(key(fullName))) throw new Error(`repository ${fullName} already exists in the local GitHub server`);
    const createdAt = seed.createdAt ?? this.now();
    const repo: RepoRecord = {
      id: this.id(),
      owner: this.account(owner)!.login,
      name,
      visibility: seed.visibility ?? 'public',
      plan: seed.plan ?? this.plans.get(key(owner)) ?? 'free',
      defaultBranch: seed.defaultBranch ?? 'main',
      topics: seed.topics ?? [],
      description: seed.description ?? null,
      archived: seed.archived ?? false,
      fork: seed.fork ?? false,
      git: seed.git,
      createdAt,
      pushedAt: createdAt,
      releases: [],
      environments: new Map(),
      labels: new Map(),
      issues: [],
      dispatches: [],
      runs: new Map(),
    };
    this.repos.set(key(fullName), repo);
    return repo;
  }

  repo(owner: string, name?: string): RepoRecord | undefined {
    return this.repos.get(key(name === undefined ? owner : `${owner}/${name}`));
  }

  /** The repository, or an error naming it: for seeding helpers, where a typo is a test bug. */
  requireRepo(fullName: string): RepoRecord {
    const repo = this.repo(fullName);
    if (!repo) throw new Error(`repository ${fullName} is not in the local GitHub server: addRepo('${fullName}') first`);
    return repo;
  }

  reposOf(owner: string): RepoRecord[] {
    const result: RepoRecord[] = [];
    for (const repo of this.repos.values()) if (key(repo.owner) === key(owner)) result.push(repo);
    return result;
  }

  addRelease(fullName: string, seed: ReleaseSeed): ReleaseRecord {
    const repo = this.requireRepo(fullName);
    const createdAt = seed.createdAt ?? this.now();
    const draft = seed.draft ?? false;
    const release: ReleaseRecord = {
      id: this.id(),
      tagName: seed.tagName,
      targetCommitish: seed.targetCommitish ?? repo.defaultBranch,
      name: seed.name === undefined ? seed.tagName : seed.name,
      body: seed.body ?? null,
      draft,
      prerelease: seed.prerelease ?? false,
      createdAt,
      publishedAt: seed.publishedAt !== undefined ? seed.publishedAt : draft ? null : createdAt,
      updatedAt: createdAt,
      authorLogin: seed.authorLogin ?? this.defaultLogin(),
    };
    repo.releases.push(release);
    return release;
  }

  /** A run of `workflowId` (a file name), as the runner sees it while it runs. */
  addRun(fullName: string, seed: { workflowId: string; ref?: string; event?: RunRecord['event']; referencedWorkflows?: RunRecord['referencedWorkflows'] }): RunRecord {
    const repo = this.requireRepo(fullName);
    const now = this.now();
    const run: RunRecord = {
      id: this.id(),
      workflowId: seed.workflowId,
      ref: seed.ref ?? repo.defaultBranch,
      event: seed.event ?? 'schedule',
      status: 'in_progress',
      conclusion: null,
      actorLogin: this.defaultLogin(),
      createdAt: now,
      updatedAt: now,
      referencedWorkflows: seed.referencedWorkflows,
    };
    repo.runs.set(run.id, run);
    return run;
  }

  addLabel(fullName: string, seed: { name: string; color?: string; description?: string | null }): LabelRecord {
    const repo = this.requireRepo(fullName);
    const label: LabelRecord = { id: this.id(), name: seed.name, color: seed.color ?? 'ededed', description: seed.description ?? null };
    repo.labels.set(key(seed.name), label);
    return label;
  }

  addIssue(fullName: string, seed: IssueSeed): IssueRecord {
    const repo = this.requireRepo(fullName);
    const now = this.now();
    for (const name of seed.labels ?? []) if (!repo.labels.has(key(name))) this.addLabel(fullName, { name });
    const state = seed.state ?? 'open';
    const issue: IssueRecord = {
      id: this.id(),
      number: repo.issues.length + 1,
      title: seed.title,
      body: seed.body ?? null,
      state,
      stateReason: state === 'closed' ? 'completed' : null,
      labels: (seed.labels ?? []).map((name) => repo.labels.get(key(name))!.name),
      authorLogin: seed.authorLogin ?? this.defaultLogin(),
      createdAt: now,
      updatedAt: now,
      closedAt: state === 'closed' ? now : null,
      comments: [],
    };
    repo.issues.push(issue);
    return issue;
  }

  /**
   * A GitHub App installed on `org` (every repository). Returns its id and the private key
   * (PEM) a client signs JWTs with; the server keeps only the public key.
   */
  addApp(slug: string, org: string): { appId: number; privateKey: string; installationId: number } {
    if (!this.account(org)) this.addOrg(org);
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const app: AppRecord = { id: this.id(), slug, publicKey, installations: new Map(), createdAt: this.now() };
    const installationId = this.id();
    app.installations.set(key(org), installationId);
    this.apps.set(app.id, app);
    this.addUser(`${slug}[bot]`, { type: 'Bot' });
    return { appId: app.id, privateKey: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(), installationId };
  }

  /** Whoever the first token belongs to: the author of seeded releases and issues. */
  defaultLogin(): string {
    const first = this.tokens.values().next();
    return first.done ? 'octocat' : first.value;
  }

  private addAccount(login: string, type: AccountRecord['type'], name: string | null): AccountRecord {
    const existing = this.account(login);
    if (existing) return existing;
    const account: AccountRecord = { id: this.id(), login, type, name, createdAt: this.now() };
    this.accounts.set(key(login), account);
    return account;
  }
}

function splitFullName(fullName: string): [string, string] {
  const parts = fullName.split('/');
  if (parts.length !== 2 || !parts[0] || !parts[1]) throw new Error(`'${fullName}' is not owner/name`);
  return [parts[0], parts[1]];
}
