import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { MockAgent } from 'undici'
import { mockWire } from './mock-wire.js'
import { PAGE_SIZE, canarytokenListing, canarytokenPages, listCanarytokens, searchStringFor, type Canarytoken } from '../../src/backends/console/canarytokens.js'
import { HttpTransport, type TransportOptions } from '../../src/http/transport.js'
import { findSecretValues } from '../../src/secrets.js'
import { consoleDialect } from '../../src/backends/console/dialect.js'

const ORIGIN = 'https://abc.canary.tools'

let agent: MockAgent
let seenPaths: string[]

function transport(options: Partial<TransportOptions> = {}): HttpTransport {
  return new HttpTransport({
    baseUrl: new URL(ORIGIN),
    dialect: consoleDialect('the-auth-token-value'),
    timeoutMs: 1000,
    userAgent: 'test',
    onSecret: () => undefined,
    findSecrets: findSecretValues,
    client: mockWire(agent),
    ...options
  })
}

function tokens(...ids: string[]): Canarytoken[] {
  return ids.map((id) => ({ canarytoken: id, kind: 'dns', memo: `memo ${id}`, enabled: true, flock_id: 'flock:default' }))
}

/** Answers each request to `path` in turn with the given pages, recording the query it was asked. */
function pages(path: string, answers: object[]): void {
  const pool = agent.get(ORIGIN)
  for (const answer of answers) {
    pool
      .intercept({ path: (requested) => requested.startsWith(`${path}?`) || requested === path, method: 'GET' })
      .reply((options) => {
        seenPaths.push(options.path)
        return { statusCode: 200, data: { result: 'success', ...answer } }
      })
  }
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = []
  for await (const item of iterable) items.push(item)
  return items
}

function query(path: string): Record<string, string> {
  return Object.fromEntries(new URL(path, ORIGIN).searchParams)
}

beforeEach(() => {
  agent = new MockAgent()
  agent.disableNetConnect()
  seenPaths = []
})
afterEach(async () => {
  await agent.close()
})

describe('canarytokenPages', () => {
  it('pages with paginate when the Console has nothing to filter, following cursor.next and never next_link', async () => {
    pages('/api/v1/canarytokens/paginate', [
      { canarytokens: tokens('a', 'b'), cursor: { next: 'c2', prev: null, next_link: `${ORIGIN}/elsewhere?auth_token=x&cursor=c2` }, page_num: 1, page_total: 3 },
      { canarytokens: tokens('c', 'd'), cursor: { next: 'c3', prev: 'c1', next_link: `${ORIGIN}/elsewhere?cursor=c3` }, page_num: 2, page_total: 3 },
      { canarytokens: tokens('e'), cursor: { next: null, prev: 'c2', next_link: null }, page_num: 3, page_total: 3 }
    ])
    const ids = (await collect(listCanarytokens(transport(), { flockId: 'flock:default', pageSize: 2 }))).map((token) => token.canarytoken)
    expect(ids).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(seenPaths.map(query)).toEqual([
      { flock_id: 'flock:default', limit: '2' },
      { flock_id: 'flock:default', limit: '2', cursor: 'c2' },
      { flock_id: 'flock:default', limit: '2', cursor: 'c3' }
    ])
    expect(seenPaths.every((path) => path.startsWith('/api/v1/canarytokens/paginate?'))).toBe(true)
    expect(seenPaths.join(' ')).not.toContain('auth_token')
  })

  it('searches when the Console can filter, sending the filters with every page', async () => {
    pages('/api/v1/canarytokens/search', [
      { canarytokens: tokens('a'), cursor: { next: 'n1' }, page_number: 1, total_pages: 2, total_results: 2 },
      { canarytokens: tokens('b'), cursor: { next: '' }, page_number: 2, total_pages: 2, total_results: 2 }
    ])
    const seen = await collect(canarytokenPages(transport(), { kind: 'dns', active: false, searchString: 'nightly' }))
    expect(seen.map((page) => [page.page, page.totalResults, page.canarytokens.length])).toEqual([
      [1, 2, 1],
      [2, 2, 1]
    ])
    expect(seenPaths.map(query)).toEqual([
      { kind: 'dns', active: 'False', search_string: 'nightly', limit: String(PAGE_SIZE) },
      { kind: 'dns', active: 'False', search_string: 'nightly', limit: String(PAGE_SIZE), cursor: 'n1' }
    ])
  })

  it('stops when the cursor is missing altogether', async () => {
    pages('/api/v1/canarytokens/paginate', [{ canarytokens: tokens('a') }])
    expect(await collect(listCanarytokens(transport()))).toHaveLength(1)
    expect(seenPaths).toHaveLength(1)
  })

  it('refuses to loop on a cursor the Console gives twice', async () => {
    pages('/api/v1/canarytokens/paginate', [
      { canarytokens: tokens('a'), cursor: { next: 'same' } },
      { canarytokens: tokens('b'), cursor: { next: 'same' } }
    ])
    await expect(collect(listCanarytokens(transport()))).rejects.toThrow(
      '/api/v1/canarytokens/paginate returned a page cursor it had already given; stopped listing to avoid a loop'
    )
  })

  it('refuses an answer without a token list', async () => {
    pages('/api/v1/canarytokens/paginate', [{ tokens: tokens('a') }])
    await expect(collect(listCanarytokens(transport()))).rejects.toThrow('/api/v1/canarytokens/paginate answered without a "canarytokens" list')
  })

  it('passes a Console error on, naming the status and message', async () => {
    agent.get(ORIGIN).intercept({ path: /^\/api\/v1\/canarytokens\/search/, method: 'GET' }).reply(400, { result: 'error', message: 'Supplied kind is not valid.' })
    await expect(collect(listCanarytokens(transport(), { kind: 'nope' }))).rejects.toThrow('HTTP 400: Supplied kind is not valid.')
  })
})

