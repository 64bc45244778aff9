import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  indexCatalog
} from "./chunk-JXG47HJX.js";
import {
  catalogEntrySchema
} from "./chunk-2BJJJNWF.js";
import {
  ReleaseRunError,
  canPrompt,
  confirm,
  shipPlan
} from "./chunk-S2GTMSQQ.js";
import {
  PLAN_HASH_PATTERN,
  parsePlan,
  parsePlanHash
} from "./chunk-466ZC5TL.js";
import {
  processMetadata
} from "./chunk-KFQYCL6H.js";
import "./chunk-IVNHL57I.js";
import {
  cell,
  repositoryFilter,
  slackEscape
} from "./chunk-MCKMGWEC.js";
import "./chunk-EBAVTW3J.js";
import "./chunk-Z7O4MYUZ.js";
import {
  createSlackClient,
  postOnce
} from "./chunk-O4T6MXEG.js";
import {
  createGitHubClient
} from "./chunk-KKM4JSI7.js";
import {
  parseOverride
} from "./chunk-JVLV3LT7.js";
import "./chunk-TUTXVC6K.js";
import "./chunk-MREMTMOB.js";
import {
  canonicalJson
} from "./chunk-7Y4KZRG2.js";
import {
  planRelease
} from "./chunk-W3TYGHOD.js";
import {
  effectiveBump
} from "./chunk-TONHLC5A.js";
import "./chunk-IIVPVJHC.js";
import {
  execa
} from "./chunk-YK4KFZUA.js";
import "./chunk-TWRVX27L.js";
import {
  array,
  defaultConfig,
  discriminatedUnion,
  literal,
  loadConfig,
  number,
  strictObject,
  string,
  unknown
} from "./chunk-P343D4NB.js";
import "./chunk-GW5QGPFC.js";
import {
  pMap
} from "./chunk-U3UJK7Z7.js";
import "./chunk-IBDRWFRH.js";
import {
  consoleReporter
} from "./chunk-SMPAV5OI.js";
import {
  distTagFlag,
  parseFlags
} from "./chunk-4WOUKBCQ.js";
import "./chunk-KPGBGOOP.js";
import {
  tagFormat
} from "./chunk-LDUL6X6Y.js";
import {
  git
} from "./chunk-4CSZ42WN.js";
import {
  gitRefName,
  sha
} from "./chunk-BAVTOFCZ.js";
import {
  SlipwayError,
  formatError,
  isSlipwayError
} from "./chunk-LWD5H3C4.js";
import "./chunk-X24BQQWF.js";

// src/cli/commands/org-release.ts
import { readFile as readFile2, writeFile as writeFile2 } from "node:fs/promises";
import { join as join4, resolve } from "node:path";
import { tmpdir as tmpdir3 } from "node:os";

// src/adapters/github/app-token.ts
import { createPrivateKey, sign } from "node:crypto";
var base64url = (value) => Buffer.from(value).toString("base64url");
function appJwt(app, nowSeconds) {
  let key;
  try {
    key = createPrivateKey(app.privateKey.replace(/\\n/g, "\n"));
  } catch (error) {
    throw new SlipwayError("INPUT_INVALID", "the GitHub App private key is not a PEM private key", {
      subject: "app-private-key",
      hint: "paste the whole .pem file GitHub generated for the App (-----BEGIN RSA PRIVATE KEY----- \u2026 END \u2026) into the secret",
      cause: error
    });
  }
  const header = base64url(JSON.stringify({ alg: "RS256", typ: "JWT" }));
  const payload = base64url(JSON.stringify({ iat: nowSeconds - 60, exp: nowSeconds + 540, iss: app.appId }));
  const signature = sign("RSA-SHA256", Buffer.from(`${header}.${payload}`), key).toString("base64url");
  return `${header}.${payload}.${signature}`;
}
function appTokenSource(app, client) {
  const now = client.now ?? Date.now;
  const installations = /* @__PURE__ */ new Map();
  const appClient = () => createGitHubClient({ ...client, token: appJwt(app, Math.floor(now() / 1e3)) });
  const installationOf = (owner) => {
    let found = installations.get(owner);
    if (!found) {
      found = appClient().rest.apps.getOrgInstallation({ org: owner }).then((answer) => answer.data.id).catch((error) => {
        const status = error.status;
        throw new SlipwayError("API_FAILED", `the GitHub App ${app.appId} is not installed on ${owner}${status ? ` (HTTP ${status})` : ""}`, {
          subject: "app-id",
          hint: `install the App on the organisation ${owner} with access to the plugin repositories (docs/org-release.md)`,
          cause: error
        });
      });
      installations.set(owner, found);
    }
    return found;
  };
  return {
    async tokenFor(repository3) {
      const [owner, name] = repository3.split("/");
      const installationId = await installationOf(owner);
      try {
        const answer = await appClient().rest.apps.createInstallationAccessToken({ installation_id: installationId, repositories: [name], permissions: { contents: "write" } });
        return answer.data.token;
      } catch (error) {
        const status = error.status;
        throw new SlipwayError("API_FAILED", `no installation token for ${repository3}${status ? ` (HTTP ${status})` : ""}`, {
          subject: repository3,
          hint: "give the App access to this repository (installation settings \u2192 Repository access) with Contents: read and write",
          cause: error
        });
      }
    }
  };
}

