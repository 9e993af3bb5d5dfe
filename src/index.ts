/**
 * The action's entry point (dist/index.js). It stays tiny: it turns on
 * Node's compile cache (compile-cache.ts: from the job's second step that
 * uses the action on) and only then imports the action itself (main.ts, a
 * chunk of its own, which loads only the operation's family and the chosen
 * backend), so that compiled code is cached for the job's later steps. Everything lives in main.ts, so
 * local-action and tests can call run().
 */
import { enableCompileCache, flushCompileCache } from './compile-cache.js'

const cached = enableCompileCache(process.env, 'step')
const { run } = await import('./main.js')
// Written as soon as the step is waiting for its first request, not at exit (compile-cache.ts).
if (cached) setImmediate(flushCompileCache)
await run()
