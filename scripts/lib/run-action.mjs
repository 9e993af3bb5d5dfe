// Runs dist/index.js the way the GitHub runner does: a fresh process, inputs
// as INPUT_<NAME> (upper case, hyphens kept), GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY files, RUNNER_TEMP and GITHUB_WORKSPACE folders, and
// no other environment of ours. Shared by the end-to-end tests, the demo and
// the benchmark. The folders it makes stay until removeRunFolders() (the
// e2e harness calls it after each test file, also when tests fail).
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url))
export const bundle = join(projectRoot, 'dist', 'index.js')
/** The post step's entry (`runs.post` in action.yml). */
export const postBundle = join(projectRoot, 'dist', 'post', 'index.js')

/**
 * GitHub runs `node24` actions on Node 24, so the bundle runs on the Node 24
 * that the `node` dev dependency ships, whatever Node runs the caller.
 * E2E_NODE overrides it.
 */
export const actionNode = process.env.E2E_NODE || join(projectRoot, 'node_modules', 'node', 'bin', 'node')

/** Folders runAction made (scratch and workspaces it was not given) and tempFolder's, until removeRunFolders(). */
const runFolders = new Set()

/** A new empty folder in the temp folder, removed with the run folders (removeRunFolders). */
export async function tempFolder(prefix = 'canary-') {
  const folder = await mkdtemp(join(tmpdir(), prefix))
  runFolders.add(folder)
  return folder
}

/** Removes every folder runAction and tempFolder have made so far in this process. */
export async function removeRunFolders() {
  const folders = [...runFolders]
  runFolders.clear()
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })))
}

/**
 * Keeps only the dist/ scripts of a child's V8 coverage (Node's own modules
 * are two thirds of it, and a test run starts hundreds of children).
 * @param {string} folder NODE_V8_COVERAGE of the child
 * @param {number} pid
 */
async function keepBundleCoverage(folder, pid) {
  const distUrl = pathToFileURL(join(projectRoot, 'dist')).href + '/'
  for (const name of await readdir(folder)) {
    if (!name.startsWith(`coverage-${pid}-`)) continue
    const file = join(folder, name)
    const { result } = JSON.parse(await readFile(file, 'utf8'))
    await writeFile(file, JSON.stringify({ result: result.filter((script) => script.url.startsWith(distUrl)) }))
  }
}

/** Decodes the runner's command escaping (%25, %0D, %0A, %3A, %2C). */
function unescapeCommand(text) {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%')
}

/**
 * Parses a GITHUB_OUTPUT file (`name<<delimiter` blocks, as @actions/core writes them).
 * @param {string} text
 * @returns {Record<string, string>}
 */
export function parseOutputFile(text) {
  /** @type {Record<string, string>} */
  const outputs = {}
  const lines = text.split('\n')
  for (let index = 0; index < lines.length; index++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[index] ?? '')
    if (!match) continue
    const [, name, delimiter] = match
    const value = []
    while (++index < lines.length && lines[index] !== delimiter) value.push(lines[index] ?? '')
    outputs[name] = value.join('\n')
  }
  return outputs
}

/**
 * @param {Record<string, string>} inputs action inputs by their action.yml names
 * @param {{ env?: Record<string, string>, files?: Record<string, string | Buffer>, workspace?: string, node?: string, bundle?: string, wrapper?: string[], state?: Record<string, string> }} [options]
 *   bundle: another copy of dist/index.js to run (or postBundle); wrapper: arguments placed before the bundle's path
 *   (e.g. a script that runs it and measures it); state: what an earlier step saved (its `state`), passed as
 *   STATE_<name> variables, as the runner passes it to a post step
 */
export async function runAction(inputs, options = {}) {
  const scratch = await tempFolder('canary-run-')
  const workspace = options.workspace ?? (await tempFolder('canary-ws-'))
  const runnerTemp = join(scratch, 'runner-temp')
  const outputFile = join(scratch, 'output')
  const summaryFile = join(scratch, 'summary')
  const stateFile = join(scratch, 'state')
  const envFile = join(scratch, 'env')
  await Promise.all([writeFile(outputFile, ''), writeFile(summaryFile, ''), writeFile(stateFile, ''), writeFile(envFile, ''), mkdir(runnerTemp)])
  for (const [path, content] of Object.entries(options.files ?? {})) {
    const target = join(workspace, path)
    await mkdir(dirname(target), { recursive: true })
    await writeFile(target, content)
  }
  /** @type {Record<string, string>} */
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? scratch,
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_STATE: stateFile,
    GITHUB_ENV: envFile,
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: runnerTemp,
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_RUN_ID: '4242',
    // The tests' own temp folder (they check it is left empty), and V8 coverage when the tests collect it.
    ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
    ...(process.env.CANARY_BUNDLE_COVERAGE ? { NODE_V8_COVERAGE: process.env.CANARY_BUNDLE_COVERAGE } : {}),
    ...options.env
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value

  const started = process.hrtime.bigint()
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let child
  /** @type {{ exitCode: number | null, stdout: string, stderr: string }} */
  const result = await new Promise((done) => {
    child = execFile(options.node ?? actionNode, [...(options.wrapper ?? []), options.bundle ?? bundle], { env, cwd: workspace, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? /** @type {{ code?: unknown }} */ (error).code : 0
      done({ exitCode: typeof code === 'number' ? code : null, stdout, stderr })
    })
  })
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6
  if (child?.pid !== undefined && process.env.CANARY_BUNDLE_COVERAGE) await keepBundleCoverage(process.env.CANARY_BUNDLE_COVERAGE, child.pid)
  /** @param {string} name */
  const commands = (name) =>
    result.stdout
      .split('\n')
      .filter((line) => line.startsWith(`::${name}`))
      .map((line) => unescapeCommand(line.slice(line.indexOf('::', 2) + 2)))
  // The scratch folder stays until removeRunFolders(): callers read what was written to RUNNER_TEMP.
  return {
    ...result,
    elapsedMs,
    outputs: parseOutputFile(await readFile(outputFile, 'utf8')),
    summary: await readFile(summaryFile, 'utf8'),
    /** what the step saved for its post step (GITHUB_STATE) */
    state: parseOutputFile(await readFile(stateFile, 'utf8')),
    /** what the step exported to later steps (GITHUB_ENV) */
    exported: parseOutputFile(await readFile(envFile, 'utf8')),
    /** `::error::` lines, decoded */
    errors: commands('error'),
    warnings: commands('warning'),
    /** values the action asked the runner to mask */
    masks: commands('add-mask'),
    workspace,
    runnerTemp
  }
}
