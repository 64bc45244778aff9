import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  slackTokenFromEnv
} from "./chunk-EF2UD6PU.js";
import {
  createSlackClient,
  postOnce,
  slackLink,
  slackText
} from "./chunk-O4T6MXEG.js";
import {
  createGitHubClient,
  require_light
} from "./chunk-KKM4JSI7.js";
import {
  canonicalJson
} from "./chunk-7Y4KZRG2.js";
import {
  stripControls
} from "./chunk-IIVPVJHC.js";
import {
  execa
} from "./chunk-YK4KFZUA.js";
import {
  ZodISODate,
  ZodISODateTime,
  ZodISODuration,
  ZodISOTime,
  _isoDate,
  _isoDateTime,
  _isoDuration,
  _isoTime,
  array,
  literal,
  loadConfig,
  number,
  object,
  string
} from "./chunk-P343D4NB.js";
import {
  discoverFleet
} from "./chunk-U3UJK7Z7.js";
import "./chunk-IBDRWFRH.js";
import {
  consoleReporter
} from "./chunk-SMPAV5OI.js";
import {
  parseFlags
} from "./chunk-4WOUKBCQ.js";
import "./chunk-KPGBGOOP.js";
import {
  isValidVersion,
  tagFormatFor
} from "./chunk-LDUL6X6Y.js";
import {
  git,
  repositoryUrl
} from "./chunk-4CSZ42WN.js";
import {
  require_semver
} from "./chunk-BAVTOFCZ.js";
import {
  SlipwayError,
  formatError
} from "./chunk-LWD5H3C4.js";
import {
  __commonJS,
  __export,
  __require,
  __toESM
} from "./chunk-X24BQQWF.js";

// node_modules/@notionhq/client/build/src/utils.js
var require_utils = __commonJS({
  "node_modules/@notionhq/client/build/src/utils.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.assertNever = assertNever;
    exports.pick = pick;
    exports.isObject = isObject;
    exports.getUnknownParams = getUnknownParams;
    function assertNever(value) {
      throw new Error(`Unexpected value should never occur: ${value}`);
    }
    function pick(base, keys) {
      const entries = keys.map((key) => [key, base === null || base === void 0 ? void 0 : base[key]]);
      return Object.fromEntries(entries);
    }
    function isObject(o) {
      return typeof o === "object" && o !== null;
    }
    function getUnknownParams(args, endpoint) {
      var _a;
      const knownKeys = /* @__PURE__ */ new Set([
        ...endpoint.pathParams,
        ...endpoint.queryParams,
        ...endpoint.bodyParams,
        ...(_a = endpoint.formDataParams) !== null && _a !== void 0 ? _a : [],
        "auth"
      ]);
      return Object.keys(args).filter((k) => !knownKeys.has(k));
    }
  }
});

// node_modules/@notionhq/client/build/src/logging.js
var require_logging = __commonJS({
  "node_modules/@notionhq/client/build/src/logging.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.LogLevel = void 0;
    exports.makeConsoleLogger = makeConsoleLogger;
    exports.logLevelSeverity = logLevelSeverity;
    var utils_1 = require_utils();
    var LogLevel2;
    (function(LogLevel3) {
      LogLevel3["DEBUG"] = "debug";
      LogLevel3["INFO"] = "info";
      LogLevel3["WARN"] = "warn";
      LogLevel3["ERROR"] = "error";
    })(LogLevel2 || (exports.LogLevel = LogLevel2 = {}));
    function makeConsoleLogger(name) {
      return (level, message, extraInfo) => {
        console[level](`${name} ${level}:`, message, extraInfo);
      };
    }
    function logLevelSeverity(level) {
      switch (level) {
        case LogLevel2.DEBUG:
          return 20;
        case LogLevel2.INFO:
          return 40;
        case LogLevel2.WARN:
          return 60;
        case LogLevel2.ERROR:
          return 80;
        default:
          return (0, utils_1.assertNever)(level);
      }
    }
  }
});

// node_modules/@notionhq/client/build/src/errors.js
var require_errors = __commonJS({
  "node_modules/@notionhq/client/build/src/errors.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.APIResponseError = exports.UnknownHTTPResponseError = exports.InvalidPathParameterError = exports.RequestTimeoutError = exports.ClientErrorCode = exports.APIErrorCode = void 0;
    exports.isNotionClientError = isNotionClientError;
    exports.validateRequestPath = validateRequestPath;
    exports.getResponseHeader = getResponseHeader;
    exports.isHTTPResponseError = isHTTPResponseError;
    exports.buildRequestError = buildRequestError;
    var utils_1 = require_utils();
    var APIErrorCode;
    (function(APIErrorCode2) {
      APIErrorCode2["Unauthorized"] = "unauthorized";
      APIErrorCode2["RestrictedResource"] = "restricted_resource";
      APIErrorCode2["ObjectNotFound"] = "object_not_found";
      APIErrorCode2["RateLimited"] = "rate_limited";
      APIErrorCode2["InvalidJSON"] = "invalid_json";
      APIErrorCode2["InvalidRequestURL"] = "invalid_request_url";
      APIErrorCode2["InvalidRequest"] = "invalid_request";
      APIErrorCode2["InvalidBeta"] = "invalid_beta";
      APIErrorCode2["ValidationError"] = "validation_error";
      APIErrorCode2["ConflictError"] = "conflict_error";
      APIErrorCode2["InternalServerError"] = "internal_server_error";
      APIErrorCode2["ServiceOverload"] = "service_overload";
      APIErrorCode2["ServiceUnavailable"] = "service_unavailable";
      APIErrorCode2["GatewayTimeout"] = "gateway_timeout";
    })(APIErrorCode || (exports.APIErrorCode = APIErrorCode = {}));
    var ClientErrorCode;
    (function(ClientErrorCode2) {
      ClientErrorCode2["RequestTimeout"] = "notionhq_client_request_timeout";
      ClientErrorCode2["ResponseError"] = "notionhq_client_response_error";
      ClientErrorCode2["InvalidPathParameter"] = "notionhq_client_invalid_path_parameter";
    })(ClientErrorCode || (exports.ClientErrorCode = ClientErrorCode = {}));
    var NotionClientErrorBase = class extends Error {
    };
    function isNotionClientError(error) {
      return (0, utils_1.isObject)(error) && error instanceof NotionClientErrorBase;
    }
    function isNotionClientErrorWithCode(error, codes) {
      return isNotionClientError(error) && error.code in codes;
    }
    var RequestTimeoutError = class _RequestTimeoutError extends NotionClientErrorBase {
      constructor(message = "Request to Notion API has timed out") {
        super(message);
        this.code = ClientErrorCode.RequestTimeout;
        this.name = "RequestTimeoutError";
      }
      static isRequestTimeoutError(error) {
        return isNotionClientErrorWithCode(error, {
          [ClientErrorCode.RequestTimeout]: true
        });
      }
      static rejectAfterTimeout(promise, timeoutMS) {
        return new Promise((resolve2, reject) => {
          const timeoutId = setTimeout(() => {
            reject(new _RequestTimeoutError());
          }, timeoutMS);
          promise.then(resolve2).catch(reject).then(() => clearTimeout(timeoutId));
        });
      }
    };
    exports.RequestTimeoutError = RequestTimeoutError;
    var InvalidPathParameterError = class extends NotionClientErrorBase {
      constructor(message = "Path parameter contains invalid characters that could alter the request path") {
        super(message);
        this.code = ClientErrorCode.InvalidPathParameter;
        this.name = "InvalidPathParameterError";
      }
      static isInvalidPathParameterError(error) {
        return isNotionClientErrorWithCode(error, {
          [ClientErrorCode.InvalidPathParameter]: true
        });
      }
    };
    exports.InvalidPathParameterError = InvalidPathParameterError;
    function validateRequestPath(path) {
      if (path.includes("..")) {
        throw new InvalidPathParameterError(`Request path "${path}" contains path traversal sequence ".."`);
      }
      if (/%2e/i.test(path)) {
        let decoded;
        try {
          decoded = decodeURIComponent(path);
        } catch {
          return;
        }
        if (decoded.includes("..")) {
          throw new InvalidPathParameterError(`Request path "${path}" contains encoded path traversal sequence`);
        }
      }
    }
    function getResponseHeader(headers, name) {
      if (!(0, utils_1.isObject)(headers)) {
        return void 0;
      }
      const get = headers["get"];
      if (typeof get === "function") {
        const value = get.call(headers, name);
        return typeof value === "string" ? value : void 0;
      }
      const lowerName = name.toLowerCase();
      for (const [key, value] of Object.entries(headers)) {
        if (key.toLowerCase() !== lowerName) {
          continue;
        }
        if (typeof value === "string") {
          return value;
        }
        if (Array.isArray(value) && typeof value[0] === "string") {
          return value[0];
        }
      }
      return void 0;
    }
    var HTTPResponseError = class extends NotionClientErrorBase {
      constructor(args) {
        super(args.message);
        this.name = "HTTPResponseError";
        const { code, status, headers, rawBodyText, additional_data, request_id } = args;
        this.code = code;
        this.status = status;
        this.headers = headers;
        this.body = rawBodyText;
        this.additional_data = additional_data;
        this.request_id = request_id !== null && request_id !== void 0 ? request_id : getResponseHeader(headers, "x-notion-request-id");
        this.ray_id = getResponseHeader(headers, "cf-ray");
      }
    };
    var httpResponseErrorCodes = {
      [ClientErrorCode.ResponseError]: true,
      [APIErrorCode.Unauthorized]: true,
      [APIErrorCode.RestrictedResource]: true,
      [APIErrorCode.ObjectNotFound]: true,
      [APIErrorCode.RateLimited]: true,
      [APIErrorCode.InvalidJSON]: true,
      [APIErrorCode.InvalidRequestURL]: true,
      [APIErrorCode.InvalidRequest]: true,
      [APIErrorCode.InvalidBeta]: true,
      [APIErrorCode.ValidationError]: true,
      [APIErrorCode.ConflictError]: true,
      [APIErrorCode.InternalServerError]: true,
      [APIErrorCode.ServiceOverload]: true,
      [APIErrorCode.ServiceUnavailable]: true,
      [APIErrorCode.GatewayTimeout]: true
    };
    function isHTTPResponseError(error) {
      if (!isNotionClientErrorWithCode(error, httpResponseErrorCodes)) {
        return false;
      }
      return true;
    }
    var UnknownHTTPResponseError = class extends HTTPResponseError {
      constructor(args) {
        var _a;
        const ray_id = getResponseHeader(args.headers, "cf-ray");
        const request_id = getResponseHeader(args.headers, "x-notion-request-id");
        super({
          ...args,
          code: ClientErrorCode.ResponseError,
          message: (_a = args.message) !== null && _a !== void 0 ? _a : buildUnknownResponseMessage({
            status: args.status,
            contentType: getResponseHeader(args.headers, "content-type"),
            ray_id,
            request_id
          }),
          additional_data: void 0,
          request_id
        });
        this.name = "UnknownHTTPResponseError";
      }
      static isUnknownHTTPResponseError(error) {
        return isNotionClientErrorWithCode(error, {
          [ClientErrorCode.ResponseError]: true
        });
      }
    };
    exports.UnknownHTTPResponseError = UnknownHTTPResponseError;
    var apiErrorCodes = {
      [APIErrorCode.Unauthorized]: true,
      [APIErrorCode.RestrictedResource]: true,
      [APIErrorCode.ObjectNotFound]: true,
      [APIErrorCode.RateLimited]: true,
      [APIErrorCode.InvalidJSON]: true,
      [APIErrorCode.InvalidRequestURL]: true,
      [APIErrorCode.InvalidRequest]: true,
      [APIErrorCode.InvalidBeta]: true,
      [APIErrorCode.ValidationError]: true,
      [APIErrorCode.ConflictError]: true,
      [APIErrorCode.InternalServerError]: true,
      [APIErrorCode.ServiceOverload]: true,
      [APIErrorCode.ServiceUnavailable]: true,
      [APIErrorCode.GatewayTimeout]: true
    };
    var APIResponseError2 = class extends HTTPResponseError {
      constructor() {
        super(...arguments);
        this.name = "APIResponseError";
      }
      static isAPIResponseError(error) {
        return isNotionClientErrorWithCode(error, apiErrorCodes);
      }
    };
    exports.APIResponseError = APIResponseError2;
    function buildRequestError(response, bodyText) {
      const apiErrorResponseBody = parseAPIErrorResponseBody(bodyText);
      if (apiErrorResponseBody !== void 0) {
        return new APIResponseError2({
          code: apiErrorResponseBody.code,
          message: apiErrorResponseBody.message,
          headers: response.headers,
          status: response.status,
          rawBodyText: bodyText,
          additional_data: apiErrorResponseBody.additional_data,
          request_id: apiErrorResponseBody.request_id
        });
      }
      return new UnknownHTTPResponseError({
        message: void 0,
        headers: response.headers,
        status: response.status,
        rawBodyText: bodyText
      });
    }
    function buildUnknownResponseMessage(args) {
      const { status, contentType, ray_id, request_id } = args;
      const base = `Request to Notion API failed with status: ${status}`;
      if (ray_id === void 0 || request_id !== void 0) {
        return base;
      }
      const contentTypeNote = contentType !== void 0 ? ` (content-type: ${contentType})` : "";
      const blockedRequestNote = status === 403 ? " This may mean the request was blocked by a network security rule." : "";
      return `${base}. The response was returned by Notion's edge proxy before reaching the Notion API${contentTypeNote}.${blockedRequestNote} Cloudflare Ray ID: ${ray_id}. Include this ID when contacting Notion support.`;
    }
    function parseAPIErrorResponseBody(body) {
      if (typeof body !== "string") {
        return;
      }
      let parsed;
      try {
        parsed = JSON.parse(body);
      } catch (parseError) {
        return;
      }
      if (!(0, utils_1.isObject)(parsed) || typeof parsed["message"] !== "string" || !isAPIErrorCode(parsed["code"])) {
        return;
      }
      const additional_data = parsed["additional_data"];
      const request_id = parsed["request_id"];
      return {
        ...parsed,
        code: parsed["code"],
        message: parsed["message"],
        additional_data,
        request_id
      };
    }
    function isAPIErrorCode(code) {
      return typeof code === "string" && code in apiErrorCodes;
    }
  }
});

// node_modules/@notionhq/client/build/src/constants.js
var require_constants = __commonJS({
  "node_modules/@notionhq/client/build/src/constants.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.MIN_VIEW_COLUMN_WIDTH = exports.DEFAULT_MAX_RETRY_DELAY_MS = exports.DEFAULT_INITIAL_RETRY_DELAY_MS = exports.DEFAULT_MAX_RETRIES = exports.DEFAULT_TIMEOUT_MS = exports.DEFAULT_BASE_URL = void 0;
    exports.DEFAULT_BASE_URL = "https://api.notion.com";
    exports.DEFAULT_TIMEOUT_MS = 6e4;
    exports.DEFAULT_MAX_RETRIES = 2;
    exports.DEFAULT_INITIAL_RETRY_DELAY_MS = 1e3;
    exports.DEFAULT_MAX_RETRY_DELAY_MS = 6e4;
    exports.MIN_VIEW_COLUMN_WIDTH = 32;
  }
});

// node_modules/@notionhq/client/build/src/api-endpoints/agents.js
var require_agents = __commonJS({
  "node_modules/@notionhq/client/build/src/api-endpoints/agents.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.updateSession = exports.updateAgentStatus = exports.updateAgentCreditLimit = exports.startExternalAgentStubSession = exports.sendExternalAgentStubSessionMessage = exports.retrieveSession = exports.queryThreads = exports.queryThreadMessages = exports.querySessions = exports.querySessionEvents = exports.queryAgents = exports.listThreads = exports.sendThreadMessage = exports.listThreadMessages = exports.listExternalAgentStubSessionEvents = exports.listAgents = exports.getInsights = exports.updateExternalAgentStubVault = exports.deleteExternalAgentStubVault = exports.getAgent = exports.deleteAgent = exports.createExternalAgentStubVault = exports.continueThread = exports.chatWithAgent = exports.cancelSession = exports.agentBatch = exports.updateSessionStream = void 0;
    exports.updateSessionStream = {
      method: "post",
      pathParams: [],
      queryParams: [],
      bodyParams: [
        "message",
        "agent_id",
        "session_id",
        "attachments",
        "metadata",
        "prompt_context",
        "actions",
        "continue_from"
      ],
      headers: { Accept: "text/event-stream" },
      path: () => `sessions`
    };
    exports.agentBatch = {
      method: "post",
      pathParams: [],
      queryParams: [],
      bodyParams: ["operations"],
      path: () => `agents/batch`
    };
    exports.cancelSession = {
      method: "post",
      pathParams: ["session_id"],
      queryParams: [],
      bodyParams: ["event_id"],
      path: (p) => `sessions/${p.session_id}/cancel`
    };
    exports.chatWithAgent = {
      method: "post",
      pathParams: ["agent_id"],
      queryParams: ["verbose"],
      bodyParams: [
        "message",
        "attachments",
        "metadata",
        "prompt_context",
        "thread_id"
      ],
      path: (p) => `agents/${p.agent_id}/chat`
    };
    exports.continueThread = {
      method: "post",
      pathParams: ["thread_id"],
      queryParams: [],
      bodyParams: ["action_id", "option_id", "input"],
      path: (p) => `threads/${p.thread_id}/continue`
    };
    exports.createExternalAgentStubVault = {
      method: "post",
      pathParams: ["agent_id"],
      queryParams: [],
      bodyParams: ["name", "credential", "target"],
      path: (p) => `external_agent_stub/${p.agent_id}/vaults`
    };
    exports.deleteAgent = {
      method: "delete",
      pathParams: ["agent_id"],
      queryParams: [],
      bodyParams: [],
      path: (p) => `agents/${p.agent_id}`
    };
    exports.getAgent = {
      method: "get",
      pathParams: ["agent_id"],
      queryParams: ["verbose"],
      bodyParams: [],
      path: (p) => `agents/${p.agent_id}`
    };
    exports.deleteExternalAgentStubVault = {
      method: "delete",
      pathParams: ["agent_id", "vault_id"],
      queryParams: [],
      bodyParams: [],
      path: (p) => `external_agent_stub/${p.agent_id}/vaults/${p.vault_id}`
    };
    exports.updateExternalAgentStubVault = {
      method: "patch",
      pathParams: ["agent_id", "vault_id"],
      queryParams: [],
      bodyParams: ["expected_version", "credential"],
      path: (p) => `external_agent_stub/${p.agent_id}/vaults/${p.vault_id}`
    };
    exports.getInsights = {
      method: "get",
      pathParams: ["agent_id"],
      queryParams: ["start_time", "end_time"],
      bodyParams: [],
      path: (p) => `agents/${p.agent_id}/insights`
    };
    exports.listAgents = {
      method: "get",
      pathParams: [],
      queryParams: [
        "name",
        "agent_type",
        "agent_ids",
        "created_by",
        "start_cursor",
        "page_size",
        "verbose"
      ],
      bodyParams: [],
      path: () => `agents`
    };
    exports.listExternalAgentStubSessionEvents = {
      method: "get",
      pathParams: ["agent_id", "session_id"],
      queryParams: ["cursor"],
      bodyParams: [],
      path: (p) => `external_agent_stub/${p.agent_id}/sessions/${p.session_id}/events`
    };
    exports.listThreadMessages = {
      method: "get",
      pathParams: ["thread_id"],
      queryParams: ["verbose", "role", "start_cursor", "page_size"],
      bodyParams: [],
      path: (p) => `threads/${p.thread_id}/messages`
    };
    exports.sendThreadMessage = {
      method: "post",
      pathParams: ["thread_id"],
      queryParams: [],
      bodyParams: ["message", "attachments", "metadata", "prompt_context"],
      path: (p) => `threads/${p.thread_id}/messages`
    };
    exports.listThreads = {
      method: "get",
      pathParams: ["agent_id"],
      queryParams: [
        "id",
        "title",
        "status",
        "activity",
        "created_by",
        "last_used_by",
        "sort_by",
        "sort_direction",
        "start_cursor",
        "page_size"
      ],
      bodyParams: [],
      path: (p) => `agents/${p.agent_id}/threads`
    };
    exports.queryAgents = {
      method: "post",
      pathParams: [],
      queryParams: [],
      bodyParams: [
        "query",
        "filter",
        "sorts",
        "start_cursor",
        "page_size",
        "verbose",
        "include_deleted"
      ],
      path: () => `agents/query`
    };
    exports.querySessionEvents = {
      method: "post",
      pathParams: ["session_id"],
      queryParams: [],
      bodyParams: ["filter", "sorts", "start_cursor", "page_size"],
      path: (p) => `sessions/${p.session_id}/events/query`
    };
    exports.querySessions = {
      method: "post",
      pathParams: [],
      queryParams: [],
      bodyParams: ["query", "filter", "sorts", "start_cursor", "page_size"],
      path: () => `sessions/query`
    };
    exports.queryThreadMessages = {
      method: "post",
      pathParams: ["thread_id"],
      queryParams: [],
      bodyParams: ["verbose", "start_cursor", "page_size"],
      path: (p) => `threads/${p.thread_id}/messages/query`
    };
    exports.queryThreads = {
      method: "post",
      pathParams: ["agent_id"],
      queryParams: [],
      bodyParams: ["query", "filter", "sorts", "start_cursor", "page_size"],
      path: (p) => `agents/${p.agent_id}/threads/query`
    };
    exports.retrieveSession = {
      method: "get",
      pathParams: ["session_id"],
      queryParams: [],
      bodyParams: [],
      path: (p) => `sessions/${p.session_id}`
    };
    exports.sendExternalAgentStubSessionMessage = {
      method: "post",
      pathParams: ["agent_id", "session_id"],
      queryParams: [],
      bodyParams: ["message", "client_message_id"],
      path: (p) => `external_agent_stub/${p.agent_id}/sessions/${p.session_id}/messages`
    };
    exports.startExternalAgentStubSession = {
      method: "post",
      pathParams: ["agent_id"],
      queryParams: [],
      bodyParams: [
        "spec_version",
        "client_reference_id",
        "configs",
        "model",
        "cwd",
        "locale",
        "system_prompt"
      ],
      path: (p) => `external_agent_stub/${p.agent_id}/sessions`
    };
    exports.updateAgentCreditLimit = {
      method: "patch",
      pathParams: ["agent_id"],
      queryParams: [],
      bodyParams: ["credit_limit"],
      path: (p) => `agents/${p.agent_id}/credit_limit`
    };
    exports.updateAgentStatus = {
      method: "patch",
      pathParams: ["agent_id"],
      queryParams: [],
      bodyParams: ["status"],
      path: (p) => `agents/${p.agent_id}/status`
    };
    exports.updateSession = {
      method: "post",
      pathParams: [],
      queryParams: [],
      bodyParams: [
        "message",
        "agent_id",
        "session_id",
        "attachments",
        "metadata",
        "prompt_context",
        "actions",
        "continue_from"
      ],
      path: () => `sessions`
    };
  }
});