// src/core/org-release/org-plan.ts
import { createHash } from "node:crypto";
var ORG_PLAN_SCHEMA_VERSION = 1;
var REPOSITORY = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
function repositoryName(text, subject) {
  const trimmed = text.trim();
  if (!REPOSITORY.test(trimmed) || trimmed.endsWith("/.") || trimmed.endsWith("/..")) {
    throw new SlipwayError("INPUT_INVALID", `"${trimmed.slice(0, 120)}" is not a GitHub repository (owner/name)`, { subject, hint: "write the repository as owner/name, e.g. acme/plugin-s3" });
  }
  return trimmed;
}
function hashOrgPlan(plan) {
  const { hash: _ignored, ...content } = plan;
  return `sha256:${createHash("sha256").update(canonicalJson(content)).digest("hex")}`;
}
function withOrgHash(plan) {
  const sorted = { ...plan, repositories: [...plan.repositories].sort((a, b) => a.repository < b.repository ? -1 : a.repository > b.repository ? 1 : 0) };
  return { ...sorted, hash: hashOrgPlan(sorted) };
}
var releaseCount = (plan) => plan.repositories.reduce((n, part) => n + part.plan.releases.length, 0);
var sha2 = string().regex(/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/, "must be a full commit SHA");
var repository = string().regex(REPOSITORY, "must be owner/name");
var orgPlanSchema = strictObject({
  schemaVersion: literal(ORG_PLAN_SCHEMA_VERSION),
  kind: literal("org-release"),
  org: string().min(1),
  webUrl: string().url(),
  date: string().regex(/^\d{4}-\d{2}-\d{2}$/),
  repositories: array(strictObject({ repository, branch: string().min(1), head: sha2, plan: unknown() })),
  quiet: array(repository),
  excluded: array(repository),
  problems: array(strictObject({ repository, message: string() })),
  selected: number().int().nonnegative(),
  unchanged: number().int().nonnegative(),
  requests: number().int().nonnegative(),
  hash: string().regex(PLAN_HASH_PATTERN, "must be sha256:<64 hex digits>")
});
function parseOrgPlan(json, source) {
  const parsed = orgPlanSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join(".") || "(plan)"}: ${issue.message}`);
    throw new SlipwayError("PLAN_INVALID", `not an org release plan: ${problems.join("; ")}`, {
      subject: source,
      hint: "pass the JSON file written by `slipway plan --org ORG --out FILE` (or the plan job's artifact), unmodified"
    });
  }
  const seen = /* @__PURE__ */ new Set();
  const repositories = parsed.data.repositories.map((part) => {
    if (seen.has(part.repository)) throw new SlipwayError("PLAN_INVALID", `the org plan holds ${part.repository} twice`, { subject: source, hint: "plan again" });
    seen.add(part.repository);
    const plan = parsePlan(part.plan, `${source} (${part.repository})`);
    if (plan.baseSha !== part.head) {
      throw new SlipwayError("PLAN_INVALID", `the part of ${part.repository} names head ${part.head.slice(0, 7)} but its plan was made at ${plan.baseSha.slice(0, 7)}`, { subject: source, hint: "plan again" });
    }
    return { repository: part.repository, branch: part.branch, head: part.head, plan };
  });
  return {
    ...parsed.data,
    repositories,
    quiet: parsed.data.quiet,
    excluded: parsed.data.excluded,
    problems: parsed.data.problems,
    hash: parsed.data.hash
  };
}
function verifyOrgPlanHash(plan, expected, source) {
  const actual = hashOrgPlan(plan);
  if (actual !== plan.hash) {
    throw new SlipwayError("PLAN_TAMPERED", `the org plan was changed after it was made: its content hashes to ${actual.slice(0, 19)}\u2026, not to the ${plan.hash.slice(0, 19)}\u2026 it carries`, {
      subject: source,
      hint: "ship the plan artifact exactly as the plan job wrote it, or plan again and approve the new plan"
    });
  }
  if (expected !== void 0 && expected !== plan.hash) {
    throw new SlipwayError("PLAN_TAMPERED", `the org plan is ${plan.hash.slice(0, 19)}\u2026, not the approved ${expected.slice(0, 19)}\u2026`, {
      subject: source,
      hint: "ship the artifact of the run that was approved; a newer plan needs its own approval"
    });
  }
}

// src/core/notices/release-notices.ts
function fitLines(lines, max, more) {
  const out = [];
  let length = 0;
  for (let i = 0; i < lines.length; i++) {
    const reserve = i < lines.length - 1 ? more(lines.length - i).length + 1 : 0;
    if (length + lines[i].length + 1 + reserve > max) {
      out.push(more(lines.length - i));
      break;
    }
    out.push(lines[i]);
    length += lines[i].length + 1;
  }
  return out.join("\n");
}

// src/core/org-release/outcomes.ts
var SECTION_TEXT_MAX = 3e3;
var plural = (n, word, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;
function resultCounts(outcomes) {
  const counts = { shipped: 0, failed: 0, refused: 0 };
  for (const o of outcomes) counts[o.status] += 1;
  return counts;
}
function resultHeadline(result) {
  const c = resultCounts(result.outcomes);
  return `${plural(c.shipped, "repository", "repositories")} shipped, ${c.failed} failed, ${c.refused} refused`;
}
function missingOutcomes(plan, outcomes) {
  const seen = new Set(outcomes.map((o) => o.repository));
  return plan.repositories.map((p) => p.repository).filter((r) => !seen.has(r));
}
function orgResultMessage(result, runUrl) {
  const { outcomes } = result;
  const shipped = outcomes.flatMap(
    (o) => o.status === "shipped" ? o.plugins.map((p) => `\u2022 ${p.url ? `<${p.url}|${slackEscape(p.name)} ${slackEscape(p.version)}>` : `*${slackEscape(p.name)}* ${slackEscape(p.version)}`} (${slackEscape(o.repository)})`) : []
  );
  const failed = outcomes.flatMap((o) => o.status === "failed" ? [`\u2022 *${slackEscape(o.repository)}*${o.step ? ` at ${slackEscape(o.step)}` : ""}: ${slackEscape(o.message.split("\n")[0].slice(0, 300))}${o.url ? ` <${o.url}|details>` : ""}`] : []);
  const refused = outcomes.flatMap((o) => o.status === "refused" ? [`\u2022 *${slackEscape(o.repository)}*: ${slackEscape(o.message.split("\n")[0].slice(0, 300))}`] : []);
  const blocks = [
    { type: "header", text: { type: "plain_text", text: `Org release ${result.org.slice(0, 60)}: ${resultHeadline(result)}`.slice(0, 150) } },
    { type: "context", elements: [{ type: "mrkdwn", text: `plan \`${result.planHash.slice(0, 19)}\u2026\`${runUrl ? ` \xB7 <${runUrl}|the run>` : ""}` }] }
  ];
  const more = (what) => (n) => `\u2026and ${n} more ${what}: see the run's summary`;
  if (shipped.length) blocks.push({ type: "section", text: { type: "mrkdwn", text: fitLines([`*Shipped* (${shipped.length})`, ...shipped], SECTION_TEXT_MAX, more("releases")) } });
  if (failed.length) blocks.push({ type: "section", text: { type: "mrkdwn", text: fitLines([`*Failed* \u2014 rerun the failed jobs; the others are not repeated`, ...failed], SECTION_TEXT_MAX, more("failures")) } });
  if (refused.length) blocks.push({ type: "section", text: { type: "mrkdwn", text: fitLines([`*Refused* \u2014 the branch moved and touches a planned plugin: plan again`, ...refused], SECTION_TEXT_MAX, more("refusals")) } });
  return { text: `Org release ${result.org}: ${resultHeadline(result)}${runUrl ? ` ${runUrl}` : ""}`, blocks };
}
function renderOrgResultMarkdown(result) {
  const lines = [`### slipway org release: ${resultHeadline(result)}`, "", `plan \`${result.planHash}\``, "", "| repository | result | details |", "| --- | --- | --- |"];
  for (const o of result.outcomes) {
    const details = o.status === "shipped" ? o.plugins.map((p) => p.url ? `[${cell(p.tag)}](${p.url})` : cell(p.tag)).join(", ") : `${o.status === "failed" && o.step ? `${cell(o.step)}: ` : ""}${cell(o.message.split("\n")[0])}${o.status === "failed" && o.url ? ` ([details](${o.url}))` : ""}`;
    lines.push(`| ${cell(o.repository)} | ${o.status} | ${details} |`);
  }
  return lines.join("\n") + "\n";
}

