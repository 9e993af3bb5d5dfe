import { removal, type RemovalAnswer } from '../../http/errors.js'
import type { HttpTransport, DownloadedBody, Endpoint, SuccessBody } from '../../http/transport.js'

/** A Global API key as the Console describes it. `auth_token` is the key itself. */
export interface ApiKey {
  key_id: string
  auth_token?: string
  auth_token_type?: string
  note?: string
  created?: string
  created_by?: string
  [field: string]: unknown
}

/**
 * Global API keys and the API switch, on their current paths (the
 * `/api/v1/token/*` ones are deprecated).
 */
export const API_KEY_ENDPOINTS = {
  // Not repeatable: a retried add could make a second key.
  add: { method: 'POST', path: '/api/v1/auth_token/add', repeatable: false, answers: 'global_api_key' },
  list: { method: 'GET', path: '/api/v1/auth_token/list', repeatable: true, answersList: 'global_api_keys' },
  // The reference's curl sends DELETE with a form body (-X DELETE -d); the transport does the same.
  remove: { method: 'DELETE', path: '/api/v1/auth_token/remove', repeatable: true },
  download: { method: 'GET', path: '/api/v1/auth_token/download', repeatable: true },
  enableApi: { method: 'POST', path: '/api/v1/settings/api/enable', repeatable: true },
  disableApi: { method: 'POST', path: '/api/v1/settings/api/disable', repeatable: true }
} as const satisfies Record<string, Endpoint>

export interface AddApiKeyAnswer extends SuccessBody {
  global_api_key: ApiKey
}

export interface ListApiKeysAnswer extends SuccessBody {
  global_api_keys: ApiKey[]
}

export function addApiKey(transport: HttpTransport, authTokenType: string, note: string): Promise<AddApiKeyAnswer> {
  return transport.call<AddApiKeyAnswer>(API_KEY_ENDPOINTS.add, { auth_token_type: authTokenType, note })
}

export function listApiKeys(transport: HttpTransport): Promise<ListApiKeysAnswer> {
  return transport.call<ListApiKeysAnswer>(API_KEY_ENDPOINTS.list)
}

export function removeApiKey(transport: HttpTransport, keyId: string): Promise<RemovalAnswer> {
  return removal(transport.call(API_KEY_ENDPOINTS.remove, { key_id: keyId }))
}

/** The key's configuration file for Thinkst's Python client: a credential. */
export function downloadApiKey(transport: HttpTransport, keyId: string): Promise<DownloadedBody> {
  return transport.download(API_KEY_ENDPOINTS.download, { key_id: keyId })
}

export function enableApi(transport: HttpTransport): Promise<SuccessBody> {
  return transport.call(API_KEY_ENDPOINTS.enableApi)
}

export function disableApi(transport: HttpTransport): Promise<SuccessBody> {
  return transport.call(API_KEY_ENDPOINTS.disableApi)
}
