import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { COMMON_INPUTS } from '../../src/inputs.js'
import { loadOperations } from '../../src/operations/index.js'

const OPERATIONS = await loadOperations()
import { allWorkflows, lint, readmeExamples, workflowFiles } from '../../scripts/workflow-lint.mjs'
import { changelogSection } from '../../scripts/changelog-section.mjs'
import { packageVersion, renderVersionModule } from '../../scripts/sync-version.mjs'
import { BRANDING_COLORS, BRANDING_ICONS, OMITTED_ICONS } from './marketplace.js'

const root = new URL('../../', import.meta.url)
const read = (path: string) => readFileSync(new URL(path, root), 'utf8')

interface ActionYaml {
  name?: unknown
  description?: unknown
  branding?: { icon?: unknown; color?: unknown }
  inputs: Record<string, unknown>
  outputs: Record<string, unknown>
  runs: Record<string, unknown>
}
const action = parse(read('action.yml')) as ActionYaml

interface Step {
  id?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
}
interface Workflow {
  jobs?: Record<string, { steps?: Step[] }>
}

/** This action as a workflow names it: `./` in this repository, `owner/canary-console-action@ref` elsewhere. */
const isThisAction = (uses: unknown) => typeof uses === 'string' && (/^\.\/?$/.test(uses) || /^[\w.-]+\/canary-console-action@\S+$/.test(uses))

/** Each step of every job that uses this action, with where it is and the text of its job (for output references). */
function actionSteps(): { where: string; step: Step; jobText: string }[] {
  const found = []
  for (const { file, workflow, lineOffset } of allWorkflows()) {
    const document = parse(workflow) as Workflow
    const where = file === 'README.md' ? `README.md example at line ${lineOffset + 1}` : file
    for (const [jobName, job] of Object.entries(document.jobs ?? {})) {
      for (const step of job.steps ?? []) {
        if (isThisAction(step.uses)) found.push({ where: `${where}, job ${jobName}, step ${step.id ?? step.uses}`, step, jobText: JSON.stringify(job) })
      }
    }
  }
  return found
}

describe('action.yml is what the GitHub Marketplace accepts', () => {
  it('has a name and a description under 125 characters', () => {
    expect(typeof action.name).toBe('string')
    expect((action.name as string).trim().length).toBeGreaterThan(0)
    expect(typeof action.description).toBe('string')
    expect((action.description as string).length).toBeGreaterThan(20)
    expect((action.description as string).length).toBeLessThan(125)
  })

  it('has a branding icon and colour from the lists GitHub allows', () => {
    expect(BRANDING_ICONS).toHaveLength(257)
    for (const omitted of OMITTED_ICONS) expect(BRANDING_ICONS).not.toContain(omitted)
    expect(BRANDING_ICONS).toContain(action.branding?.icon)
    expect(BRANDING_COLORS).toContain(action.branding?.color)
  })

  // post and post-if come with runner canaries (issue 12): the post step checks and removes them when the job ends.
  it('runs the committed bundle on node24, with a post step that runs even when the job failed', () => {
    expect(action.runs.using).toBe('node24')
    for (const entry of ['main', 'post'] as const) {
      expect([entry, typeof action.runs[entry]]).toEqual([entry, 'string'])
      expect([entry, existsSync(new URL(action.runs[entry] as string, root))]).toEqual([entry, true])
    }
    expect(action.runs['post-if']).toBe('always()')
  })
})

