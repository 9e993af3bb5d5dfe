import { describe, expect, it } from '@jest/globals'
import { describeProxy, goesThroughProxy, httpsProxy, nodeTunnels } from '../../src/http/proxy.js'
import { InputError } from '../../src/errors.js'

describe("httpsProxy: the runner environment's proxy for https", () => {
  it('is none when neither HTTPS_PROXY nor https_proxy is set (HTTP_PROXY is for http, which only loopback servers use)', () => {
    expect(httpsProxy({})).toBeUndefined()
    expect(httpsProxy({ HTTP_PROXY: 'http://proxy:3128', HTTPS_PROXY: '  ' })).toBeUndefined()
  })

  it('reads https_proxy before HTTPS_PROXY and no_proxy before NO_PROXY, as GitHub\'s toolkit and curl do (the steps beside ours use that one)', () => {
    const proxy = httpsProxy({ https_proxy: ' http://proxy.internal:3128 ', HTTPS_PROXY: 'http://other:1', no_proxy: 'localhost,.corp', NO_PROXY: 'other.example' })
    expect([proxy?.url.href, proxy?.variable, proxy?.noProxy]).toEqual(['http://proxy.internal:3128/', 'https_proxy', 'localhost,.corp'])
    expect([httpsProxy({ HTTPS_PROXY: 'https://proxy.internal', NO_PROXY: '.corp' })].map((p) => [p?.variable, p?.noProxy])).toEqual([['HTTPS_PROXY', '.corp']])
    expect(httpsProxy({ https_proxy: '  ', HTTPS_PROXY: 'http://proxy.internal:3128' })?.variable).toBe('HTTPS_PROXY')
  })

  it('refuses a value that is no http(s) proxy URL, naming the variable and never quoting the value (it may hold a password)', () => {
    for (const value of ['proxy.internal:3128', 'socks5://user:hunter2-pw@proxy:1080', 'http://', 'not a url hunter2-pw']) {
      let thrown: unknown
      try {
        httpsProxy({ HTTPS_PROXY: value })
      } catch (error) {
        thrown = error
      }
      expect(thrown).toBeInstanceOf(InputError)
      expect((thrown as Error).message).toMatch(/^The environment variable HTTPS_PROXY is set but is not a proxy URL: set it to http:\/\/host:port/)
      expect((thrown as Error).message).not.toContain('hunter2')
    }
  })

  it('is described by its origin, never its credentials', () => {
    const proxy = httpsProxy({ HTTPS_PROXY: 'http://ci:hunter2-pw@proxy.internal:3128/', NO_PROXY: 'localhost' })!
    expect(describeProxy(proxy)).toBe('the proxy http://proxy.internal:3128 (HTTPS_PROXY)')
  })
})

describe('goesThroughProxy: NO_PROXY', () => {
  const through = (url: string, noProxy?: string) => goesThroughProxy(new URL(url), httpsProxy({ HTTPS_PROXY: 'http://proxy.internal:3128', NO_PROXY: noProxy }))

  it('sends https through the proxy, never http (loopback only) and nothing without a proxy', () => {
    expect(through('https://1234abcd.canary.tools')).toBe(true)
    expect(through('http://127.0.0.1:4100')).toBe(false)
    expect(goesThroughProxy(new URL('https://1234abcd.canary.tools'), undefined)).toBe(false)
  })

  it('sends nothing on loopback through the proxy, https included: a proxy elsewhere cannot reach this runner\'s loopback', () => {
    for (const url of ['https://127.0.0.1:8443', 'https://127.1.2.3', 'https://localhost:8443', 'https://LOCALHOST', 'https://[::1]:8443']) {
      expect([url, through(url)]).toEqual([url, false])
    }
    expect(through('https://localhost.example')).toBe(true)
    expect(through('https://128.0.0.1')).toBe(true)
  })

  it('goes direct for a host NO_PROXY names, its subdomains, * and a matching port; a name is not a suffix of another word', () => {
    for (const noProxy of ['canary.tools', '.canary.tools', '*.canary.tools', 'other.example, canary.tools', 'other.example canary.tools', '*', '1234ABCD.canary.tools:443']) {
      expect([noProxy, through('https://1234abcd.canary.tools', noProxy)]).toEqual([noProxy, false])
    }
    for (const noProxy of ['ary.tools', 'canary.tools:8443', 'example.com', ',,', 'tools.canary']) {
      expect([noProxy, through('https://1234abcd.canary.tools', noProxy)]).toEqual([noProxy, true])
    }
  })

  it('matches IP addresses, IPv6 with or without brackets and port', () => {
    expect(through('https://10.0.0.5/', '10.0.0.5')).toBe(false)
    expect(through('https://10.0.0.5:8443/', '10.0.0.5:8443')).toBe(false)
    expect(through('https://10.0.0.50/', '10.0.0.5')).toBe(true)
    expect(through('https://[fd00::1]/', 'fd00::1')).toBe(false)
    expect(through('https://[fd00::1]:8443/', '[fd00::1]:8443')).toBe(false)
    expect(through('https://[fd00::1]:8443/', '[fd00::1]:443')).toBe(true)
  })
})

describe('nodeTunnels: whether this Node can use a proxy (https.Agent proxyEnv: Node 24.5 and 22.21)', () => {
  it('is true from 24.5 and 22.21 on, false before them and on 23', () => {
    expect(['24.5.0', 'v24.21.0', '25.0.0', '30.1.2', '22.21.0', '22.22.1'].map(nodeTunnels)).toEqual([true, true, true, true, true, true])
    expect(['24.4.1', 'v24.0.0', '23.11.1', '22.20.0', '20.19.5'].map(nodeTunnels)).toEqual([false, false, false, false, false])
  })
})
