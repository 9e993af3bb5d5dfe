import type { Endpoint } from '../../http/transport.js'

// A Canarytokens server's API as data (thinkst/canarytokens, frontend/app.py).
// Every route lives under one fixed prefix (ROOT_API_ENDPOINT); the same
// paths without it are pages of the web app.

/** frontend/app.py `ROOT_API_ENDPOINT`. */
export const API_PREFIX = '/d3aece8093b71007b5ccfedad91ebb11'

/**
 * Create (`api_generate`): read as JSON only when Content-Type is exactly
 * `application/json` (a string comparison), which the transport sends; with
 * a file it goes as multipart, which the server reads as a form.
 */
export const GENERATE: Endpoint = { method: 'POST', path: `${API_PREFIX}/generate`, body: 'json' }
/** `api_manage_canarytoken`: FastAPI query parameters `token` and `auth`. */
export const MANAGE: Endpoint = { method: 'GET', path: `${API_PREFIX}/manage` }
/** `api_history`: query parameters `token` and `auth`. */
export const HISTORY: Endpoint = { method: 'GET', path: `${API_PREFIX}/history` }
/** `api_download`: query parameters `fmt`, `token` and `auth`, no Content-Type (the server reads the query only then). */
export const DOWNLOAD: Endpoint = { method: 'GET', path: `${API_PREFIX}/download` }
/** `api_settings_post`: a JSON body `{setting, value, token, auth}`; sets a state, so safe to repeat. */
export const SETTINGS: Endpoint = { method: 'POST', path: `${API_PREFIX}/settings`, body: 'json', repeatable: true }
/** `api_delete`: a JSON body `{token, auth}`; a repeat finds the token gone (403). */
export const DELETE: Endpoint = { method: 'POST', path: `${API_PREFIX}/delete`, body: 'json', repeatable: true }
