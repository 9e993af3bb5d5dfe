import { describe, expect, it } from '@jest/globals'
import { didYouMean, nearMiss } from '../../src/near-miss.js'

describe('nearMiss: the name a mistyped one meant', () => {
  const operations = ['create-canarytoken', 'fetch-canarytoken', 'delete-canarytoken', 'list-api-keys']
  it.each([
    ['create-canary-token', operations, 'create-canarytoken'],
    ['Create_Canarytoken', operations, 'create-canarytoken'],
    ['fecth-canarytoken', operations, 'fetch-canarytoken'],
    ['DNS', ['dns', 'http', 'doc-msword'], 'dns'],
    ['fiel', ['name', 'kind', 'memo', 'file', 'template'], 'file'],
    ['Admin', ['read-only', 'analyst', 'admin'], 'admin']
  ])("'%s' -> '%s'", (value, known, expected) => {
    expect(nearMiss(value, known)).toBe(expected)
  })

  it.each([['mint'], ['xyz'], [''], ['a']])("suggests nothing for '%s', which is close to nothing", (value) => {
    expect(nearMiss(value, ['dns', 'http', 'create-canarytoken', 'name'])).toBeUndefined()
    expect(didYouMean(value, ['dns', 'http', 'create-canarytoken', 'name'])).toBe('')
  })

  it('words the suggestion as a question', () => {
    expect(didYouMean('create-canary-token', operations)).toBe("; did you mean 'create-canarytoken'?")
  })
})
