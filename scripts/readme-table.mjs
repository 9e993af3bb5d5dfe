// Generates the README's reference tables from action.yml (inputs, outputs)
// and the operation table in src (operations, kinds), so the README cannot
// drift from what the action does. `--write` updates README.md, `--check`
// fails when it is stale. Reads the compiled table from build/ (npm run build).
import { readFileSync, writeFileSync } from 'node:fs'
import { parse } from 'yaml'

const root = new URL('../', import.meta.url)

const oneLine = (text = '') => String(text).replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|')
const code = (names) => (names.length ? names.map((name) => `\`${name}\``).join(', ') : '-')

export async function renderTables() {
  const action = parse(readFileSync(new URL('action.yml', root), 'utf8'))
  // Every family of the table (a step loads only its own: src/operations/index.ts).
  const OPERATIONS = await (await import(new URL('build/operations/index.js', root).href)).loadOperations()
  const { CANARYTOKEN_KINDS } = await import(new URL('build/operations/kinds.js', root).href)

  const servers = (op) =>
    op.backends.includes('canarytokens-server') ? 'Console, Canarytokens server' : `Console only${op.backendNote ? `: ${oneLine(op.backendNote)}` : ''}`
  const operations = [
    '| Operation | What it does | Works on | Needs | Also reads | Outputs |',
    '| --- | --- | --- | --- | --- | --- |',
    ...OPERATIONS.map((op) => `| \`${op.name}\` | ${oneLine(op.description)} | ${servers(op)} | ${code(op.requires)} | ${code(op.accepts)} | ${code(op.outputs)} |`)
  ].join('\n')

  const inputs = [
    '| Input | Required | Default | Description |',
    '| --- | --- | --- | --- |',
    ...Object.entries(action.inputs).map(
      ([name, spec]) => `| \`${name}\` | ${spec.required ? 'yes' : 'no'} | ${spec.default !== undefined ? `\`${spec.default}\`` : ''} | ${oneLine(spec.description)} |`
    )
  ].join('\n')

  const outputs = ['| Output | Description |', '| --- | --- |', ...Object.entries(action.outputs).map(([name, spec]) => `| \`${name}\` | ${oneLine(spec.description)} |`)].join('\n')

  const { SERVER_KINDS } = await import(new URL('build/backends/canarytokens-server/kinds.js', root).href)
  const needsOf = (rule) => [
    ...(rule.requires ?? []).map((input) => `\`${input}\``),
    ...(rule.upload?.required ? [`\`${rule.upload.input}\``] : []),
    ...(rule.requiresExtraParams ?? []).map((parameter) => `\`extra-params: ${parameter}\``)
  ]
  const serverColumn = (kind, rule) => {
    const server = rule.server
    if (!server) return 'no'
    const needs = needsOf(server)
    const file = server.file ? `file: ${server.file}${server.answerOnly ? ' (with create only)' : ''}${server.credentials ? ' (credential)' : ''}` : undefined
    const upload = server.upload ? `upload \`${server.upload.input}\` (at most 1 MiB)` : undefined
    return [`\`${SERVER_KINDS[kind].type}\``, needs.length ? `needs ${needs.join(', ')}` : undefined, upload, file, server.note].filter(Boolean).join('; ')
  }
  const kinds = [
    '| Kind | Console name | Needs | Upload | File with `download: true` | Canarytokens server |',
    '| --- | --- | --- | --- | --- | --- |',
    ...Object.entries(CANARYTOKEN_KINDS).map(([kind, rule]) => {
      if (rule.serverOnly) return `| \`${kind}\` | not on the Console (${rule.label}) | - | - | - | ${serverColumn(kind, rule)} |`
      const needs = needsOf(rule)
      const file = rule.file ? `${rule.file}${rule.credentials ? ' (credential: masked, owner-only)' : ''}` : '-'
      const upload = rule.upload
        ? `\`${rule.upload.input}\` (${rule.upload.required ? 'required' : 'optional'}): ${rule.upload.extensions.join(', ')}`
        : '-'
      const label = rule.legacy ? `${rule.label} (older reference only: a current Console may refuse to create it)` : rule.label
      return `| \`${kind}\` | ${label} | ${needs.join(', ') || '-'} | ${upload} | ${file} | ${serverColumn(kind, rule)} |`
    })
  ].join('\n')

  return { operations, inputs, outputs, kinds }
}

/** Replaces each `<!-- generated:NAME -->...<!-- /generated:NAME -->` block. */
export async function renderReadme(readme) {
  const tables = await renderTables()
  let result = readme
  for (const [name, table] of Object.entries(tables)) {
    const block = new RegExp(`(<!-- generated:${name} -->)[\\s\\S]*?(<!-- /generated:${name} -->)`)
    if (!block.test(result)) throw new Error(`README.md has no <!-- generated:${name} --> block`)
    result = result.replace(block, (_, start, end) => `${start}\n${table}\n${end}`)
  }
  return result
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const readmeUrl = new URL('README.md', root)
  const current = readFileSync(readmeUrl, 'utf8')
  const fresh = await renderReadme(current)
  if (process.argv.includes('--check')) {
    if (fresh !== current) {
      console.error('README.md tables are stale: run `npm run readme` and commit the result.')
      process.exit(1)
    }
  } else if (process.argv.includes('--write')) {
    writeFileSync(readmeUrl, fresh)
  } else {
    process.stdout.write(fresh)
  }
}
