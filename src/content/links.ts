import type { ItemKind } from './model.js';

/** Path of Lotse's own read-only view of an item: `/pages/<region>/<lang>/<id>` (events and places alike). */
const KIND_SEGMENT: Record<ItemKind, string> = { page: 'pages', event: 'events', poi: 'places' };

export function viewPath(regionSlug: string, kind: ItemKind, item: { language: string; id: string }): string {
  return `/${KIND_SEGMENT[kind]}/${encodeURIComponent(regionSlug)}/${encodeURIComponent(item.language)}/${encodeURIComponent(item.id)}`;
}
