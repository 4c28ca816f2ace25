/** The region browser's path for a region (ids are opaque, so they are URL-encoded). */
export function regionPath(id: string): string {
  return `/regions/${encodeURIComponent(id)}`;
}

/** The graph view's path around any node, by its global id. */
export function nodeGraphPath(id: string): string {
  return `/graph?id=${encodeURIComponent(id)}`;
}
