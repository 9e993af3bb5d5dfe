// Runs a script in this process and, when the process exits, writes the
// files of its folder that it loaded (the bundle's entry and chunks), one a
// line, to CHUNKS_FILE: what a step really compiles, not what the entry
// names. Used by the start-up benchmark:
//   CHUNKS_FILE=/tmp/x node scripts/lib/loaded-chunks.mjs dist/index.js
// A wrapper like peak-memory.mjs; ncc's chunks are ES modules loaded by
// import(), which module.registerHooks (Node 22.15+) sees resolved.
import { writeFileSync } from 'node:fs'
import nodeModule from 'node:module'
import { dirname, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const [script] = process.argv.splice(2, 1)
const chunksFile = process.env.CHUNKS_FILE
if (!script || !chunksFile || typeof nodeModule.registerHooks !== 'function') {
  console.error('usage: CHUNKS_FILE=<file> node scripts/lib/loaded-chunks.mjs <script> [args] (Node 22.15 or later)')
  process.exit(2)
}
const folder = dirname(resolve(script))
const loaded = new Set()
nodeModule.registerHooks({
  resolve(specifier, context, nextResolve) {
    const resolved = nextResolve(specifier, context)
    if (resolved.url.startsWith('file:')) {
      const path = fileURLToPath(resolved.url)
      if (path.startsWith(`${folder}/`)) loaded.add(relative(folder, path))
    }
    return resolved
  }
})
process.on('exit', () => writeFileSync(chunksFile, [...loaded].join('\n')))
await import(pathToFileURL(resolve(script)).href)
