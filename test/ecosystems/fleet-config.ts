/** slipway.yml as parsed, for tests: only the keys a test cares about, every other key defaulted. */
import { configSchema, type SlipwayConfig } from '../../src/core/config/schema.ts';

export const config = (raw: Record<string, unknown> = {}): SlipwayConfig => configSchema.parse(raw);