// src/core/org-release/overrides.ts
function parseRepositoryOverride(flag, text) {
  const colon = text.indexOf(":");
  if (colon <= 0) {
    throw new SlipwayError("USAGE", `${flag} "${text.slice(0, 120)}" does not name its repository`, {
      subject: flag,
      hint: `write owner/name:NAME=${flag === "--set" ? "VERSION" : "TYPE"}, e.g. ${flag} acme/plugin-s3:@acme/s3=${flag === "--set" ? "2.0.0" : "major"}`
    });
  }
  return { repository: repositoryName(text.slice(0, colon), flag), override: parseOverride(flag, text.slice(colon + 1)) };
}

// src/core/org-release/render-org-plan.ts
var SUMMARY_BUDGET_BYTES = 1e6;
var bytes = (text) => Buffer.byteLength(text, "utf8");
var plural2 = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
function bumpLabel(release) {
  const applied = effectiveBump(release.from, release.bump);
  return applied === release.bump ? applied : `${applied} (breaking, 0.x)`;
}
function why(release) {
  if (release.reason === "dependency") return `dependency ${release.dependencyUpdates.map((u) => u.name).join(", ") || "released"}`;
  const types = /* @__PURE__ */ new Map();
  for (const commit of release.commits) types.set(commit.type, (types.get(commit.type) ?? 0) + 1);
  const breaking = release.commits.some((c) => c.breaking) ? ["breaking"] : [];
  return [...breaking, ...[...types].map(([type, n]) => `${n} ${type}`)].join(", ");
}
function compareUrl(plan, part, release) {
  const base = `${plan.webUrl.replace(/\/+$/, "")}/${part.repository}`;
  if (release.firstRelease) return `${base}/commits/${part.head}`;
  const from = tagFormat(part.plan.tagFormat).format(release.name, release.from);
  return `${base}/compare/${encodeURIComponent(from)}...${part.head}`;
}
function orgPlanHeadline(plan) {
  const count = releaseCount(plan);
  if (count === 0) return "nothing to release";
  return `${plural2(count, "plugin")} in ${plural2(plan.repositories.length, "repository").replace("repositorys", "repositories")}`;
}
function facts(plan) {
  return [
    `org \`${cell(plan.org)}\``,
    `plan \`${plan.hash}\``,
    `${plan.selected} selected`,
    `${plan.unchanged} unchanged since their last release`,
    `${plan.quiet.length} changed with nothing to release`,
    `${plan.requests} GitHub API requests`
  ].join(" \xB7 ");
}
function renderOrgPlanMarkdown(plan, options = {}) {
  const budget = options.budget ?? SUMMARY_BUDGET_BYTES;
  const artifact = options.artifact ?? "slipway-org-plan";
  const head = [`### slipway org release plan: ${orgPlanHeadline(plan)}`, "", facts(plan), ""];
  const tail = [];
  if (plan.excluded.length) tail.push("", `**Excluded by the approver:** ${plan.excluded.map(cell).join(", ")}`);
  if (plan.problems.length) {
    tail.push("", "**Not planned** (nothing of theirs ships):", "", ...plan.problems.map((p) => `- ${cell(p.repository)}: ${cell(p.message)}`));
  }
  const warnings = plan.repositories.flatMap((part) => part.plan.warnings.map((w) => `- ${cell(part.repository)}: ${cell(w)}`));
  if (warnings.length) tail.push("", "**Warnings**", "", ...warnings);
  const lines = [...head];
  if (releaseCount(plan)) lines.push("| repository | plugin | from \u2192 to | bump | why | commits | compare |", "| --- | --- | --- | --- | --- | --- | --- |");
  let used = bytes(lines.join("\n")) + bytes(tail.join("\n")) + 400;
  let shownRows = 0;
  let shownParts = 0;
  outer: for (const part of plan.repositories) {
    for (const [i, release] of part.plan.releases.entries()) {
      const repo = i === 0 ? `${cell(part.repository)} @ \`${part.head.slice(0, 7)}\`` : "";
      const from = release.firstRelease ? `${release.from} (manifest)` : release.from;
      const row = `| ${repo} | ${cell(release.name)} | ${cell(from)} \u2192 **${cell(release.to)}** | ${bumpLabel(release)} | ${cell(why(release))} | ${release.commits.length} | [compare](${compareUrl(plan, part, release)}) |`;
      const size = bytes(row) + 1;
      if (used + size > budget) break outer;
      lines.push(row);
      used += size;
      shownRows += 1;
    }
    shownParts += 1;
  }
  const total = releaseCount(plan);
  if (shownRows < total) {
    const hiddenParts = plan.repositories.length - shownParts;
    lines.push(
      "",
      `> **${total - shownRows} more plugin release(s)${hiddenParts ? ` in ${hiddenParts} more repositories` : ""} are not shown:** the job summary is limited to 1 MiB. Every row is in the plan artifact \`${cell(artifact)}\` (download it from this run), and \`slipway plan --org\` prints them all.`
    );
  }
  return [...lines, ...tail].join("\n") + "\n";
}
function renderOrgPlanText(plan) {
  const out = [`slipway org plan ${plan.org}: ${orgPlanHeadline(plan)}  (${plan.hash.slice(0, 19)}; ${plan.selected} selected, ${plan.unchanged} unchanged, ${plan.quiet.length} quiet, ${plan.requests} API requests)`];
  for (const part of plan.repositories) {
    out.push("", `${part.repository} @ ${part.head.slice(0, 7)} (${part.branch})`);
    for (const r of part.plan.releases) out.push(`  ${r.name}  ${r.from} \u2192 ${r.to}  ${bumpLabel(r)}  ${why(r)}  ${plural2(r.commits.length, "commit")}`);
  }
  if (plan.excluded.length) out.push("", `excluded: ${plan.excluded.join(", ")}`);
  if (plan.problems.length) out.push("", "not planned:", ...plan.problems.map((p) => `  ${p.repository}: ${p.message}`));
  return out.join("\n") + "\n";
}

