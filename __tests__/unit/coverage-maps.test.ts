// The bundle's coverage reaches src/ only through the source maps `npm run
// package` keeps in build/dist-maps (scripts/clean-dist.mjs composes ncc's
// with tsc's). A map that loses lines does not fail loudly: the coverage of
// those lines just reads as 100%. Runs after pretest, which builds them.
import { describe, expect, it } from '@jest/globals'
import { eachMapping, TraceMap } from '@jridgewell/trace-mapping'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { projectRoot } from '../../scripts/lib/run-action.mjs'

/** The maps of dist/index.js and of its chunks (the action itself is a chunk index.js imports: src/index.ts). */
async function mappedLines(): Promise<Map<string, Set<number>>> {
  const folder = join(projectRoot, 'build', 'dist-maps')
  const lines = new Map<string, Set<number>>()
  for (const file of (await readdir(folder)).filter((name) => name.endsWith('.js.map'))) {
    const map = new TraceMap(JSON.parse(await readFile(join(folder, file), 'utf8')))
    eachMapping(map, ({ source, originalLine }) => {
      if (source === null || originalLine === null) return
      lines.set(source, (lines.get(source) ?? new Set()).add(originalLine))
    })
  }
  return lines
}

describe('source maps of dist/index.js and its chunks', () => {
  it.each(['main.ts', 'http/transport.ts', 'operations/cleanup.ts'])('lead back to nearly every line of code in src/%s, indented lines included', async (file) => {
    const path = join(projectRoot, 'src', file)
    const mapped = (await mappedLines()).get(path) ?? new Set()
    const code = (await readFile(path, 'utf8'))
      .split('\n')
      .map((text, index) => ({ text: text.trim(), line: index + 1 }))
      .filter(({ text }) => text && !text.startsWith('//') && !text.startsWith('*') && !text.startsWith('/*'))
    // Type-only lines (interfaces, type aliases) have no JavaScript to map.
    expect(code.filter(({ line }) => mapped.has(line)).length / code.length).toBeGreaterThan(0.75)
  })
})
