import type { ApiKey } from './api-keys.js'
import { removal, type RemovalAnswer } from '../../http/errors.js'
import type { HttpTransport, Endpoint, SuccessBody } from '../../http/transport.js'

/** A Flock API key: a Global key's fields plus the flocks it manages or watches. */
export interface FlockApiKey extends ApiKey {
  managed_flocks?: string[]
  watched_flocks?: string[]
  last_used?: string
}

export const FLOCK_API_KEY_ENDPOINTS = {
  // Not repeatable: a retried add could make a second key.
  add: { method: 'POST', path: '/api/v1/flock/auth_token/add', repeatable: false, answers: 'flock_api_key' },
  list: { method: 'GET', path: '/api/v1/flock/auth_token/list', repeatable: true, answersList: 'flock_api_keys' },
  // Documented as POST, but its curl example adds -G (query string). We send a
  // form body, as for every POST: the key being removed is a credential and
  // must not travel in a URL, where logs and proxies keep it.
  remove: { method: 'POST', path: '/api/v1/flock/auth_token/remove', repeatable: true }
} as const satisfies Record<string, Endpoint>

export interface AddFlockApiKeyAnswer extends SuccessBody {
  flock_api_key: FlockApiKey
}

export interface ListFlockApiKeysAnswer extends SuccessBody {
  flock_api_keys: FlockApiKey[]
}

/** `authTokenType` is optional: the Console picks its default when it is left out. */
export function addFlockApiKey(transport: HttpTransport, flockId: string, note: string, authTokenType?: string): Promise<AddFlockApiKeyAnswer> {
  return transport.call<AddFlockApiKeyAnswer>(FLOCK_API_KEY_ENDPOINTS.add, { flock_id: flockId, note, auth_token_type: authTokenType })
}

export function listFlockApiKeys(transport: HttpTransport, flockId: string): Promise<ListFlockApiKeysAnswer> {
  return transport.call<ListFlockApiKeysAnswer>(FLOCK_API_KEY_ENDPOINTS.list, { flock_id: flockId })
}

/** Flock keys are removed by the key itself, not by key id. */
export function removeFlockApiKey(transport: HttpTransport, removeAuthToken: string): Promise<RemovalAnswer> {
  return removal(transport.call(FLOCK_API_KEY_ENDPOINTS.remove, { remove_auth_token: removeAuthToken }))
}
