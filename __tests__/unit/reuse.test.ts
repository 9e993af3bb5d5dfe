import { describe, expect, it, jest } from '@jest/globals'
import { ConsoleBackend } from '../../src/backends/console/index.js'
import { tokenRecord } from '../../src/backends/console/records.js'
import type { TokenRecord } from '../../src/backends/types.js'
import { createOrReuse, reuseWinner, SECOND_LOOK_MS } from '../../src/operations/reuse.js'

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

/** A Console that answers searches from `looks`, one list per search, and records what the run did. */
function fakeConsole(made: TokenRecord, looks: TokenRecord[][]) {
  const calls: string[] = []
  const backend = Object.create(ConsoleBackend.prototype) as ConsoleBackend
  Object.assign(backend, {
    // createOrReuse tells the Console by its name (a field, which Object.create leaves out).
    name: 'console',
    description: 'a fake Console',
    find: async () => {
      calls.push('search')
      return looks.shift() ?? []
    },
    create: async () => {
      calls.push('create')
      return made
    },
    fetch: async (ref: { id: string }) => {
      calls.push(`fetch ${ref.id}`)
      return { ...made, id: ref.id }
    },
    delete: async (ref: { id: string }) => {
      calls.push(`delete ${ref.id}`)
      return { alreadyDone: false }
    }
  })
  return { backend, calls }
}

describe('createOrReuse: the second look', () => {
  const request = { kind: 'dns', memo: 'same memo', params: {}, files: {} }
  const own = token('own', '1714564801.000100')

  it('overlapping no other run, returns the new token at once: one search before the create, one after, no wait', async () => {
    const { backend, calls } = fakeConsole(own, [[], [own]])
    const wait = jest.fn(async (_ms: number) => undefined)
    expect(await createOrReuse(backend, request, true, { wait })).toEqual({ token: own, reused: false })
    expect(calls).toEqual(['search', 'create', 'search'])
    expect(wait).not.toHaveBeenCalled()
  })

  it('when the look finds a sibling, waits, looks once more and defers to an older one (deleting its own)', async () => {
    const older = token('older', '1714564800.900000')
    const { backend, calls } = fakeConsole(own, [[], [own, older], [older, own]])
    const wait = jest.fn(async (_ms: number) => undefined)
    const made = await createOrReuse(backend, request, true, { wait })
    expect([made.reused, made.token.id]).toEqual([true, 'older'])
    expect(wait).toHaveBeenCalledWith(SECOND_LOOK_MS)
    expect(calls).toEqual(['search', 'create', 'search', 'search', 'delete own', 'fetch older'])
  })

  it('keeps its own token when the sibling found is newer (that run steps back)', async () => {
    const newer = token('newer', '1714564801.200000')
    const { backend, calls } = fakeConsole(own, [[], [own, newer], [own, newer]])
    expect(await createOrReuse(backend, request, true, { wait: async () => undefined })).toEqual({ token: own, reused: false })
    expect(calls).toEqual(['search', 'create', 'search', 'search'])
  })

  it('waits too when the look does not show its own new token yet (a search that lags cannot vouch for what is missing)', async () => {
    const { backend } = fakeConsole(own, [[], [], [own]])
    const wait = jest.fn(async (_ms: number) => undefined)
    expect((await createOrReuse(backend, request, true, { wait })).reused).toBe(false)
    expect(wait).toHaveBeenCalledTimes(1)
  })

  it('waits when its token has no readable created time (no time order to rely on)', async () => {
    const undated = tokenRecord({ canarytoken: 'own', kind: 'dns', memo: 'same memo' })
    const { backend } = fakeConsole(undated, [[], [undated], [undated]])
    const wait = jest.fn(async (_ms: number) => undefined)
    await createOrReuse(backend, request, true, { wait })
    expect(wait).toHaveBeenCalledTimes(1)
  })

  it('without reuse, just creates', async () => {
    const { backend, calls } = fakeConsole(own, [])
    expect(await createOrReuse(backend, request, false)).toEqual({ token: own, reused: false })
    expect(calls).toEqual(['create'])
  })

  it('with reuse on a server that cannot list tokens, refuses before creating anything', async () => {
    const { backend, calls } = fakeConsole(own, [[]])
    Object.assign(backend, { name: 'canarytokens-server', description: 'a Canarytokens server' })
    await expect(createOrReuse(backend, request, true)).rejects.toThrow("'reuse: true' needs a server that can list tokens; a Canarytokens server cannot")
    expect(calls).toEqual([])
  })
})
