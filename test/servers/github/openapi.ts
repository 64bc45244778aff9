/**
 * GitHub's published OpenAPI description (@octokit/openapi, api.github.com.json) as a request
 * router and a validator, so the local GitHub server can only answer routes GitHub has, with
 * requests and responses shaped the way GitHub documents them.
 *
 * The description is OpenAPI 3.0: its schemas use `nullable: true`, which JSON Schema does not
 * know. Ajv only accepts `nullable` next to a `type`, and GitHub has ~135 nullable schemas
 * without one (`{ nullable: true, anyOf: [...] }`), so the description is rewritten once into
 * plain JSON Schema (`type: [t, 'null']`, or `anyOf: [{ type: 'null' }, schema]`).
 *
 * Loading costs ~0.7 s, so it happens once per process; each operation's validators are
 * compiled on first use and cached.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsPlugin from 'ajv-formats';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface Operation {
  operationId: string;
  method: string;
  /** The path as GitHub's description writes it, e.g. /repos/{owner}/{repo}/releases. */
  template: string;
}

export interface MatchedRoute {
  operation: Operation;
  /** Path parameters, URL-decoded. */
  params: Record<string, string>;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  /** The parameter's schema, for coercing query strings. */
  schema: JsonObject;
  /** The ajv key of the parameter's schema. */
  schemaKey: string;
}

interface PathEntry {
  template: string;
  pattern: RegExp;
  names: string[];
  /** Literal segments count first: /releases/latest beats /releases/{release_id}. */
  literalMask: string;
}

const DOC_ID = 'https://api.github.local/openapi.json';
const MAX_ERRORS_REPORTED = 10;

const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

/** OpenAPI 3.0 `nullable` → JSON Schema. Examples are data, not schemas: left alone. */
function denullable(node: Json): Json {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) node[i] = denullable(node[i] as Json);
    return node;
  }
  if (node === null || typeof node !== 'object') return node;
  for (const key of Object.keys(node)) {
    if (key === 'example' || key === 'examples') continue;
    node[key] = denullable(node[key] as Json);
  }
  if (node.nullable !== true) return node;
  delete node.nullable;
  if (typeof node.type === 'string') {
    node.type = [node.type, 'null'];
    if (Array.isArray(node.enum) && !node.enum.includes(null)) node.enum.push(null);
    return node;
  }
  return { anyOf: [{ type: 'null' }, node] };
}

function formatErrors(errors: ErrorObject[] | null | undefined, where: string): string[] {
  return (errors ?? []).slice(0, MAX_ERRORS_REPORTED).map((e) => {
    const at = `${where}${e.instancePath}`;
    const extra =
      e.keyword === 'additionalProperties'
        ? ` '${String((e.params as { additionalProperty: string }).additionalProperty)}'`
        : e.keyword === 'enum'
          ? ` ${JSON.stringify((e.params as { allowedValues: unknown }).allowedValues)}`
          : '';
    return `${at} ${e.message ?? e.keyword}${extra}`;
  });
}

export class OpenApiDescription {
  private readonly doc: { paths: Record<string, JsonObject>; components: Record<string, Record<string, JsonObject>> };
  private readonly ajv: Ajv;
  private readonly bySegments = new Map<number, PathEntry[]>();
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly parameterCache = new Map<string, Parameter[]>();

