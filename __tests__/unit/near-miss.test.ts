import { describe, expect, it } from '@jest/globals'
import { didYouMean, nearMiss, nearMisses, unknownNameMessage } from '../../src/near-miss.js'

describe('nearMiss: the name a mistyped one meant', () => {
  const operations = ['create-canarytoken', 'fetch-canarytoken', 'delete-canarytoken', 'list-api-keys']
  it.each([
    ['create-canary-token', operations, 'create-canarytoken'],
    ['Create_Canarytoken', operations, 'create-canarytoken'],
    ['fecth-canarytoken', operations, 'fetch-canarytoken'],
    ['DNS', ['dns', 'http', 'doc-msword'], 'dns'],
    ['dsn', ['dns', 'http', 'doc-msword'], 'dns'],
    ['sql', ['svn', 'sql-server'], undefined],
    ['fiel', ['name', 'kind', 'memo', 'file', 'template'], 'file'],
    ['Admin', ['read-only', 'analyst', 'admin'], 'admin']
  ])("'%s' -> '%s'", (value, known, expected) => {
    expect(nearMiss(value, known)).toBe(expected)
  })

  it.each([['mint'], ['xyz'], [''], ['a'], ['dnx']])("suggests nothing for '%s', which is close to nothing", (value) => {
    expect(nearMiss(value, ['dns', 'http', 'create-canarytoken', 'name'])).toBeUndefined()
    expect(didYouMean(value, ['dns', 'http', 'create-canarytoken', 'name'])).toBe('')
  })

  it('words the suggestion as a question', () => {
    expect(didYouMean('create-canary-token', operations)).toBe("; did you mean 'create-canarytoken'?")
  })
})

describe('nearMisses: names that hold the typed word as a part', () => {
  const kinds = ['aws-id', 'aws-s3', 'dns', 'doc-msword', 'msword-macro', 'doc-msexcel', 'msexcel-macro', 'cloned-web', 'web-image', 'fast-redirect', 'slow-redirect']
  it.each([
    ['msword', ['doc-msword', 'msword-macro']],
    ['MSWord', ['doc-msword', 'msword-macro']],
    ['aws', ['aws-id', 'aws-s3']],
    ['redirect', ['fast-redirect', 'slow-redirect']],
    ['dnss', ['dns']],
    ['word', []],
    ['do', []]
  ])("'%s' -> %j", (value, expected) => {
    expect(nearMisses(value, kinds)).toEqual(expected)
  })

  it('offers two or more as a choice, and puts the hint before the long list', () => {
    expect(didYouMean('msword', kinds)).toBe("; did you mean 'doc-msword' or 'msword-macro'?")
    expect(didYouMean('web', kinds)).toBe("; did you mean 'cloned-web' or 'web-image'?")
    expect(unknownNameMessage('kind', 'msword', 'a Canarytoken kind', kinds)).toBe(
      `Input 'kind': 'msword' is not a Canarytoken kind; did you mean 'doc-msword' or 'msword-macro'? It must be one of: ${kinds.join(', ')}.`
    )
    expect(unknownNameMessage('kind', 'nonsense', 'a Canarytoken kind', kinds)).toBe(`Input 'kind' must be one of: ${kinds.join(', ')}; 'nonsense' is not a Canarytoken kind.`)
  })
})
