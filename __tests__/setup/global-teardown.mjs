// After every test file: the run's temp folder (global-setup.mjs) must be
// empty. Whatever is left is named, the run fails, and the folder goes anyway
// so a failing run does not leave it behind either. With --coverage (npm
// test), the coverage of src/ by unit tests and bundle together is printed,
// and a run of the whole suite must reach the floor (scripts/coverage.mjs).
import { readdir, rm } from 'node:fs/promises'
import { belowFloor, LINE_FLOOR, reportCoverage } from '../../scripts/coverage.mjs'

/** Some tests only (a path, -t, --onlyChanged...): coverage is printed, the floor is not held. */
function partialRun(globalConfig) {
  return Boolean(
    globalConfig.testPathPatterns?.isSet?.() ||
      globalConfig.testNamePattern ||
      globalConfig.onlyChanged ||
      globalConfig.findRelatedTests ||
      globalConfig.lastCommit ||
      globalConfig.changedSince
  )
}

export default async function globalTeardown(globalConfig) {
  const problems = []
  if (globalConfig.collectCoverage) {
    const report = await reportCoverage()
    problems.push(...report.problems)
    if (partialRun(globalConfig)) console.log(`Coverage of src/ by the tests that ran: ${report.lines}% of lines (the floor holds for the whole suite only).`)
    else {
      problems.push(...belowFloor(report))
      console.log(`Coverage of src/ by unit and end-to-end tests: ${report.lines}% of lines (floor ${LINE_FLOOR}%).`)
    }
  }
  const folder = process.env.CANARY_TESTS_TMPDIR
  if (folder) {
    const left = await readdir(folder)
    await rm(folder, { recursive: true, force: true })
    if (left.length > 0) {
      const names = left.sort().slice(0, 20).join(', ')
      problems.push(`the tests left ${left.length} entries in the temp folder (${names}${left.length > 20 ? ', ...' : ''}): remove them in afterEach/afterAll, also when a test fails`)
    }
  }
  if (problems.length > 0) throw new Error(problems.join('\n'))
}