// node_modules/@notionhq/client/build/src/api-endpoints/async-tasks.js
var require_async_tasks = __commonJS({
  "node_modules/@notionhq/client/build/src/api-endpoints/async-tasks.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getAsyncTask = void 0;
    exports.getAsyncTask = {
      method: "get",
      pathParams: ["task_id"],
      queryParams: [],
      bodyParams: [],
      path: (p) => `async_tasks/${p.task_id}`
    };
  }
});

// node_modules/@notionhq/client/build/src/api-endpoints/blocks.js
var require_blocks = __commonJS({
  "node_modules/@notionhq/client/build/src/api-endpoints/blocks.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.appendBlockChildren = exports.listBlockChildren = exports.deleteBlock = exports.updateBlock = exports.getBlock = void 0;
    exports.getBlock = {
      method: "get",
      pathParams: ["block_id"],
      queryParams: [],
      bodyParams: [],
      path: (p) => `blocks/${p.block_id}`
    };
    exports.updateBlock = {
      method: "patch",
      pathParams: ["block_id"],
      queryParams: [],
      bodyParams: [
        "archived",
        "embed",
        "type",
        "in_trash",
        "bookmark",
        "image",
        "video",
        "pdf",
        "file",
        "audio",
        "code",
        "equation",
        "divider",
        "breadcrumb",
        "tab",
        "table_of_contents",
        "link_to_page",
        "table_row",
        "heading_1",
        "heading_2",
        "heading_3",
        "heading_4",
        "paragraph",
        "bulleted_list_item",
        "numbered_list_item",
        "quote",
        "to_do",
        "toggle",
        "template",
        "callout",
        "synced_block",
        "table",
        "column"
      ],
      path: (p) => `blocks/${p.block_id}`
    };
    exports.deleteBlock = {
      method: "delete",
      pathParams: ["block_id"],
      queryParams: [],
      bodyParams: [],
      path: (p) => `blocks/${p.block_id}`
    };
    exports.listBlockChildren = {
      method: "get",
      pathParams: ["block_id"],
      queryParams: ["start_cursor", "page_size"],
      bodyParams: [],
      path: (p) => `blocks/${p.block_id}/children`
    };
    exports.appendBlockChildren = {
      method: "patch",
      pathParams: ["block_id"],
      queryParams: [],
      bodyParams: ["after", "children", "position"],
      path: (p) => `blocks/${p.block_id}/children`
    };
  }
});

// node_modules/@notionhq/client/build/src/api-endpoints/comments.js
var require_comments = __commonJS({
  "node_modules/@notionhq/client/build/src/api-endpoints/comments.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.deleteComment = exports.updateComment = exports.getComment = exports.listComments = exports.createComment = void 0;
    exports.createComment = {
      method: "post",
      pathParams: [],
      queryParams: [],
      bodyParams: [
        "attachments",
        "display_name",
        "parent",
        "rich_text",
        "markdown",
        "discussion_id"
      ],
      path: () => `comments`
    };
    exports.listComments = {
      method: "get",
      pathParams: [],
      queryParams: ["block_id", "start_cursor", "page_size"],
      bodyParams: [],
      path: () => `comments`
    };
    exports.getComment = {
      method: "get",
      pathParams: ["comment_id"],
      queryParams: [],
      bodyParams: [],
      path: (p) => `comments/${p.comment_id}`
    };
    exports.updateComment = {
      method: "patch",
      pathParams: ["comment_id"],
      queryParams: [],
      bodyParams: ["rich_text", "markdown"],
      path: (p) => `comments/${p.comment_id}`
    };
    exports.deleteComment = {
      method: "delete",
      pathParams: ["comment_id"],
      queryParams: [],
      bodyParams: [],
      path: (p) => `comments/${p.comment_id}`
    };
  }
});

// node_modules/@notionhq/client/build/src/api-endpoints/common.js
var require_common = __commonJS({
  "node_modules/@notionhq/client/build/src/api-endpoints/common.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
  }
});

// node_modules/@notionhq/client/build/src/api-endpoints/custom-emojis.js
var require_custom_emojis = __commonJS({
  "node_modules/@notionhq/client/build/src/api-endpoints/custom-emojis.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.listCustomEmojis = void 0;
    exports.listCustomEmojis = {
      method: "get",
      pathParams: [],
      queryParams: ["start_cursor", "page_size", "name"],
      bodyParams: [],
      path: () => `custom_emojis`
    };
  }
});

// node_modules/@notionhq/client/build/src/api-endpoints/data-sources.js
var require_data_sources = __commonJS({
  "node_modules/@notionhq/client/build/src/api-endpoints/data-sources.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.listDataSourceTemplates = exports.createDataSource = exports.queryDataSource = exports.updateDataSource = exports.getDataSource = void 0;
    exports.getDataSource = {
      method: "get",
      pathParams: ["data_source_id"],
      queryParams: [],
      bodyParams: [],
      path: (p) => `data_sources/${p.data_source_id}`
    };
    exports.updateDataSource = {
      method: "patch",
      pathParams: ["data_source_id"],
      queryParams: [],
      bodyParams: ["archived", "title", "icon", "properties", "in_trash", "parent"],
      path: (p) => `data_sources/${p.data_source_id}`
    };
    exports.queryDataSource = {
      method: "post",
      pathParams: ["data_source_id"],
      queryParams: ["filter_properties"],
      bodyParams: [
        "archived",
        "sorts",
        "filter",
        "start_cursor",
        "page_size",
        "in_trash",
        "result_type"
      ],
      path: (p) => `data_sources/${p.data_source_id}/query`
    };
    exports.createDataSource = {
      method: "post",
      pathParams: [],
      queryParams: [],
      bodyParams: ["parent", "properties", "title", "icon"],
      path: () => `data_sources`
    };
    exports.listDataSourceTemplates = {
      method: "get",
      pathParams: ["data_source_id"],
      queryParams: ["name", "start_cursor", "page_size"],
      bodyParams: [],
      path: (p) => `data_sources/${p.data_source_id}/templates`
    };
  }
});

// node_modules/@notionhq/client/build/src/api-endpoints/databases.js
var require_databases = __commonJS({
  "node_modules/@notionhq/client/build/src/api-endpoints/databases.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.createDatabase = exports.updateDatabase = exports.getDatabase = void 0;
    exports.getDatabase = {
      method: "get",
      pathParams: ["database_id"],
      queryParams: [],
      bodyParams: [],
      path: (p) => `databases/${p.database_id}`
    };
    exports.updateDatabase = {
      method: "patch",
      pathParams: ["database_id"],
      queryParams: [],
      bodyParams: [
        "parent",
        "title",
        "description",
        "is_inline",
        "icon",
        "cover",
        "in_trash",
        "is_locked"
      ],
      path: (p) => `databases/${p.database_id}`
    };
    exports.createDatabase = {
      method: "post",
      pathParams: [],
      queryParams: [],
      bodyParams: [
        "parent",
        "title",
        "description",
        "is_inline",
        "initial_data_source",
        "icon",
        "cover"
      ],
      path: () => `databases`
    };
  }
});

// node_modules/@notionhq/client/build/src/api-endpoints/file-uploads.js
var require_file_uploads = __commonJS({
  "node_modules/@notionhq/client/build/src/api-endpoints/file-uploads.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getFileUpload = exports.completeFileUpload = exports.sendFileUpload = exports.listFileUploads = exports.createFileUpload = void 0;
    exports.createFileUpload = {
      method: "post",
      pathParams: [],
      queryParams: [],
      bodyParams: [
        "mode",
        "filename",
        "content_type",
        "number_of_parts",
        "external_url"
      ],
      path: () => `file_uploads`
    };
    exports.listFileUploads = {
      method: "get",
      pathParams: [],
      queryParams: ["status", "start_cursor", "page_size"],
      bodyParams: [],
      path: () => `file_uploads`
    };
    exports.sendFileUpload = {
      method: "post",
      pathParams: ["file_upload_id"],
      queryParams: [],
      bodyParams: [],
      formDataParams: ["file", "part_number"],
      path: (p) => `file_uploads/${p.file_upload_id}/send`
    };
    exports.completeFileUpload = {
      method: "post",
      pathParams: ["file_upload_id"],
      queryParams: [],
      bodyParams: [],
      path: (p) => `file_uploads/${p.file_upload_id}/complete`
    };
    exports.getFileUpload = {
      method: "get",
      pathParams: ["file_upload_id"],
      queryParams: [],
      bodyParams: [],
      path: (p) => `file_uploads/${p.file_upload_id}`
    };
  }
});

// node_modules/@notionhq/client/build/src/api-endpoints/meeting-notes.js
var require_meeting_notes = __commonJS({
  "node_modules/@notionhq/client/build/src/api-endpoints/meeting-notes.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.queryMeetingNotes = exports.createMeetingNote = void 0;
    exports.createMeetingNote = {
      method: "post",
      pathParams: [],
      queryParams: [],
      bodyParams: ["title", "language", "options", "source", "parent"],
      path: () => `blocks/meeting_notes`
    };
    exports.queryMeetingNotes = {
      method: "post",
      pathParams: [],
      queryParams: [],
      bodyParams: ["filter", "sort", "limit"],
      path: () => `blocks/meeting_notes/query`
    };
  }
});

// node_modules/@notionhq/client/build/src/api-endpoints/oauth.js
var require_oauth = __commonJS({
  "node_modules/@notionhq/client/build/src/api-endpoints/oauth.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.oauthIntrospect = exports.oauthRevoke = exports.oauthToken = void 0;
    exports.oauthToken = {
      method: "post",
      pathParams: [],
      queryParams: [],
      bodyParams: [
        "grant_type",
        "code",
        "redirect_uri",
        "external_account",
        "refresh_token"
      ],
      path: () => `oauth/token`
    };
    exports.oauthRevoke = {
      method: "post",
      pathParams: [],
      queryParams: [],
      bodyParams: ["token"],
      path: () => `oauth/revoke`
    };
    exports.oauthIntrospect = {
      method: "post",
      pathParams: [],
      queryParams: [],
      bodyParams: ["token"],
      path: () => `oauth/introspect`
    };
  }
});

// node_modules/@notionhq/client/build/src/api-endpoints/pages.js
var require_pages = __commonJS({
  "node_modules/@notionhq/client/build/src/api-endpoints/pages.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.updatePageMarkdown = exports.getPageMarkdown = exports.getPageProperty = exports.movePage = exports.updatePage = exports.getPage = exports.createPage = void 0;
    exports.createPage = {
      method: "post",
      pathParams: [],
      queryParams: ["filter_properties"],
      bodyParams: [
        "parent",
        "properties",
        "icon",
        "cover",
        "content",
        "children",
        "markdown",
        "allow_async",
        "template",
        "position"
      ],
      path: () => `pages`
    };
    exports.getPage = {
      method: "get",
      pathParams: ["page_id"],
      queryParams: ["filter_properties"],
      bodyParams: [],
      path: (p) => `pages/${p.page_id}`
    };
    exports.updatePage = {
      method: "patch",
      pathParams: ["page_id"],
      queryParams: ["filter_properties"],
      bodyParams: [
        "archived",
        "properties",
        "icon",
        "cover",
        "is_locked",
        "template",
        "erase_content",
        "in_trash",
        "is_archived"
      ],
      path: (p) => `pages/${p.page_id}`
    };
    exports.movePage = {
      method: "post",
      pathParams: ["page_id"],
      queryParams: [],
      bodyParams: ["parent"],
      path: (p) => `pages/${p.page_id}/move`
    };
    exports.getPageProperty = {
      method: "get",
      pathParams: ["page_id", "property_id"],
      queryParams: ["start_cursor", "page_size"],
      bodyParams: [],
      path: (p) => `pages/${p.page_id}/properties/${p.property_id}`
    };
    exports.getPageMarkdown = {
      method: "get",
      pathParams: ["page_id"],
      queryParams: ["include_transcript"],
      bodyParams: [],
      path: (p) => `pages/${p.page_id}/markdown`
    };
    exports.updatePageMarkdown = {
      method: "patch",
      pathParams: ["page_id"],
      queryParams: [],
      bodyParams: [
        "allow_async",
        "type",
        "insert_content",
        "replace_content_range",
        "update_content",
        "replace_content"
      ],
      path: (p) => `pages/${p.page_id}/markdown`
    };
  }
});

// node_modules/@notionhq/client/build/src/api-endpoints/search.js
var require_search = __commonJS({
  "node_modules/@notionhq/client/build/src/api-endpoints/search.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.search = void 0;
    exports.search = {
      method: "post",
      pathParams: [],
      queryParams: [],
      bodyParams: ["sort", "query", "start_cursor", "page_size", "filter"],
      path: () => `search`
    };
  }
});

// node_modules/@notionhq/client/build/src/api-endpoints/users.js
var require_users = __commonJS({
  "node_modules/@notionhq/client/build/src/api-endpoints/users.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.listUsers = exports.getUser = exports.getSelf = void 0;
    exports.getSelf = {
      method: "get",
      pathParams: [],
      queryParams: [],
      bodyParams: [],
      path: () => `users/me`
    };
    exports.getUser = {
      method: "get",
      pathParams: ["user_id"],
      queryParams: [],
      bodyParams: [],
      path: (p) => `users/${p.user_id}`
    };
    exports.listUsers = {
      method: "get",
      pathParams: [],
      queryParams: ["start_cursor", "page_size"],
      bodyParams: [],
      path: () => `users`
    };
  }
});

// node_modules/@notionhq/client/build/src/api-endpoints/views.js
var require_views = __commonJS({
  "node_modules/@notionhq/client/build/src/api-endpoints/views.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.deleteViewQuery = exports.getViewQueryResults = exports.createViewQuery = exports.deleteView = exports.updateView = exports.getView = exports.createView = exports.listDatabaseViews = void 0;
    exports.listDatabaseViews = {
      method: "get",
      pathParams: [],
      queryParams: ["database_id", "data_source_id", "start_cursor", "page_size"],
      bodyParams: [],
      path: () => `views`
    };
    exports.createView = {
      method: "post",
      pathParams: [],
      queryParams: [],
      bodyParams: [],
      path: () => `views`
    };
    exports.getView = {
      method: "get",
      pathParams: ["view_id"],
      queryParams: [],
      bodyParams: [],
      path: (p) => `views/${p.view_id}`
    };
    exports.updateView = {
      method: "patch",
      pathParams: ["view_id"],
      queryParams: [],
      bodyParams: [],
      path: (p) => `views/${p.view_id}`
    };
    exports.deleteView = {
      method: "delete",
      pathParams: ["view_id"],
      queryParams: [],
      bodyParams: [],
      path: (p) => `views/${p.view_id}`
    };
    exports.createViewQuery = {
      method: "post",
      pathParams: ["view_id"],
      queryParams: [],
      bodyParams: [],
      path: (p) => `views/${p.view_id}/queries`
    };
    exports.getViewQueryResults = {
      method: "get",
      pathParams: ["view_id", "query_id"],
      queryParams: ["start_cursor", "page_size"],
      bodyParams: [],
      path: (p) => `views/${p.view_id}/queries/${p.query_id}`
    };
    exports.deleteViewQuery = {
      method: "delete",
      pathParams: ["view_id", "query_id"],
      queryParams: [],
      bodyParams: [],
      path: (p) => `views/${p.view_id}/queries/${p.query_id}`
    };
  }
});

// node_modules/@notionhq/client/build/src/api-endpoints/webhooks.js
var require_webhooks = __commonJS({
  "node_modules/@notionhq/client/build/src/api-endpoints/webhooks.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
  }
});

// node_modules/@notionhq/client/build/src/api-endpoints.js
var require_api_endpoints = __commonJS({
  "node_modules/@notionhq/client/build/src/api-endpoints.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __exportStar = exports && exports.__exportStar || function(m, exports2) {
      for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports2, p)) __createBinding(exports2, m, p);
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    __exportStar(require_agents(), exports);
    __exportStar(require_async_tasks(), exports);
    __exportStar(require_blocks(), exports);
    __exportStar(require_comments(), exports);
    __exportStar(require_common(), exports);
    __exportStar(require_custom_emojis(), exports);
    __exportStar(require_data_sources(), exports);
    __exportStar(require_databases(), exports);
    __exportStar(require_file_uploads(), exports);
    __exportStar(require_meeting_notes(), exports);
    __exportStar(require_oauth(), exports);
    __exportStar(require_pages(), exports);
    __exportStar(require_search(), exports);
    __exportStar(require_users(), exports);
    __exportStar(require_views(), exports);
    __exportStar(require_webhooks(), exports);
  }
});

// node_modules/@notionhq/client/build/package.json
var require_package = __commonJS({
  "node_modules/@notionhq/client/build/package.json"(exports, module) {
    module.exports = {
      name: "@notionhq/client",
      version: "5.26.0",
      description: "A simple and easy to use client for the Notion API",
      engines: {
        node: ">=18"
      },
      homepage: "https://developers.notion.com/docs/getting-started",
      bugs: {
        url: "https://github.com/makenotion/notion-sdk-js/issues"
      },
      repository: {
        type: "git",
        url: "https://github.com/makenotion/notion-sdk-js/"
      },
      keywords: [
        "notion",
        "notionapi",
        "rest",
        "notion-api"
      ],
      main: "./build/src",
      types: "./build/src/index.d.ts",
      scripts: {
        prepare: "husky && npm run build",
        prepublishOnly: "npm run checkLoggedIn && npm run lint && npm run test",
        build: "tsc",
        prettier: "prettier --write .",
        lint: "prettier --check . && eslint . --ext .ts && cspell '**/*' ",
        test: "jest ./test",
        "check-links": "git ls-files | grep md$ | xargs -n 1 markdown-link-check",
        prebuild: "npm run clean",
        clean: "rm -rf ./build",
        checkLoggedIn: "./scripts/verifyLoggedIn.sh"
      },
      "lint-staged": {
        "*.{ts,js,json,md}": "prettier --write",
        "*.ts": "eslint --fix"
      },
      author: "",
      license: "MIT",
      files: [
        "build/package.json",
        "build/src/**"
      ],
      devDependencies: {
        "@types/jest": "29.5.14",
        "@typescript-eslint/eslint-plugin": "7.18.0",
        "@typescript-eslint/parser": "7.18.0",
        cspell: "8.17.1",
        eslint: "8.57.1",
        husky: "^9.1.7",
        jest: "29.7.0",
        "lint-staged": "^16.2.6",
        "markdown-link-check": "3.13.7",
        prettier: "3.3.3",
        "ts-jest": "29.2.5",
        typescript: "5.9.2"
      }
    };
  }
});

