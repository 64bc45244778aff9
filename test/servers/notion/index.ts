export {
  startNotionServer, NOTION_VERSION, DEFAULT_NOTION_TOKEN,
  type NotionServer, type NotionServerOptions, type NotionCall, type FailOptions,
} from './server.ts';
export type { BlockRecord, DataSourceRecord, DatabaseRecord, PageRecord } from './store.ts';
export { plainText, type RichText } from './rich-text.ts';
export * as notionLimits from './request-limits.ts';
