import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { ConsoleEmulator } from '../emulator/emulator.mjs'

// The emulator's strict mode (its default, used by every e2e test): the
// behaviours Thinkst's reference allows that are hardest on a client.
const AUTH = 'strict-emulator-token-5c2e8d1f3a7b9c0e'
const emulator = new ConsoleEmulator({ authToken: AUTH })
let base: string

beforeAll(async () => {
  base = await emulator.start()
})
afterAll(async () => {
  await emulator.stop()
})
beforeEach(() => {
  emulator.clearRequests()
  emulator.storageRequests.length = 0
})

const withAuth = { 'X-Canary-Auth-Token': AUTH }
const get = (path: string, params: Record<string, string> = {}, headers: Record<string, string> = withAuth) =>
  fetch(`${new URL(path, base)}?${new URLSearchParams(params)}`, { headers, redirect: 'manual' })

describe('strict downloads', () => {
  it('answers with a same-origin 302 to a signed link: no auth token needed, the signature is', async () => {
    const token = emulator.addToken({ kind: 'doc-msexcel' })
    const first = await get('/api/v1/canarytoken/download', { canarytoken: token.canarytoken })
    expect(first.status).toBe(302)
    const location = new URL(first.headers.get('location') ?? '', base)
    expect(location.origin).toBe(base)
    expect(location.searchParams.get('signature')).toMatch(/^[0-9a-f]{32}$/)
    // Unsigned or wrongly signed: refused, auth token or not.
    const unsigned = new URL(location.pathname, base)
    expect((await fetch(unsigned, { headers: withAuth, redirect: 'manual' })).status).toBe(403)
    const forged = new URL(location)
    forged.searchParams.set('signature', '0'.repeat(32))
    expect((await fetch(forged, { headers: withAuth, redirect: 'manual' })).status).toBe(403)
    // Signed, without the auth token (as a client that sent it in the query string arrives after the redirect).
    const file = await fetch(location, { redirect: 'manual' })
    expect(file.status).toBe(200)
    expect(file.headers.get('content-disposition')).toMatch(/\.xlsx/)
    // Once only.
    expect((await fetch(location, { redirect: 'manual' })).status).toBe(403)
  })

  it('serves a download to a client that sends the auth token in the query string and follows redirects (canarytools-python)', async () => {
    const token = emulator.addToken({ kind: 'doc-msword' })
    const reply = await fetch(`${base}/api/v1/canarytoken/download?${new URLSearchParams({ canarytoken: token.canarytoken, auth_token: AUTH })}`)
    expect(reply.status).toBe(200)
    expect(reply.headers.get('content-disposition')).toMatch(/^attachment; filename=.*\.docx$/)
    expect(emulator.storageRequests.at(-1)).toMatchObject({ authHeader: null, status: 200 })
  })

  it('sends a storage kind on to a second origin that refuses the auth header', async () => {
    const token = emulator.addToken({ kind: 'doc-msword' })
    const hop = async () => {
      const first = await get('/api/v1/canarytoken/download', { canarytoken: token.canarytoken })
      const second = await fetch(new URL(first.headers.get('location') ?? '', base), { headers: withAuth, redirect: 'manual' })
      expect(second.status).toBe(302)
      return second.headers.get('location') ?? ''
    }
    const signed = await hop()
    expect(new URL(signed).origin).toBe(emulator.storageUrl)
    expect(new URL(signed).origin).not.toBe(base)
    const refused = await fetch(signed, { headers: withAuth })
    expect(refused.status).toBe(400)
    expect(await refused.text()).toMatch(/<Code>InvalidArgument<\/Code>/)
    const fresh = await hop()
    const file = await fetch(fresh)
    expect(file.status).toBe(200)
    expect(Buffer.from(await file.arrayBuffer()).subarray(0, 2).toString()).toBe('PK')
    expect(emulator.storageRequests.map((request) => request.status)).toEqual([400, 200])
  })

  it('answers a failed download with the JSON error as text/html and 200', async () => {
    const token = emulator.addToken({ kind: 'dns' })
    const reply = await get('/api/v1/canarytoken/download', { canarytoken: token.canarytoken })
    expect(reply.status).toBe(200)
    expect(reply.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await reply.json()).toEqual({ result: 'error', message: 'File generation not supported.' })
  })
})