describe('every use of this action in the README and the workflows', () => {
  const steps = actionSteps()
  const operations = new Map(OPERATIONS.map((operation) => [operation.name, operation]))

  it('is found: the README examples and the self-test', () => {
    expect(steps.filter(({ where }) => where.startsWith('README.md')).length).toBeGreaterThanOrEqual(8)
    expect(steps.filter(({ where }) => where.startsWith('.github/workflows/ci.yml')).length).toBeGreaterThanOrEqual(6)
  })

  it('names only inputs action.yml has, and only those its operation reads', () => {
    const declared = new Set(Object.keys(action.inputs))
    const problems: string[] = []
    for (const { where, step } of steps) {
      const given = Object.keys(step.with ?? {})
      for (const input of given) if (!declared.has(input)) problems.push(`${where}: input '${input}' is not in action.yml`)
      const operation = operations.get(String(step.with?.operation))
      if (!operation) {
        problems.push(`${where}: operation '${String(step.with?.operation)}' is not one of the action's`)
        continue
      }
      const reads = new Set<string>([...COMMON_INPUTS, ...operation.requires, ...operation.accepts, ...(operation.requires.includes('canarytoken') ? ['manage-auth'] : [])])
      for (const input of given) if (declared.has(input) && !reads.has(input)) problems.push(`${where}: ${operation.name} does not read '${input}'`)
      // The server's connection inputs: a Canarytokens server's, or the Console's.
      const connection = given.includes('canarytokens-server') ? ['canarytokens-server'] : ['console', 'auth-token']
      const perToken = given.includes('canarytokens-server') && operation.requires.includes('canarytoken') ? ['manage-auth'] : []
      for (const input of [...connection, ...operation.requires, ...perToken]) if (!given.includes(input)) problems.push(`${where}: ${operation.name} needs '${input}'`)
    }
    expect(problems).toEqual([])
  })

  it('reads only outputs its operation sets', () => {
    const problems: string[] = []
    for (const { where, step, jobText } of steps) {
      const operation = operations.get(String(step.with?.operation))
      if (!step.id || !operation) continue
      for (const [, output] of jobText.matchAll(new RegExp(`steps\\.${step.id}\\.outputs\\.([\\w-]+)`, 'g'))) {
        if (!operation.outputs.includes(output as never)) problems.push(`${where}: ${operation.name} sets no output '${output}'`)
      }
    }
    expect(problems).toEqual([])
  })

  it('would be caught naming an input action.yml does not have', () => {
    const broken = readmeExamples('```yaml\n- uses: your-org/canary-console-action@v1\n  with:\n    operation: fetch-canarytoken\n    canary-token: x\n```\n')
    const document = parse(broken[0]!.workflow) as Workflow
    const step = document.jobs!.example!.steps![0]!
    expect(isThisAction(step.uses)).toBe(true)
    expect(Object.keys(step.with!).filter((input) => !(input in action.inputs))).toEqual(['canary-token'])
  })
})

describe('README workflow examples are extracted and linted as they would run', () => {
  const markdown = [
    '# Title', //                                     1
    '```yaml', //                                     2
    'on: push', //                                    3
    'jobs:', //                                       4
    '  a:', //                                        5
    '    runs-on: ubuntu-latest', //                  6
    '    steps:', //                                  7
    '      - run: echo ${{ steps.nope.outputs.x }}', // 8
    '```', //                                         9
    '```yaml', //                                     10
    '- uses: your-org/canary-console-action@v1', //   11
    '  with:', //                                     12
    '    operation: fetch-canarytoken', //            13
    '- run: echo ${{ steps.missing.outputs.y }}', //  14
    '```', //                                         15
    '```yaml', //                                     16
    'tokens:', //                                     17
    '  - name: docs-lure', //                         18
    '```', //                                         19
    '```sh', //                                       20
    'uses: not yaml', //                              21
    '```' //                                          22
  ].join('\n')

  it('takes yaml blocks with jobs: or uses:, and wraps a block of steps into a job', () => {
    const examples = readmeExamples(markdown)
    expect(examples.map(({ line, wrapped }) => ({ line, wrapped }))).toEqual([
      { line: 3, wrapped: false },
      { line: 11, wrapped: true }
    ])
    const wrapped = parse(examples[1]!.workflow) as Workflow & { on: unknown }
    expect(wrapped.on).toBeDefined()
    expect(wrapped.jobs!.example!.steps!.map((step) => step.uses ?? 'run')).toEqual(['your-org/canary-console-action@v1', 'run'])
  })

  it('hands a block with a YAML error to actionlint, which names it', async () => {
    const [example] = readmeExamples('```yaml\n- uses: your-org/canary-console-action@v1\n  with: [unclosed\n```\n')
    expect(example!.wrapped).toBe(true)
    const findings = await lint([example!])
    expect(findings.length).toBeGreaterThan(0)
    expect(findings[0]!.kind).toBe('syntax-check')
  })

  it("reports actionlint's findings at the README's own line numbers", async () => {
    const findings = await lint(readmeExamples(markdown))
    expect(findings.map(({ file, line, kind }) => ({ file, line, kind }))).toEqual([
      { file: 'README.md', line: 8, kind: 'expression' },
      { file: 'README.md', line: 14, kind: 'expression' }
    ])
    expect(findings[0]!.message).toContain('nope')
    expect(findings[1]!.message).toContain('missing')
  })

  it('passes for every workflow file and every README example', async () => {
    const workflows = allWorkflows()
    expect(workflows.filter(({ file }) => file === 'README.md').length).toBeGreaterThanOrEqual(5)
    expect(await lint(workflows)).toEqual([])
  })
})

