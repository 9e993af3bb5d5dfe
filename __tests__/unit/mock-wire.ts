import type { Dispatcher } from 'undici'
import type { HttpClient } from '../../src/http/client.js'

/**
 * An undici MockAgent (or any undici dispatcher) as the transport's wire, so
 * that unit tests can script a server's answers and failures call by call.
 * What the production wire (src/http/client.ts, Node's http) does on a real
 * socket is tested against loopback servers in http-client.test.ts and by
 * every e2e test. Errors pass through as the test made them: a test that
 * scripts a failure uses the production wire's codes (Node's system errors,
 * TimeoutError's codes).
 */
export function mockWire(dispatcher: Dispatcher): HttpClient {
  return {
    async request(url, { method, headers, body }) {
      const { statusCode, headers: answerHeaders, body: answerBody } = await dispatcher.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: method as Dispatcher.HttpMethod,
        headers,
        body
      })
      return { statusCode, headers: answerHeaders, body: answerBody }
    },
    // The test closes its own agent.
    async close() {}
  }
}
