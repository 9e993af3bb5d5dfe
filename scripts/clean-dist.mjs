// `npm run package` keeps dist/ to what runs, and source maps beside it:
// `--build` (after tsc, before ncc) takes tsc's sourceMappingURL comments out
// of build/*.js, or ncc would carry them into the bundle; then (after ncc)
// ncc's maps (--source-map) move out of dist/ into build/dist-maps/, composed
// with tsc's maps so they lead from every dist/ script back to src/*.ts (the
// e2e tests' coverage of the bundle is reported against src/ through them:
// scripts/coverage.mjs). dist/ stays byte for byte what a build without maps
// gives.
import remapping from '@jridgewell/remapping'
import { decodedMappings, TraceMap } from '@jridgewell/trace-mapping'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const dist = join(root, 'dist')
export const mapsFolder = join(root, 'build', 'dist-maps')

/**
 * tsc's map for a build/ script, its sources made absolute (so composition
 * cannot misplace them). ncc maps each line of a module from its column 0,
 * where tsc's map of an indented line has nothing (its first segment is at the
 * first token): every such line also maps from column 0, or composing would
 * drop all indented lines, and the coverage of their code with them.
 */
function tscMap(script) {
  const file = `${script}.map`
  if (!existsSync(file)) return null
  const map = JSON.parse(readFileSync(file, 'utf8'))
  const base = resolve(dirname(file), map.sourceRoot ?? '')
  const mappings = decodedMappings(new TraceMap(map)).map((segments) =>
    segments.length > 0 && segments[0][0] > 0 && segments[0].length >= 4 ? [[0, segments[0][1], segments[0][2], segments[0][3]], ...segments] : segments
  )
  return { ...map, mappings, sourceRoot: '', sources: map.sources.map((source) => resolve(base, source)) }
}

/** tsc ends a script with `\n//# sourceMappingURL=x.js.map`, ncc with `\n\n//# sourceMappingURL=x.js.map`: one line break stays. */
const withoutMapComment = (code) => code.replace(/\n\/\/# sourceMappingURL=[^\n]*\n?$/, '')

if (process.argv.includes('--build')) {
  for (const entry of readdirSync(join(root, 'build'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue
    const path = join(entry.parentPath, entry.name)
    const code = readFileSync(path, 'utf8')
    writeFileSync(path, `${withoutMapComment(code)}${code === withoutMapComment(code) ? '' : '\n'}`)
  }
  process.exit(0)
}

for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue
  const path = join(entry.parentPath, entry.name)
  if (entry.name.endsWith('.d.ts')) rmSync(path)
  else if (entry.name.endsWith('.js')) {
    const code = readFileSync(path, 'utf8')
    if (withoutMapComment(code) !== code) writeFileSync(path, withoutMapComment(code))
  } else if (entry.name.endsWith('.js.map')) {
    const composed = remapping(readFileSync(path, 'utf8'), (source) => {
      const absolute = resolve(entry.parentPath, source)
      return absolute.startsWith(join(root, 'build') + '/') ? tscMap(absolute) : null
    })
    const target = join(mapsFolder, relative(dist, path))
    mkdirSync(dirname(target), { recursive: true })
    writeFileSync(target, JSON.stringify(composed))
    rmSync(path)
  }
}
