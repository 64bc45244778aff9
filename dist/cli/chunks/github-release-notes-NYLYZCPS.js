import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  SlipwayError
} from "./chunk-LWD5H3C4.js";
import "./chunk-X24BQQWF.js";

// src/adapters/catalog/github-release-notes.ts
function githubReleaseNotes(octokit, repository) {
  const [owner, repo] = repository.split("/");
  if (!owner || !repo) {
    throw new SlipwayError("INPUT_INVALID", `"${repository}" is not an owner/name repository`, { subject: "repository", hint: "write it as owner/name" });
  }
  return async (tag) => {
    try {
      const { data } = await octokit.rest.repos.getReleaseByTag({ owner, repo, tag });
      const body = data.body?.trim();
      return body ? body.replace(/\r\n?/g, "\n") + "\n" : void 0;
    } catch (error) {
      if (error.status === 404) return void 0;
      throw new SlipwayError("API_FAILED", `reading the GitHub Release of ${tag} failed: ${error.message}`, {
        subject: `${repository} release ${tag}`,
        hint: "the token needs contents: read on the repository; or give the plugin a CHANGELOG.md, which is read first",
        cause: error
      });
    }
  };
}
export {
  githubReleaseNotes
};