// src/jobs/org-release/plan.ts
import { mkdtemp, rm as rm2 } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

// src/adapters/github/org-snapshot.ts
var TAGS_PER_REPOSITORY = 10;
var QUERY = `query OrgReleaseRepositories($org: String!, $cursor: String, $tags: Int!) {
  organization(login: $org) {
    repositories(first: 100, after: $cursor, isArchived: false, isFork: false, orderBy: {field: NAME, direction: ASC}) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        name
        nameWithOwner
        isArchived
        isFork
        repositoryTopics(first: 20) { nodes { topic { name } } }
        defaultBranchRef { name target { oid } }
        refs(refPrefix: "refs/tags/", first: $tags, orderBy: {field: TAG_COMMIT_DATE, direction: DESC}) {
          nodes { name target { __typename oid ... on Tag { target { oid } } } }
        }
      }
    }
  }
}`;
async function readOrgSnapshots(octokit, org, options) {
  return options.authenticated ? viaGraphql(octokit, org) : viaRestAndGit(octokit, org, options.gitUrl);
}
async function viaGraphql(octokit, org) {
  const snapshots = [];
  let requests = 0;
  let cursor = null;
  for (; ; ) {
    requests += 1;
    let page;
    try {
      page = await octokit.graphql(QUERY, { org, cursor, tags: TAGS_PER_REPOSITORY });
    } catch (error) {
      throw new SlipwayError("API_FAILED", `GitHub GraphQL query for the repositories of ${org} failed: ${error.message}`, {
        subject: `organization ${org}`,
        hint: "check that the token can read the organisation's repositories (a GitHub App installation or a token with contents: read on them)",
        cause: error
      });
    }
    const listing = page.organization?.repositories;
    if (!listing) throw new SlipwayError("NOT_FOUND", `no organisation "${org}" on GitHub`, { subject: "--org", hint: "pass the login of the organisation that owns the plugin repositories" });
    for (const node of listing.nodes) if (node) snapshots.push(fromNode(node));
    if (!listing.pageInfo.hasNextPage) break;
    cursor = listing.pageInfo.endCursor;
  }
  return { snapshots, requests };
}
function fromNode(node) {
  const head = node.defaultBranchRef?.target?.oid;
  return {
    // Checked like any input: the name becomes a folder and a clone URL.
    repository: repositoryName(node.nameWithOwner, "GitHub GraphQL nameWithOwner"),
    name: node.name,
    archived: node.isArchived,
    fork: node.isFork,
    topics: node.repositoryTopics.nodes.map((t) => t.topic.name),
    branch: node.defaultBranchRef?.name ?? null,
    head: head ? sha(head) : null,
    // An annotated tag's target is a Tag object; the commit is the Tag's own target.
    tags: (node.refs?.nodes ?? []).flatMap((ref) => {
      const commit = ref.target?.__typename === "Tag" ? ref.target.target?.oid : ref.target?.oid;
      return commit ? [{ name: ref.name, commit: sha(commit) }] : [];
    })
  };
}
async function viaRestAndGit(octokit, org, gitUrl) {
  let requests = 0;
  let repos;
  try {
    repos = await octokit.paginate(octokit.rest.repos.listForOrg, { org, type: "public", per_page: 100 }, (response) => {
      requests += 1;
      return response.data;
    });
  } catch (error) {
    const status = error.status;
    throw new SlipwayError("API_FAILED", `cannot list the repositories of ${org}${status ? ` (HTTP ${status})` : ""}`, {
      subject: "--org",
      hint: status === 404 ? "check the organisation name" : "without a token GitHub allows 60 requests an hour: set GITHUB_TOKEN",
      cause: error
    });
  }
  const snapshots = await pMap(
    repos.filter((r) => !r.archived && !r.fork),
    async (repo) => {
      const repository3 = repositoryName(repo.full_name, "GitHub REST full_name");
      const branch = repo.default_branch ?? "main";
      const refs = await lsRemote(gitUrl(repository3), branch);
      return { repository: repository3, name: repo.name, archived: false, fork: false, topics: repo.topics ?? [], branch: refs.head ? branch : null, head: refs.head, tags: refs.tags };
    },
    { concurrency: 8 }
  );
  return { snapshots, requests };
}
async function lsRemote(url, branch) {
  const out = await git(process.cwd(), ["ls-remote", "--", url, `refs/heads/${branch}`, "refs/tags/*"]);
  let head = null;
  const direct = /* @__PURE__ */ new Map();
  const peeled = /* @__PURE__ */ new Map();
  for (const line of out.split("\n")) {
    const [object, ref] = line.split("	");
    if (!object || !ref) continue;
    if (ref === `refs/heads/${branch}`) head = sha(object);
    else if (ref.startsWith("refs/tags/")) {
      const name = ref.slice("refs/tags/".length);
      if (name.endsWith("^{}")) peeled.set(name.slice(0, -3), object);
      else direct.set(name, object);
    }
  }
  return { head, tags: [...direct].map(([name, object]) => ({ name, commit: sha(peeled.get(name) ?? object) })) };
}