// node_modules/@notionhq/client/build/src/Client.js
var require_Client = __commonJS({
  "node_modules/@notionhq/client/build/src/Client.js"(exports) {
    "use strict";
    var __classPrivateFieldSet = exports && exports.__classPrivateFieldSet || function(receiver, state, value, kind, f) {
      if (kind === "m") throw new TypeError("Private method is not writable");
      if (kind === "a" && !f) throw new TypeError("Private accessor was defined without a setter");
      if (typeof state === "function" ? receiver !== state || !f : !state.has(receiver)) throw new TypeError("Cannot write private member to an object whose class did not declare it");
      return kind === "a" ? f.call(receiver, value) : f ? f.value = value : state.set(receiver, value), value;
    };
    var __classPrivateFieldGet = exports && exports.__classPrivateFieldGet || function(receiver, state, kind, f) {
      if (kind === "a" && !f) throw new TypeError("Private accessor was defined without a getter");
      if (typeof state === "function" ? receiver !== state || !f : !state.has(receiver)) throw new TypeError("Cannot read private member from an object whose class did not declare it");
      return kind === "m" ? f : kind === "a" ? f.call(receiver) : f ? f.value : state.get(receiver);
    };
    var _Client_auth;
    var _Client_logLevel;
    var _Client_logger;
    var _Client_prefixUrl;
    var _Client_timeoutMs;
    var _Client_notionVersion;
    var _Client_fetch;
    var _Client_agent;
    var _Client_userAgent;
    var _Client_maxRetries;
    var _Client_initialRetryDelayMs;
    var _Client_maxRetryDelayMs;
    Object.defineProperty(exports, "__esModule", { value: true });
    var logging_1 = require_logging();
    var errors_1 = require_errors();
    var utils_1 = require_utils();
    var constants_1 = require_constants();
    var api_endpoints_1 = require_api_endpoints();
    var meeting_notes_1 = require_meeting_notes();
    var package_json_1 = require_package();
    var START_CURSOR_PARAM_NAME = "start_cursor";
    var Client2 = class _Client {
      constructor(options) {
        var _a, _b, _c, _d, _e, _f, _g, _h, _j, _k, _l, _m;
        _Client_auth.set(this, void 0);
        _Client_logLevel.set(this, void 0);
        _Client_logger.set(this, void 0);
        _Client_prefixUrl.set(this, void 0);
        _Client_timeoutMs.set(this, void 0);
        _Client_notionVersion.set(this, void 0);
        _Client_fetch.set(this, void 0);
        _Client_agent.set(this, void 0);
        _Client_userAgent.set(this, void 0);
        _Client_maxRetries.set(this, void 0);
        _Client_initialRetryDelayMs.set(this, void 0);
        _Client_maxRetryDelayMs.set(this, void 0);
        this.agents = {
          /**
           * Retrieve an agent
           */
          retrieve: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.getAgent);
            return this.request({
              path: api_endpoints_1.getAgent.path(args),
              method: api_endpoints_1.getAgent.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.getAgent.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.getAgent.bodyParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          },
          /**
           * Query agents
           */
          query: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.queryAgents);
            return this.request({
              path: api_endpoints_1.queryAgents.path(),
              method: api_endpoints_1.queryAgents.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.queryAgents.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.queryAgents.bodyParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          },
          /**
           * Retrieve agent insights
           */
          retrieveInsights: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.getInsights);
            return this.request({
              path: api_endpoints_1.getInsights.path(args),
              method: api_endpoints_1.getInsights.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.getInsights.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.getInsights.bodyParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          },
          /**
           * Update an agent's credit limit
           */
          updateCreditLimit: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.updateAgentCreditLimit);
            return this.request({
              path: api_endpoints_1.updateAgentCreditLimit.path(args),
              method: api_endpoints_1.updateAgentCreditLimit.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.updateAgentCreditLimit.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.updateAgentCreditLimit.bodyParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          },
          /**
           * Update an agent's status
           */
          updateStatus: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.updateAgentStatus);
            return this.request({
              path: api_endpoints_1.updateAgentStatus.path(args),
              method: api_endpoints_1.updateAgentStatus.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.updateAgentStatus.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.updateAgentStatus.bodyParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          },
          /**
           * Delete an agent
           */
          delete: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.deleteAgent);
            return this.request({
              path: api_endpoints_1.deleteAgent.path(args),
              method: api_endpoints_1.deleteAgent.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.deleteAgent.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.deleteAgent.bodyParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          },
          /**
           * Apply many agent operations
           */
          batch: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.agentBatch);
            return this.request({
              path: api_endpoints_1.agentBatch.path(),
              method: api_endpoints_1.agentBatch.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.agentBatch.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.agentBatch.bodyParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          }
        };
        this.sessions = {
          /**
           * Retrieve a session
           */
          retrieve: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.retrieveSession);
            return this.request({
              path: api_endpoints_1.retrieveSession.path(args),
              method: api_endpoints_1.retrieveSession.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.retrieveSession.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.retrieveSession.bodyParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          },
          /**
           * Update a session
           */
          update: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.updateSession);
            return this.request({
              path: api_endpoints_1.updateSession.path(),
              method: api_endpoints_1.updateSession.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.updateSession.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.updateSession.bodyParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          },
          /**
           * Open a session stream
           */
          stream: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.updateSessionStream);
            return this.streamRequest({
              path: api_endpoints_1.updateSessionStream.path(),
              method: api_endpoints_1.updateSessionStream.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.updateSessionStream.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.updateSessionStream.bodyParams),
              headers: api_endpoints_1.updateSessionStream.headers,
              auth: args === null || args === void 0 ? void 0 : args.auth
            }, parseSessionStreamEvent);
          },
          /**
           * Cancel a session
           */
          cancel: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.cancelSession);
            return this.request({
              path: api_endpoints_1.cancelSession.path(args),
              method: api_endpoints_1.cancelSession.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.cancelSession.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.cancelSession.bodyParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          },
          /**
           * Query sessions
           */
          query: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.querySessions);
            return this.request({
              path: api_endpoints_1.querySessions.path(),
              method: api_endpoints_1.querySessions.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.querySessions.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.querySessions.bodyParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          },
          /**
           * Query session events
           */
          queryEvents: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.querySessionEvents);
            return this.request({
              path: api_endpoints_1.querySessionEvents.path(args),
              method: api_endpoints_1.querySessionEvents.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.querySessionEvents.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.querySessionEvents.bodyParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          }
        };
        this.asyncTasks = {
          /**
           * Retrieve an async task
           */
          retrieve: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.getAsyncTask);
            return this.request({
              path: api_endpoints_1.getAsyncTask.path(args),
              method: api_endpoints_1.getAsyncTask.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.getAsyncTask.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.getAsyncTask.bodyParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          }
        };
        this.blocks = {
          /**
           * Retrieve block
           */
          retrieve: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.getBlock);
            return this.request({
              path: api_endpoints_1.getBlock.path(args),
              method: api_endpoints_1.getBlock.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.getBlock.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.getBlock.bodyParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          },
          /**
           * Update block
           */
          update: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.updateBlock);
            return this.request({
              path: api_endpoints_1.updateBlock.path(args),
              method: api_endpoints_1.updateBlock.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.updateBlock.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.updateBlock.bodyParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          },
          /**
           * Delete block
           */
          delete: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.deleteBlock);
            return this.request({
              path: api_endpoints_1.deleteBlock.path(args),
              method: api_endpoints_1.deleteBlock.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.deleteBlock.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.deleteBlock.bodyParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          },
          children: {
            /**
             * Append block children
             */
            append: (args) => {
              this.warnUnknownParams(args, api_endpoints_1.appendBlockChildren);
              return this.request({
                path: api_endpoints_1.appendBlockChildren.path(args),
                method: api_endpoints_1.appendBlockChildren.method,
                query: (0, utils_1.pick)(args, api_endpoints_1.appendBlockChildren.queryParams),
                body: (0, utils_1.pick)(args, api_endpoints_1.appendBlockChildren.bodyParams),
                auth: args === null || args === void 0 ? void 0 : args.auth
              });
            },
            /**
             * Retrieve block children
             */
            list: (args) => {
              this.warnUnknownParams(args, api_endpoints_1.listBlockChildren);
              return this.request({
                path: api_endpoints_1.listBlockChildren.path(args),
                method: api_endpoints_1.listBlockChildren.method,
                query: (0, utils_1.pick)(args, api_endpoints_1.listBlockChildren.queryParams),
                body: (0, utils_1.pick)(args, api_endpoints_1.listBlockChildren.bodyParams),
                auth: args === null || args === void 0 ? void 0 : args.auth
              });
            }
          },
          meetingNotes: {
            /**
             * Create a meeting note
             */
            create: (args) => {
              this.warnUnknownParams(args, meeting_notes_1.createMeetingNote);
              return this.request({
                path: meeting_notes_1.createMeetingNote.path(),
                method: meeting_notes_1.createMeetingNote.method,
                query: (0, utils_1.pick)(args, meeting_notes_1.createMeetingNote.queryParams),
                body: (0, utils_1.pick)(args, meeting_notes_1.createMeetingNote.bodyParams),
                auth: args === null || args === void 0 ? void 0 : args.auth
              });
            },
            /**
             * Query meeting notes
             */
            query: (args) => {
              return this.request({
                path: meeting_notes_1.queryMeetingNotes.path(),
                method: meeting_notes_1.queryMeetingNotes.method,
                query: (0, utils_1.pick)(args, meeting_notes_1.queryMeetingNotes.queryParams),
                body: (0, utils_1.pick)(args, meeting_notes_1.queryMeetingNotes.bodyParams),
                auth: args === null || args === void 0 ? void 0 : args.auth
              });
            }
          }
        };
        this.databases = {
          /**
           * Retrieve a database
           */
          retrieve: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.getDatabase);
            return this.request({
              path: api_endpoints_1.getDatabase.path(args),
              method: api_endpoints_1.getDatabase.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.getDatabase.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.getDatabase.bodyParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          },
          /**
           * Create a database
           */
          create: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.createDatabase);
            return this.request({
              path: api_endpoints_1.createDatabase.path(),
              method: api_endpoints_1.createDatabase.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.createDatabase.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.createDatabase.bodyParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          },
          /**
           * Update a database
           */
          update: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.updateDatabase);
            return this.request({
              path: api_endpoints_1.updateDatabase.path(args),
              method: api_endpoints_1.updateDatabase.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.updateDatabase.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.updateDatabase.bodyParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          }
        };
        this.dataSources = {
          /**
           * Retrieve a data source
           */
          retrieve: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.getDataSource);
            return this.request({
              path: api_endpoints_1.getDataSource.path(args),
              method: api_endpoints_1.getDataSource.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.getDataSource.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.getDataSource.bodyParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          },
          /**
           * Query a data source
           */
          query: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.queryDataSource);
            return this.request({
              path: api_endpoints_1.queryDataSource.path(args),
              method: api_endpoints_1.queryDataSource.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.queryDataSource.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.queryDataSource.bodyParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          },
          /**
           * Create a data source
           */
          create: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.createDataSource);
            return this.request({
              path: api_endpoints_1.createDataSource.path(),
              method: api_endpoints_1.createDataSource.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.createDataSource.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.createDataSource.bodyParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          },
          /**
           * Update a data source
           */
          update: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.updateDataSource);
            return this.request({
              path: api_endpoints_1.updateDataSource.path(args),
              method: api_endpoints_1.updateDataSource.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.updateDataSource.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.updateDataSource.bodyParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          },
          /**
           * List page templates that are available for a data source
           */
          listTemplates: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.listDataSourceTemplates);
            return this.request({
              path: api_endpoints_1.listDataSourceTemplates.path(args),
              method: api_endpoints_1.listDataSourceTemplates.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.listDataSourceTemplates.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.listDataSourceTemplates.bodyParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          }
        };
        this.pages = {
          /**
           * Create a page
           */
          create: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.createPage);
            return this.request({
              path: api_endpoints_1.createPage.path(),
              method: api_endpoints_1.createPage.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.createPage.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.createPage.bodyParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          },
          /**
           * Retrieve a page
           */
          retrieve: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.getPage);
            return this.request({
              path: api_endpoints_1.getPage.path(args),
              method: api_endpoints_1.getPage.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.getPage.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.getPage.bodyParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          },
          /**
           * Update page properties
           */
          update: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.updatePage);
            return this.request({
              path: api_endpoints_1.updatePage.path(args),
              method: api_endpoints_1.updatePage.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.updatePage.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.updatePage.bodyParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          },
          /**
           * Move a page
           */
          move: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.movePage);
            return this.request({
              path: api_endpoints_1.movePage.path(args),
              method: api_endpoints_1.movePage.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.movePage.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.movePage.bodyParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          },
          /**
           * Retrieve a page as markdown
           */
          retrieveMarkdown: (args) => {
            return this.request({
              path: api_endpoints_1.getPageMarkdown.path(args),
              method: api_endpoints_1.getPageMarkdown.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.getPageMarkdown.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.getPageMarkdown.bodyParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          },
          /**
           * Update a page's content as markdown
           */
          updateMarkdown: (args) => {
            return this.request({
              path: api_endpoints_1.updatePageMarkdown.path(args),
              method: api_endpoints_1.updatePageMarkdown.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.updatePageMarkdown.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.updatePageMarkdown.bodyParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          },
          properties: {
            /**
             * Retrieve page property
             */
            retrieve: (args) => {
              this.warnUnknownParams(args, api_endpoints_1.getPageProperty);
              return this.request({
                path: api_endpoints_1.getPageProperty.path(args),
                method: api_endpoints_1.getPageProperty.method,
                query: (0, utils_1.pick)(args, api_endpoints_1.getPageProperty.queryParams),
                body: (0, utils_1.pick)(args, api_endpoints_1.getPageProperty.bodyParams),
                auth: args === null || args === void 0 ? void 0 : args.auth
              });
            }
          }
        };
        this.users = {
          /**
           * Retrieve a user
           */
          retrieve: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.getUser);
            return this.request({
              path: api_endpoints_1.getUser.path(args),
              method: api_endpoints_1.getUser.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.getUser.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.getUser.bodyParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          },
          /**
           * List all users
           */
          list: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.listUsers);
            return this.request({
              path: api_endpoints_1.listUsers.path(),
              method: api_endpoints_1.listUsers.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.listUsers.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.listUsers.bodyParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          },
          /**
           * Get details about bot
           */
          me: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.getSelf);
            return this.request({
              path: api_endpoints_1.getSelf.path(),
              method: api_endpoints_1.getSelf.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.getSelf.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.getSelf.bodyParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          }
        };
        this.customEmojis = {
          /**
           * List custom emojis
           */
          list: (args) => {
            this.warnUnknownParams(args !== null && args !== void 0 ? args : {}, api_endpoints_1.listCustomEmojis);
            return this.request({
              path: api_endpoints_1.listCustomEmojis.path(),
              method: api_endpoints_1.listCustomEmojis.method,
              query: (0, utils_1.pick)(args !== null && args !== void 0 ? args : {}, api_endpoints_1.listCustomEmojis.queryParams),
              body: (0, utils_1.pick)(args !== null && args !== void 0 ? args : {}, api_endpoints_1.listCustomEmojis.bodyParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          }
        };
        this.comments = {
          /**
           * Create a comment
           */
          create: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.createComment);
            return this.request({
              path: api_endpoints_1.createComment.path(),
              method: api_endpoints_1.createComment.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.createComment.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.createComment.bodyParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          },
          /**
           * List comments
           */
          list: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.listComments);
            return this.request({
              path: api_endpoints_1.listComments.path(),
              method: api_endpoints_1.listComments.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.listComments.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.listComments.bodyParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          },
          /**
           * Retrieve a comment
           */
          retrieve: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.getComment);
            return this.request({
              path: api_endpoints_1.getComment.path(args),
              method: api_endpoints_1.getComment.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.getComment.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.getComment.bodyParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          },
          /**
           * Update a comment
           */
          update: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.updateComment);
            return this.request({
              path: api_endpoints_1.updateComment.path(args),
              method: api_endpoints_1.updateComment.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.updateComment.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.updateComment.bodyParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          },
          /**
           * Delete a comment
           */
          delete: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.deleteComment);
            return this.request({
              path: api_endpoints_1.deleteComment.path(args),
              method: api_endpoints_1.deleteComment.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.deleteComment.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.deleteComment.bodyParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          }
        };
        this.fileUploads = {
          /**
           * Create a file upload
           */
          create: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.createFileUpload);
            return this.request({
              path: api_endpoints_1.createFileUpload.path(),
              method: api_endpoints_1.createFileUpload.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.createFileUpload.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.createFileUpload.bodyParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          },
          /**
           * Retrieve a file upload
           */
          retrieve: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.getFileUpload);
            return this.request({
              path: api_endpoints_1.getFileUpload.path(args),
              method: api_endpoints_1.getFileUpload.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.getFileUpload.queryParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          },
          /**
           * List file uploads
           */
          list: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.listFileUploads);
            return this.request({
              path: api_endpoints_1.listFileUploads.path(),
              method: api_endpoints_1.listFileUploads.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.listFileUploads.queryParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          },
          /**
           * Send a file upload
           *
           * Requires a `file_upload_id`, obtained from the `id` of the Create File
           * Upload API response.
           *
           * The `file` parameter contains the raw file contents or Blob/File object
           * under `file.data`, and an optional `file.filename` string.
           *
           * Supply a stringified `part_number` parameter when using file uploads
           * in multi-part mode.
           *
           * This endpoint sends HTTP multipart/form-data instead of JSON parameters.
           */
          send: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.sendFileUpload);
            return this.request({
              path: api_endpoints_1.sendFileUpload.path(args),
              method: api_endpoints_1.sendFileUpload.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.sendFileUpload.queryParams),
              formDataParams: (0, utils_1.pick)(args, api_endpoints_1.sendFileUpload.formDataParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          },
          /**
           * Complete a file upload
           */
          complete: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.completeFileUpload);
            return this.request({
              path: api_endpoints_1.completeFileUpload.path(args),
              method: api_endpoints_1.completeFileUpload.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.completeFileUpload.queryParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          }
        };
        this.views = {
          /**
           * Create a view
           */
          create: (args) => {
            return this.request({
              path: api_endpoints_1.createView.path(),
              method: api_endpoints_1.createView.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.createView.queryParams),
              body: (0, utils_1.pick)(args, [
                "data_source_id",
                "name",
                "type",
                "database_id",
                "view_id",
                "filter",
                "sorts",
                "quick_filters",
                "create_database",
                "configuration",
                "position",
                "placement"
              ]),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          },
          /**
           * Retrieve a view
           */
          retrieve: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.getView);
            return this.request({
              path: api_endpoints_1.getView.path(args),
              method: api_endpoints_1.getView.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.getView.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.getView.bodyParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          },
          /**
           * Update a view
           */
          update: (args) => {
            return this.request({
              path: api_endpoints_1.updateView.path(args),
              method: api_endpoints_1.updateView.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.updateView.queryParams),
              body: (0, utils_1.pick)(args, [
                "name",
                "filter",
                "sorts",
                "quick_filters",
                "configuration"
              ]),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          },
          /**
           * Delete a view
           */
          delete: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.deleteView);
            return this.request({
              path: api_endpoints_1.deleteView.path(args),
              method: api_endpoints_1.deleteView.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.deleteView.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.deleteView.bodyParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          },
          /**
           * List views for a database
           */
          list: (args) => {
            this.warnUnknownParams(args, api_endpoints_1.listDatabaseViews);
            return this.request({
              path: api_endpoints_1.listDatabaseViews.path(),
              method: api_endpoints_1.listDatabaseViews.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.listDatabaseViews.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.listDatabaseViews.bodyParams),
              auth: args === null || args === void 0 ? void 0 : args.auth
            });
          },
          queries: {
            /**
             * Create a view query
             */
            create: (args) => {
              return this.request({
                path: api_endpoints_1.createViewQuery.path(args),
                method: api_endpoints_1.createViewQuery.method,
                query: (0, utils_1.pick)(args, api_endpoints_1.createViewQuery.queryParams),
                body: (0, utils_1.pick)(args, ["page_size"]),
                auth: args === null || args === void 0 ? void 0 : args.auth
              });
            },
            /**
             * Get view query results
             */
            results: (args) => {
              this.warnUnknownParams(args, api_endpoints_1.getViewQueryResults);
              return this.request({
                path: api_endpoints_1.getViewQueryResults.path(args),
                method: api_endpoints_1.getViewQueryResults.method,
                query: (0, utils_1.pick)(args, api_endpoints_1.getViewQueryResults.queryParams),
                body: (0, utils_1.pick)(args, api_endpoints_1.getViewQueryResults.bodyParams),
                auth: args === null || args === void 0 ? void 0 : args.auth
              });
            },
            /**
             * Delete a view query
             */
            delete: (args) => {
              this.warnUnknownParams(args, api_endpoints_1.deleteViewQuery);
              return this.request({
                path: api_endpoints_1.deleteViewQuery.path(args),
                method: api_endpoints_1.deleteViewQuery.method,
                query: (0, utils_1.pick)(args, api_endpoints_1.deleteViewQuery.queryParams),
                body: (0, utils_1.pick)(args, api_endpoints_1.deleteViewQuery.bodyParams),
                auth: args === null || args === void 0 ? void 0 : args.auth
              });
            }
          }
        };
        this.search = (args) => {
          this.warnUnknownParams(args, api_endpoints_1.search);
          return this.request({
            path: api_endpoints_1.search.path(),
            method: api_endpoints_1.search.method,
            query: (0, utils_1.pick)(args, api_endpoints_1.search.queryParams),
            body: (0, utils_1.pick)(args, api_endpoints_1.search.bodyParams),
            auth: args === null || args === void 0 ? void 0 : args.auth
          });
        };
        this.oauth = {
          /**
           * Get token
           */
          token: (args) => {
            return this.request({
              path: api_endpoints_1.oauthToken.path(),
              method: api_endpoints_1.oauthToken.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.oauthToken.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.oauthToken.bodyParams),
              auth: {
                client_id: args.client_id,
                client_secret: args.client_secret
              }
            });
          },
          /**
           * Introspect token
           */
          introspect: (args) => {
            return this.request({
              path: api_endpoints_1.oauthIntrospect.path(),
              method: api_endpoints_1.oauthIntrospect.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.oauthIntrospect.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.oauthIntrospect.bodyParams),
              auth: {
                client_id: args.client_id,
                client_secret: args.client_secret
              }
            });
          },
          /**
           * Revoke token
           */
          revoke: (args) => {
            return this.request({
              path: api_endpoints_1.oauthRevoke.path(),
              method: api_endpoints_1.oauthRevoke.method,
              query: (0, utils_1.pick)(args, api_endpoints_1.oauthRevoke.queryParams),
              body: (0, utils_1.pick)(args, api_endpoints_1.oauthRevoke.bodyParams),
              auth: {
                client_id: args.client_id,
                client_secret: args.client_secret
              }
            });
          }
        };
        __classPrivateFieldSet(this, _Client_auth, options === null || options === void 0 ? void 0 : options.auth, "f");
        __classPrivateFieldSet(this, _Client_logLevel, (_a = options === null || options === void 0 ? void 0 : options.logLevel) !== null && _a !== void 0 ? _a : logging_1.LogLevel.WARN, "f");
        __classPrivateFieldSet(this, _Client_logger, (_b = options === null || options === void 0 ? void 0 : options.logger) !== null && _b !== void 0 ? _b : (0, logging_1.makeConsoleLogger)(package_json_1.name), "f");
        __classPrivateFieldSet(this, _Client_prefixUrl, `${(_c = options === null || options === void 0 ? void 0 : options.baseUrl) !== null && _c !== void 0 ? _c : constants_1.DEFAULT_BASE_URL}/v1/`, "f");
        __classPrivateFieldSet(this, _Client_timeoutMs, (_d = options === null || options === void 0 ? void 0 : options.timeoutMs) !== null && _d !== void 0 ? _d : constants_1.DEFAULT_TIMEOUT_MS, "f");
        __classPrivateFieldSet(this, _Client_notionVersion, (_e = options === null || options === void 0 ? void 0 : options.notionVersion) !== null && _e !== void 0 ? _e : _Client.defaultNotionVersion, "f");
        __classPrivateFieldSet(this, _Client_fetch, (_f = options === null || options === void 0 ? void 0 : options.fetch) !== null && _f !== void 0 ? _f : fetch.bind(globalThis), "f");
        __classPrivateFieldSet(this, _Client_agent, options === null || options === void 0 ? void 0 : options.agent, "f");
        __classPrivateFieldSet(this, _Client_userAgent, `notionhq-client/${package_json_1.version}`, "f");
        if ((options === null || options === void 0 ? void 0 : options.retry) === false) {
          __classPrivateFieldSet(this, _Client_maxRetries, 0, "f");
          __classPrivateFieldSet(this, _Client_initialRetryDelayMs, 0, "f");
          __classPrivateFieldSet(this, _Client_maxRetryDelayMs, 0, "f");
        } else {
          __classPrivateFieldSet(this, _Client_maxRetries, (_h = (_g = options === null || options === void 0 ? void 0 : options.retry) === null || _g === void 0 ? void 0 : _g.maxRetries) !== null && _h !== void 0 ? _h : constants_1.DEFAULT_MAX_RETRIES, "f");
          __classPrivateFieldSet(this, _Client_initialRetryDelayMs, (_k = (_j = options === null || options === void 0 ? void 0 : options.retry) === null || _j === void 0 ? void 0 : _j.initialRetryDelayMs) !== null && _k !== void 0 ? _k : constants_1.DEFAULT_INITIAL_RETRY_DELAY_MS, "f");
          __classPrivateFieldSet(this, _Client_maxRetryDelayMs, (_m = (_l = options === null || options === void 0 ? void 0 : options.retry) === null || _l === void 0 ? void 0 : _l.maxRetryDelayMs) !== null && _m !== void 0 ? _m : constants_1.DEFAULT_MAX_RETRY_DELAY_MS, "f");
        }
      }
      /**
       * Sends a request.
       */
      async request(args) {
        const { path, method, query, body, formDataParams, auth } = args;
        (0, errors_1.validateRequestPath)(path);
        this.log(logging_1.LogLevel.INFO, "request start", { method, path });
        const url = this.buildRequestUrl(path, query);
        const bodyAsJsonString = this.serializeBody(body);
        const headers = this.buildRequestHeaders(args.headers, auth, bodyAsJsonString);
        const formData = this.buildFormData(formDataParams, headers);
        return this.executeWithRetry({
          url,
          method,
          path,
          headers,
          body: bodyAsJsonString !== null && bodyAsJsonString !== void 0 ? bodyAsJsonString : formData
        }, (request) => this.executeSingleRequest(request));
      }
      /**
       * Opens an SSE response and yields each parsed event as it arrives.
       */
      async *streamRequest(args, parseEvent) {
        var _a;
        const { path, method, query, body, auth } = args;
        (0, errors_1.validateRequestPath)(path);
        this.log(logging_1.LogLevel.INFO, "stream request start", { method, path });
        const url = this.buildRequestUrl(path, query);
        const bodyAsJsonString = this.serializeBody(body);
        const headers = this.buildRequestHeaders(args.headers, auth, bodyAsJsonString);
        const response = await this.executeWithRetry({
          url,
          method,
          path,
          headers,
          body: bodyAsJsonString
        }, (request) => this.executeSingleStreamRequest(request));
        this.log(logging_1.LogLevel.INFO, "stream request opened", { method, path });
        if (response.body === void 0 || response.body === null) {
          for (const frame of takeSseFrames({
            content: await response.text(),
            complete: true
          }).frames) {
            yield parseEvent(frame);
          }
          return;
        }
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        let remaining = "";
        let complete = false;
        try {
          while (!complete) {
            const { done, value } = await reader.read();
            if (done) {
              complete = true;
              continue;
            }
            if (value === void 0) {
              throw new Error("SSE response body ended without a data chunk.");
            }
            const frames = takeSseFrames({
              content: `${remaining}${decoder.decode(value, { stream: true })}`,
              complete: false
            });
            remaining = frames.remaining;
            for (const frame of frames.frames) {
              yield parseEvent(frame);
            }
          }
          for (const frame of takeSseFrames({
            content: `${remaining}${decoder.decode()}`,
            complete: true
          }).frames) {
            yield parseEvent(frame);
          }
        } finally {
          try {
            if (!complete) {
              await ((_a = reader.cancel) === null || _a === void 0 ? void 0 : _a.call(reader));
            }
          } finally {
            reader.releaseLock();
          }
        }
      }
      /**
       * Builds the full URL with query parameters.
       */
      buildRequestUrl(path, query) {
        const url = new URL(`${__classPrivateFieldGet(this, _Client_prefixUrl, "f")}${path}`);
        if (query) {
          for (const [key, value] of Object.entries(query)) {
            if (value !== void 0 && value !== null) {
              if (Array.isArray(value)) {
                for (const val of value) {
                  url.searchParams.append(key, decodeURIComponent(val));
                }
              } else {
                url.searchParams.append(key, String(value));
              }
            }
          }
        }
        return url;
      }
      /**
       * Serializes the request body to JSON string if non-empty.
       */
      serializeBody(body) {
        if (!body) {
          return void 0;
        }
        const serializedBody = { ...body };
        if (serializedBody[START_CURSOR_PARAM_NAME] === null) {
          delete serializedBody[START_CURSOR_PARAM_NAME];
        }
        if (Object.entries(serializedBody).length === 0) {
          return void 0;
        }
        return JSON.stringify(serializedBody);
      }
      /**
       * Builds the request headers including auth and content-type.
       */
      buildRequestHeaders(customHeaders, auth, bodyAsJsonString) {
        const authorizationHeader = this.buildAuthHeader(auth);
        const headers = {
          ...customHeaders,
          ...authorizationHeader,
          "Notion-Version": __classPrivateFieldGet(this, _Client_notionVersion, "f"),
          "user-agent": __classPrivateFieldGet(this, _Client_userAgent, "f")
        };
        if (bodyAsJsonString !== void 0) {
          headers["content-type"] = "application/json";
        }
        return headers;
      }
      /**
       * Builds the authorization header based on auth type.
       */
      buildAuthHeader(auth) {
        if (typeof auth === "object") {
          const unencodedCredential = `${auth.client_id}:${auth.client_secret}`;
          const encodedCredential = Buffer.from(unencodedCredential).toString("base64");
          return { authorization: `Basic ${encodedCredential}` };
        }
        return this.authAsHeaders(auth);
      }
      /**
       * Builds FormData from form parameters if provided.
       * Also removes content-type header to let fetch set the boundary.
       */
      buildFormData(formDataParams, headers) {
        if (!formDataParams) {
          return void 0;
        }
        delete headers["content-type"];
        const formData = new FormData();
        for (const [key, value] of Object.entries(formDataParams)) {
          if (typeof value === "string") {
            formData.append(key, value);
          } else if (typeof value === "object") {
            formData.append(key, typeof value.data === "object" ? value.data : new Blob([value.data]), value.filename);
          }
        }
        return formData;
      }
      /**
       * Executes the request with retry logic.
       */
      async executeWithRetry(args, execute) {
        const { url, method, path, headers, body } = args;
        let attempt = 0;
        while (true) {
          try {
            return await execute({
              url,
              method,
              path,
              headers,
              body
            });
          } catch (error) {
            if (!(0, errors_1.isNotionClientError)(error)) {
              throw error;
            }
            this.logRequestError(error, attempt);
            if (attempt < __classPrivateFieldGet(this, _Client_maxRetries, "f") && this.canRetry(error, method)) {
              const delayMs = this.calculateRetryDelay(error, attempt);
              this.log(logging_1.LogLevel.INFO, "retrying request", {
                method,
                path,
                attempt: attempt + 1,
                delayMs
              });
              await this.sleep(delayMs);
              attempt++;
              continue;
            }
            throw error;
          }
        }
      }
      /**
       * Executes a single HTTP request (no retry).
       */
      async executeSingleRequest(args) {
        const { url, method, path, headers, body } = args;
        const response = await errors_1.RequestTimeoutError.rejectAfterTimeout(__classPrivateFieldGet(this, _Client_fetch, "f").call(this, url.toString(), {
          method: method.toUpperCase(),
          headers,
          body,
          agent: __classPrivateFieldGet(this, _Client_agent, "f")
        }), __classPrivateFieldGet(this, _Client_timeoutMs, "f"));
        const responseText = await response.text();
        if (!response.ok) {
          throw (0, errors_1.buildRequestError)(response, responseText);
        }
        const responseJson = JSON.parse(responseText);
        this.log(logging_1.LogLevel.INFO, "request success", {
          method,
          path,
          ...this.extractRequestId(responseJson)
        });
        return responseJson;
      }
      /**
       * Opens an SSE response without consuming its body. Retry orchestration is
       * shared with JSON requests so only the initial, retryable HTTP failures are
       * retried; once a stream has opened, its events are never replayed.
       */
      async executeSingleStreamRequest(args) {
        const { url, method, body } = args;
        const response = await errors_1.RequestTimeoutError.rejectAfterTimeout(__classPrivateFieldGet(this, _Client_fetch, "f").call(this, url.toString(), {
          method: method.toUpperCase(),
          headers: args.headers,
          body,
          agent: __classPrivateFieldGet(this, _Client_agent, "f")
        }), __classPrivateFieldGet(this, _Client_timeoutMs, "f"));
        if (!response.ok) {
          throw (0, errors_1.buildRequestError)(response, await response.text());
        }
        return response;
      }
      /**
       * Logs a request error with appropriate detail level.
       */
      logRequestError(error, attempt) {
        this.log(logging_1.LogLevel.WARN, "request fail", {
          code: error.code,
          message: error.message,
          attempt,
          ...this.extractRequestId(error)
        });
        if ((0, errors_1.isHTTPResponseError)(error)) {
          this.log(logging_1.LogLevel.DEBUG, "failed response body", {
            body: error.body
          });
        }
      }
      /**
       * Extracts request_id from an object if present.
       */
      extractRequestId(obj) {
        if (obj && typeof obj === "object" && "request_id" in obj && typeof obj.request_id === "string") {
          return { requestId: obj.request_id };
        }
        return {};
      }
      /**
       * Determines if an error can be retried based on its error code and method.
       * Rate limits (429) and service overloads (529) are always retryable since
       * the server explicitly asks us to retry. Server errors (500, 503) are only
       * retried for idempotent methods (GET, DELETE) to avoid duplicate side
       * effects.
       */
      canRetry(error, method) {
        if (!errors_1.APIResponseError.isAPIResponseError(error)) {
          return false;
        }
        if (error.code === errors_1.APIErrorCode.RateLimited || error.code === errors_1.APIErrorCode.ServiceOverload) {
          return true;
        }
        const isIdempotent = method === "get" || method === "delete";
        if (isIdempotent) {
          return error.code === errors_1.APIErrorCode.InternalServerError || error.code === errors_1.APIErrorCode.ServiceUnavailable;
        }
        return false;
      }
      /**
       * Calculates the delay before the next retry attempt.
       * Uses retry-after header if present, otherwise exponential back-off with
       * jitter.
       */
      calculateRetryDelay(error, attempt) {
        if (errors_1.APIResponseError.isAPIResponseError(error)) {
          const retryAfterMs = this.parseRetryAfterHeader(error.headers);
          if (retryAfterMs !== void 0) {
            return Math.min(retryAfterMs, __classPrivateFieldGet(this, _Client_maxRetryDelayMs, "f"));
          }
        }
        const baseDelay = __classPrivateFieldGet(this, _Client_initialRetryDelayMs, "f") * Math.pow(2, attempt);
        const jitter = Math.random();
        return Math.min(baseDelay * jitter + baseDelay / 2, __classPrivateFieldGet(this, _Client_maxRetryDelayMs, "f"));
      }
      /**
       * Parses the retry-after header value.
       * Supports both delta-seconds (e.g., "120") and HTTP-date formats.
       * Returns the delay in milliseconds, or undefined if not present or invalid.
       */
      parseRetryAfterHeader(headers) {
        const retryAfterValue = (0, errors_1.getResponseHeader)(headers, "retry-after");
        if (!retryAfterValue) {
          return void 0;
        }
        const seconds = parseInt(retryAfterValue, 10);
        if (!isNaN(seconds) && seconds >= 0) {
          return seconds * 1e3;
        }
        const date2 = Date.parse(retryAfterValue);
        if (!isNaN(date2)) {
          const delayMs = date2 - Date.now();
          return delayMs > 0 ? delayMs : 0;
        }
        return void 0;
      }
      sleep(ms) {
        return new Promise((resolve2) => setTimeout(resolve2, ms));
      }
      /**
       * Logs a warning when the caller passes parameters that are not recognized
       * by the endpoint definition. This helps catch typos and renamed parameters
       * (e.g. `archived` vs `in_trash` for `databases.update`) that would
       * otherwise be silently dropped by `pick()`.
       */
      warnUnknownParams(args, endpoint) {
        var _a;
        if (!args || typeof args !== "object")
          return;
        const unknownKeys = (0, utils_1.getUnknownParams)(args, endpoint);
        if (unknownKeys.length > 0) {
          this.log(logging_1.LogLevel.WARN, "unknown parameters were ignored", {
            unknownParams: unknownKeys,
            knownParams: [
              ...endpoint.pathParams,
              ...endpoint.queryParams,
              ...endpoint.bodyParams,
              ...(_a = endpoint.formDataParams) !== null && _a !== void 0 ? _a : []
            ]
          });
        }
      }
      /**
       * Emits a log message to the console.
       *
       * @param level The level for this message
       * @param args Arguments to send to the console
       */
      log(level, message, extraInfo) {
        if ((0, logging_1.logLevelSeverity)(level) >= (0, logging_1.logLevelSeverity)(__classPrivateFieldGet(this, _Client_logLevel, "f"))) {
          __classPrivateFieldGet(this, _Client_logger, "f").call(this, level, message, extraInfo);
        }
      }
      /**
       * Transforms an API key or access token into a headers object suitable for an HTTP request.
       *
       * This method uses the instance's value as the default when the input is undefined. If neither are defined, it returns
       * an empty object
       *
       * @param auth API key or access token
       * @returns headers key-value object
       */
      authAsHeaders(auth) {
        const headers = {};
        const authHeaderValue = auth !== null && auth !== void 0 ? auth : __classPrivateFieldGet(this, _Client_auth, "f");
        if (authHeaderValue !== void 0) {
          headers["authorization"] = `Bearer ${authHeaderValue}`;
        }
        return headers;
      }
    };
    _Client_auth = /* @__PURE__ */ new WeakMap(), _Client_logLevel = /* @__PURE__ */ new WeakMap(), _Client_logger = /* @__PURE__ */ new WeakMap(), _Client_prefixUrl = /* @__PURE__ */ new WeakMap(), _Client_timeoutMs = /* @__PURE__ */ new WeakMap(), _Client_notionVersion = /* @__PURE__ */ new WeakMap(), _Client_fetch = /* @__PURE__ */ new WeakMap(), _Client_agent = /* @__PURE__ */ new WeakMap(), _Client_userAgent = /* @__PURE__ */ new WeakMap(), _Client_maxRetries = /* @__PURE__ */ new WeakMap(), _Client_initialRetryDelayMs = /* @__PURE__ */ new WeakMap(), _Client_maxRetryDelayMs = /* @__PURE__ */ new WeakMap();
    Client2.defaultNotionVersion = "2025-09-03";
    exports.default = Client2;
    var sessionStreamEventTypes = /* @__PURE__ */ new Set([
      "session.snapshot",
      "event.provisional",
      "event.committed",
      "stream.timeout",
      "stream.end",
      "stream.error"
    ]);
    function takeSseFrames(args) {
      const frames = [];
      let remaining = args.content.replace(/\r\n/g, "\n");
      let boundary = remaining.indexOf("\n\n");
      while (boundary !== -1) {
        const frame = parseSseFrame(remaining.slice(0, boundary));
        if (frame !== void 0) {
          frames.push(frame);
        }
        remaining = remaining.slice(boundary + 2);
        boundary = remaining.indexOf("\n\n");
      }
      if (args.complete && remaining !== "") {
        const frame = parseSseFrame(remaining);
        if (frame !== void 0) {
          frames.push(frame);
        }
        remaining = "";
      }
      return { frames, remaining };
    }
    function parseSseFrame(content) {
      let eventName;
      const dataLines = [];
      for (const line of content.split("\n")) {
        if (line.startsWith(":")) {
          continue;
        }
        const colonIndex = line.indexOf(":");
        if (colonIndex === -1) {
          continue;
        }
        const field = line.slice(0, colonIndex);
        const valueStart = line.charAt(colonIndex + 1) === " " ? colonIndex + 2 : colonIndex + 1;
        const value = line.slice(valueStart);
        if (field === "event") {
          eventName = value;
        } else if (field === "data") {
          dataLines.push(value);
        }
      }
      if (dataLines.length === 0) {
        return void 0;
      }
      if (eventName === void 0) {
        throw new Error("Session stream event is missing its SSE event name.");
      }
      return { eventName, data: dataLines.join("\n") };
    }
    function parseSessionStreamEvent(frame) {
      const event = JSON.parse(frame.data);
      if (typeof event !== "object" || event === null || !sessionStreamEventTypes.has(event.type) || event.type !== frame.eventName) {
        throw new Error("Session stream event does not match its SSE event name.");
      }
      return event;
    }
  }
});

// node_modules/@notionhq/client/build/src/helpers.js
var require_helpers = __commonJS({
  "node_modules/@notionhq/client/build/src/helpers.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.iteratePaginatedAPI = iteratePaginatedAPI;
    exports.collectPaginatedAPI = collectPaginatedAPI;
    exports.iterateDataSourceTemplates = iterateDataSourceTemplates;
    exports.collectDataSourceTemplates = collectDataSourceTemplates;
    exports.iterateAllDataSourceRows = iterateAllDataSourceRows;
    exports.collectAllDataSourceRows = collectAllDataSourceRows;
    exports.isFullBlock = isFullBlock;
    exports.isFullPage = isFullPage;
    exports.isFullDataSource = isFullDataSource;
    exports.isFullDatabase = isFullDatabase;
    exports.isFullPageOrDataSource = isFullPageOrDataSource;
    exports.isFullUser = isFullUser;
    exports.isFullComment = isFullComment;
    exports.isFullView = isFullView;
    exports.isTextRichTextItemResponse = isTextRichTextItemResponse;
    exports.isEquationRichTextItemResponse = isEquationRichTextItemResponse;
    exports.isMentionRichTextItemResponse = isMentionRichTextItemResponse;
    exports.extractNotionId = extractNotionId;
    exports.extractDatabaseId = extractDatabaseId;
    exports.extractPageId = extractPageId;
    exports.extractBlockId = extractBlockId;
    async function* iteratePaginatedAPI(listFn, firstPageArgs) {
      let nextCursor = firstPageArgs.start_cursor;
      do {
        const response = await listFn({
          ...firstPageArgs,
          start_cursor: nextCursor
        });
        yield* response.results;
        nextCursor = response.next_cursor;
      } while (nextCursor);
    }
    async function collectPaginatedAPI(listFn, firstPageArgs) {
      const results = [];
      for await (const item of iteratePaginatedAPI(listFn, firstPageArgs)) {
        results.push(item);
      }
      return results;
    }
    async function* iterateDataSourceTemplates(client, args) {
      let nextCursor = args.start_cursor;
      do {
        const response = await client.dataSources.listTemplates({
          ...args,
          start_cursor: nextCursor
        });
        yield* response.templates;
        nextCursor = response.next_cursor;
      } while (nextCursor);
    }
    async function collectDataSourceTemplates(client, args) {
      const results = [];
      for await (const template of iterateDataSourceTemplates(client, args)) {
        results.push(template);
      }
      return results;
    }
    async function* iterateAllDataSourceRows(client, args) {
      var _a, _b;
      const seenRowIds = /* @__PURE__ */ new Set();
      let windowStart = void 0;
      for (; ; ) {
        let limitReached = false;
        let lastCreatedTime = void 0;
        let cursor = void 0;
        do {
          const response = await client.dataSources.query({
            ...args,
            sorts: [{ timestamp: "created_time", direction: "ascending" }],
            filter: createdTimeLowerBound(args.filter, windowStart),
            start_cursor: cursor
          });
          for (const row of response.results) {
            if (isFullPageOrDataSource(row)) {
              lastCreatedTime = row.created_time;
            }
            if (!seenRowIds.has(row.id)) {
              seenRowIds.add(row.id);
              yield row;
            }
          }
          if (((_a = response.request_status) === null || _a === void 0 ? void 0 : _a.type) === "incomplete") {
            limitReached = true;
          }
          cursor = (_b = response.next_cursor) !== null && _b !== void 0 ? _b : void 0;
        } while (cursor);
        if (!limitReached) {
          return;
        }
        if (lastCreatedTime === void 0 || lastCreatedTime === windowStart) {
          throw new Error(`iterateAllDataSourceRows cannot make progress: the per-query result limit was reached but the created_time window could not advance past ${String(lastCreatedTime)}. More rows share this timestamp than the limit allows. Add a filter to narrow the query.`);
        }
        windowStart = lastCreatedTime;
      }
    }
    async function collectAllDataSourceRows(client, args) {
      const rows = [];
      for await (const row of iterateAllDataSourceRows(client, args)) {
        rows.push(row);
      }
      return rows;
    }
    function createdTimeLowerBound(filter, windowStart) {
      if (windowStart === void 0) {
        return filter;
      }
      const bound = {
        timestamp: "created_time",
        created_time: { on_or_after: windowStart }
      };
      if (filter === void 0) {
        return bound;
      }
      if ("and" in filter) {
        return { and: [...filter.and, bound] };
      }
      return { and: [filter, bound] };
    }
    function isFullBlock(response) {
      return response.object === "block" && "type" in response;
    }
    function isFullPage(response) {
      return response.object === "page" && "url" in response;
    }
    function isFullDataSource(response) {
      return response.object === "data_source" && "title" in response;
    }
    function isFullDatabase(response) {
      return response.object === "database" && "title" in response;
    }
    function isFullPageOrDataSource(response) {
      if (response.object === "data_source") {
        return isFullDataSource(response);
      } else {
        return isFullPage(response);
      }
    }
    function isFullUser(response) {
      return "type" in response;
    }
    function isFullComment(response) {
      return "created_by" in response;
    }
    function isFullView(response) {
      return "type" in response;
    }
    function isTextRichTextItemResponse(richText) {
      return richText.type === "text";
    }
    function isEquationRichTextItemResponse(richText) {
      return richText.type === "equation";
    }
    function isMentionRichTextItemResponse(richText) {
      return richText.type === "mention";
    }
    function extractNotionId(urlOrId) {
      if (!urlOrId || typeof urlOrId !== "string") {
        return null;
      }
      const trimmed = urlOrId.trim();
      const uuidRegex = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
      if (uuidRegex.test(trimmed)) {
        return trimmed.toLowerCase();
      }
      const compactUuidRegex = /^[0-9a-f]{32}$/i;
      if (compactUuidRegex.test(trimmed)) {
        return formatUuid(trimmed);
      }
      const pathMatch = trimmed.match(/\/[^/?#]*-([0-9a-f]{32})(?:[/?#]|$)/i);
      if (pathMatch && pathMatch[1]) {
        return formatUuid(pathMatch[1]);
      }
      const queryMatch = trimmed.match(/[?&](?:p|page_id|database_id)=([0-9a-f]{32})/i);
      if (queryMatch && queryMatch[1]) {
        return formatUuid(queryMatch[1]);
      }
      const anyMatch = trimmed.match(/([0-9a-f]{32})/i);
      if (anyMatch && anyMatch[1]) {
        return formatUuid(anyMatch[1]);
      }
      return null;
    }
    function formatUuid(compactId) {
      const clean = compactId.toLowerCase();
      return `${clean.slice(0, 8)}-${clean.slice(8, 12)}-${clean.slice(12, 16)}-${clean.slice(16, 20)}-${clean.slice(20, 32)}`;
    }
    function extractDatabaseId(databaseUrl) {
      return extractNotionId(databaseUrl);
    }
    function extractPageId(pageUrl) {
      return extractNotionId(pageUrl);
    }
    function extractBlockId(urlWithBlock) {
      if (!urlWithBlock || typeof urlWithBlock !== "string") {
        return null;
      }
      const blockMatch = urlWithBlock.match(/#(?:block-)?([0-9a-f]{32})/i);
      if (blockMatch && blockMatch[1]) {
        return formatUuid(blockMatch[1]);
      }
      return null;
    }
  }
});

// node_modules/@notionhq/client/build/src/webhooks.js
var require_webhooks2 = __commonJS({
  "node_modules/@notionhq/client/build/src/webhooks.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.verifyWebhookSignature = verifyWebhookSignature;
    exports.signWebhookPayload = signWebhookPayload;
    var SIGNATURE_PREFIX = "sha256=";
    var SHA256_HEX_LENGTH = 64;
    async function verifyWebhookSignature(args) {
      const { body, signature, verificationToken } = args;
      if (typeof signature !== "string")
        return false;
      if (!signature.startsWith(SIGNATURE_PREFIX))
        return false;
      const providedHex = signature.slice(SIGNATURE_PREFIX.length).toLowerCase();
      if (providedHex.length !== SHA256_HEX_LENGTH)
        return false;
      if (!/^[0-9a-f]+$/.test(providedHex))
        return false;
      const computedHex = await computeHmacSha256Hex(verificationToken, body);
      return timingSafeEqualHex(providedHex, computedHex);
    }
    async function signWebhookPayload(args) {
      const hex = await computeHmacSha256Hex(args.verificationToken, args.body);
      return `${SIGNATURE_PREFIX}${hex}`;
    }
    async function computeHmacSha256Hex(key, body) {
      const subtle = await getSubtle();
      const encoder = new TextEncoder();
      const keyBytes = encoder.encode(key);
      const bodyBytes = typeof body === "string" ? encoder.encode(body) : Uint8Array.from(body);
      const cryptoKey = await subtle.importKey("raw", keyBytes, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
      const signatureBuffer = await subtle.sign("HMAC", cryptoKey, bodyBytes);
      return bytesToHex(new Uint8Array(signatureBuffer));
    }
    var cachedSubtle;
    async function getSubtle() {
      var _a, _b;
      if (cachedSubtle)
        return cachedSubtle;
      const fromGlobal = (_a = globalThis.crypto) === null || _a === void 0 ? void 0 : _a.subtle;
      if (fromGlobal) {
        cachedSubtle = fromGlobal;
        return cachedSubtle;
      }
      try {
        const nodeCrypto = __require("crypto");
        if ((_b = nodeCrypto.webcrypto) === null || _b === void 0 ? void 0 : _b.subtle) {
          cachedSubtle = nodeCrypto.webcrypto.subtle;
          return cachedSubtle;
        }
      } catch {
      }
      throw new Error("verifyWebhookSignature requires Web Crypto support (globalThis.crypto.subtle or node:crypto.webcrypto). Upgrade to a runtime that provides one of them.");
    }
    function bytesToHex(bytes) {
      let hex = "";
      for (let i = 0; i < bytes.length; i++) {
        hex += bytes[i].toString(16).padStart(2, "0");
      }
      return hex;
    }
    function timingSafeEqualHex(a, b) {
      if (a.length !== b.length)
        return false;
      let diff = 0;
      for (let i = 0; i < a.length; i++) {
        diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
      }
      return diff === 0;
    }
  }
});

// node_modules/@notionhq/client/build/src/meeting-notes.js
var require_meeting_notes2 = __commonJS({
  "node_modules/@notionhq/client/build/src/meeting-notes.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.meetingNotesFilterableProperties = void 0;
    exports.meetingNotesFilterableProperties = [
      "title",
      "created_time",
      "last_edited_time",
      "created_by",
      "last_edited_by",
      "attendees"
    ];
  }
});

// node_modules/@notionhq/client/build/src/index.js
var require_src = __commonJS({
  "node_modules/@notionhq/client/build/src/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.meetingNotesFilterableProperties = exports.signWebhookPayload = exports.verifyWebhookSignature = exports.extractBlockId = exports.extractPageId = exports.extractDatabaseId = exports.extractNotionId = exports.isFullPageOrDataSource = exports.isFullView = exports.isFullComment = exports.isFullUser = exports.isFullPage = exports.isFullDatabase = exports.isFullDataSource = exports.isFullBlock = exports.collectAllDataSourceRows = exports.iterateAllDataSourceRows = exports.iterateDataSourceTemplates = exports.collectDataSourceTemplates = exports.iteratePaginatedAPI = exports.collectPaginatedAPI = exports.MIN_VIEW_COLUMN_WIDTH = exports.DEFAULT_MAX_RETRY_DELAY_MS = exports.DEFAULT_INITIAL_RETRY_DELAY_MS = exports.DEFAULT_MAX_RETRIES = exports.DEFAULT_TIMEOUT_MS = exports.DEFAULT_BASE_URL = exports.isHTTPResponseError = exports.isNotionClientError = exports.InvalidPathParameterError = exports.RequestTimeoutError = exports.UnknownHTTPResponseError = exports.APIResponseError = exports.ClientErrorCode = exports.APIErrorCode = exports.LogLevel = exports.Client = void 0;
    var Client_1 = require_Client();
    Object.defineProperty(exports, "Client", { enumerable: true, get: function() {
      return Client_1.default;
    } });
    var logging_1 = require_logging();
    Object.defineProperty(exports, "LogLevel", { enumerable: true, get: function() {
      return logging_1.LogLevel;
    } });
    var errors_1 = require_errors();
    Object.defineProperty(exports, "APIErrorCode", { enumerable: true, get: function() {
      return errors_1.APIErrorCode;
    } });
    Object.defineProperty(exports, "ClientErrorCode", { enumerable: true, get: function() {
      return errors_1.ClientErrorCode;
    } });
    Object.defineProperty(exports, "APIResponseError", { enumerable: true, get: function() {
      return errors_1.APIResponseError;
    } });
    Object.defineProperty(exports, "UnknownHTTPResponseError", { enumerable: true, get: function() {
      return errors_1.UnknownHTTPResponseError;
    } });
    Object.defineProperty(exports, "RequestTimeoutError", { enumerable: true, get: function() {
      return errors_1.RequestTimeoutError;
    } });
    Object.defineProperty(exports, "InvalidPathParameterError", { enumerable: true, get: function() {
      return errors_1.InvalidPathParameterError;
    } });
    Object.defineProperty(exports, "isNotionClientError", { enumerable: true, get: function() {
      return errors_1.isNotionClientError;
    } });
    Object.defineProperty(exports, "isHTTPResponseError", { enumerable: true, get: function() {
      return errors_1.isHTTPResponseError;
    } });
    var constants_1 = require_constants();
    Object.defineProperty(exports, "DEFAULT_BASE_URL", { enumerable: true, get: function() {
      return constants_1.DEFAULT_BASE_URL;
    } });
    Object.defineProperty(exports, "DEFAULT_TIMEOUT_MS", { enumerable: true, get: function() {
      return constants_1.DEFAULT_TIMEOUT_MS;
    } });
    Object.defineProperty(exports, "DEFAULT_MAX_RETRIES", { enumerable: true, get: function() {
      return constants_1.DEFAULT_MAX_RETRIES;
    } });
    Object.defineProperty(exports, "DEFAULT_INITIAL_RETRY_DELAY_MS", { enumerable: true, get: function() {
      return constants_1.DEFAULT_INITIAL_RETRY_DELAY_MS;
    } });
    Object.defineProperty(exports, "DEFAULT_MAX_RETRY_DELAY_MS", { enumerable: true, get: function() {
      return constants_1.DEFAULT_MAX_RETRY_DELAY_MS;
    } });
    Object.defineProperty(exports, "MIN_VIEW_COLUMN_WIDTH", { enumerable: true, get: function() {
      return constants_1.MIN_VIEW_COLUMN_WIDTH;
    } });
    var helpers_1 = require_helpers();
    Object.defineProperty(exports, "collectPaginatedAPI", { enumerable: true, get: function() {
      return helpers_1.collectPaginatedAPI;
    } });
    Object.defineProperty(exports, "iteratePaginatedAPI", { enumerable: true, get: function() {
      return helpers_1.iteratePaginatedAPI;
    } });
    Object.defineProperty(exports, "collectDataSourceTemplates", { enumerable: true, get: function() {
      return helpers_1.collectDataSourceTemplates;
    } });
    Object.defineProperty(exports, "iterateDataSourceTemplates", { enumerable: true, get: function() {
      return helpers_1.iterateDataSourceTemplates;
    } });
    Object.defineProperty(exports, "iterateAllDataSourceRows", { enumerable: true, get: function() {
      return helpers_1.iterateAllDataSourceRows;
    } });
    Object.defineProperty(exports, "collectAllDataSourceRows", { enumerable: true, get: function() {
      return helpers_1.collectAllDataSourceRows;
    } });
    Object.defineProperty(exports, "isFullBlock", { enumerable: true, get: function() {
      return helpers_1.isFullBlock;
    } });
    Object.defineProperty(exports, "isFullDataSource", { enumerable: true, get: function() {
      return helpers_1.isFullDataSource;
    } });
    Object.defineProperty(exports, "isFullDatabase", { enumerable: true, get: function() {
      return helpers_1.isFullDatabase;
    } });
    Object.defineProperty(exports, "isFullPage", { enumerable: true, get: function() {
      return helpers_1.isFullPage;
    } });
    Object.defineProperty(exports, "isFullUser", { enumerable: true, get: function() {
      return helpers_1.isFullUser;
    } });
    Object.defineProperty(exports, "isFullComment", { enumerable: true, get: function() {
      return helpers_1.isFullComment;
    } });
    Object.defineProperty(exports, "isFullView", { enumerable: true, get: function() {
      return helpers_1.isFullView;
    } });
    Object.defineProperty(exports, "isFullPageOrDataSource", { enumerable: true, get: function() {
      return helpers_1.isFullPageOrDataSource;
    } });
    Object.defineProperty(exports, "extractNotionId", { enumerable: true, get: function() {
      return helpers_1.extractNotionId;
    } });
    Object.defineProperty(exports, "extractDatabaseId", { enumerable: true, get: function() {
      return helpers_1.extractDatabaseId;
    } });
    Object.defineProperty(exports, "extractPageId", { enumerable: true, get: function() {
      return helpers_1.extractPageId;
    } });
    Object.defineProperty(exports, "extractBlockId", { enumerable: true, get: function() {
      return helpers_1.extractBlockId;
    } });
    var webhooks_1 = require_webhooks2();
    Object.defineProperty(exports, "verifyWebhookSignature", { enumerable: true, get: function() {
      return webhooks_1.verifyWebhookSignature;
    } });
    Object.defineProperty(exports, "signWebhookPayload", { enumerable: true, get: function() {
      return webhooks_1.signWebhookPayload;
    } });
    var meeting_notes_1 = require_meeting_notes2();
    Object.defineProperty(exports, "meetingNotesFilterableProperties", { enumerable: true, get: function() {
      return meeting_notes_1.meetingNotesFilterableProperties;
    } });
  }
});

// src/cli/commands/digest.ts
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";

// node_modules/zod/v4/classic/iso.js
var iso_exports = {};
__export(iso_exports, {
  ZodISODate: () => ZodISODate,
  ZodISODateTime: () => ZodISODateTime,
  ZodISODuration: () => ZodISODuration,
  ZodISOTime: () => ZodISOTime,
  date: () => date,
  datetime: () => datetime,
  duration: () => duration,
  time: () => time
});
function datetime(params) {
  return _isoDateTime(ZodISODateTime, params);
}
function date(params) {
  return _isoDate(ZodISODate, params);
}
function time(params) {
  return _isoTime(ZodISOTime, params);
}
function duration(params) {
  return _isoDuration(ZodISODuration, params);
}

// src/core/digest/render-notion.ts
import { createHash } from "node:crypto";

// src/core/digest/release.ts
var import_semver = __toESM(require_semver(), 1);
var RELEASE_KINDS = ["breaking", "features", "fixes", "version-bump"];
function bumpKind(previous, version) {
  if (previous === null) return "initial";
  if (import_semver.default.prerelease(version)) return "prerelease";
  const diff = import_semver.default.diff(previous, version);
  if (diff === "major" || diff === "premajor") return "major";
  if (diff === "minor" || diff === "preminor") return "minor";
  return "patch";
}
function typeCounts(notes) {
  if (!notes) return { breaking: 0, features: 0, fixes: 0, dependencies: 0, other: 0 };
  return {
    breaking: notes.breaking.length,
    features: notes.features.length,
    fixes: notes.fixes.length + notes.performance.length + notes.reverts.length,
    dependencies: notes.dependencies.length,
    other: notes.other.length
  };
}
function releaseKind(release) {
  const counts = typeCounts(release.notes);
  const stableMajor = release.previous !== null && import_semver.default.major(release.previous) >= 1 && bumpKind(release.previous, release.version) === "major";
  if (counts.breaking > 0 || stableMajor) return "breaking";
  if (counts.features > 0) return "features";
  if (counts.fixes > 0) return "fixes";
  return "version-bump";
}
function versionFromTag(tag) {
  const candidates = [tag, tag.slice(tag.lastIndexOf("@") + 1), /(?:^|[-_/])v?(\d+\.\d+\.\d+\S*)$/.exec(tag)?.[1] ?? ""];
  for (const candidate of candidates) {
    const version = import_semver.default.valid(candidate.replace(/^v/, ""));
    if (version) return version;
  }
  return void 0;
}

// src/core/digest/window.ts
var DAY_MS = 864e5;
function windowOf(since, until) {
  const compact = (instant) => instant.replace(/T00:00:00(?:\.000)?Z$/, "");
  return { since, until, key: `${compact(since)}..${compact(until)}` };
}
function digestWindow(input) {
  const until = input.until !== void 0 ? parseInstant(input.until, "until") : startOfDay(input.now);
  const lastUntil = input.last ? Date.parse(input.last.until) : void 0;
  const covered = lastUntil !== void 0 && (lastUntil === until.getTime() || input.until === void 0 && lastUntil > until.getTime());
  if (input.since === void 0 && input.last && covered) {
    return { window: windowOf(input.last.since, input.last.until), rerun: true };
  }
  const since = input.since !== void 0 ? parseInstant(input.since, "since") : input.last ? new Date(input.last.until) : new Date(until.getTime() - input.defaultDays * DAY_MS);
  if (since.getTime() >= until.getTime()) {
    throw new SlipwayError("INPUT_INVALID", `the digest window is empty: since ${since.toISOString()} is not before until ${until.toISOString()}`, {
      subject: "since/until",
      hint: "pass a --since earlier than --until (dates are YYYY-MM-DD, UTC)"
    });
  }
  return { window: windowOf(since.toISOString(), until.toISOString()), rerun: false };
}
function isInWindow(window, instant) {
  const at = Date.parse(instant);
  return at >= Date.parse(window.since) && at < Date.parse(window.until);
}
function startOfDay(date2) {
  return new Date(Math.floor(date2.getTime() / DAY_MS) * DAY_MS);
}
function parseInstant(text, name) {
  const value = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text;
  const at = Date.parse(value);
  if (Number.isNaN(at)) {
    throw new SlipwayError("INPUT_INVALID", `"${text}" is not a date`, { subject: name, hint: "write a date as YYYY-MM-DD (UTC) or an ISO 8601 instant" });
  }
  return new Date(at);
}
function isoWeek(window) {
  const lastDay = new Date(Date.parse(window.until) - 1);
  const day = new Date(Date.UTC(lastDay.getUTCFullYear(), lastDay.getUTCMonth(), lastDay.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / DAY_MS + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}
function describeWindow(window) {
  const first = window.since.slice(0, 10);
  const last = new Date(Date.parse(window.until) - 1).toISOString().slice(0, 10);
  return first === last ? first : `${first} \u2192 ${last}`;
}

// src/core/digest/compose-digest.ts
var import_semver2 = __toESM(require_semver(), 1);
var GROUP_TITLES = {
  breaking: "Breaking changes",
  features: "Features",
  fixes: "Bug fixes",
  "version-bump": "Dependency and version bumps"
};
function composeDigest(window, releases) {
  const unique = /* @__PURE__ */ new Map();
  for (const release of releases) {
    if (!isInWindow(window, release.releasedAt)) continue;
    const key = `${release.plugin}@${release.version}`;
    unique.set(key, {
      ...release,
      key,
      bump: bumpKind(release.previous, release.version),
      kind: releaseKind(release),
      counts: typeCounts(release.notes)
    });
  }
  const entries = [...unique.values()].sort(
    (a, b) => RELEASE_KINDS.indexOf(a.kind) - RELEASE_KINDS.indexOf(b.kind) || a.plugin.localeCompare(b.plugin) || import_semver2.default.compare(a.version, b.version)
  );
  const groups = RELEASE_KINDS.map((kind) => ({ kind, title: GROUP_TITLES[kind], entries: entries.filter((entry) => entry.kind === kind) }));
  const changes = { breaking: 0, features: 0, fixes: 0, dependencies: 0, other: 0 };
  for (const entry of entries) for (const type of Object.keys(changes)) changes[type] += entry.counts[type];
  return {
    window,
    week: isoWeek(window),
    entries,
    groups,
    headline: {
      releases: entries.length,
      plugins: new Set(entries.map((entry) => entry.plugin)).size,
      byKind: Object.fromEntries(groups.map((group) => [group.kind, group.entries.length])),
      changes
    }
  };
}
var plural = (count, one, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
function describeCounts(counts) {
  const parts = [
    counts.breaking ? `${counts.breaking} breaking` : "",
    counts.features ? plural(counts.features, "feature") : "",
    counts.fixes ? plural(counts.fixes, "fix", "fixes") : "",
    counts.dependencies ? plural(counts.dependencies, "dependency update") : "",
    counts.other ? plural(counts.other, "other change") : ""
  ].filter(Boolean);
  return parts.length ? parts.join(" \xB7 ") : "no notes";
}
function describeHeadline(headline) {
  if (headline.releases === 0) return "No releases in this window.";
  const kinds = [
    headline.byKind.breaking ? `${headline.byKind.breaking} breaking` : "",
    headline.byKind.features ? `${headline.byKind.features} with new features` : "",
    headline.byKind.fixes ? `${headline.byKind.fixes} with bug fixes` : "",
    headline.byKind["version-bump"] ? plural(headline.byKind["version-bump"], "version bump") : ""
  ].filter(Boolean);
  return `${plural(headline.releases, "release")} of ${plural(headline.plugins, "plugin")}: ${kinds.join(", ")}.`;
}

// src/core/digest/note-lines.ts
var NOTE_LABELS = {
  breaking: "Breaking",
  feature: "Feature",
  fix: "Fix",
  performance: "Performance",
  revert: "Revert",
  other: "Other",
  dependency: "Dependency"
};
function noteLines(notes) {
  if (!notes) return [];
  return [
    ...notes.breaking.map((n) => ({ type: "breaking", ...n })),
    ...notes.features.map((n) => ({ type: "feature", ...n })),
    ...notes.fixes.map((n) => ({ type: "fix", ...n })),
    ...notes.performance.map((n) => ({ type: "performance", ...n })),
    ...notes.reverts.map((n) => ({ type: "revert", ...n })),
    ...notes.other.map((n) => ({ type: "other", ...n })),
    ...notes.dependencies.map((d) => ({
      type: "dependency",
      scope: null,
      text: d.from !== null || d.to !== null ? `${d.name} ${d.from ?? "?"} \u2192 ${d.to ?? "?"}` : d.name
    }))
  ];
}

// src/core/digest/render-notion.ts
var NOTION_TEXT_LIMIT = 2e3;
var NOTION_ARRAY_LIMIT = 100;
var DIGEST_PROPERTIES = {
  Release: "title",
  Plugin: "rich_text",
  Version: "rich_text",
  Previous: "rich_text",
  Bump: "select",
  Kind: "select",
  "Type counts": "rich_text",
  Date: "date",
  Link: "url",
  Week: "select",
  /** What the page shows, hashed: a rerun rewrites a page only when this differs. */
  Fingerprint: "rich_text"
};
var KEY_PROPERTY = "Release";
var FINGERPRINT_PROPERTY = "Fingerprint";
var NOTE_HEADINGS = {
  breaking: "\u26A0\uFE0F Breaking changes",
  feature: "Features",
  fix: "Bug fixes",
  performance: "Performance improvements",
  revert: "Reverts",
  other: "Other changes",
  dependency: "Dependencies"
};
function notionPages(digest) {
  return digest.entries.map((entry) => notionPage(entry, digest.week));
}
function notionPage(entry, week) {
  const text = (content) => ({ rich_text: plainItems(content) });
  const properties = {
    Release: { title: plainItems(entry.key) },
    Plugin: text(entry.plugin),
    Version: text(entry.version),
    Previous: text(entry.previous ?? ""),
    Bump: { select: { name: entry.bump } },
    Kind: { select: { name: GROUP_TITLES[entry.kind] } },
    "Type counts": text(describeCounts(entry.counts)),
    Date: { date: { start: entry.releasedAt.slice(0, 10) } },
    Link: { url: entry.url },
    Week: { select: { name: week } }
  };
  const children = releaseBlocks(entry);
  const fingerprint = `sha256:${createHash("sha256").update(canonicalJson({ properties, children })).digest("hex")}`;
  return { key: entry.key, properties: { ...properties, Fingerprint: text(fingerprint) }, children, fingerprint };
}
function releaseBlocks(entry) {
  const blocks = [];
  if (entry.notes === null) blocks.push(paragraph(plainItems("No changelog section was found for this version.")));
  let heading;
  for (const note of noteLines(entry.notes)) {
    if (note.type !== heading) {
      heading = note.type;
      blocks.push({ object: "block", type: "heading_3", heading_3: { rich_text: plainItems(NOTE_HEADINGS[note.type]) } });
    }
    const items = [...note.scope ? [{ type: "text", text: { content: `${note.scope}: ` }, annotations: { bold: true } }] : [], ...markdownItems(note.text)];
    for (let start = 0; start < items.length; start += NOTION_ARRAY_LIMIT) {
      blocks.push({ object: "block", type: "bulleted_list_item", bulleted_list_item: { rich_text: items.slice(start, start + NOTION_ARRAY_LIMIT) } });
    }
  }
  if (entry.url) {
    blocks.push(paragraph([{ type: "text", text: { content: "Release notes: " } }, { type: "text", text: { content: stripControls(entry.tag), ...notionLinkable(entry.url) ? { link: { url: entry.url } } : {} } }]));
  }
  return blocks;
}
var paragraph = (richText) => ({ object: "block", type: "paragraph", paragraph: { rich_text: richText } });
function plainItems(content, annotations) {
  const items = [];
  for (let start = 0; start < content.length; start += NOTION_TEXT_LIMIT) {
    items.push({ type: "text", text: { content: stripControls(content.slice(start, start + NOTION_TEXT_LIMIT)) }, ...annotations ? { annotations } : {} });
  }
  return items;
}
var notionLinkable = (url) => /^https?:\/\/\S+$/i.test(url);
function markdownItems(markdown) {
  const items = [];
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)\s]+)\)/g;
  let last = 0;
  for (const match of markdown.matchAll(pattern)) {
    items.push(...plainItems(markdown.slice(last, match.index)));
    if (match[1] !== void 0) items.push(...plainItems(match[1], { code: true }));
    else if (match[2] !== void 0) items.push(...plainItems(match[2], { bold: true }));
    else if (match[4].length <= NOTION_TEXT_LIMIT && notionLinkable(match[4])) {
      for (const item of plainItems(match[3])) items.push({ ...item, text: { ...item.text, link: { url: match[4] } } });
    } else items.push(...plainItems(match[0]));
    last = match.index + match[0].length;
  }
  items.push(...plainItems(markdown.slice(last)));
  return items;
}
function checkDigestSchema(actual) {
  const problems = [];
  for (const [name, expected] of Object.entries(DIGEST_PROPERTIES)) {
    const found = actual[name];
    if (!found || found.type !== expected) problems.push({ property: name, expected, actual: found?.type ?? null });
  }
  return problems;
}
function describeSchemaProblem(problem) {
  return problem.actual === null ? `property "${problem.property}" is missing (needs type ${problem.expected})` : `property "${problem.property}" is a ${problem.actual} property; the digest needs ${problem.expected}`;
}
function schemaAdditions(problems, actual) {
  const patch = {};
  for (const problem of problems) {
    if (problem.actual !== null) continue;
    if (problem.expected === "title") {
      const currentTitle = Object.entries(actual).find(([, property]) => property.type === "title")?.[0];
      if (currentTitle) patch[currentTitle] = { name: problem.property };
      continue;
    }
    patch[problem.property] = { [problem.expected]: {} };
  }
  return patch;
}
function digestSchema() {
  return Object.fromEntries(Object.entries(DIGEST_PROPERTIES).map(([name, type]) => [name, { [type]: {} }]));
}

// src/core/digest/mark.ts
var MARK_SCHEMA_VERSION = 1;
var markSchema = object({
  schemaVersion: literal(MARK_SCHEMA_VERSION),
  since: iso_exports.datetime(),
  until: iso_exports.datetime(),
  key: string(),
  /** When the digest completed. */
  completedAt: iso_exports.datetime(),
  /** The sinks that wrote it (those skipped for lack of a token are not listed). */
  sinks: array(string()),
  releases: number().int().nonnegative()
});
function createMark(window, input) {
  return {
    schemaVersion: MARK_SCHEMA_VERSION,
    since: window.since,
    until: window.until,
    key: window.key,
    completedAt: input.completedAt.toISOString(),
    sinks: input.sinks,
    releases: input.releases
  };
}
function parseMark(text, where) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SlipwayError("INPUT_INVALID", "the last-digest mark is not JSON", { subject: where, hint: "delete the mark to start from the default window", cause: error });
  }
  const result = markSchema.safeParse(value);
  if (!result.success) {
    throw new SlipwayError("INPUT_INVALID", `the last-digest mark is invalid: ${result.error.issues.map((i) => `${i.path.join(".") || "mark"}: ${i.message}`).join("; ")}`, {
      subject: where,
      hint: "delete the mark to start from the default window"
    });
  }
  return result.data;
}

