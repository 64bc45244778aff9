/**
 * The state of the local Slack workspace: channels, posted messages and scheduled messages.
 * Tests read it directly to assert what slipway left behind (and that a rerun added nothing).
 */
import { randomBytes } from 'node:crypto';

export interface SlackChannel {
  id: string;
  name: string;
}

/** Slack's message metadata: https://docs.slack.dev/messaging/message-metadata */
export interface SlackMetadata {
  event_type: string;
  event_payload: Record<string, unknown>;
}

export interface SlackMessage {
  channel: string;
  ts: string;
  text: string;
  blocks?: Record<string, unknown>[];
  /** Set on replies (the parent's ts); a parent's own thread_ts appears only in API answers. */
  thread_ts?: string;
  metadata?: SlackMetadata;
  unfurl_links?: boolean;
  unfurl_media?: boolean;
  reply_broadcast?: boolean;
  edited?: { user: string; ts: string };
}

export interface ScheduledMessage {
  id: string;
  channel: string;
  /** Unix seconds. */
  post_at: number;
  date_created: number;
  text: string;
  blocks?: Record<string, unknown>[];
  thread_ts?: string;
  metadata?: SlackMetadata;
}

export const BOT_USER_ID = 'U0SLIPWAY01';
export const BOT_ID = 'B0SLIPWAY01';
export const TEAM_ID = 'T0SLIPWAY01';

export class SlackWorkspace {
  readonly channels: SlackChannel[] = [];
  readonly messages: SlackMessage[] = [];
  readonly scheduled: ScheduledMessage[] = [];
  readonly now: () => number;
  #lastTsMicros = 0n;
  #scheduledCount = 0;

  constructor(channels: Array<string | SlackChannel>, now: () => number) {
    this.now = now;
    for (const channel of channels) {
      if (typeof channel === 'string') this.addChannel(channel);
      else this.addChannel(channel.name, channel.id);
    }
  }

  addChannel(name: string, id = `C${randomBytes(5).toString('hex').toUpperCase()}`): string {
    const bare = name.replace(/^#/, '');
    if (this.channels.some((channel) => channel.id === id || channel.name === bare)) {
      throw new Error(`channel ${bare} (${id}) already exists in the local Slack workspace`);
    }
    this.channels.push({ id, name: bare });
    return id;
  }

  /** Slack accepts a channel ID or a name (with or without `#`). */
  findChannel(idOrName: string): SlackChannel | undefined {
    const bare = idOrName.replace(/^#/, '');
    return this.channels.find((channel) => channel.id === idOrName || channel.name === bare);
  }

  /** A message ts: Unix seconds with six decimals, unique and increasing like Slack's. */
  nextTs(atMs = this.now()): string {
    const micros = BigInt(Math.floor(atMs)) * 1000n;
    this.#lastTsMicros = micros > this.#lastTsMicros ? micros : this.#lastTsMicros + 1n;
    return formatTs(this.#lastTsMicros);
  }

  nextScheduledId(): string {
    this.#scheduledCount += 1;
    return `Q${this.#scheduledCount.toString(36).toUpperCase().padStart(10, '0')}`;
  }

  findMessage(channel: string, ts: string): SlackMessage | undefined {
    return this.messages.find((message) => message.channel === channel && message.ts === ts);
  }

  repliesTo(channel: string, ts: string): SlackMessage[] {
    return this.messages.filter((message) => message.channel === channel && message.thread_ts === ts);
  }
}

export function formatTs(micros: bigint): string {
  const text = micros.toString().padStart(7, '0');
  return `${text.slice(0, -6)}.${text.slice(-6)}`;
}

/** `"1700000000.000100"` → microseconds, so timestamps compare exactly (no float rounding). */
export function tsToMicros(ts: string): bigint | undefined {
  const match = /^(\d+)(?:\.(\d{1,6}))?$/.exec(ts);
  if (!match) return undefined;
  return BigInt(match[1]!) * 1_000_000n + BigInt((match[2] ?? '').padEnd(6, '0'));
}
