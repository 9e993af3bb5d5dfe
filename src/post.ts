/**
 * The post step's entry point (dist/post/index.js, `runs.post` in
 * action.yml). The runner calls it at the end of every job that used the
 * action, whatever the operation, so it must cost next to nothing when there
 * is nothing to do: it looks for the state plant-runner-canaries saved and
 * loads the action (@actions/core, undici, ...) only when there is some.
 * After any other operation it prints nothing, sends nothing, writes nothing.
 *
 * The runner hands state saved with `core.saveState` back as `STATE_<name>`
 * variables, which is all `core.getState` reads; reading that one variable
 * here keeps @actions/core off the path of every post step with nothing to
 * do. runPost reads the state itself through `core.getState`.
 */
import { enableCompileCache, flushCompileCache } from './compile-cache.js'
import { RUNNER_CANARY_STATE } from './operations/runner-canary-state.js'

if (process.env[`STATE_${RUNNER_CANARY_STATE}`]) {
  // Only when there is work. The post bundle's chunks are files of their own (dist/post/), with a
  // mark of their own: a second post step with work writes their cache, later ones read it.
  const cached = enableCompileCache(process.env, 'post')
  const { runPost } = await import('./post-main.js')
  if (cached) setImmediate(flushCompileCache)
  await runPost()
}