describe('strict parameters', () => {
  it('ignores active=true, reading only True and False', async () => {
    const on = emulator.addToken({ kind: 'dns', memo: 'strictactive on', enabled: true })
    const off = emulator.addToken({ kind: 'dns', memo: 'strictactive off', enabled: false })
    const ids = async (active: string) => {
      const answer = (await (await get('/api/v1/canarytokens/search', { search_string: 'strictactive', active })).json()) as { canarytokens: Array<{ canarytoken: string }> }
      return answer.canarytokens.map((token) => token.canarytoken).sort()
    }
    expect(await ids('True')).toEqual([on.canarytoken])
    expect(await ids('False')).toEqual([off.canarytoken])
    expect(await ids('true')).toEqual([on.canarytoken, off.canarytoken].sort())
  })

  it('refuses an upload without a MIME type, and one of the wrong type', async () => {
    const send = async (type: string | undefined) => {
      const form = new FormData()
      form.append('kind', 'web-image')
      form.append('memo', 'image')
      form.append('web_image', new Blob([Buffer.from('89504e47', 'hex')], type ? { type } : {}), 'logo.png')
      const reply = await fetch(new URL('/api/v1/canarytoken/create', base), { method: 'POST', headers: withAuth, body: form })
      return { status: reply.status, json: (await reply.json()) as { result: string; message?: string } }
    }
    // A part sent without a type reaches the Console as application/octet-stream (or with none at all): refused either way.
    expect(await send(undefined)).toMatchObject({ status: 400, json: { message: expect.stringMatching(/^Could not process the parameters: 'web_image' (was sent without a MIME type|may not be application\/octet-stream)$/) } })
    expect((await send('application/pdf')).status).toBe(400)
    expect(await send('image/png')).toMatchObject({ status: 200, json: { result: 'success' } })
  })

  it('gives aws-id tokens a factory_auth and refuses kinds only the older reference lists', async () => {
    expect(emulator.addToken({ kind: 'aws-id' }).factory_auth).toMatch(/^[0-9a-f]{40}$/)
    const reply = await fetch(new URL('/api/v1/canarytoken/create', base), { method: 'POST', headers: withAuth, body: new URLSearchParams({ kind: 'svn', memo: 'm' }) })
    expect(await reply.json()).toEqual({ result: 'error', message: 'Supplied kind is not valid.' })
  })
})

describe('strict cursors', () => {
  it('pages by offset, so deleting during a walk skips tokens', async () => {
    const memo = 'offsetwalk'
    for (let i = 0; i < 6; i++) emulator.addToken({ kind: 'dns', memo: `${memo} ${i}` })
    const page = async (cursor?: string) =>
      (await (await get('/api/v1/canarytokens/search', { search_string: memo, limit: '2', ...(cursor ? { cursor } : {}) })).json()) as {
        canarytokens: Array<{ canarytoken: string }>
        cursor: { next: string | null }
      }
    const first = await page()
    expect(Buffer.from(first.cursor.next ?? '', 'base64').toString()).toBe('2:2:2')
    // Deleting the first page's tokens before asking for the next shifts everything by two.
    for (const token of first.canarytokens) await fetch(new URL('/api/v1/canarytoken/delete', base), { method: 'POST', headers: withAuth, body: new URLSearchParams({ canarytoken: token.canarytoken }) })
    const second = await page(first.cursor.next ?? undefined)
    const remaining = emulator.listTokens().filter((token) => token.memo.startsWith(memo))
    expect(second.canarytokens.map((token) => token.canarytoken)).toEqual(remaining.slice(2, 4).map((token) => token.canarytoken))
  })
})
