import { isAbsolute } from 'node:path'
import type { PlantedFile, SharedFileRole } from '../publish/aws-shared-files.js'

/**
 * What plant-runner-canaries hands to its post step. It travels through
 * `core.saveState` (the runner's GITHUB_STATE file) and comes back as the
 * `STATE_runner-canary` variable of the post step: never through files of
 * our own. It holds no Console secret: not the keys, not the auth token (the
 * post step reads that from its inputs again, as the runner passes them).
 *
 * On a Canarytokens server it holds one: the token's manage auth, which the
 * post step needs to read the token's history and which exists nowhere else
 * (the server made it during the step; no input can carry it). State is the
 * one channel that reaches this action's post step only: not the
 * environment, outputs or files that later steps (and what they install)
 * can read. Both steps mask it before anything could print it.
 *
 * This module imports nothing but node:path: the post entry reads the key
 * before deciding to load anything else.
 */
export const RUNNER_CANARY_STATE = 'runner-canary'

export interface RunnerCanaryState {
  version: 1
  canarytoken: string
  memo: string
  profile: string
  /** check-on-exit: fetch the token and fail the job when it was triggered. */
  check: boolean
  /** Not keep-credentials: take the profile out of the files again. */
  remove: boolean
  /** What a Console that cannot be reached does to the check: a warning, or a failed job. */
  onConsoleError: 'warn' | 'fail'
  /** The token's triggered_count when it was planted: only a rise during the job is this job's alarm (a reused token may have older alerts). */
  triggeredBefore: number
  /** When the token was planted (epoch ms): the post step names the incidents since then. Absent in states of 1.0.0. */
  plantedAt?: number
  files: PlantedFile[]
  /** A Canarytokens server's key for the token (masked in both steps); absent on the Console. */
  manageAuth?: string
}

const ROLES: readonly SharedFileRole[] = ['credentials', 'config']

function isPlantedFile(value: unknown): value is PlantedFile {
  const file = value as Partial<PlantedFile> | null
  return (
    typeof file === 'object' &&
    file !== null &&
    ROLES.includes(file.role as SharedFileRole) &&
    typeof file.path === 'string' &&
    isAbsolute(file.path) &&
    typeof file.createdFile === 'boolean' &&
    Array.isArray(file.createdFolders) &&
    file.createdFolders.every((folder) => typeof folder === 'string' && isAbsolute(folder)) &&
    Number.isSafeInteger(file.appendedBytes) &&
    typeof file.appendedSha256 === 'string' &&
    /^[0-9a-f]{64}$/.test(file.appendedSha256)
  )
}

/** The saved state, checked field by field: a state that does not parse is refused whole, nothing is touched. */
export function parseRunnerCanaryState(text: string): RunnerCanaryState {
  let value: Partial<RunnerCanaryState>
  try {
    value = JSON.parse(text) as Partial<RunnerCanaryState>
  } catch {
    throw new Error(`the state the main step saved (${RUNNER_CANARY_STATE}) is not JSON`)
  }
  const valid =
    typeof value === 'object' &&
    value !== null &&
    value.version === 1 &&
    typeof value.canarytoken === 'string' &&
    value.canarytoken !== '' &&
    typeof value.memo === 'string' &&
    typeof value.profile === 'string' &&
    typeof value.check === 'boolean' &&
    typeof value.remove === 'boolean' &&
    (value.onConsoleError === 'warn' || value.onConsoleError === 'fail') &&
    Number.isSafeInteger(value.triggeredBefore) &&
    (value.plantedAt === undefined || Number.isSafeInteger(value.plantedAt)) &&
    Array.isArray(value.files) &&
    value.files.every(isPlantedFile) &&
    (value.manageAuth === undefined || (typeof value.manageAuth === 'string' && value.manageAuth !== ''))
  if (!valid) throw new Error(`the state the main step saved (${RUNNER_CANARY_STATE}) is not one this version of the action wrote`)
  return value as RunnerCanaryState
}
