import { lstatSync, mkdirSync, writeFileSync } from 'node:fs'
import nodeModule from 'node:module'
import { isAbsolute, join } from 'node:path'

/**
 * Node's compile cache for the action's own bundle, in a folder that the
 * later steps of the same job see: every step that uses the action starts a
 * fresh Node that parses and compiles the bundle's start chunks and its
 * operation family (about 0.75 MB of JavaScript for fetch-canarytoken); with
 * the cache, a step reads V8's compiled code instead of compiling it.
 *
 * Who writes it. V8 makes a module's cache entry when it compiles the module
 * (Node asks for it right after compiling), and Node writes the entries out
 * (flushCompileCache, or at exit). Measured with `npm run bench` (startup),
 * since a step loads only its operation's family and backend (about 0.77 MB
 * for fetch-canarytoken): the step that writes pays 0.07 to 0.13 of the bare
 * request over a step without the cache (flushCompileCache itself takes
 * under 1 ms: the cost is V8 making the entries as it compiles), and each
 * step that reads saves about 0.05. Both are on the step's own time:
 * making the entries cannot be moved off the main thread or after the step,
 * and writing them from a process left running after the step would outlive
 * it (and race the runner's clean-up of RUNNER_TEMP). The cache cannot pay
 * for itself in the step that writes it, so it is written only where a later
 * step may read it:
 * the first step of a job that uses the action writes no cache, it only
 * leaves a mark (a file named after the entry point) in the folder; a step
 * that finds the mark was not the job's first use of the action, so more may
 * follow: it writes the cache, and every step after it reads it. A job that
 * uses the action once pays nothing for the cache; one that uses it twice
 * pays once (the second step) and reads it never; three or more steps gain
 * from the third on. The writing step is the one start that misses the 1.15
 * target of issue 17 in the bench (1.18 to 1.23 times the bare request; a
 * job's first step 1.13 to 1.15, a later one 1.05 to 1.09): paid once per job
 * that uses the action more than once, instead of in every job's first step
 * (against a real Console, the network's round trips dwarf it). The post bundle (post.ts) has its own mark: its files
 * are others, and a job's post steps with work to do are as many as its
 * plant-runner-canaries steps, usually one.
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

/** Which bundle asks: the step's (dist/index.js) or the post step's (dist/post/index.js); each has its own mark. */
export type CacheUser = 'step' | 'post'

/** The cache folder when the cache is on for this process; undefined when this is the job's first use of the entry (it leaves the mark) or on any problem. */
export function enableCompileCache(env: NodeJS.ProcessEnv = process.env, user: CacheUser = 'step'): string | undefined {
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
    // The job's first use of this entry: mark it, cache nothing (see above).
    if (!markedBefore(join(folder, `${user}${MARK_SUFFIX}`))) return undefined
    const result = api.enableCompileCache(folder)
    return result.status === api.constants?.compileCacheStatus?.FAILED ? undefined : (result.directory ?? folder)
  } catch {
    return undefined
  }
}

/** The mark an entry point leaves on its first run in a job: `step.ran`, `post.ran`. */
export const MARK_SUFFIX = '.ran'

/** Whether the mark was there; leaves it if not (created exclusively, private, empty). */
function markedBefore(mark: string): boolean {
  try {
    writeFileSync(mark, '', { flag: 'wx', mode: 0o600 })
    return false
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return true
    throw error
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