// src/adapters/digest/digest-mark.ts
var DEFAULT_MARK_REF = "refs/slipway/digest";
var FILE = "digest.json";
async function hasRemote(location) {
  if (!location.remote) return false;
  const remotes = await git(location.cwd, ["remote"]);
  return remotes.split("\n").includes(location.remote);
}
async function readDigestMark(location) {
  if (await hasRemote(location)) {
    const remoteRefs = await git(location.cwd, ["ls-remote", "--", location.remote, location.ref]);
    if (remoteRefs.trim()) await git(location.cwd, ["fetch", "--quiet", "--no-tags", "--", location.remote, `+${location.ref}:${location.ref}`]);
  }
  const exists = await git(location.cwd, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${location.ref}^{commit}`]).catch(() => "");
  if (!exists) return void 0;
  return parseMark(await git(location.cwd, ["show", "--end-of-options", `${location.ref}:${FILE}`]), `${location.ref}:${FILE}`);
}
async function writeDigestMark(location, window, input) {
  const mark = createMark(window, { completedAt: input.now, sinks: input.sinks, releases: input.releases });
  const cwd = location.cwd;
  const blob = await git(cwd, ["hash-object", "-w", "--stdin"], { input: JSON.stringify(mark, null, 2) + "\n" });
  const tree = await git(cwd, ["mktree"], { input: `100644 blob ${blob}	${FILE}
` });
  const parent = await git(cwd, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${location.ref}^{commit}`]).catch(() => "");
  const commit = await git(cwd, [...await identity(cwd), "commit-tree", ...parent ? ["-p", parent] : [], "-m", `slipway digest ${window.key}`, "--end-of-options", tree]);
  await git(cwd, ["update-ref", "--end-of-options", location.ref, commit, parent || "0".repeat(40)]);
  if (await hasRemote(location)) {
    try {
      await git(cwd, ["push", "--quiet", "--", location.remote, `${location.ref}:${location.ref}`]);
    } catch (error) {
      throw new SlipwayError("GIT_FAILED", `the digest completed, but its mark could not be pushed to ${location.remote}`, {
        subject: location.ref,
        hint: "give the workflow `contents: write`; the next digest will start from the previous mark and find the posts already made",
        cause: error
      });
    }
  }
  return mark;
}
async function identity(cwd) {
  const name = await git(cwd, ["config", "user.name"]).catch(() => "");
  const email = await git(cwd, ["config", "user.email"]).catch(() => "");
  return [
    ...name ? [] : ["-c", "user.name=slipway"],
    ...email ? [] : ["-c", "user.email=slipway@users.noreply.github.com"]
  ];
}

