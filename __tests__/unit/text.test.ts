import { describe, expect, it } from '@jest/globals'
import { withoutFullStops } from '../../src/text.js'

describe('withoutFullStops', () => {
  it.each([
    ['HTTP 400: Could not save Canarydrop.', 'HTTP 400: Could not save Canarydrop'],
    ['wait...', 'wait'],
    ['v1.2.3 is kept', 'v1.2.3 is kept'],
    ['(see Global Settings).', '(see Global Settings)'],
    ['...', ''],
    ['', ''],
    ['ends in an ellipsis…', 'ends in an ellipsis…']
  ])('%j -> %j', (text, expected) => {
    expect(withoutFullStops(text)).toBe(expected)
  })
})
