import { describe, expect, it } from '@jest/globals'
import { resolveConsoleUrl } from '../../src/backends/console/console-url.js'
import { InputError } from '../../src/errors.js'

describe('resolveConsoleUrl', () => {
  it.each([
    ['1234abcd', 'https://1234abcd.canary.tools'],
    ['  1234ABCD  ', 'https://1234abcd.canary.tools'],
    ['1234abcd.canary.tools', 'https://1234abcd.canary.tools'],
    ['https://1234abcd.canary.tools', 'https://1234abcd.canary.tools'],
    ['https://1234abcd.canary.tools/', 'https://1234abcd.canary.tools'],
    ['https://console.example.com:8443', 'https://console.example.com:8443'],
    ['http://127.0.0.1:4000', 'http://127.0.0.1:4000'],
    ['http://localhost:4000', 'http://localhost:4000'],
    ['http://[::1]:4000', 'http://[::1]:4000']
  ])('accepts %p as %p', (input, origin) => {
    expect(resolveConsoleUrl(input).origin).toBe(origin)
  })

  it.each([
    ['', /is required/],
    ['http://1234abcd.canary.tools', /must use https/],
    ['http://10.0.0.5', /must use https/],
    ['ftp://1234abcd.canary.tools', /must use https, not ftp/],
    ['javascript:alert(1)', /not a Console hash|not a valid URL|must use https/],
    ['https://user:pass@1234abcd.canary.tools', /must not carry credentials/],
    ['https://1234abcd.canary.tools/api/v1', /without a path/],
    ['https://1234abcd.canary.tools/?auth_token=x', /without a path, query/],
    ['https://1234abcd.canary.tools/#frag', /without a path, query or fragment/],
    ['1234abcd/../x', /not a Console hash/],
    ['abc_def', /not a Console hash/],
    ['bad host.canary.tools', /not a Console hash/],
    ['https://', /not a valid URL/]
  ])('refuses %p', (input, message) => {
    expect(() => resolveConsoleUrl(input)).toThrow(InputError)
    expect(() => resolveConsoleUrl(input)).toThrow(message)
  })

  it.each([
    ['https://1234abcd.canary.tools/api/v1', 'https://1234abcd.canary.tools'],
    ['https://1234abcd.canary.tools/nest/settings?auth_token=s3cr3t#x', 'https://1234abcd.canary.tools'],
    ['1234abcd.canary.tools/', '1234abcd.canary.tools'],
    ['1234abcd.canary.tools/settings', '1234abcd.canary.tools'],
    ['http://1234abcd.canary.tools', 'https://1234abcd.canary.tools']
  ])('refuses %p naming the address it may have meant first', (input, meant) => {
    expect(() => resolveConsoleUrl(input)).toThrow(`; did you mean '${meant}'?`)
    expect(() => resolveConsoleUrl(input)).not.toThrow(/s3cr3t/)
  })

  it('never echoes credentials from a refused URL', () => {
    expect(() => resolveConsoleUrl('https://user:s3cr3tpassword@1234abcd.canary.tools')).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('s3cr3tpassword') })
    )
  })
})