// src/adapters/digest/git-releases.ts
var import_semver3 = __toESM(require_semver(), 1);

// src/core/digest/release-notes.ts
var emptyNotes = () => ({
  breaking: [],
  features: [],
  fixes: [],
  performance: [],
  reverts: [],
  other: [],
  dependencies: []
});
var TITLES = [
  [/breaking/i, "breaking"],
  [/^features?$/i, "features"],
  [/^bug ?fix(es)?$|^fix(es)?$/i, "fixes"],
  [/^performance( improvements)?$/i, "performance"],
  [/^reverts?$/i, "reverts"],
  [/^dependenc(y|ies)( updates)?$/i, "dependencies"]
];
var escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
function findChangelogSection(changelog, version) {
  const heading = new RegExp(`^#{1,2} \\[?v?${escapeRegExp(version)}\\]?(?:\\([^)]*\\))?(?:\\s+\\((\\d{4}-\\d{2}-\\d{2})\\))?\\s*$`);
  const lines = changelog.split(/\r?\n/);
  const start = lines.findIndex((line) => heading.test(line));
  if (start < 0) return void 0;
  const date2 = heading.exec(lines[start])?.[1] ?? null;
  let end = lines.length;
  for (let i = start + 1; i < lines.length; i++) {
    if (/^#{1,2} /.test(lines[i])) {
      end = i;
      break;
    }
  }
  return { body: lines.slice(start + 1, end).join("\n"), date: date2 };
}
function parseReleaseNotes(body) {
  const notes = emptyNotes();
  let list = "other";
  let current;
  const items = [];
  const flush = () => {
    if (current) items.push({ list, text: current.join(" ").trim() });
    current = void 0;
  };
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trimEnd();
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      const title = heading[1].replace(/\u26a0\ufe0f?|:/gu, "").trim();
      if (/^\[?v?\d+\.\d+\.\d+/.test(title)) continue;
      list = TITLES.find(([pattern]) => pattern.test(title))?.[1] ?? "other";
      continue;
    }
    const item = /^\s*[*-]\s+(.*)$/.exec(line);
    if (item) {
      flush();
      current = [item[1]];
    } else if (line.trim() === "") {
      flush();
    } else if (current) {
      current.push(line.trim());
    } else {
      current = [line.trim()];
    }
  }
  flush();
  for (const { list: into, text } of items) {
    if (!text || into === "dependencies" && RELEASE_PLEASE_FILLER.test(text)) continue;
    if (into === "dependencies") notes.dependencies.push(dependencyNote(text));
    else notes[into].push(changeNote(text));
  }
  return notes;
}
var RELEASE_PLEASE_FILLER = /^(?:The following workspace dependencies were updated|(?:dev|peer|optional)?[dD]ependencies)$/;
function changeNote(text) {
  const scoped = /^\*\*([^*]+?):\*\*\s+(.*)$/.exec(text);
  const scope = scoped ? scoped[1] : null;
  const rest = scoped ? scoped[2] : text;
  const withoutRef = rest.replace(/\s+\((?:\[[0-9a-f]{7,40}\]\([^)]*\)|[0-9a-f]{7,40})\)(?: — .+)?$/, "");
  return { scope, text: withoutRef };
}
function dependencyNote(text) {
  const ours = /^\*\*(.+?):\*\*\s+(\S+)\s+(?:→|->)\s+(\S+)$/.exec(text);
  if (ours) return { name: ours[1], from: ours[2], to: ours[3] };
  const bumped = /^(\S+) bumped from (\S+) to (\S+)$/.exec(text);
  if (bumped) return { name: bumped[1], from: bumped[2], to: bumped[3] };
  const bumpedTo = /^(\S+) bumped to (\S+)$/.exec(text);
  if (bumpedTo) return { name: bumpedTo[1], from: null, to: bumpedTo[2] };
  return { name: text, from: null, to: null };
}

