import type { Dispatcher, FormData as UndiciFormData } from 'undici'
import Agent from 'undici/lib/dispatcher/agent.js'
import dispatcherRequest from 'undici/lib/api/api-request.js'

/**
 * The transport's HTTP client: undici's Agent and its `request`, loaded
 * file by file instead of through undici's index, which also loads fetch,
 * WebSocket, EventSource, the cache, the mock agents and every interceptor
 * (two thirds of the package) on every start of every step. What runs is
 * the same code: undici's index only re-exports these files, and its
 * `request(url, options)` is this `request` called on `options.dispatcher`
 * with the origin and path taken from the URL, as here.
 */
export { Agent }

export function request(url: URL, options: Omit<Dispatcher.RequestOptions, 'origin' | 'path'> & { dispatcher: Dispatcher }): Promise<Dispatcher.ResponseData> {
  const { dispatcher, ...rest } = options
  return dispatcherRequest.call(dispatcher, { ...rest, origin: url.origin, path: `${url.pathname}${url.search}` })
}

/** undici's FormData, loaded only when a file goes along (uploads). */
export async function formData(): Promise<UndiciFormData> {
  const { FormData } = await import('undici/lib/web/fetch/formdata.js')
  return new FormData()
}
