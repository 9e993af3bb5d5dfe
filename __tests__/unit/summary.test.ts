import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MAX_CELL, MAX_TABLE_BYTES, publishSummary, tableHtml } from '../../src/publish/summary.js'

describe('tableHtml', () => {
  it('closes every cell, even an empty one', () => {
    const html = tableHtml(['Name', 'Memo'], [['a', ''], ['b', 'm']])
    expect(html).toBe('<table><tr><th>Name</th><th>Memo</th></tr><tr><td>a</td><td></td></tr><tr><td>b</td><td>m</td></tr></table>')
  })

  it('leaves out a column that is empty in every row', () => {
    expect(tableHtml(['Name', 'File', 'Kind'], [['a', '', 'dns'], ['b', '', 'http']])).toBe(
      '<table><tr><th>Name</th><th>Kind</th></tr><tr><td>a</td><td>dns</td></tr><tr><td>b</td><td>http</td></tr></table>'
    )
  })

  it('escapes what users and the Console wrote', () => {
    expect(tableHtml(['Memo'], [['<b>&"x"</b>']])).toContain('<td>&#60;b&#62;&#38;&#34;x&#34;&#60;/b&#62;</td>')
  })
})

describe('publishSummary', () => {
  let folder: string
  let file: string
  // core.summary remembers the file of its first write: one file for the whole block, emptied before each test.
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'canary-summary-'))
    file = join(folder, 'summary.md')
    process.env.GITHUB_STEP_SUMMARY = file
  })
  beforeEach(async () => {
    await writeFile(file, '')
  })
  afterAll(async () => {
    delete process.env.GITHUB_STEP_SUMMARY
    await rm(folder, { recursive: true, force: true })
  })

  it('says what an empty result means instead of a header row over nothing', async () => {
    await publishSummary({ heading: 'Canarytokens (0)', columns: ['Canarytoken', 'Memo'], rows: [], empty: 'No Canarytokens matched.' })
    const html = await readFile(file, 'utf8')
    expect(html).toContain('<p>No Canarytokens matched.</p>')
    expect(html).not.toContain('<th>')
  })

  it('cuts a cell at MAX_CELL code points and stops adding rows before GitHub\'s 1 MiB limit, saying how many are left out', async () => {
    // Three bytes a code point: 300 cut cells are 900 KB, past the table's budget.
    const huge = '€'.repeat(1_000_000)
    const rows = Array.from({ length: 300 }, (_, index) => [`t${index}`, huge])
    await publishSummary({ heading: 'Canarytokens (300)', columns: ['Canarytoken', 'Memo'], rows, fullList: 'the tokens output holds them all' })
    const html = await readFile(file, 'utf8')
    expect(Buffer.byteLength(html)).toBeLessThan(1024 * 1024)
    expect(Buffer.byteLength(html)).toBeGreaterThan(MAX_TABLE_BYTES - 2 * MAX_CELL)
    const shown = html.match(/<tr><td>/g)?.length ?? 0
    expect(shown).toBeGreaterThan(1)
    expect(shown).toBeLessThan(300)
    expect(html).toContain(`<td>${'€'.repeat(MAX_CELL - 1)}…</td>`)
    expect(html).toContain(`<p>${300 - shown} more rows are not shown; the tokens output holds them all.</p>`)
  })

  it('writes a table with every cell closed', async () => {
    await publishSummary({ heading: 'Seeded', columns: ['Entry', 'File'], rows: [['a', ''], ['b', 'x.docx']] })
    const html = await readFile(file, 'utf8')
    expect(html).toContain('<tr><td>a</td><td></td></tr>')
    expect(html.match(/<td>/g)?.length).toBe(html.match(/<\/td>/g)?.length)
  })
})
