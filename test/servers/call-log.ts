/**
 * What a local fake received, so a test can assert "posted once" or "never queried twice"
 * without reaching into the fake's internals. Shared by the Slack and Notion servers.
 */
export interface RecordedCall<Args> {
  /** Slack method name (`chat.postMessage`) or Notion route (`POST /v1/pages`). */
  key: string;
  args: Args;
  /** HTTP status the fake answered with (429 for an injected rate limit). */
  status: number;
  /** Slack's `error` / Notion's `code` when the call was refused. */
  error?: string;
}

export class CallLog<Args> {
  readonly all: RecordedCall<Args>[] = [];

  record(call: RecordedCall<Args>): void {
    this.all.push(call);
  }

  /** Calls made to `key` (every call when omitted), refused ones included. */
  count(key?: string): number {
    return this.of(key).length;
  }

  of(key?: string): RecordedCall<Args>[] {
    return key === undefined ? [...this.all] : this.all.filter((call) => call.key === key);
  }

  clear(): void {
    this.all.length = 0;
  }
}