describe('the workflows', () => {
  const files = Object.fromEntries(workflowFiles().map(({ file, workflow }) => [file.replace('.github/workflows/', ''), workflow]))

  it('are CI, check-dist, CodeQL and release', () => {
    expect(Object.keys(files).sort()).toEqual(['check-dist.yml', 'ci.yml', 'codeql.yml', 'release.yml'])
  })

  it('pin every third-party action by full commit SHA, with its version in a comment', () => {
    const problems: string[] = []
    for (const [file, text] of Object.entries(files)) {
      for (const [line, uses] of text.split('\n').flatMap((line) => [...line.matchAll(/^\s*(?:-\s+)?uses:\s*(\S.*)$/g)].map((match) => [line, match[1]!]))) {
        if (/^\.\//.test(uses!)) continue
        if (!/^[\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/.test(uses!)) problems.push(`${file}: ${line!.trim()}`)
      }
    }
    expect(problems).toEqual([])
  })

  it('default to read-only contents, and only the release job may write', () => {
    for (const [file, text] of Object.entries(files)) {
      const workflow = parse(text) as { permissions?: unknown; jobs: Record<string, { permissions?: Record<string, string> }> }
      expect([file, workflow.permissions]).toEqual([file, { contents: 'read' }])
      for (const [name, job] of Object.entries(workflow.jobs)) {
        const writes = Object.entries(job.permissions ?? {}).filter(([, level]) => level === 'write').map(([scope]) => scope)
        const allowed = file === 'release.yml' && name === 'publish' ? ['contents'] : file === 'codeql.yml' ? ['security-events'] : []
        expect([file, name, writes]).toEqual([file, name, allowed])
      }
    }
  })

  it('run .ci/run on pull requests and pushes to main, on ubuntu-latest with Node 24', () => {
    const ci = parse(files['ci.yml']!) as {
      on: { pull_request: unknown; push: { branches: string[] } }
      jobs: Record<string, { 'runs-on': string; steps: { run?: string; with?: Record<string, unknown> }[] }>
    }
    expect(ci.on).toHaveProperty('pull_request')
    expect(ci.on.push.branches).toEqual(['main'])
    const job = Object.values(ci.jobs).find((candidate) => candidate.steps.some((step) => step.run === 'bash .ci/run'))
    expect(job?.['runs-on']).toBe('ubuntu-latest')
    expect(job?.steps.find((step) => step.with?.['node-version'] !== undefined)?.with?.['node-version']).toBe(24)
  })

  it('self-test every Canarytoken step and runner canaries against the emulator, started and awaited first', () => {
    const ci = parse(files['ci.yml']!) as { jobs: Record<string, { steps: Step[] }> }
    const selfTest = Object.values(ci.jobs).find((job) => job.steps.some((step) => step.uses === './'))!
    const start = selfTest.steps.findIndex((step) => /npm run --silent emulator .*&\n/.test(step.run ?? ''))
    const first = selfTest.steps.findIndex((step) => step.uses === './')
    expect(start).toBeGreaterThanOrEqual(0)
    expect(start).toBeLessThan(first)
    expect(selfTest.steps[start]!.run).toMatch(/grep -q '"url"'/)
    const operations = selfTest.steps.filter((step) => step.uses === './').map((step) => step.with?.operation)
    for (const operation of ['create-canarytoken', 'download-canarytoken', 'fetch-canarytoken', 'update-canarytoken', 'delete-canarytoken', 'plant-runner-canaries']) {
      expect(operations).toContain(operation)
    }
  })
})

describe('dependency updates and code scanning', () => {
  it('has Dependabot watch npm and the pinned actions', () => {
    const dependabot = parse(read('.github/dependabot.yml')) as { version: number; updates: { 'package-ecosystem': string; directory: string }[] }
    expect(dependabot.version).toBe(2)
    expect(dependabot.updates.map((update) => [update['package-ecosystem'], update.directory]).sort()).toEqual([
      ['github-actions', '/'],
      ['npm', '/']
    ])
  })

  it('has CodeQL analyse the TypeScript (not the dist/ bundle) and the workflows', () => {
    const codeql = parse(read('.github/workflows/codeql.yml')) as { jobs: { analyze: { strategy: { matrix: { language: string[] } }; steps: Step[] } } }
    expect(codeql.jobs.analyze.strategy.matrix.language.sort()).toEqual(['actions', 'javascript-typescript'])
    const init = codeql.jobs.analyze.steps.find((step) => step.uses?.startsWith('github/codeql-action/init@'))
    const config = parse(read(String(init?.with?.['config-file']))) as { 'paths-ignore': string[] }
    expect(config['paths-ignore']).toEqual(expect.arrayContaining(['dist', 'node_modules']))
  })
})

describe('releases', () => {
  it('have the version written once: src/version.ts is generated from package.json', () => {
    expect(read('src/version.ts')).toBe(renderVersionModule(packageVersion()))
  })

  it("have notes: CHANGELOG.md has a dated section for package.json's version, and an Unreleased one", () => {
    const changelog = read('CHANGELOG.md')
    const version = packageVersion()
    expect(changelog).toMatch(new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'))
    expect(changelog).toMatch(/^## \[Unreleased\]$/m)
    expect(changelogSection(changelog, version)).toContain('### Added')
    expect(changelog).toMatch(new RegExp(`^\\[${version.replace(/\./g, '\\.')}\\]: https://`, 'm'))
  })

  it('take the notes from the version section only, and refuse a version without one', () => {
    const changelog = '# Changelog\n\n## [Unreleased]\n\n## [1.1.0] - 2026-12-01\n\n### Fixed\n\n- b\n\n## [1.0.0] - 2026-11-23\n\n- a\n\n[1.1.0]: https://x\n'
    expect(changelogSection(changelog, '1.1.0')).toBe('### Fixed\n\n- b')
    expect(changelogSection(changelog, '1.0.0')).toBe('- a')
    expect(() => changelogSection(changelog, '1.2.0')).toThrow("no section '## [1.2.0]")
    expect(() => changelogSection(changelog, '1.0')).toThrow('no section')
    expect(() => changelogSection('## [2.0.0] - 2026-12-01\n\n## [1.0.0] - 2026-11-23\n- a\n', '2.0.0')).toThrow('is empty')
  })

  it('are under the MIT licence package.json names', () => {
    expect((JSON.parse(read('package.json')) as { license: string }).license).toBe('MIT')
    expect(read('LICENSE')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /)
  })

  it('are shown in the README: CI and release badges, and how to pin a version', () => {
    const readme = read('README.md')
    const badge = readme.match(/\/actions\/workflows\/([\w-]+\.yml)\/badge\.svg/)
    expect(badge).not.toBeNull()
    expect(existsSync(new URL(`.github/workflows/${badge![1]}`, root))).toBe(true)
    expect(readme).toMatch(/img\.shields\.io\/github\/v\/release\//)
    const versioning = readme.split(/^## Versioning$/m)[1]?.split(/^## /m)[0] ?? ''
    expect(versioning).toMatch(/@v1\b/)
    expect(versioning).toMatch(/full commit SHA/)
    expect(versioning).toMatch(/breaking/i)
  })
})
