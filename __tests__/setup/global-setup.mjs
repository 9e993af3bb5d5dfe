// Before any test file: the run gets its own empty temp folder (TMPDIR, which
// os.tmpdir() reads and every jest worker and child process inherits), so
// global-teardown.mjs can count what the tests left behind. With --coverage,
// the bundle's child processes write V8 coverage to coverage/bundle-v8
// (scripts/lib/run-action.mjs passes it on as NODE_V8_COVERAGE).
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export default async function globalSetup(globalConfig) {
  const folder = await mkdtemp(join(tmpdir(), 'canary-tests-'))
  process.env.TMPDIR = folder
  process.env.CANARY_TESTS_TMPDIR = folder
  if (globalConfig.collectCoverage) {
    const bundleCoverage = fileURLToPath(new URL('../../coverage/bundle-v8', import.meta.url))
    await rm(bundleCoverage, { recursive: true, force: true })
    await mkdir(bundleCoverage, { recursive: true })
    process.env.CANARY_BUNDLE_COVERAGE = bundleCoverage
  }
}
