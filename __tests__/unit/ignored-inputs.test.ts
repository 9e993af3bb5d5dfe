import { describe, expect, it } from '@jest/globals'
import { INPUT_DEFAULTS, INPUT_NAMES, inputsFrom } from '../../src/inputs.js'
import { findOperation, ignoredInputs } from '../../src/operations/index.js'

const fetch = await findOperation('fetch-canarytoken')
const cleanup = await findOperation('cleanup-canarytokens')

describe('ignoredInputs: inputs set for an operation that does not read them', () => {
  const ignored = (values: Record<string, string>) => ignoredInputs(fetch, inputsFrom(values), INPUT_NAMES, INPUT_DEFAULTS)

  it('names an input that has a default in action.yml when it is set to something else', () => {
    // (concurrency has no default in action.yml since issue 18: 20 on the Console, 2 on a Canarytokens server.)
    expect(INPUT_DEFAULTS['max-changes']).toBe('100')
    expect(ignored({ canarytoken: 't', concurrency: '50' })).toEqual(['concurrency'])
    expect(ignored({ canarytoken: 't', 'max-changes': '5', 'aws-profile': 'other' })).toEqual(['max-changes', 'aws-profile'])
  })

  it('names an input without a default as soon as it is set', () => {
    expect(ignored({ canarytoken: 't', kind: 'dns', memo: 'm' })).toEqual(['kind', 'memo'])
  })

  it('keeps quiet about defaults (the runner passes every default to every step) and about inputs the operation reads', () => {
    expect(ignored({ canarytoken: 't', 'max-changes': INPUT_DEFAULTS['max-changes'] ?? '', 'aws-profile': INPUT_DEFAULTS['aws-profile'] ?? '' })).toEqual([])
    expect(ignoredInputs(cleanup, inputsFrom({ concurrency: '50', action: 'delete' }), INPUT_NAMES, INPUT_DEFAULTS)).toEqual([])
  })
})
