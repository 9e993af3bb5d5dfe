import { describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import { parse } from 'yaml'

const root = new URL('../../', import.meta.url)

/** Every `run:` script in a YAML value, wherever it sits (steps, jobs). */
function runScripts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(runScripts)
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => (key === 'run' && typeof inner === 'string' ? [inner] : runScripts(inner)))
}

describe('README', () => {
  it('passes step outputs and context values to run: scripts through env:, never pasted into the script', async () => {
    const readme = await readFile(new URL('README.md', root), 'utf8')
    const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] as string)
    const scripts = blocks.flatMap((block) => runScripts(parse(block)))
    expect(scripts.length).toBeGreaterThan(3)
    for (const script of scripts) expect(script).not.toContain('${{')
  })
})

describe('local runs leave nothing behind', () => {
  it("the README's sh blocks remove what they create and stop what they start in the background", async () => {
    const readme = await readFile(new URL('README.md', root), 'utf8')
    const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1] as string)
    expect(blocks.length).toBeGreaterThan(2)
    for (const block of blocks) {
      for (const [, folder] of block.matchAll(/mkdir -p (\S+)/g)) expect(block).toMatch(new RegExp(`(rmdir|rm -r) ${folder}`))
      for (const [, file] of block.matchAll(/: > (\S+)/g)) expect(block).toMatch(new RegExp(`rm ${file}`))
      if (/ &\n/.test(block)) expect(block).toMatch(/kill %1/)
    }
  })

  it("jest's cache stays in node_modules/.cache", async () => {
    const { default: config } = (await import(new URL('jest.config.js', root).href)) as { default: { cacheDirectory?: string } }
    expect(config.cacheDirectory).toBe('<rootDir>/node_modules/.cache/jest')
  })
})

describe('package.json engines', () => {
  it('asks for at least the newest Node any installed package declares as its minimum', async () => {
    const manifest = JSON.parse(await readFile(new URL('package.json', root), 'utf8')) as { engines: { node: string } }
    const lock = JSON.parse(await readFile(new URL('package-lock.json', root), 'utf8')) as { packages: Record<string, { engines?: { node?: string } }> }
    const minimum = (range: string) => Number(/^>=\s*(\d+)/.exec(range.trim())?.[1] ?? 0)
    const needed = Math.max(...Object.entries(lock.packages).filter(([path]) => path !== '').map(([, entry]) => minimum(entry.engines?.node ?? '')))
    expect(needed).toBeGreaterThanOrEqual(22)
    expect(minimum(manifest.engines.node)).toBeGreaterThanOrEqual(needed)
    expect(lock.packages['']?.engines?.node).toBe(manifest.engines.node)
  })
})