describe('canarytokenListing (a walk that reads every token)', () => {
  /** Waits (a while at most) until the Console has been asked `count` times; the count it got to. */
  async function askedTimes(count: number): Promise<number> {
    for (let wait = 0; wait < 100 && seenPaths.length < count; wait++) await new Promise((settled) => setTimeout(settled, 10))
    return seenPaths.length
  }

  /**
   * The walk's tokens by page, and how many requests the Console had seen
   * while each page was still unread (given time for one more: without
   * reading ahead, the next page is not asked for until this one is read).
   */
  async function walk(): Promise<{ ids: string[][]; askedWhenGiven: number[] }> {
    const ids: string[][] = []
    const askedWhenGiven: number[] = []
    for await (const page of canarytokenListing(transport())) {
      askedWhenGiven.push(await askedTimes(page.page + 1))
      ids.push(Array.from(page.tokens, (token) => token.canarytoken))
    }
    return { ids, askedWhenGiven }
  }

  it('asks for the next page while the caller reads this one, and every page in order, once', async () => {
    pages('/api/v1/canarytokens/paginate', [
      { canarytokens: tokens('a', 'b'), cursor: { next: 'c2' } },
      { canarytokens: tokens('c'), cursor: { next: 'c3' } },
      { canarytokens: tokens('d'), cursor: { next: null } }
    ])
    const { ids, askedWhenGiven } = await walk()
    expect(ids).toEqual([['a', 'b'], ['c'], ['d']])
    // Page 1 is handed out with page 2 already asked for; the last page asks for nothing more.
    expect(askedWhenGiven).toEqual([2, 3, 3])
    expect(seenPaths.map((path) => query(path).cursor)).toEqual([undefined, 'c2', 'c3'])
  })

  it('gives a page whose cursor repeats, asks for nothing ahead of it, then stops with the loop named', async () => {
    pages('/api/v1/canarytokens/paginate', [
      { canarytokens: tokens('a'), cursor: { next: 'same' } },
      { canarytokens: tokens('b'), cursor: { next: 'same' } }
    ])
    const given: string[] = []
    const read = async () => {
      for await (const page of canarytokenListing(transport())) for (const token of page.tokens) given.push(token.canarytoken)
    }
    await expect(read()).rejects.toThrow('/api/v1/canarytokens/paginate returned a page cursor it had already given; stopped listing to avoid a loop')
    expect(given).toEqual(['a', 'b'])
    expect(seenPaths).toHaveLength(2)
  })

  it('fails where the page asked for ahead failed, after the pages before it', async () => {
    const pool = agent.get(ORIGIN)
    pool.intercept({ path: (requested) => requested.startsWith('/api/v1/canarytokens/paginate?'), method: 'GET' }).reply((options) => {
      seenPaths.push(options.path)
      return { statusCode: 200, data: { result: 'success', canarytokens: tokens('a'), cursor: { next: 'c2' } } }
    })
    pool
      .intercept({ path: (requested) => requested.startsWith('/api/v1/canarytokens/paginate?'), method: 'GET' })
      .reply(400, { result: 'error', message: 'Cursor is no longer valid.' })
    const given: string[] = []
    const read = async () => {
      for await (const page of canarytokenListing(transport())) for (const token of page.tokens) given.push(token.canarytoken)
    }
    await expect(read()).rejects.toThrow('HTTP 400: Cursor is no longer valid.')
    expect(given).toEqual(['a'])
  })

  it('a caller that stops early leaves the page asked for ahead to fail unseen, nothing unhandled', async () => {
    const pool = agent.get(ORIGIN)
    pool.intercept({ path: (requested) => requested.startsWith('/api/v1/canarytokens/paginate?'), method: 'GET' }).reply(200, { result: 'success', canarytokens: tokens('z'), cursor: { next: 'c9' } })
    pool
      .intercept({ path: (requested) => requested.startsWith('/api/v1/canarytokens/paginate?'), method: 'GET' })
      .reply(400, { result: 'error', message: 'Cursor is no longer valid.' })
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    try {
      for await (const page of canarytokenListing(transport())) {
        expect(Array.from(page.tokens, (token) => token.canarytoken)).toEqual(['z'])
        break
      }
      await new Promise((settled) => setTimeout(settled, 50))
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }
    expect(unhandled).toEqual([])
  })
  it('a caller that stops early leaves no retry behind: the page asked for ahead is not tried again nor waited for', async () => {
    const pool = agent.get(ORIGIN)
    pool.intercept({ path: (requested) => requested.startsWith('/api/v1/canarytokens/paginate?'), method: 'GET' }).reply(200, { result: 'success', canarytokens: tokens('z'), cursor: { next: 'c9' } })
    // The page asked for ahead: the Console is busy and asks for a long wait, answering once the caller has stopped.
    pool
      .intercept({ path: (requested) => requested.startsWith('/api/v1/canarytokens/paginate?'), method: 'GET' })
      .reply((options) => {
        seenPaths.push(options.path)
        return { statusCode: 503, data: { result: 'error', message: 'busy' }, responseOptions: { headers: { 'retry-after': '60' } } }
      })
      .delay(30)
      .persist()
    const waits: number[] = []
    const logged: string[] = []
    const walker = transport({
      logger: { info: (message: string) => logged.push(message), debug: () => undefined },
      sleep: async (ms) => {
        waits.push(ms)
      }
    })
    for await (const page of canarytokenListing(walker)) {
      expect(Array.from(page.tokens, (token) => token.canarytoken)).toEqual(['z'])
      break
    }
    await new Promise((settled) => setTimeout(settled, 150))
    expect({ asked: seenPaths.length, waits, logged }).toEqual({ asked: 1, waits: [], logged: [] })
  })
})

describe('searchStringFor', () => {
  it.each([
    ['deploy beacon', 'deploy'],
    ['ci-run-42', 'ci'],
    ['octo_repo', 'octo'],
    ['[ci] deploy', undefined],
    ['', undefined]
  ])('%p -> %p', (text, expected) => {
    expect(searchStringFor(text)).toBe(expected)
  })
})
