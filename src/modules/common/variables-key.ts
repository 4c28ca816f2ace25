/** Variables longer than this (as JSON) are not used as a cache key: the work is redone each time instead. */
export const MAX_VARIABLES_KEY_LENGTH = 2000;

/**
 * The cache key of an operation's variables for the per-document caches (cost estimate, code-page
 * plan): their JSON, or null when it is longer than MAX_VARIABLES_KEY_LENGTH, so a client sending
 * large distinct variables cannot fill those caches with large keys.
 */
export function variablesKey(variables: Record<string, unknown> | null | undefined): string | null {
  const json = JSON.stringify(variables ?? {});
  return json.length <= MAX_VARIABLES_KEY_LENGTH ? json : null;
}
