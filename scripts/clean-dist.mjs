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

/** Where the bundle's @actions/core goes (see leanActionsCore). */
export const leanCorePath = join(root, 'build', 'vendor', 'actions-core.js')

/**
 * The @actions/core the bundle uses: the package's own lib/core.js, word for
 * word, but for the two imports only a few callers need, which would load on
 * every start of every step: its OIDC client (getIDToken: @actions/http-client,
 * tunnel, http, https and the whole of undici through ProxyAgent; this action
 * asks for no OIDC token) and `platform` (@actions/exec and child_process).
 * Everything else (commands, file commands, inputs, summary, path helpers)
 * is the package's own code, imported from its own files. The build fails
 * if core.js no longer has exactly these lines, so a new release of
 * @actions/core is looked at, never silently half-patched. Only the bundle
 * is built from it: src/ imports '@actions/core' as ever (tests mock it,
 * local-action replaces it), and the artifact client keeps the whole package.
 */
function leanActionsCore() {
  const lib = join(root, 'node_modules', '@actions', 'core', 'lib')
  const replacements = [
    [
      "import { OidcClient } from './oidc-utils.js';",
      "const OidcClient = { getIDToken: () => Promise.reject(new Error('getIDToken is not in this bundle: the action asks for no OIDC token')) };"
    ],
    ["export * as platform from './platform.js';", '']
  ]
  let code = readFileSync(join(lib, 'core.js'), 'utf8')
  for (const [line, replacement] of replacements) {
    if (code.split(line).length !== 2) throw new Error(`@actions/core's lib/core.js no longer has exactly one "${line}": look at the new release, then update leanActionsCore in scripts/clean-dist.mjs`)
    code = code.replace(line, replacement)
  }
  const relativeToVendor = relative(dirname(leanCorePath), lib).split('\\').join('/')
  code = code.replace(/(from\s+')\.\/([^']+\.js')/g, `$1${relativeToVendor}/$2`).replace(/\n\/\/# sourceMappingURL=[^\n]*\n?$/, '\n')
  if (/from\s+'\.\//.test(code)) throw new Error('leanActionsCore: an import of @actions/core/lib was left relative')
  mkdirSync(dirname(leanCorePath), { recursive: true })
  writeFileSync(leanCorePath, `// Built by scripts/clean-dist.mjs from @actions/core's lib/core.js (see leanActionsCore there).\n${code}`)
}

if (process.argv.includes('--build')) {
  for (const entry of readdirSync(join(root, 'build'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue
    const path = join(entry.parentPath, entry.name)
    const code = withoutMapComment(readFileSync(path, 'utf8'))
    // The same line count: tsc's source maps stay right.
    const toLeanCore = `./${relative(entry.parentPath, leanCorePath).split('\\').join('/')}`.replace(/^\.\/\.\.\//, '../')
    const leaned = code.replace(/(from\s+')@actions\/core(')/g, `$1${toLeanCore}$2`)
    writeFileSync(path, `${leaned}${code === readFileSync(path, 'utf8') ? '' : '\n'}`)
  }
  leanActionsCore()
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