// src/adapters/org-release/clone.ts
import { rm } from "node:fs/promises";
var authHeader = (token) => `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`).toString("base64")}`;
async function cloneRepository(options) {
  const filter = options.filter ?? "blob:none";
  const env = {
    GIT_TERMINAL_PROMPT: "0",
    // Serves the filter when the remote is a local path (file://); GitHub allows it already.
    GIT_CONFIG_COUNT: options.token ? "2" : "1",
    GIT_CONFIG_KEY_0: "uploadpack.allowFilter",
    GIT_CONFIG_VALUE_0: "true",
    ...options.token ? { GIT_CONFIG_KEY_1: "http.extraheader", GIT_CONFIG_VALUE_1: authHeader(options.token) } : {}
  };
  const branch = gitRefName(options.branch, `${options.repository}'s branch`);
  const run = await execa("git", ["clone", "-q", "--single-branch", `--branch=${branch}`, filter === "none" ? "--no-filter" : `--filter=${filter}`, "--", cloneUrl(options.url), options.dir], { env, reject: false });
  if (run.exitCode !== 0) {
    const reason = String(run.stderr).split("\n").find((l) => l.startsWith("fatal:")) ?? String(run.stderr).trim();
    throw new SlipwayError("GIT_FAILED", `cannot clone ${options.repository}: ${reason.replaceAll(options.token ?? "\0", "***")}`, {
      subject: options.repository,
      hint: "check that the repository exists and that the token (a GitHub App installation) can read it"
    });
  }
  await execa("git", ["config", "--local", "user.name", "slipway[bot]"], { cwd: options.dir });
  await execa("git", ["config", "--local", "user.email", "slipway[bot]@users.noreply.github.com"], { cwd: options.dir });
  if (options.token) await execa("git", ["config", "--local", "--", "http.extraheader", authHeader(options.token)], { cwd: options.dir });
}
function cloneUrl(url) {
  return url.startsWith("/") ? `file://${url}` : url;
}
async function removeClone(dir) {
  await rm(dir, { recursive: true, force: true });
}

// src/core/org-release/changed-repositories.ts
function repositoryStatus(snapshot) {
  if (!snapshot.branch || !snapshot.head) return { kind: "empty" };
  const onHead = snapshot.tags.find((tag) => tag.commit === snapshot.head);
  if (onHead) return { kind: "released", tag: onHead.name };
  return { kind: "changed", branch: snapshot.branch, head: snapshot.head, lastTag: snapshot.tags[0]?.name ?? null };
}

// src/jobs/org-release/targets.ts
var DEFAULT_API_URL = "https://api.github.com";
function serverUrlOf(github) {
  if (github.serverUrl) return github.serverUrl.replace(/\/+$/, "");
  const api = (github.apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, "");
  if (api === DEFAULT_API_URL) return "https://github.com";
  return api.replace(/\/api\/v3$/, "");
}
function apiClient(github, reporter) {
  return github.client ?? createGitHubClient({ token: github.token, baseUrl: github.apiUrl, log: (line) => reporter.debug(line) });
}
function clientForToken(github, reporter) {
  return github.clientFor ?? ((token) => createGitHubClient({ token, baseUrl: github.apiUrl, log: (line) => reporter.debug(line) }));
}
function gitUrlFor(template, serverUrl) {
  if (template !== void 0) {
    if (!template.includes("{repository}")) {
      throw new SlipwayError("USAGE", `the git URL template "${template}" has no {repository}`, { subject: "--git-url", hint: "e.g. --git-url https://git.example.com/{repository}.git" });
    }
    return (repository3) => template.replaceAll("{repository}", repository3);
  }
  return (repository3) => `${serverUrl}/${repository3}.git`;
}
function orgRepositoryConfig(config, branch) {
  return { ...config, release: { ...config.release, branch, remote: "origin" } };
}

// src/jobs/org-release/plan.ts
async function planOrgRelease(options) {
  const { reporter, github } = options;
  const serverUrl = serverUrlOf(github);
  const gitUrl = gitUrlFor(options.gitUrl, serverUrl);
  const date = options.date ?? (/* @__PURE__ */ new Date()).toISOString().slice(0, 10);
  const started = performance.now();
  const { snapshots, requests } = await readOrgSnapshots(apiClient(github, reporter), options.org, { authenticated: Boolean(github.token || github.client), gitUrl });
  const selected = snapshots.filter(repositoryFilter(options)).sort((a, b) => a.repository < b.repository ? -1 : 1);
  const snapshotMs = Math.round(performance.now() - started);
  const overrides = options.overrides ?? { exclude: [], versions: [] };
  checkOverrideTargets(overrides, selected);
  const excluded = new Set(overrides.exclude.map((r) => r.toLowerCase()));
  const changed = selected.flatMap((snapshot) => {
    const status = repositoryStatus(snapshot);
    return status.kind === "changed" && !excluded.has(snapshot.repository.toLowerCase()) ? [{ snapshot, status }] : [];
  });
  const unchanged = selected.filter((s) => repositoryStatus(s).kind !== "changed").length;
  reporter.info(`${options.org}: ${selected.length} repositories selected, ${changed.length} with commits since their last release (${requests} API request(s), ${snapshotMs} ms)`);
  const workDir = options.workDir ?? await mkdtemp(join(tmpdir(), "slipway-org-plan-"));
  const parts = [];
  const quiet = [];
  const problems = [];
  let done = 0;
  try {
    await pMap(
      changed,
      async ({ snapshot, status }) => {
        const dir = join(workDir, snapshot.repository.replace("/", "__"));
        try {
          await cloneRepository({ url: gitUrl(snapshot.repository), dir, branch: status.branch, token: github.token, filter: options.filter, repository: snapshot.repository });
          const config = orgRepositoryConfig(await loadConfig(dir), status.branch);
          const mine = overrides.versions.filter((o) => o.repository.toLowerCase() === snapshot.repository.toLowerCase()).map((o) => o.override);
          const { plan: plan2 } = await planRelease({ cwd: dir, date, prerelease: options.prerelease, reporter: prefixed(reporter, snapshot.repository), config, overrides: mine });
          if (plan2.releases.length === 0) quiet.push(snapshot.repository);
          else parts.push({ repository: snapshot.repository, branch: status.branch, head: plan2.baseSha, plan: plan2 });
        } catch (error) {
          if (error instanceof SlipwayError && error.code === "USAGE") throw error;
          problems.push({ repository: snapshot.repository, message: formatError(error) });
          reporter.warn(`${snapshot.repository}: not planned: ${formatError(error)}`);
        } finally {
          await removeClone(dir);
          reporter.progress("planned", ++done, changed.length);
        }
      },
      { concurrency: options.concurrency ?? 4 }
    );
  } finally {
    if (!options.workDir) await rm2(workDir, { recursive: true, force: true });
  }
  const unplanned = overrides.versions.find((o) => !changed.some((c) => c.snapshot.repository.toLowerCase() === o.repository.toLowerCase()));
  if (unplanned) {
    throw new SlipwayError("USAGE", `${unplanned.repository} has nothing new since its last release (or is excluded), so it is not planned today`, {
      subject: `--${unplanned.override.kind} ${unplanned.repository}:${unplanned.override.plugin}`,
      hint: "drop the override, or release that repository on its own (slipway release in its checkout)"
    });
  }
  const plan = withOrgHash({
    schemaVersion: ORG_PLAN_SCHEMA_VERSION,
    kind: "org-release",
    org: options.org,
    webUrl: serverUrl,
    date,
    repositories: parts,
    quiet: quiet.sort(),
    excluded: selected.filter((s) => excluded.has(s.repository.toLowerCase())).map((s) => s.repository),
    problems: problems.sort((a, b) => a.repository < b.repository ? -1 : 1),
    selected: selected.length,
    unchanged,
    requests
  });
  return { plan, timings: { snapshot: snapshotMs, plan: Math.round(performance.now() - started) - snapshotMs }, cloned: changed.length };
}
function checkOverrideTargets(overrides, selected) {
  const names = new Set(selected.map((s) => s.repository.toLowerCase()));
  for (const [flag, repository3] of [...overrides.exclude.map((r) => ["--exclude", r]), ...overrides.versions.map((o) => [`--${o.override.kind}`, o.repository])]) {
    if (!names.has(repository3.toLowerCase())) {
      throw new SlipwayError("USAGE", `${repository3} is not one of the organisation's selected plugin repositories`, { subject: `${flag} ${repository3}`, hint: "check the name (owner/name), the topic and the name pattern" });
    }
  }
}
function prefixed(reporter, repository3) {
  return {
    info: (m) => reporter.debug(`${repository3}: ${m}`),
    warn: (m, where) => reporter.warn(`${repository3}: ${m}`, where),
    error: (m, where) => reporter.error(`${repository3}: ${m}`, where),
    debug: (m) => reporter.debug(`${repository3}: ${m}`),
    group: (title, fn) => reporter.group(`${repository3}: ${title}`, fn),
    progress: () => {
    }
  };
}

