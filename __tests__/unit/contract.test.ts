import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { INPUT_DEFAULTS, INPUT_NAMES } from '../../src/inputs.js'
import { CANARYTOKEN_KINDS, type KindRule } from '../../src/operations/kinds.js'
import { findOperation, loadFamily, loadOperations, OPERATION_FAMILIES, OPERATION_NAMES, type OperationFamily } from '../../src/operations/index.js'
import { ACTION_VERSION } from '../../src/version.js'
import { renderReadme } from '../../scripts/readme-table.mjs'

const OPERATIONS = await loadOperations()

interface ActionYaml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>
  outputs: Record<string, { description: string }>
  runs: { using: string; main: string; post?: string; 'post-if'?: string }
  branding: { icon: string; color: string }
}

const root = new URL('../../', import.meta.url)
const action = parse(readFileSync(new URL('action.yml', root), 'utf8')) as ActionYaml

describe('the lazy operation table: a step loads only its family (operations/index.ts)', () => {
  const families = [...new Set(Object.values(OPERATION_FAMILIES))]

  it('names exactly the rows each family exports, each once, in the order the table lists them', async () => {
    expect(families.sort()).toEqual(['api-keys', 'canarytokens', 'cleanup', 'incidents', 'runner-canaries', 'seed'])
    for (const family of families) {
      const exported = (await loadFamily(family)).map((operation) => operation.name)
      const mapped = OPERATION_NAMES.filter((name) => OPERATION_FAMILIES[name] === family)
      expect([family, exported]).toEqual([family, mapped])
    }
    expect(OPERATIONS.map((operation) => operation.name)).toEqual(OPERATION_NAMES)
    expect(new Set(OPERATION_NAMES).size).toBe(OPERATION_NAMES.length)
  })

  it('findOperation gives the row from its family; an unknown name gets the near miss from the names alone', async () => {
    for (const name of OPERATION_NAMES) expect(await findOperation(name)).toBe(OPERATIONS.find((operation) => operation.name === name))
    await expect(findOperation('fetch-canarytokens')).rejects.toThrow("Input 'operation': 'fetch-canarytokens' is not an operation of this action")
    await expect(findOperation('')).rejects.toThrow(/^Input 'operation' must be one of: create-canarytoken, .*; it is empty\.$/)
    // Names of Object.prototype are not operations (the map is looked up with hasOwn).
    await expect(findOperation('constructor')).rejects.toThrow("'constructor' is not one of them")
    expect(() => loadFamily('nonsense' as OperationFamily)).toThrow()
  })
})

describe('action.yml, the operation table and the README agree', () => {
  it('runs the bundle on node24, with a post step that runs whatever happened, and branding', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js', post: 'dist/post/index.js', 'post-if': 'always()' })
    expect(action.branding.icon).toBeTruthy()
  })

  it('declares exactly the inputs the code reads, with the same defaults, each described', () => {
    expect(Object.keys(action.inputs).sort()).toEqual([...INPUT_NAMES].sort())
    for (const [name, spec] of Object.entries(action.inputs)) {
      expect(spec.description?.length).toBeGreaterThan(10)
      expect([name, spec.default]).toEqual([name, INPUT_DEFAULTS[name as keyof typeof INPUT_DEFAULTS]])
      // console and auth-token are needed for the Console only (a Canarytokens server needs canarytokens-server instead).
      expect([name, spec.required === true]).toEqual([name, name === 'operation'])
    }
  })

  it("lists exactly the table's operations in the operation input", () => {
    const listed = action.inputs.operation?.description.match(/\b[a-z0-9]+(?:-[a-z0-9]+)+\b/g) ?? []
    expect([...new Set(listed)].sort()).toEqual([...OPERATION_NAMES].sort())
  })

  it('has operations that read only declared inputs and set only declared outputs, and no output no one sets', () => {
    const declaredOutputs = new Set(Object.keys(action.outputs))
    const setSomewhere = new Set<string>()
    for (const operation of OPERATIONS) {
      for (const input of [...operation.requires, ...operation.accepts]) expect([operation.name, INPUT_NAMES.includes(input)]).toEqual([operation.name, true])
      for (const output of operation.outputs) {
        expect([operation.name, output, declaredOutputs.has(output)]).toEqual([operation.name, output, true])
        setSomewhere.add(output)
      }
    }
    expect([...declaredOutputs].filter((output) => !setSomewhere.has(output))).toEqual([])
    for (const [name, spec] of Object.entries(action.outputs)) expect([name, spec.description.length > 5]).toEqual([name, true])
  })

  it('has kind rules that name declared inputs only', () => {
    for (const [kind, rule] of Object.entries(CANARYTOKEN_KINDS) as [string, KindRule][]) {
      for (const input of [...(rule.requires ?? []), ...(rule.accepts ?? []), ...(rule.upload ? [rule.upload.input] : [])]) {
        expect([kind, INPUT_NAMES.includes(input)]).toEqual([kind, true])
      }
    }
  })

  it('has README tables generated from the current action.yml and table', async () => {
    const readme = readFileSync(new URL('README.md', root), 'utf8')
    expect(await renderReadme(readme)).toBe(readme)
  })

  it('keeps the User-Agent version equal to package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { version: string }
    expect(ACTION_VERSION).toBe(pkg.version)
  })
})
