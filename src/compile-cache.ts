import { lstatSync, mkdirSync } from 'node:fs'
import nodeModule from 'node:module'
import { isAbsolute, join } from 'node:path'

/**
 * Node's compile cache for the action's own bundle, in a folder that the
 * later steps of the same job see: every step that uses the action starts a
 * fresh Node that parses and compiles about 0.75 MB of JavaScript; with the
 * cache, the first step of a job writes V8's compiled code (flushCompileCache,
 * while it waits for its first answer) and every later step that uses the
 * action reads it instead of compiling (post steps likewise for the post
 * bundle's own files). Measured (`npm run bench`): the step that writes pays
 * a few ms, and each later step saves about twice that.
 *
 * Only ever under RUNNER_TEMP, which the runner makes per job and empties
 * before and after it: never the workspace (it is the user's, and may be
 * cached or uploaded), never the shared system temp folder (another user on
 * a self-hosted machine could plant a cache there; V8's code cache is
 * trusted input, so a planted one would be code run by us). Within
 * RUNNER_TEMP the folder is ours: created private (0700), and used only
 * when it is a real folder (not a symlink) owned by this user that no one
 * else can write to. Anyone who can write there as this user can as well
 * rewrite the action's own files, so the cache adds no way in. Node keys
 * each entry by its own version and by a hash of the source, so a new
 * release of the action or of Node never reads a stale entry.
 *
 * Called by the entry points (index.ts, post.ts) before they import the
 * heavy chunk: the cache covers only code compiled after it is enabled.
 * Without RUNNER_TEMP (a local run), or on any problem, nothing is cached
 * and the action runs as it would without: the cache is only ever a speed-up.
 */
/** `module.enableCompileCache` (Node 22.1+; the @types/node we build with is older). */
interface CompileCacheApi {
  enableCompileCache?: (directory: string) => { status: number; directory?: string }
  flushCompileCache?: () => void
  constants?: { compileCacheStatus?: { FAILED: number } }
}

export function enableCompileCache(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const runnerTemp = env.RUNNER_TEMP
  const api = nodeModule as unknown as CompileCacheApi
  if (!runnerTemp || !isAbsolute(runnerTemp) || typeof api.enableCompileCache !== 'function') return undefined
  const folder = join(runnerTemp, COMPILE_CACHE_FOLDER)
  try {
    mkdirSync(folder, { mode: 0o700 })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return undefined
  }
  try {
    const stats = lstatSync(folder)
    const ownUid = typeof process.getuid === 'function' ? process.getuid() : undefined
    if (!stats.isDirectory() || (ownUid !== undefined && stats.uid !== ownUid) || (process.platform !== 'win32' && (stats.mode & 0o022) !== 0)) {
      return undefined
    }
    const result = api.enableCompileCache(folder)
    return result.status === api.constants?.compileCacheStatus?.FAILED ? undefined : (result.directory ?? folder)
  } catch {
    return undefined
  }
}

/** The folder under RUNNER_TEMP (beside `canary-console-action`, where downloads and lists go). */
export const COMPILE_CACHE_FOLDER = 'canary-console-action-compile-cache'

/**
 * Writes what the cache holds so far, now rather than at exit: called while
 * the step waits for its first answer, the write overlaps the network instead
 * of adding to the step's time. Never fails the step.
 */
export function flushCompileCache(): void {
  try {
    ;(nodeModule as unknown as CompileCacheApi).flushCompileCache?.()
  } catch {
    // only a speed-up
  }
}