// src/jobs/org-release/report.ts
import { createHash as createHash2 } from "node:crypto";

// src/adapters/org-release/outcome-files.ts
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { join as join2 } from "node:path";
var repository2 = string().regex(/^[^/\s]+\/[^/\s]+$/).transform((s) => s);
var outcomeSchema = discriminatedUnion("status", [
  strictObject({ repository: repository2, status: literal("shipped"), plugins: array(strictObject({ name: string(), version: string(), tag: string(), url: string().optional() })) }),
  strictObject({ repository: repository2, status: literal("failed"), message: string(), step: string().optional(), url: string().optional() }),
  strictObject({ repository: repository2, status: literal("refused"), message: string() })
]);
var recordSchema = strictObject({ planHash: string(), outcome: outcomeSchema, entries: array(catalogEntrySchema) });
var fileName = (repo) => `${repo.replace("/", "__")}.outcome.json`;
async function writeOutcome(dir, record) {
  await mkdir(dir, { recursive: true });
  const file = join2(dir, fileName(record.outcome.repository));
  await writeFile(`${file}.tmp`, JSON.stringify(record, null, 2) + "\n");
  await rename(`${file}.tmp`, file);
}
async function readOutcomes(dir, planHash) {
  const found = /* @__PURE__ */ new Map();
  let names;
  try {
    names = (await readdir(dir, { recursive: true })).filter((name) => name.endsWith(".outcome.json"));
  } catch (error) {
    if (error.code === "ENOENT") return found;
    throw error;
  }
  for (const name of names.sort()) {
    const file = join2(dir, name);
    const parsed = recordSchema.safeParse(JSON.parse(await readFile(file, "utf8")));
    if (!parsed.success) {
      throw new SlipwayError("RESULTS_INVALID", `not an org release outcome: ${parsed.error.issues[0]?.message ?? "wrong shape"}`, { subject: file, hint: "remove the file, or point at the folder the ship jobs wrote" });
    }
    if (parsed.data.planHash !== planHash) continue;
    found.set(parsed.data.outcome.repository, parsed.data);
  }
  return found;
}

// src/jobs/release-notice.ts
async function sendNotice(target, key, message, reporter) {
  if (!target.token) return skipped("no Slack token (the slack-token secret): Slack notice skipped", reporter);
  if (!target.channel) return skipped("no channel for release notices (slack.release in slipway.yml): Slack notice skipped", reporter);
  const slack = createSlackClient({ token: target.token, apiUrl: target.apiUrl, retries: target.retries, log: (line) => reporter.debug(line) });
  try {
    const result = await postOnce(slack, { channel: target.channel, key, text: message.text, blocks: message.blocks, eventType: "slipway_release" });
    if (result.action === "posted" || result.action === "found-posted") {
      reporter.info(result.action === "posted" ? `Slack: posted to ${target.channel}` : `Slack: already posted to ${target.channel}, not posted again`);
      return { status: result.action === "posted" ? "posted" : "already-posted", channel: result.channel, ts: result.ts };
    }
    return { status: "failed", reason: "the notice was scheduled instead of posted" };
  } catch (error) {
    const reason = formatError(error);
    reporter.warn(`Slack notice not posted (the release is not affected): ${reason}`);
    return { status: "failed", reason };
  }
}
function skipped(reason, reporter) {
  reporter.info(reason);
  return { status: "skipped", reason };
}

