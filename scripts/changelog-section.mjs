// Prints one version's section of CHANGELOG.md (Keep a Changelog format), the
// GitHub release's notes: `node scripts/changelog-section.mjs 1.2.3`. Fails
// when the version has no section or an empty one, so no release goes out
// without its notes.
import { readFileSync } from 'node:fs'

/**
 * The body of `## [version] - date`, up to the next `## ` heading or link references.
 * @param {string} markdown
 * @param {string} version
 */
export function changelogSection(markdown, version) {
  const lines = markdown.split('\n')
  const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const heading = new RegExp(`^## \\[${escaped}\\](?: - \\d{4}-\\d{2}-\\d{2})?\\s*$`)
  const start = lines.findIndex((line) => heading.test(line))
  if (start === -1) throw new Error(`CHANGELOG.md has no section '## [${version}] - YYYY-MM-DD': add one before tagging v${version}.`)
  let end = start + 1
  while (end < lines.length && !/^## /.test(lines[end]) && !/^\[[^\]]+\]: /.test(lines[end])) end++
  const body = lines.slice(start + 1, end).join('\n').trim()
  if (!body) throw new Error(`CHANGELOG.md's section for ${version} is empty.`)
  return body
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const version = process.argv[2]?.replace(/^v/, '')
  if (!version) {
    console.error('usage: node scripts/changelog-section.mjs X.Y.Z')
    process.exit(2)
  }
  try {
    process.stdout.write(`${changelogSection(readFileSync(new URL('../CHANGELOG.md', import.meta.url), 'utf8'), version)}\n`)
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  }
}
