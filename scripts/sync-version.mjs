// package.json's version is the one place the action's version is written.
// src/version.ts (the User-Agent's version, bundled into dist/) is generated
// from it: `npm version X.Y.Z` runs this script through the `version` hook, and
// `--check` (in .ci/run and the contract test) fails when the two differ.
import { readFileSync, writeFileSync } from 'node:fs'

const root = new URL('../', import.meta.url)
const target = new URL('src/version.ts', root)

export function renderVersionModule(version) {
  return [
    '// Generated from package.json by scripts/sync-version.mjs (`npm version` runs it): do not edit.',
    '/** Sent in the User-Agent header. */',
    `export const ACTION_VERSION = '${version}'`,
    ''
  ].join('\n')
}

export function packageVersion() {
  const { version } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'))
  if (!/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`package.json version '${version}' is not X.Y.Z`)
  return version
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const fresh = renderVersionModule(packageVersion())
  if (process.argv.includes('--check')) {
    if (readFileSync(target, 'utf8') !== fresh) {
      console.error('src/version.ts does not match package.json: run `node scripts/sync-version.mjs`, rebuild dist/ and commit both.')
      process.exit(1)
    }
  } else {
    writeFileSync(target, fresh)
  }
}