// src/jobs/org-release/report.ts
async function reportOrgRelease(options) {
  const { reporter } = options;
  const source = options.planSource ?? "the org plan";
  const plan = parseOrgPlan(options.plan, source);
  verifyOrgPlanHash(plan, options.expectedHash, source);
  const records = await readOutcomes(options.resultsDir, plan.hash);
  const outcomes = plan.repositories.flatMap((part) => {
    const record = records.get(part.repository);
    return record ? [record.outcome] : [];
  });
  for (const repository3 of missingOutcomes(plan, outcomes)) {
    outcomes.push({ repository: repository3, status: "failed", message: "its ship job left no result (cancelled, or it never ran): rerun the failed jobs", ...options.runUrl ? { url: options.runUrl } : {} });
  }
  const result = { org: plan.org, planHash: plan.hash, outcomes };
  const entries = [...records.values()].filter((r) => r.outcome.status === "shipped").flatMap((r) => r.entries);
  let catalog = "skipped";
  if (!options.catalog) reporter.info("no central catalog given: new tags are not indexed");
  else if (entries.length) {
    const indexed = await indexCatalog({ cwd: options.cwd, reporter, config: defaultConfig(), entries, location: options.catalog, dryRun: options.dryRun });
    catalog = indexed.status === "dry-run" ? "dry-run" : indexed.status === "unchanged" ? "unchanged" : "updated";
  }
  reporter.info(`org release ${plan.org}: ${resultHeadline(result)}`);
  const slack = await postResult(options.slack, result, options.runUrl, reporter);
  return { result, indexed: entries.map((e) => `${e.name}@${e.version}`), catalog, slack };
}
function postResult(target, result, runUrl, reporter) {
  const digest = createHash2("sha256").update(JSON.stringify(result.outcomes.map((o) => [o.repository, o.status]))).digest("hex").slice(0, 16);
  return sendNotice(target ?? {}, `slipway-org-release:${result.org}:${result.planHash}:${digest}`, orgResultMessage(result, runUrl), reporter);
}

// src/jobs/org-release/ship.ts
import { mkdtemp as mkdtemp2, rm as rm3 } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import { join as join3 } from "node:path";
async function shipOrgRelease(options) {
  const { reporter } = options;
  const source = options.planSource ?? "the org plan";
  const plan = parseOrgPlan(options.plan, source);
  verifyOrgPlanHash(plan, options.expectedHash, source);
  const parts = selectParts(plan, options.only);
  const earlier = await readOutcomes(options.resultsDir, plan.hash);
  const gitUrl = gitUrlFor(options.gitUrl, serverUrlOf(options.github));
  const clientFor = clientForToken(options.github, reporter);
  const workDir = await mkdtemp2(join3(tmpdir2(), "slipway-org-ship-"));
  const outcomes = [];
  const resumed = [];
  try {
    for (const part of parts) {
      const before = earlier.get(part.repository);
      if (before?.outcome.status === "shipped") {
        reporter.info(`${part.repository}: shipped by an earlier run, not repeated`);
        outcomes.push(before.outcome);
        resumed.push(part.repository);
        continue;
      }
      await options.beforeRepository?.(part.repository);
      const { outcome, entries } = await reporter.group(
        `${part.repository}: ${part.plan.releases.length} release(s)`,
        () => shipPart(part, { options, plan, dir: join3(workDir, part.repository.replace("/", "__")), gitUrl: gitUrl(part.repository), clientFor })
      );
      outcomes.push(outcome);
      if (!options.dryRun) await writeOutcome(options.resultsDir, { planHash: plan.hash, outcome, entries });
      const line = outcome.status === "shipped" ? `shipped ${outcome.plugins.map((p) => p.tag).join(", ")}` : `${outcome.status}: ${outcome.message.split("\n")[0]}`;
      (outcome.status === "shipped" ? reporter.info : reporter.error)(`${part.repository}: ${line}`);
    }
  } finally {
    await rm3(workDir, { recursive: true, force: true });
  }
  return { plan, outcomes, resumed };
}
function selectParts(plan, only) {
  if (!only?.length) return plan.repositories;
  const wanted = new Set(only.map((r) => r.trim().toLowerCase()).filter(Boolean));
  const parts = plan.repositories.filter((p) => wanted.has(p.repository.toLowerCase()));
  const known = new Set(parts.map((p) => p.repository.toLowerCase()));
  const unknown2 = [...wanted].filter((r) => !known.has(r));
  if (unknown2.length) {
    throw new SlipwayError("USAGE", `not in the approved plan: ${unknown2.join(", ")}`, { subject: "--only", hint: `the plan ships ${plan.repositories.map((p) => p.repository).join(", ") || "nothing"}` });
  }
  return parts;
}
async function shipPart(part, ctx) {
  const { options } = ctx;
  const repository3 = part.repository;
  const failed = (error, step) => {
    const message = formatError(error);
    if (isSlipwayError(error) && error.code === "PLAN_STALE") return { outcome: { repository: repository3, status: "refused", message }, entries: [] };
    return { outcome: { repository: repository3, status: "failed", message, ...step ? { step } : {}, ...options.runUrl ? { url: options.runUrl } : {} }, entries: [] };
  };
  try {
    const token = options.tokens ? await options.tokens.tokenFor(repository3) : options.github.token;
    await cloneRepository({ url: ctx.gitUrl, dir: ctx.dir, branch: part.branch, token, filter: "none", repository: repository3 });
    const config = orgRepositoryConfig(await loadConfig(ctx.dir), part.branch);
    const client = token ? ctx.clientFor(token) : void 0;
    const result = await shipPlan({
      cwd: ctx.dir,
      plan: part.plan,
      planSource: `${options.planSource ?? "the org plan"} (${repository3})`,
      // The org plan's hash was checked against the approved one and covers this part.
      expectedHash: part.plan.hash,
      reporter: options.reporter,
      config,
      dryRun: options.dryRun,
      journalFile: options.dryRun ? void 0 : join3(options.resultsDir, `${repository3.replace("/", "__")}.journal.json`),
      github: { client, repository: repository3, baseUrl: options.github.apiUrl },
      registry: options.registry,
      env: options.env,
      publishConcurrency: options.publishConcurrency
    });
    const plugins = result.released.map((r) => ({ name: r.name, version: r.version, tag: r.tag, ...r.githubRelease ? { url: r.githubRelease } : {} }));
    let entries = [];
    if (options.catalog && !options.dryRun) {
      try {
        entries = (await processMetadata({ cwd: ctx.dir, reporter: options.reporter, select: { kind: "tags", tags: plugins.map((p) => p.tag) }, config })).entries;
      } catch (error) {
        options.reporter.warn(`${repository3}: shipped, but its catalog entries could not be read (index it with slipway index --tag): ${formatError(error)}`);
      }
    }
    return { outcome: { repository: repository3, status: "shipped", plugins }, entries };
  } catch (error) {
    return failed(error, error instanceof ReleaseRunError ? error.journal.error?.step : void 0);
  } finally {
    await removeClone(ctx.dir);
  }
}

