import type { ConsoleTransport, DownloadedBody, Endpoint, FileParams, Params, SuccessBody } from './transport.js'

/** A Canarytoken as the Console describes it; kinds add fields of their own. */
export interface Canarytoken {
  canarytoken: string
  kind: string
  memo: string
  enabled?: boolean
  flock_id?: string
  hostname?: string
  url?: string
  key?: string
  created?: string
  created_printable?: string
  triggered_count?: number
  updated_id?: number
  browser_scanner_enabled?: boolean
  access_key_id?: string
  secret_access_key?: string
  username?: string
  renders?: Record<string, string>
  [field: string]: unknown
}

export const CANARYTOKEN_ENDPOINTS = {
  create: { method: 'POST', path: '/api/v1/canarytoken/create' },
  fetch: { method: 'GET', path: '/api/v1/canarytoken/fetch' },
  update: { method: 'POST', path: '/api/v1/canarytoken/update' },
  enable: { method: 'POST', path: '/api/v1/canarytoken/enable' },
  disable: { method: 'POST', path: '/api/v1/canarytoken/disable' },
  delete: { method: 'POST', path: '/api/v1/canarytoken/delete' },
  download: { method: 'GET', path: '/api/v1/canarytoken/download' },
  removeS3: { method: 'POST', path: '/api/v1/canarytoken/remove/s3' },
  deleteApeeperFactory: { method: 'POST', path: '/api/v1/apeeperfactory/delete' }
} as const satisfies Record<string, Endpoint>

export interface CreateCanarytokenParams extends Params {
  kind: string
  memo: string
  flock_id?: string
}

export interface CanarytokenAnswer extends SuccessBody {
  canarytoken: Canarytoken
}
export interface TokenAnswer extends SuccessBody {
  token: Canarytoken
}

export function createCanarytoken(transport: ConsoleTransport, params: CreateCanarytokenParams, files: FileParams = {}): Promise<CanarytokenAnswer> {
  return transport.call<CanarytokenAnswer>(CANARYTOKEN_ENDPOINTS.create, params, files)
}

export function fetchCanarytoken(transport: ConsoleTransport, canarytoken: string): Promise<TokenAnswer> {
  return transport.call<TokenAnswer>(CANARYTOKEN_ENDPOINTS.fetch, { canarytoken })
}

/** The reference documents `{"result","token"}` as update's answer. */
export function updateCanarytokenMemo(transport: ConsoleTransport, canarytoken: string, memo: string): Promise<Partial<TokenAnswer> & SuccessBody> {
  return transport.call(CANARYTOKEN_ENDPOINTS.update, { canarytoken, memo })
}

export function enableCanarytoken(transport: ConsoleTransport, canarytoken: string): Promise<SuccessBody> {
  return transport.call(CANARYTOKEN_ENDPOINTS.enable, { canarytoken })
}

export function disableCanarytoken(transport: ConsoleTransport, canarytoken: string): Promise<SuccessBody> {
  return transport.call(CANARYTOKEN_ENDPOINTS.disable, { canarytoken })
}

export function deleteCanarytoken(transport: ConsoleTransport, canarytoken: string, clearIncidents = false): Promise<SuccessBody> {
  // Sent only when asked for, so the Console's own default applies otherwise.
  return transport.call(CANARYTOKEN_ENDPOINTS.delete, { canarytoken, clear_incidents: clearIncidents ? true : undefined })
}

export function downloadCanarytoken(transport: ConsoleTransport, canarytoken: string): Promise<DownloadedBody> {
  return transport.download(CANARYTOKEN_ENDPOINTS.download, { canarytoken })
}

export interface RemoveS3Params extends Params {
  canarytoken: string
  aws_access_key: string
  aws_secret_key: string
  aws_region: string
  delete_buckets?: boolean
  s3_source_bucket?: string
}

/** The reference lists `aws_access_key` twice for this endpoint; it is sent once. */
export function removeS3Canarytoken(transport: ConsoleTransport, params: RemoveS3Params): Promise<SuccessBody> {
  return transport.call(CANARYTOKEN_ENDPOINTS.removeS3, params)
}

export function deleteApeeperFactory(transport: ConsoleTransport, hash: string): Promise<SuccessBody> {
  return transport.call(CANARYTOKEN_ENDPOINTS.deleteApeeperFactory, { hash })
}