  constructor(file: string) {
    const doc = JSON.parse(readFileSync(file, 'utf8')) as OpenApiDescription['doc'] & { components: { examples?: unknown } };
    delete doc.components.examples; // large and unused
    denullable(doc.components as unknown as Json);
    denullable(doc.paths as unknown as Json);
    this.doc = doc;

    // strict: false — OpenAPI keeps keywords JSON Schema does not have (example, discriminator,
    // readOnly, x-github…). validateSchema: false — the document as a whole is not a JSON Schema.
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    const addFormats = addFormatsPlugin as unknown as (ajv: Ajv) => Ajv;
    addFormats(this.ajv);
    // Formats GitHub uses that ajv-formats does not define: accepted as plain strings.
    for (const name of ['timestamp', 'repo.nwo']) this.ajv.addFormat(name, true);
    this.ajv.addSchema({ $id: DOC_ID, components: doc.components, paths: doc.paths });

    for (const template of Object.keys(doc.paths)) {
      const segments = template.split('/');
      const names: string[] = [];
      const source = segments
        .map((segment) =>
          segment.replace(/\{([^}]+)\}|[^{}]+/g, (part, name: string | undefined) => {
            if (name === undefined) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
            names.push(name);
            return '([^/]+)';
          }),
        )
        .join('/');
      const entry: PathEntry = {
        template,
        pattern: new RegExp(`^${source}$`),
        names,
        literalMask: segments.map((s) => (s.includes('{') ? '1' : '0')).join(''),
      };
      const list = this.bySegments.get(segments.length) ?? [];
      list.push(entry);
      this.bySegments.set(segments.length, list);
    }
    for (const list of this.bySegments.values()) list.sort((a, b) => a.literalMask.localeCompare(b.literalMask));
  }

  /** The operation GitHub documents for this method and path, or why there is none. */
  match(method: string, path: string): MatchedRoute | { error: 'unknown-path' | 'unknown-method' } {
    const candidates = this.bySegments.get(path.split('/').length) ?? [];
    let pathKnown = false;
    for (const entry of candidates) {
      const found = entry.pattern.exec(path);
      if (!found) continue;
      pathKnown = true;
      const op = this.doc.paths[entry.template]?.[method.toLowerCase()] as JsonObject | undefined;
      if (!op) continue;
      const params: Record<string, string> = {};
      entry.names.forEach((name, i) => (params[name] = decodeURIComponent(found[i + 1] ?? '')));
      return { operation: { operationId: String(op.operationId), method: method.toUpperCase(), template: entry.template }, params };
    }
    return { error: pathKnown ? 'unknown-method' : 'unknown-path' };
  }

  /**
   * Problems with a request, described the way a person fixing the caller needs them:
   * `rejected` ones GitHub refuses; `ignored` ones GitHub lets through but mean the caller
   * is wrong all the same (an unknown query parameter does nothing).
   */
  validateRequest(operation: Operation, request: { params: Record<string, string>; query: URLSearchParams; body: unknown }): { rejected: string[]; ignored: string[] } {
    const problems: string[] = [];
    const ignored: string[] = [];
    const parameters = this.parameters(operation);
    for (const p of parameters) {
      if (p.in === 'path') {
        const value = request.params[p.name] ?? '';
        problems.push(...this.check(p.schemaKey, coerce(value, p.schema), `path parameter '${p.name}'`));
      }
      if (p.in === 'query') {
        const raw = request.query.get(p.name);
        if (raw === null) {
          if (p.required) problems.push(`query parameter '${p.name}' is required`);
          continue;
        }
        problems.push(...this.check(p.schemaKey, coerce(raw, p.schema), `query parameter '${p.name}'`));
      }
    }
    const known = new Set(parameters.filter((p) => p.in === 'query').map((p) => p.name));
    for (const name of new Set(request.query.keys())) {
      // GitHub ignores unknown query parameters; a caller sending one has a typo or a wrong idea.
      if (!known.has(name)) ignored.push(`query parameter '${name}' is not defined for ${operation.operationId}`);
    }

    const body = this.requestBody(operation);
    if (request.body === undefined) {
      if (body?.required) problems.push('a request body is required');
    } else if (!body) {
      problems.push(`${operation.operationId} takes no request body`);
    } else {
      problems.push(...this.check(body.key, request.body, 'body'));
    }
    return { rejected: problems, ignored };
  }

  /** Problems with a response the server is about to send. */
  validateResponse(operation: Operation, status: number, body: unknown): string[] {
    const op = this.operationObject(operation);
    const responses = op.responses as JsonObject;
    const declared = (responses[String(status)] ?? responses.default) as JsonObject | undefined;
    if (!declared) {
      // GitHub does not document every error status (401, rate limits) on every operation;
      // a success status it does not document is a bug in this server.
      return status < 400 ? [`status ${status} is not documented for ${operation.operationId}`] : [];
    }
    const [response, base] = this.deref(declared, pointer('paths', operation.template, operation.method.toLowerCase(), 'responses', String(status)));
    const content = response.content as JsonObject | undefined;
    if (!content || !content['application/json']) {
      return body === undefined ? [] : [`status ${status} of ${operation.operationId} has no body, but one was sent`];
    }
    return this.check(`${DOC_ID}#/${base}/content/application~1json/schema`, body, 'response');
  }

  /** Validates a value against one of GitHub's named schemas (components/schemas/NAME). */
  validateSchema(name: string, value: unknown): string[] {
    if (!this.doc.components.schemas?.[name]) throw new Error(`GitHub's OpenAPI description has no schema named '${name}'`);
    return this.check(`${DOC_ID}#/${pointer('components', 'schemas', name)}`, value, name);
  }

  private check(key: string, value: unknown, where: string): string[] {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.getSchema(key);
      if (!validate) throw new Error(`no schema at ${key}`);
      this.validators.set(key, validate);
    }
    return validate(value) ? [] : formatErrors(validate.errors, where);
  }

  private operationObject(operation: Operation): JsonObject {
    return this.doc.paths[operation.template]?.[operation.method.toLowerCase()] as JsonObject;
  }

  /** Follows a local $ref; returns the object and the JSON pointer it lives at. */
  private deref(node: JsonObject, at: string): [JsonObject, string] {
    const ref = node.$ref;
    if (typeof ref !== 'string') return [node, at];
    const path = ref.replace(/^#\//, '');
    let target: unknown = this.doc;
    for (const part of path.split('/')) target = (target as Record<string, unknown>)[part.replaceAll('~1', '/').replaceAll('~0', '~')];
    return [target as JsonObject, path];
  }

  private parameters(operation: Operation): Parameter[] {
    const cached = this.parameterCache.get(operation.operationId);
    if (cached) return cached;
    const method = operation.method.toLowerCase();
    const pathItem = this.doc.paths[operation.template] ?? {};
    const sources: [Json, string][] = [];
    for (const [list, base] of [
      [pathItem.parameters, pointer('paths', operation.template, 'parameters')],
      [(pathItem[method] as JsonObject).parameters, pointer('paths', operation.template, method, 'parameters')],
    ] as const) {
      if (Array.isArray(list)) list.forEach((p, i) => sources.push([p, `${base}/${i}`]));
    }
    const result = sources.map(([raw, at]) => {
      const [p, base] = this.deref(raw as JsonObject, at);
      const [schema] = this.deref((p.schema ?? {}) as JsonObject, `${base}/schema`);
      return {
        name: String(p.name),
        in: p.in as Parameter['in'],
        required: p.required === true,
        schema,
        schemaKey: `${DOC_ID}#/${base}/schema`,
      };
    });
    this.parameterCache.set(operation.operationId, result);
    return result;
  }

  private requestBody(operation: Operation): { key: string; required: boolean } | undefined {
    const method = operation.method.toLowerCase();
    const raw = this.operationObject(operation).requestBody as JsonObject | undefined;
    if (!raw) return undefined;
    const [body, base] = this.deref(raw, pointer('paths', operation.template, method, 'requestBody'));
    const content = body.content as JsonObject | undefined;
    if (!content?.['application/json']) return undefined;
    return { key: `${DOC_ID}#/${base}/content/application~1json/schema`, required: body.required === true };
  }
}

/** Query strings are text; the schemas say integer/boolean. Coerce the way GitHub reads them. */
function coerce(raw: string, schema: JsonObject): unknown {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if ((type === 'integer' || type === 'number') && raw.trim() !== '' && !Number.isNaN(Number(raw))) return Number(raw);
  if (type === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
  if (type === 'array') return raw.split(',');
  return raw;
}

let loaded: OpenApiDescription | undefined;

/** GitHub's description for api.github.com, loaded once per process. */
export function githubOpenApi(): OpenApiDescription {
  loaded ??= new OpenApiDescription(new URL('generated/api.github.com.json', import.meta.resolve('@octokit/openapi/package.json')).pathname);
  return loaded;
}