// src/cli/commands/org-release.ts
var ORG_FLAGS = {
  org: { type: "string" },
  topic: { type: "string" },
  pattern: { type: "string" },
  "github-api-url": { type: "string" },
  "git-url": { type: "string" },
  exclude: { type: "string", multiple: true },
  set: { type: "string", multiple: true },
  bump: { type: "string", multiple: true },
  date: { type: "string" },
  prerelease: { type: "string" }
};
function overridesOf(values) {
  return {
    exclude: (values.exclude ?? []).map((r) => repositoryName(r, "--exclude")),
    versions: [...(values.set ?? []).map((s) => parseRepositoryOverride("--set", s)), ...(values.bump ?? []).map((s) => parseRepositoryOverride("--bump", s))]
  };
}
function requireOrg(values) {
  const org = values.org?.trim();
  if (!org || !/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(org)) throw new SlipwayError("USAGE", `"${org ?? ""}" is not an organisation login`, { subject: "--org", hint: "e.g. --org acme" });
  return org;
}
var tokenOf = (env) => env["GITHUB_TOKEN"] || env["GH_TOKEN"] || void 0;
async function runOrgPlan(args, context) {
  const { values } = parseFlags(args, { ...ORG_FLAGS, out: { type: "string" }, json: { type: "boolean" }, markdown: { type: "boolean" } }, "plan");
  const reporter = consoleReporter({ debug: context.debug });
  const { plan } = await planOrgRelease({
    org: requireOrg(values),
    topic: values.topic,
    pattern: values.pattern,
    github: { token: tokenOf(process.env), apiUrl: values["github-api-url"] },
    gitUrl: values["git-url"],
    date: values.date,
    prerelease: values.prerelease,
    overrides: overridesOf(values),
    reporter
  });
  const json = JSON.stringify(plan, null, 2) + "\n";
  if (values.out) {
    await writeFile2(values.out, json);
    reporter.info(`org plan written to ${values.out} (${plan.hash})`);
  }
  process.stdout.write(values.json ? json : values.markdown ? renderOrgPlanMarkdown(plan) : renderOrgPlanText(plan));
  return 0;
}
async function runOrgRelease(args, context) {
  const { values } = parseFlags(
    args,
    {
      ...ORG_FLAGS,
      plan: { type: "string" },
      hash: { type: "string" },
      only: { type: "string" },
      results: { type: "string" },
      "app-id": { type: "string" },
      registry: { type: "string" },
      "dist-tag": { type: "string" },
      "catalog-repository": { type: "string" },
      "catalog-branch": { type: "string" },
      "slack-channel": { type: "string" },
      "slack-api-url": { type: "string" },
      yes: { type: "boolean" },
      "dry-run": { type: "boolean" }
    },
    "release"
  );
  const env = process.env;
  const reporter = consoleReporter({ debug: context.debug });
  const org = requireOrg(values);
  const distTag = distTagFlag(values["dist-tag"]);
  const github = { token: tokenOf(env), apiUrl: values["github-api-url"] };
  const source = values.plan ?? "the plan shown above";
  const plan = values.plan ? parseOrgPlan(JSON.parse(await readFile2(values.plan, "utf8")), values.plan) : (await planOrgRelease({ org, topic: values.topic, pattern: values.pattern, github, gitUrl: values["git-url"], date: values.date, prerelease: values.prerelease, overrides: overridesOf(values), reporter })).plan;
  process.stderr.write(renderOrgPlanText(plan));
  if (releaseCount(plan) === 0) return 0;
  const dryRun = values["dry-run"] ?? false;
  if (!dryRun && !values.yes) {
    if (!canPrompt({ output: process.stderr })) {
      throw new SlipwayError("USAGE", "an org release needs your approval, and there is no terminal to ask at", { hint: "pass --yes to approve the plan shown, or --dry-run" });
    }
    if (!await confirm(`
Release ${releaseCount(plan)} plugin(s) in ${plan.repositories.length} repositories (plan ${plan.hash.slice(0, 19)})?`, { output: process.stderr })) {
      reporter.info("not released: nothing was written");
      return 1;
    }
  }
  const expectedHash = values.hash ? parsePlanHash(values.hash, "--hash") : plan.hash;
  const resultsDir = resolve(values.results ?? ".slipway-org-release");
  const appKey = env["GITHUB_APP_PRIVATE_KEY"];
  if (values["app-id"] && !appKey) throw new SlipwayError("USAGE", "--app-id needs the App's private key in GITHUB_APP_PRIVATE_KEY", { subject: "--app-id" });
  const tokens = values["app-id"] && appKey ? appTokenSource({ appId: values["app-id"], privateKey: appKey }, { baseUrl: values["github-api-url"] }) : void 0;
  const shipped = await shipOrgRelease({
    plan,
    planSource: source,
    expectedHash,
    only: values.only?.split(","),
    github,
    tokens,
    gitUrl: values["git-url"],
    registry: { url: values.registry, token: env["NPM_TOKEN"] || void 0, distTag },
    resultsDir,
    catalog: Boolean(values["catalog-repository"]),
    reporter,
    dryRun,
    env
  });
  const report = await reportOrgRelease({
    plan,
    planSource: source,
    expectedHash,
    resultsDir,
    catalog: values["catalog-repository"] ? { repository: values["catalog-repository"], branch: values["catalog-branch"], token: github.token } : void 0,
    slack: { token: env["SLACK_BOT_TOKEN"] || void 0, apiUrl: values["slack-api-url"], channel: values["slack-channel"] },
    cwd: join4(tmpdir3()),
    reporter,
    dryRun
  });
  process.stdout.write(renderOrgResultMarkdown(report.result));
  return shipped.outcomes.every((o) => o.status === "shipped") ? 0 : 1;
}
export {
  runOrgPlan,
  runOrgRelease
};
