import { describe, expect, it } from '@jest/globals'
import { reuseWinner } from '../../src/operations/reuse.js'
import { tokenRecord } from '../../src/backends/console/records.js'

const token = (canarytoken: string, created: string) => tokenRecord({ canarytoken, kind: 'dns', memo: 'same memo', created })

describe('reuseWinner: the token every overlapping run agrees on', () => {
  it('is the oldest, whatever order the search returned', () => {
    expect(reuseWinner([token('b', '1714564801.5'), token('c', '1714564800.25'), token('a', '1714564802.0')])?.id).toBe('c')
  })

  it('breaks a tie in created by token id', () => {
    expect(reuseWinner([token('zz', '1714564800.000000'), token('aa', '1714564800.000000'), token('mm', '1714564800.000000')])?.id).toBe('aa')
  })

  it('is nothing when the search found nothing', () => {
    expect(reuseWinner([])).toBeUndefined()
  })
})
