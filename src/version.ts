// Generated from package.json by scripts/sync-version.mjs (`npm version` runs it): do not edit.
/** Sent in the User-Agent header. */
export const ACTION_VERSION = '1.0.0'