// src/adapters/digest/git-releases.ts
async function readGitReleases(input) {
  const tags = await releaseTags(input);
  const byPlugin = /* @__PURE__ */ new Map();
  for (const tag of tags) byPlugin.set(tag.plugin.name, [...byPlugin.get(tag.plugin.name) ?? [], tag]);
  const inWindow = tags.filter((tag) => isInWindow(input.window, tag.createdAt));
  const changelogs = await readBlobs(
    input.cwd,
    inWindow.map((tag) => `refs/tags/${tag.tag}:${tag.plugin.path ? `${tag.plugin.path}/` : ""}${input.changelogFile}`)
  );
  return inWindow.map((tag, index) => {
    const changelog = changelogs[index];
    const section = changelog === void 0 ? void 0 : findChangelogSection(changelog, tag.version);
    return {
      plugin: tag.plugin.name,
      version: tag.version,
      previous: previousVersion(byPlugin.get(tag.plugin.name) ?? [], tag.version),
      tag: tag.tag,
      releasedAt: tag.createdAt,
      url: input.repoUrl ? `${input.repoUrl}/${input.githubReleases === false ? "tree" : "releases/tag"}/${encodeURIComponent(tag.tag)}` : null,
      notes: section ? parseReleaseNotes(section.body) : null
    };
  });
}
async function releaseTags(input) {
  const out = await git(input.cwd, ["for-each-ref", "--format=%(refname:strip=2)%00%(creatordate:iso-strict)", "refs/tags"]);
  const byName = new Map(input.plugins.map((plugin) => [plugin.name, plugin]));
  const single = input.plugins.length === 1 && !input.format.named ? input.plugins[0] : void 0;
  const tags = [];
  for (const line of out.split("\n")) {
    if (!line) continue;
    const [tag, date2] = line.split("\0");
    const parsed = input.format.parse(tag);
    if (!parsed || !isValidVersion(parsed.version)) continue;
    const plugin = single ?? (parsed.name === void 0 ? void 0 : byName.get(parsed.name));
    if (!plugin) continue;
    tags.push({ tag, plugin, version: parsed.version, createdAt: new Date(date2).toISOString() });
  }
  return tags;
}
function previousVersion(tags, version) {
  const stable = import_semver3.default.prerelease(version) === null;
  const lower = tags.map((tag) => tag.version).filter((other) => import_semver3.default.lt(other, version) && (!stable || import_semver3.default.prerelease(other) === null)).sort(import_semver3.default.rcompare);
  return lower[0] ?? null;
}
async function readBlobs(cwd, specs) {
  if (specs.length === 0) return [];
  let stdout;
  try {
    ({ stdout } = await execa("git", ["cat-file", "--batch"], { cwd, input: specs.join("\n") + "\n", encoding: "buffer", stripFinalNewline: false }));
  } catch (error) {
    throw new SlipwayError("GIT_FAILED", `git cat-file failed: ${error.message}`, {
      subject: "git cat-file --batch",
      hint: "run slipway inside the fleet repository with its tags fetched (actions/checkout with fetch-depth: 0)",
      cause: error
    });
  }
  const buffer = Buffer.from(stdout);
  const blobs = [];
  let offset = 0;
  for (let i = 0; i < specs.length; i++) {
    const end = buffer.indexOf(10, offset);
    const header = buffer.subarray(offset, end).toString("utf8");
    offset = end + 1;
    const match = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!match) {
      blobs.push(void 0);
      continue;
    }
    const size = Number(match[2]);
    blobs.push(match[1] === "blob" ? buffer.subarray(offset, offset + size).toString("utf8") : void 0);
    offset += size + 1;
  }
  return blobs;
}

