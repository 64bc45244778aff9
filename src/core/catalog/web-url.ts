/**
 * Homepage and repository links as a browser opens them. package.json allows shorthands
 * (`github:owner/repo`, `owner/repo`, `git+https://…git`, `git@github.com:owner/repo.git`);
 * the catalog page only follows http(s) links, so they are normalised here.
 */
export function webUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const url = value.trim();
  const shorthand = /^(?:github:)?([A-Za-z0-9-]+\/[A-Za-z0-9._-]+)$/.exec(url);
  if (shorthand) return `https://github.com/${shorthand[1]!.replace(/\.git$/, '')}`;
  const scp = /^(?:ssh:\/\/)?git@([^:/]+)[:/](.+?)(?:\.git)?$/.exec(url);
  if (scp) return `https://${scp[1]}/${scp[2]}`;
  const http = /^(?:git\+)?(https?:\/\/.+?)(?:\.git)?(#.*)?$/.exec(url);
  if (http) return http[1];
  return undefined;
}
