/**
 * The action's entry point (dist/index.js). It stays tiny: it turns on
 * Node's compile cache (compile-cache.ts) and only then imports the action
 * itself (main.ts, a chunk of its own), so that chunk's compiled code is
 * cached for the job's later steps. Everything lives in main.ts, so
 * local-action and tests can call run().
 */
import { enableCompileCache } from './compile-cache.js'

enableCompileCache()
const { run } = await import('./main.js')
await run()