// src/adapters/digest/github-releases.ts
var import_semver4 = __toESM(require_semver(), 1);
var RELEASE_FIELDS = "tagName description url createdAt publishedAt isDraft";
var RELEASES = (first, after = "") => `releases(first: ${first}${after}, orderBy: {field: CREATED_AT, direction: DESC}) { pageInfo { hasNextPage endCursor } nodes { ${RELEASE_FIELDS} } }`;
var LIST_QUERY = `query DigestRepositories($org: String!, $cursor: String, $releases: Int!) {
  organization(login: $org) {
    repositories(first: 100, after: $cursor, isArchived: false, orderBy: {field: NAME, direction: ASC}) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        name
        repositoryTopics(first: 20) { nodes { topic { name } } }
        ${RELEASES("$releases")}
      }
    }
  }
}`;
var MORE_PER_QUERY = 20;
var MAX_ROUNDS = 20;
async function readOrgReleases(octokit, input) {
  let requests = 0;
  const query = async (text, variables) => {
    requests += 1;
    try {
      return await octokit.graphql(text, variables);
    } catch (error) {
      throw new SlipwayError("API_FAILED", `GitHub GraphQL query failed: ${error.message}`, {
        subject: `organization ${input.org}`,
        hint: "check that the token can read the organisation's repositories (a GitHub App or PAT with contents: read on them)",
        cause: error
      });
    }
  };
  const repositories = [];
  let scanned = 0;
  let cursor = null;
  for (; ; ) {
    const page = await query(LIST_QUERY, { org: input.org, cursor, releases: input.releasesPerRepository ?? 5 });
    const listing = page.organization?.repositories;
    if (!listing) throw new SlipwayError("NOT_FOUND", `no organisation "${input.org}" on GitHub`, { subject: "digest.org", hint: "set digest.org to the login of the organisation that owns the plugin repositories" });
    for (const node of listing.nodes) {
      scanned += 1;
      if (input.topic && !node.repositoryTopics.nodes.some((t) => t.topic.name === input.topic)) continue;
      repositories.push({ name: node.name, releases: node.releases.nodes, next: node.releases.pageInfo.hasNextPage ? node.releases.pageInfo.endCursor : null });
    }
    input.progress?.(scanned, listing.totalCount);
    if (!listing.pageInfo.hasNextPage) break;
    cursor = listing.pageInfo.endCursor;
  }
  const since = Date.parse(input.window.since);
  const incomplete = () => repositories.filter((repo) => repo.next !== null && repo.releases.every((release) => Date.parse(release.createdAt) >= since));
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const pending = incomplete();
    if (pending.length === 0) break;
    for (let start = 0; start < pending.length; start += MORE_PER_QUERY) {
      const batch = pending.slice(start, start + MORE_PER_QUERY);
      const variables = { org: input.org };
      const fields = batch.map((repo, i) => {
        variables[`n${i}`] = repo.name;
        variables[`c${i}`] = repo.next;
        return `r${i}: repository(owner: $org, name: $n${i}) { ${RELEASES("100", `, after: $c${i}`)} }`;
      });
      const declarations = batch.map((_repo, i) => `$n${i}: String!, $c${i}: String`).join(", ");
      const answer = await query(`query MoreReleases($org: String!, ${declarations}) {
  ${fields.join("\n  ")}
}`, variables);
      batch.forEach((repo, i) => {
        const more = answer[`r${i}`]?.releases;
        repo.releases.push(...more?.nodes ?? []);
        repo.next = more?.pageInfo.hasNextPage ? more.pageInfo.endCursor : null;
      });
    }
  }
  const releases = repositories.flatMap((repo) => shippedReleases(repo, input.window));
  return { releases, repositories: repositories.length, requests };
}
function shippedReleases(repo, window) {
  const versioned = repo.releases.filter((release) => !release.isDraft).map((release) => ({ release, version: versionFromTag(release.tagName) })).filter((item) => item.version !== void 0);
  return versioned.filter(({ release }) => isInWindow(window, release.publishedAt ?? release.createdAt)).map(({ release, version }) => {
    const stable = import_semver4.default.prerelease(version) === null;
    const previous = versioned.map((other) => other.version).filter((other) => import_semver4.default.lt(other, version) && (!stable || import_semver4.default.prerelease(other) === null)).sort(import_semver4.default.rcompare)[0];
    const body = release.description?.trim();
    return {
      plugin: repo.name,
      version,
      previous: previous ?? null,
      tag: release.tagName,
      releasedAt: new Date(release.publishedAt ?? release.createdAt).toISOString(),
      url: release.url,
      notes: body ? parseReleaseNotes(body) : null
    };
  });
}

// src/adapters/digest/notion-digest.ts
var import_client = __toESM(require_src(), 1);
async function resolveDataSource(notion, databaseId) {
  const database = await call(`read database ${databaseId}`, () => notion.databases.retrieve({ database_id: databaseId }));
  const sources = "data_sources" in database ? database.data_sources : [];
  if (sources.length !== 1) {
    throw new SlipwayError("INPUT_INVALID", `the Notion database has ${sources.length} data sources; the digest writes to a database with exactly one`, {
      subject: `Notion database ${databaseId}`,
      hint: sources.length === 0 ? "share the database with the integration" : `use a database of its own for the digest (this one holds ${sources.map((s) => `"${s.name}"`).join(", ")})`
    });
  }
  const dataSourceId = sources[0].id;
  const source = await call(`read data source ${dataSourceId}`, () => notion.dataSources.retrieve({ data_source_id: dataSourceId }));
  const properties = Object.fromEntries(Object.entries("properties" in source ? source.properties : {}).map(([name, p]) => [name, { type: p.type }]));
  return { databaseId, dataSourceId, properties };
}
async function checkDigestDatabase(notion, databaseId) {
  const source = await resolveDataSource(notion, databaseId);
  return { ...source, problems: checkDigestSchema(source.properties) };
}
async function completeDigestSchema(notion, check) {
  const patch = schemaAdditions(check.problems, check.properties);
  if (Object.keys(patch).length === 0) return check.problems;
  await call("add the missing properties", () => notion.dataSources.update({ data_source_id: check.dataSourceId, properties: patch }));
  return (await checkDigestDatabase(notion, check.databaseId)).problems;
}
async function createDigestDatabase(notion, parentPageId, title) {
  const database = await call(
    `create a database under page ${parentPageId}`,
    () => notion.databases.create({
      parent: { type: "page_id", page_id: parentPageId },
      title: plainItems(title),
      initial_data_source: { properties: digestSchema() }
    })
  );
  const sources = "data_sources" in database ? database.data_sources : [];
  return { databaseId: database.id, dataSourceId: sources[0].id };
}
async function writeDigestPages(notion, input) {
  const log = input.log ?? (() => {
  });
  const existing = await findPages(notion, input.dataSourceId, input.pages.map((page) => page.key), log);
  const result = { created: 0, updated: 0, unchanged: 0 };
  let done = 0;
  for (const page of input.pages) {
    const found = existing.get(page.key);
    if (found && found.fingerprint === page.fingerprint) result.unchanged += 1;
    else if (found) {
      await updatePage(notion, found.id, page);
      result.updated += 1;
    } else {
      await createPage(notion, input.dataSourceId, page);
      result.created += 1;
    }
    input.progress?.(++done, input.pages.length);
  }
  return result;
}
async function findPages(notion, dataSourceId, keys, log) {
  const found = /* @__PURE__ */ new Map();
  for (let start = 0; start < keys.length; start += NOTION_ARRAY_LIMIT) {
    const chunk = keys.slice(start, start + NOTION_ARRAY_LIMIT);
    let cursor;
    do {
      const answer = await call(
        "look up existing release pages",
        () => notion.dataSources.query({
          data_source_id: dataSourceId,
          filter: { or: chunk.map((key) => ({ property: KEY_PROPERTY, title: { equals: key } })) },
          page_size: 100,
          ...cursor ? { start_cursor: cursor } : {}
        })
      );
      for (const page of answer.results) {
        if (!("properties" in page)) continue;
        const key = plainText(page.properties[KEY_PROPERTY]);
        if (found.has(key)) {
          log(`Notion: more than one page for ${key}; updating the first, leaving page ${page.id} alone`);
          continue;
        }
        found.set(key, { id: page.id, fingerprint: plainText(page.properties[FINGERPRINT_PROPERTY]) });
      }
      cursor = answer.has_more ? answer.next_cursor ?? void 0 : void 0;
    } while (cursor);
  }
  return found;
}
function plainText(property) {
  const value = property;
  const items = value?.title ?? value?.rich_text ?? [];
  return items.map((item) => item.plain_text).join("");
}
var withoutFingerprint = (page) => ({ ...page.properties, [FINGERPRINT_PROPERTY]: { rich_text: [] } });
async function createPage(notion, dataSourceId, page) {
  const first = page.children.slice(0, NOTION_ARRAY_LIMIT);
  const complete = page.children.length <= NOTION_ARRAY_LIMIT;
  const created = await call(
    `create the page ${page.key}`,
    () => notion.pages.create({
      parent: { type: "data_source_id", data_source_id: dataSourceId },
      properties: complete ? page.properties : withoutFingerprint(page),
      children: first
    })
  );
  if (complete) return;
  await appendBlocks(notion, created.id, page.key, page.children.slice(NOTION_ARRAY_LIMIT));
  await call(`finish the page ${page.key}`, () => notion.pages.update({ page_id: created.id, properties: { [FINGERPRINT_PROPERTY]: page.properties[FINGERPRINT_PROPERTY] } }));
}
async function updatePage(notion, pageId, page) {
  await call(`update the page ${page.key}`, () => notion.pages.update({ page_id: pageId, properties: withoutFingerprint(page) }));
  let cursor;
  const old = [];
  do {
    const answer = await call(`read the blocks of ${page.key}`, () => notion.blocks.children.list({ block_id: pageId, page_size: 100, ...cursor ? { start_cursor: cursor } : {} }));
    old.push(...answer.results.map((block) => block.id));
    cursor = answer.has_more ? answer.next_cursor ?? void 0 : void 0;
  } while (cursor);
  for (const blockId of old) await call(`replace the blocks of ${page.key}`, () => notion.blocks.delete({ block_id: blockId }));
  await appendBlocks(notion, pageId, page.key, page.children);
  await call(`finish the page ${page.key}`, () => notion.pages.update({ page_id: pageId, properties: { [FINGERPRINT_PROPERTY]: page.properties[FINGERPRINT_PROPERTY] } }));
}
async function appendBlocks(notion, pageId, key, blocks) {
  for (let start = 0; start < blocks.length; start += NOTION_ARRAY_LIMIT) {
    const chunk = blocks.slice(start, start + NOTION_ARRAY_LIMIT);
    await call(`write the notes of ${key}`, () => notion.blocks.children.append({ block_id: pageId, children: chunk }));
  }
}
async function call(what, fn) {
  try {
    return await fn();
  } catch (error) {
    const code = import_client.APIResponseError.isAPIResponseError(error) ? error.code : void 0;
    const hints = {
      unauthorized: "the Notion token is not valid: check the NOTION_TOKEN secret",
      restricted_resource: "share the database with the integration (\u2022\u2022\u2022 \u2192 Connections \u2192 add the integration)",
      object_not_found: "check digest.notionDatabase and share the database with the integration (\u2022\u2022\u2022 \u2192 Connections)",
      validation_error: "run `slipway digest setup-notion` to check the database's properties",
      rate_limited: "Notion kept rate-limiting after the retries; rerun later \u2014 the digest resumes where it stopped"
    };
    throw new SlipwayError("API_FAILED", `Notion: could not ${what}: ${error.message}`, {
      subject: "Notion",
      hint: code && hints[code] || "rerun the digest: pages already written are found by their key and not written twice",
      cause: error
    });
  }
}

// src/adapters/digest/slack-digest.ts
var DIGEST_EVENT_TYPE = "slipway_digest";
var MAX_THREAD_PAGES = 10;
var digestMessageKey = (windowKey) => `slipway-digest ${windowKey}`;
async function postDigestToSlack(client, input) {
  const log = input.log ?? (() => {
  });
  const parts = input.messages.length;
  const interval = input.postIntervalMs ?? 1100;
  const [first, ...replies] = input.messages;
  const parent = await postOnce(client, {
    channel: input.channel,
    key: digestMessageKey(input.windowKey),
    text: first.text,
    blocks: first.blocks,
    eventType: DIGEST_EVENT_TYPE
  });
  if (parent.action !== "posted" && parent.action !== "found-posted") {
    throw new SlipwayError("API_FAILED", "Slack: the digest message was scheduled, not posted", { subject: input.channel, hint: "this is a bug in slipway; please report it" });
  }
  const { channel, ts } = parent;
  const found = new Set(parent.action === "found-posted" ? [1] : []);
  if (parent.action === "found-posted" && replies.length > 0) {
    for (const part of await postedParts(client, channel, ts, input.windowKey)) found.add(part);
    log(`Slack: the digest for ${input.windowKey} is already in the channel (ts ${ts}); ${found.size} of ${parts} part(s) there`);
  }
  let posted = parent.action === "posted" ? 1 : 0;
  for (const [index, message] of replies.entries()) {
    const part = index + 2;
    if (found.has(part)) continue;
    if (posted > 0 && interval > 0) await new Promise((resolve2) => setTimeout(resolve2, interval));
    await call2(
      `post part ${part} of ${parts} in the thread`,
      channel,
      () => client.chat.postMessage({
        channel,
        thread_ts: ts,
        text: message.text,
        blocks: message.blocks,
        metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { key: `${digestMessageKey(input.windowKey)} #${part}`, window: input.windowKey, part, parts } },
        unfurl_links: false,
        unfurl_media: false
      })
    );
    posted += 1;
  }
  return { channel, ts, posted, found: found.size };
}
async function postedParts(client, channel, ts, windowKey) {
  const parts = [];
  let cursor;
  for (let page = 0; page < MAX_THREAD_PAGES; page++) {
    const answer = await call2(
      "read the digest thread",
      channel,
      () => client.conversations.replies({ channel, ts, include_all_metadata: true, limit: 1e3, ...cursor ? { cursor } : {} })
    );
    for (const message of answer.messages ?? []) {
      const metadata = message.metadata;
      if (message.ts === ts || metadata?.event_type !== DIGEST_EVENT_TYPE || metadata.event_payload?.window !== windowKey) continue;
      parts.push(Number(metadata.event_payload.part));
    }
    cursor = answer.response_metadata?.next_cursor || void 0;
    if (!cursor) break;
  }
  return parts;
}
async function call2(doing, channel, fn) {
  try {
    return await fn();
  } catch (error) {
    const code = error.data?.error ?? error.message;
    throw new SlipwayError("API_FAILED", `Slack refused to ${doing}: ${code}`, {
      subject: channel,
      hint: "rerun the digest: the parts already posted are found in the thread and not posted again",
      cause: error
    });
  }
}

// src/adapters/notion/client.ts
var import_client2 = __toESM(require_src(), 1);
var import_light = __toESM(require_light(), 1);
var NOTION_API_VERSION = "2025-09-03";
function createNotionClient(options) {
  const log = options.log ?? (() => {
  });
  const rate = options.requestsPerSecond ?? 3;
  const limiter = Number.isFinite(rate) ? new import_light.default({ maxConcurrent: 1, minTime: Math.ceil(1e3 / rate) }) : void 0;
  const paced = limiter ? (url, init) => limiter.schedule(() => fetch(url, init)) : fetch;
  return new import_client2.Client({
    auth: options.token,
    notionVersion: NOTION_API_VERSION,
    ...options.baseUrl ? { baseUrl: options.baseUrl } : {},
    fetch: paced,
    retry: { maxRetries: options.retries ?? 5, initialRetryDelayMs: options.initialRetryDelayMs ?? 1e3, maxRetryDelayMs: 6e4 },
    logLevel: import_client2.LogLevel.WARN,
    logger: (level, message, extra) => log(`Notion ${level}: ${message} ${JSON.stringify(extra)}`.replaceAll(options.token, "***"))
  });
}

