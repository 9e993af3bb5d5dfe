// The parts of undici the transport loads (see undici-parts.ts). undici has
// no `exports` map, so its files can be imported one by one; their types
// are the package's own, from its index.
declare module 'undici/lib/dispatcher/agent.js' {
  import type { Agent } from 'undici'
  const AgentClass: typeof Agent
  export default AgentClass
}

declare module 'undici/lib/api/api-request.js' {
  import type { Dispatcher } from 'undici'
  /** Dispatcher.prototype.request, as undici's index installs it on every dispatcher. */
  export default function request(this: Dispatcher, options: Dispatcher.RequestOptions): Promise<Dispatcher.ResponseData>
}

declare module 'undici/lib/web/fetch/formdata.js' {
  export { FormData } from 'undici'
}