// src/core/digest/render-markdown.ts
var GROUP_ICONS = { breaking: "\u26A0\uFE0F ", features: "\u2728 ", fixes: "\u{1F41B} ", "version-bump": "\u{1F4E6} " };
function renderDigestMarkdown(digest) {
  const { headline } = digest;
  const lines = [`# What shipped: ${describeWindow(digest.window)} (${digest.week})`, "", `**${describeHeadline(headline)}**`];
  if (headline.releases > 0) {
    lines.push(
      "",
      "| breaking | features | fixes | version bumps | changes |",
      "| ---: | ---: | ---: | ---: | --- |",
      `| ${headline.byKind.breaking} | ${headline.byKind.features} | ${headline.byKind.fixes} | ${headline.byKind["version-bump"]} | ${describeCounts(headline.changes)} |`
    );
  }
  for (const group of digest.groups) {
    if (group.entries.length === 0) continue;
    lines.push("", `## ${GROUP_ICONS[group.kind] ?? ""}${group.title} (${group.entries.length})`, "");
    for (const entry of group.entries) lines.push(...entryMarkdown(entry));
  }
  return lines.join("\n") + "\n";
}
function entryMarkdown(entry) {
  const name = entry.url ? `[${escapeMarkdown(entry.plugin)}](${entry.url})` : escapeMarkdown(entry.plugin);
  const versions = entry.previous === null ? `**${entry.version}** (first release)` : `${entry.previous} \u2192 **${entry.version}**`;
  const lines = [`- **${name}** ${versions} \xB7 ${entry.bump} \xB7 ${entry.releasedAt.slice(0, 10)} \xB7 ${describeCounts(entry.counts)}`];
  if (entry.notes === null) lines.push("  - _no changelog section found for this version_");
  for (const note of noteLines(entry.notes)) {
    lines.push(`  - ${NOTE_LABELS[note.type]}: ${note.scope ? `**${note.scope}:** ` : ""}${note.text.replace(/\n/g, " ")}`);
  }
  return lines;
}
function escapeMarkdown(text) {
  return text.replace(/([\\`*_[\]<>|])/g, "\\$1");
}

// src/core/digest/render-slack.ts
var SLACK_LIMITS = { maxBlocks: 50, maxSectionChars: 3e3, maxMessageChars: 1e4 };
var MAX_HEADER_CHARS = 150;
var GROUP_TITLES2 = {
  breaking: ":warning: Breaking changes",
  features: ":sparkles: Features",
  fixes: ":bug: Bug fixes",
  "version-bump": ":package: Dependency and version bumps"
};
var FOOTER_RESERVE_CHARS = 400;
var mrkdwn = (text) => ({ type: "mrkdwn", text });
function renderSlackDigest(digest, options = {}) {
  const limits = options.limits ?? SLACK_LIMITS;
  const title = `What shipped: ${describeWindow(digest.window)} (${digest.week})`;
  const headline = describeHeadline(digest.headline);
  const opening = [
    { type: "header", text: { type: "plain_text", text: title.slice(0, MAX_HEADER_CHARS) } },
    { type: "section", text: mrkdwn(`*${escape(headline)}*`) }
  ];
  if (digest.headline.releases > 0) {
    const byKind = digest.headline.byKind;
    opening.push({
      type: "section",
      fields: [
        mrkdwn(`*Breaking*
${byKind.breaking}`),
        mrkdwn(`*Features*
${byKind.features}`),
        mrkdwn(`*Bug fixes*
${byKind.fixes}`),
        mrkdwn(`*Version bumps*
${byKind["version-bump"]}`)
      ]
    });
  }
  const units = digest.groups.flatMap(
    (group) => group.entries.flatMap((entry) => splitText(entryText(entry), unitLimit(limits)).map((text) => ({ kind: group.kind, count: group.entries.length, text, entry: entry.key })))
  );
  const pages = pack(units, limits, textLength(opening) + FOOTER_RESERVE_CHARS, opening.length + 1);
  const parts = pages.length;
  const link = options.digestUrl ? `<${options.digestUrl}|Full digest>` : "";
  const entriesIn = (page) => new Set(page.entryKeys).size;
  const laterEntries = pages.slice(1).reduce((sum, page) => sum + entriesIn(page) - (page.continuesEntry ? 1 : 0), 0);
  const footer = [
    link,
    parts > 1 ? `:thread: ${plural(laterEntries, "more release")} in the thread (${plural(parts - 1, "reply", "replies")})` : ""
  ].filter(Boolean);
  const main = {
    text: `${title}: ${headline}`,
    blocks: [...opening, ...pages[0]?.blocks ?? [], ...footer.length ? [{ type: "context", elements: [mrkdwn(footer.join(" \xB7 "))] }] : []]
  };
  const replies = pages.slice(1).map((page, index) => ({
    text: `${title} (part ${index + 2} of ${parts})`,
    blocks: [{ type: "context", elements: [mrkdwn(`${escape(title)} \xB7 part ${index + 2} of ${parts}${link ? ` \xB7 ${link}` : ""}`)] }, ...page.blocks]
  }));
  return [main, ...replies];
}
var TITLE_RESERVE = 120;
var unitLimit = (limits) => limits.maxSectionChars - TITLE_RESERVE;
function pack(units, limits, firstUsed, firstBlocks) {
  const pages = [];
  let page = { blocks: [], entryKeys: [], continuesEntry: false };
  let used = firstUsed;
  let blocksUsed = firstBlocks;
  let section;
  let previous;
  const closeSection = () => {
    if (!section) return;
    page.blocks.push({ type: "section", text: mrkdwn(section.text) });
    section = void 0;
  };
  const newPage = () => {
    closeSection();
    pages.push(page);
    page = { blocks: [], entryKeys: [], continuesEntry: false };
    used = 300;
    blocksUsed = 1;
  };
  for (const unit of units) {
    const groupStart = previous?.kind !== unit.kind;
    if (section && section.kind === unit.kind && section.text.length + 1 + unit.text.length <= limits.maxSectionChars && used + unit.text.length + 1 <= limits.maxMessageChars) {
      section.text += `
${unit.text}`;
      used += unit.text.length + 1;
    } else {
      closeSection();
      let title = groupStart ? `*${GROUP_TITLES2[unit.kind]} (${unit.count})*` : "";
      let size = title.length + 1 + unit.text.length;
      if (blocksUsed + 1 > limits.maxBlocks || used + size > limits.maxMessageChars) {
        newPage();
        if (previous?.entry === unit.entry) page.continuesEntry = true;
        if (!groupStart) title = `*${GROUP_TITLES2[unit.kind]} (continued)*`;
        size = title.length + 1 + unit.text.length;
      } else if (!groupStart && page.blocks.length === 0 && pages.length > 0) {
        title = `*${GROUP_TITLES2[unit.kind]} (continued)*`;
        size = title.length + 1 + unit.text.length;
      }
      section = { kind: unit.kind, text: title ? `${title}
${unit.text}` : unit.text };
      used += size;
      blocksUsed += 1;
    }
    page.entryKeys.push(unit.entry);
    previous = unit;
  }
  closeSection();
  if (page.blocks.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}
function entryText(entry) {
  const name = entry.url ? `*${slackLink(entry.url, entry.plugin)}*` : `*${escape(entry.plugin)}*`;
  const versions = entry.previous === null ? `*${entry.version}* (first release)` : `${entry.previous} \u2192 *${entry.version}*`;
  const lines = [`\u2022 ${name} ${versions} \xB7 ${entry.bump} \xB7 ${entry.releasedAt.slice(0, 10)}`];
  if (entry.notes === null) lines.push("      \u25E6 _no changelog section found for this version_");
  for (const note of noteLines(entry.notes)) {
    lines.push(`      \u25E6 ${NOTE_LABELS[note.type]}: ${note.scope ? `*${escape(note.scope)}:* ` : ""}${markdownToMrkdwn(note.text.replace(/\n/g, " "))}`);
  }
  return lines.join("\n");
}
function splitText(text, max) {
  if (text.length <= max) return [text];
  const pieces = [];
  let current = "";
  for (const line of text.split("\n")) {
    for (let start = 0; start < Math.max(line.length, 1); start += max) {
      const part = line.slice(start, start + max);
      if (current === "") current = part;
      else if (current.length + 1 + part.length <= max) current += `
${part}`;
      else {
        pieces.push(current);
        current = part;
      }
    }
  }
  if (current !== "") pieces.push(current);
  return pieces;
}
var escape = slackText;
function markdownToMrkdwn(markdown) {
  const pattern = /\[([^\]]+)\]\(([^)\s]+)\)/g;
  let out = "";
  let last = 0;
  for (const match of markdown.matchAll(pattern)) {
    out += escape(markdown.slice(last, match.index)) + slackLink(match[2], match[1]);
    last = match.index + match[0].length;
  }
  return (out + escape(markdown.slice(last))).replace(/\*\*([^*]+)\*\*/g, "*$1*");
}
function textLength(blocks) {
  let sum = 0;
  for (const block of blocks) {
    if ("text" in block && block.text) sum += block.text.text.length;
    if ("fields" in block && block.fields) for (const field of block.fields) sum += field.text.length;
    if ("elements" in block) for (const element of block.elements) sum += element.text.length;
  }
  return sum;
}

// src/jobs/digest.ts
async function runDigest(options) {
  const { cwd, reporter } = options;
  const config = options.config ?? await loadConfig(cwd);
  const now = options.now ?? /* @__PURE__ */ new Date();
  const useMark = options.mark ?? true;
  const location = { cwd, ref: config.digest.markRef ?? DEFAULT_MARK_REF, remote: config.release.remote };
  const last = useMark ? await readDigestMark(location) : void 0;
  if (last) reporter.debug(`last digest: ${last.key} (completed ${last.completedAt})`);
  const { window, rerun } = digestWindow({ now, defaultDays: config.digest.defaultDays, last, since: options.since, until: options.until });
  reporter.info(`digest window: ${describeWindow(window)} (${window.key})${rerun ? " \u2014 the last digest, run again: sinks confirm what they wrote" : ""}`);
  const { releases, source } = await readReleases(options, config, window);
  const digest = composeDigest(window, releases);
  const markdown = renderDigestMarkdown(digest);
  reporter.info(`${plural(digest.headline.releases, "release")} of ${plural(digest.headline.plugins, "plugin")} in the window`);
  const digestUrl = options.digestUrl ?? config.digest.digestUrl;
  const sinks = await Promise.all([slackSink(options, config, digest, digestUrl), notionSink(options, config, digest)]);
  for (const result of sinks) {
    if (result.status === "failed") reporter.error(`${result.sink}: ${result.summary}`);
    else reporter.info(`${result.sink}: ${result.summary}`);
  }
  const configured = sinks.filter((result) => result.status !== "skipped");
  const failed = sinks.some((result) => result.status === "failed");
  let mark = "off";
  let markFailed = false;
  if (useMark) {
    if (options.dryRun || failed || configured.length === 0) {
      mark = "kept";
      const why = options.dryRun ? "a dry run" : failed ? "a sink failed; the next run covers this window again" : "no sink is configured";
      reporter.info(`last-digest mark not moved: ${why}`);
    } else if (rerun) {
      mark = "unchanged";
    } else {
      try {
        await writeDigestMark(location, window, { sinks: configured.map((result) => result.sink), releases: digest.headline.releases, now });
        mark = "moved";
        reporter.info(`last-digest mark moved to ${window.until} (${location.ref})`);
      } catch (error) {
        markFailed = true;
        reporter.error(formatError(error));
      }
    }
  }
  return { digest, markdown, source, rerun, sinks, mark, ok: !failed && !markFailed };
}
async function readReleases(options, config, window) {
  const { reporter, cwd } = options;
  const org = config.digest.org;
  if (org) {
    const octokit = options.github?.client ?? createGitHubClient({ token: options.github?.token, baseUrl: options.github?.baseUrl, writeSpacingMs: 0, log: (line) => reporter.warn(line) });
    const result = await readOrgReleases(octokit, {
      org,
      topic: config.digest.topic,
      window,
      progress: (done, total) => reporter.progress("repositories read", done, total)
    });
    reporter.info(`org ${org}: ${result.repositories} plugin repositories read in ${plural(result.requests, "GraphQL request")}`);
    return { releases: result.releases, source: { mode: "org", requests: result.requests, repositories: result.repositories } };
  }
  const [fleet, repoUrl] = await Promise.all([discoverFleet(cwd, config), repositoryUrl(cwd, config.release.remote)]);
  const releases = await readGitReleases({
    cwd,
    plugins: fleet.plugins,
    format: tagFormatFor(config, fleet),
    window,
    changelogFile: config.release.changelog,
    repoUrl,
    githubReleases: config.release.githubRelease
  });
  for (const release of releases) {
    if (release.notes === null) reporter.warn(`${release.tag}: no "${release.version}" section in ${config.release.changelog} at the tag; listed without notes`);
  }
  return { releases, source: { mode: "monorepo" } };
}
async function slackSink(options, config, digest, digestUrl) {
  const slack = options.slack ?? {};
  const channel = slack.channel ?? config.slack.digest;
  const messages = renderSlackDigest(digest, { digestUrl });
  if (options.dryRun) {
    messages.forEach(
      (message, index) => options.reporter.info(`Slack (dry run): ${index === 0 ? "channel message" : `thread reply ${index}`} \u2014 ${plural(message.blocks.length, "block")}: ${message.text}`)
    );
    const blocks = messages.map((message) => message.blocks.length).join(", ");
    const missing = !slack.token ? " (no Slack token: a real run would skip Slack)" : !channel ? " (no channel: a real run would skip Slack)" : "";
    return { sink: "slack", status: "dry-run", summary: `would post 1 message to ${channel ?? "(no channel)"} and ${plural(messages.length - 1, "thread reply", "thread replies")} (blocks: ${blocks}), unless already posted${missing}` };
  }
  if (!slack.token) return { sink: "slack", status: "skipped", summary: "skipped: no Slack token (set SLACK_BOT_TOKEN / the slack-token input)" };
  if (!channel) return { sink: "slack", status: "skipped", summary: "skipped: no channel (set slack.digest in slipway.yml)" };
  try {
    const client = createSlackClient({ token: slack.token, apiUrl: slack.apiUrl, retries: slack.retries, log: (line) => options.reporter.warn(line) });
    const result = await postDigestToSlack(client, {
      channel,
      windowKey: digest.window.key,
      messages,
      postIntervalMs: slack.postIntervalMs,
      log: (line) => options.reporter.info(line)
    });
    if (result.posted === 0) return { sink: "slack", status: "unchanged", summary: `already posted in ${result.channel} (ts ${result.ts}); nothing posted again` };
    return { sink: "slack", status: "written", summary: `posted ${plural(result.posted, "message")} in ${result.channel} (ts ${result.ts}; ${plural(messages.length - 1, "thread reply", "thread replies")} in all)` };
  } catch (error) {
    return { sink: "slack", status: "failed", summary: formatError(error), error: formatError(error) };
  }
}
async function notionSink(options, config, digest) {
  const notionOptions = options.notion ?? {};
  const databaseId = notionOptions.databaseId ?? config.digest.notionDatabase;
  const pages = notionPages(digest);
  if (options.dryRun) {
    for (const page of pages) options.reporter.info(`Notion (dry run): page ${page.key} \u2014 ${plural(page.children.length, "block")}`);
    const missing = !notionOptions.token ? " (no Notion token: a real run would skip Notion)" : !databaseId ? " (no database: a real run would skip Notion)" : "";
    return { sink: "notion", status: "dry-run", summary: `would create or update ${plural(pages.length, "release page")} in ${databaseId ?? "(no database)"}, unless unchanged${missing}` };
  }
  if (!notionOptions.token) return { sink: "notion", status: "skipped", summary: "skipped: no Notion token (set NOTION_TOKEN / the notion-token input)" };
  if (!databaseId) return { sink: "notion", status: "skipped", summary: "skipped: no database (set digest.notionDatabase in slipway.yml)" };
  try {
    const notion = createNotionClient({
      token: notionOptions.token,
      baseUrl: notionOptions.baseUrl,
      ...notionOptions.requestsPerSecond !== void 0 ? { requestsPerSecond: notionOptions.requestsPerSecond } : {},
      ...notionOptions.retries !== void 0 ? { retries: notionOptions.retries } : {},
      ...notionOptions.initialRetryDelayMs !== void 0 ? { initialRetryDelayMs: notionOptions.initialRetryDelayMs } : {},
      log: (line) => options.reporter.warn(line)
    });
    const check = await checkDigestDatabase(notion, databaseId);
    if (check.problems.length > 0) {
      throw new SlipwayError("INPUT_INVALID", `the Notion database is not set up for the digest: ${check.problems.map(describeSchemaProblem).join("; ")}`, {
        subject: `Notion database ${databaseId}`,
        hint: "run `slipway digest setup-notion --create` to add the missing properties"
      });
    }
    const result = await writeDigestPages(notion, {
      dataSourceId: check.dataSourceId,
      pages,
      log: (line) => options.reporter.info(line),
      progress: (done, total) => options.reporter.progress("Notion pages", done, total)
    });
    const counts = `${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged`;
    return { sink: "notion", status: result.created + result.updated === 0 ? "unchanged" : "written", summary: `release pages: ${counts}` };
  } catch (error) {
    return { sink: "notion", status: "failed", summary: formatError(error), error: formatError(error) };
  }
}
async function setupNotion(options) {
  if (!options.token) {
    throw new SlipwayError("INPUT_INVALID", "no Notion token", { subject: "NOTION_TOKEN", hint: "set NOTION_TOKEN to the integration's token (Notion \u2192 Settings \u2192 Integrations)" });
  }
  const config = options.config ?? await loadConfig(options.cwd);
  const notion = createNotionClient({ token: options.token, baseUrl: options.baseUrl });
  const databaseId = options.databaseId ?? config.digest.notionDatabase;
  if (!databaseId) {
    if (!options.create || !options.parentPageId) {
      throw new SlipwayError("INPUT_INVALID", "no Notion database to check", {
        subject: "digest.notionDatabase",
        hint: "set digest.notionDatabase in slipway.yml (or --database ID), or create one with --create --parent PAGE_ID"
      });
    }
    const created = await createDigestDatabase(notion, options.parentPageId, options.title ?? "Releases");
    const check2 = await checkDigestDatabase(notion, created.databaseId);
    return { ...created, created: true, found: [], remaining: check2.problems };
  }
  const check = await checkDigestDatabase(notion, databaseId);
  const remaining = options.create ? await completeDigestSchema(notion, check) : check.problems;
  return { databaseId, dataSourceId: check.dataSourceId, created: false, found: check.problems, remaining };
}

// src/cli/commands/digest.ts
var usage = `usage: slipway digest [setup-notion] [options]

Compiles what shipped in a window \u2014 every plugin release, grouped into breaking changes,
features, bug fixes and dependency/version bumps \u2014 and posts it to Slack (one message, the
rest in its thread) and writes it to a Notion database (one page per release). Idempotent:
run it twice and nothing is posted or written twice. A sink without a token is skipped.

The window starts where the last completed digest ended (recorded in the git ref
digest.markRef, default refs/slipway/digest, pushed to release.remote), or digest.defaultDays
(7) before its end; it ends today at 00:00 UTC. The mark moves only when every configured
sink succeeded. In org mode (digest.org) releases are the GitHub Releases of the
organisation's repositories (those with the digest.topic topic).

  slipway digest                  compile, print the Markdown digest, post and write
  slipway digest setup-notion     check the Notion database's properties (--create to fix)

options:
  --cwd DIR            the repository (default: the current folder)
  --since DATE         window start, YYYY-MM-DD (UTC) or ISO instant
  --until DATE         window end (exclusive); default today 00:00 UTC
  --org LOGIN          org mode for this run (default: digest.org)
  --channel ID         Slack channel (default: slack.digest)
  --database ID        Notion database (default: digest.notionDatabase)
  --digest-url URL     link to the full digest shown in Slack (default: digest.digestUrl)
  --out FILE           also write the Markdown digest to FILE
  --json               print the outcome (digest, sinks, mark) as JSON instead of Markdown
  --no-mark            neither read nor move the last-digest mark
  --dry-run            show what would be posted and written; write nothing

setup-notion options:
  --database ID        the database to check (default: digest.notionDatabase)
  --create             add missing properties; with --parent and no database, create one
  --parent PAGE_ID     the page to create the database under
  --title TEXT         the new database's title (default: Releases)

environment: GITHUB_TOKEN, GITHUB_API_URL (org mode); SLACK_BOT_TOKEN (SLACK_TOKEN is deprecated), SLACK_API_URL;
NOTION_TOKEN, NOTION_API_URL (another API root, e.g. a local test server).`;
var FLAGS = {
  cwd: { type: "string" },
  since: { type: "string" },
  until: { type: "string" },
  org: { type: "string" },
  channel: { type: "string" },
  database: { type: "string" },
  "digest-url": { type: "string" },
  out: { type: "string" },
  json: { type: "boolean" },
  "no-mark": { type: "boolean" },
  "dry-run": { type: "boolean" },
  create: { type: "boolean" },
  parent: { type: "string" },
  title: { type: "string" }
};
var env = (name) => process.env[name] || void 0;
async function run(args, context) {
  const { values, positionals } = parseFlags(args, FLAGS, "digest", true);
  const mode = positionals[0] ?? "digest";
  if (!["digest", "setup-notion"].includes(mode) || positionals.length > 1) {
    throw new SlipwayError("USAGE", `unknown digest mode "${positionals.join(" ")}"`, { hint: "use `slipway digest` or `slipway digest setup-notion`" });
  }
  const reporter = consoleReporter({ debug: context.debug });
  const cwd = resolve(values.cwd ?? ".");
  const config = await loadConfig(cwd);
  if (mode === "setup-notion") {
    const result = await setupNotion({
      cwd,
      config,
      token: env("NOTION_TOKEN"),
      baseUrl: env("NOTION_API_URL"),
      databaseId: values.database,
      create: values.create ?? false,
      parentPageId: values.parent,
      title: values.title
    });
    if (result.created) reporter.info(`created the Notion database ${result.databaseId} (data source ${result.dataSourceId}); set digest.notionDatabase: ${result.databaseId}`);
    const fixed = result.found.filter((problem) => !result.remaining.some((left) => left.property === problem.property));
    for (const problem of fixed) reporter.info(`fixed: ${describeSchemaProblem(problem)}`);
    for (const problem of result.remaining) reporter.error(describeSchemaProblem(problem));
    if (result.remaining.length === 0) {
      process.stdout.write(`Notion database ${result.databaseId} is ready for the digest
`);
      return 0;
    }
    const onlyTypes = result.remaining.every((problem) => problem.actual !== null);
    reporter.info(onlyTypes || values.create ? "change or rename those properties in Notion (slipway never changes a property's type: it would discard its values)" : "run again with --create to add the missing properties");
    return 1;
  }
  const digestConfig = { ...config, digest: { ...config.digest, ...values.org ? { org: values.org } : {} } };
  const outcome = await runDigest({
    cwd,
    reporter,
    config: digestConfig,
    since: values.since,
    until: values.until,
    dryRun: values["dry-run"] ?? false,
    mark: !values["no-mark"],
    digestUrl: values["digest-url"],
    github: { token: env("GITHUB_TOKEN"), baseUrl: env("GITHUB_API_URL") },
    slack: { token: slackTokenFromEnv(), apiUrl: env("SLACK_API_URL"), channel: values.channel },
    notion: { token: env("NOTION_TOKEN"), baseUrl: env("NOTION_API_URL"), databaseId: values.database }
  });
  if (values.out) {
    await writeFile(values.out, outcome.markdown);
    reporter.info(`digest written to ${values.out}`);
  }
  const { digest, sinks, mark, rerun, source, ok } = outcome;
  process.stdout.write(values.json ? JSON.stringify({ digest, sinks, mark, rerun, source, ok }, null, 2) + "\n" : outcome.markdown);
  return ok ? 0 : 1;
}
export {
  run,
  usage
};
