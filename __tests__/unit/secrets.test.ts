import { describe, expect, it, jest } from '@jest/globals'
import * as core from '../../__fixtures__/core.js'

jest.unstable_mockModule('@actions/core', () => core)
const { checkSecretInput, findSecretValues, redact, registerCredentialText, registerSecret, withoutSecretFields } = await import('../../src/secrets.js')

describe('secrets', () => {
  it('finds secret fields at any depth, and only those', () => {
    const answer = {
      result: 'success',
      canarytoken: { canarytoken: 'abc', memo: 'm', access_key_id: 'AKIA1', secret_access_key: 'S1', factory_auth: 'F1', renders: { 'aws-id': 'R1', wg_conf: ['R2'], 'cloned-web': '<script>' } },
      global_api_keys: [{ key_id: 'k', auth_token: 'A1' }]
    }
    expect(findSecretValues(answer).sort()).toEqual(['A1', 'F1', 'R1', 'R2', 'S1'])
    expect(withoutSecretFields(answer)).toEqual({
      result: 'success',
      canarytoken: { canarytoken: 'abc', memo: 'm', access_key_id: '***', secret_access_key: '***', factory_auth: '***', renders: { 'aws-id': '***', wg_conf: '***', 'cloned-web': '<script>' } },
      global_api_keys: [{ key_id: 'k', auth_token: '***' }]
    })
  })

  it('finds only own fields: a field an object inherits is not part of the answer', () => {
    const inherited = Object.create({ auth_token: 'INHERITED' }) as Record<string, unknown>
    inherited.factory_auth = 'OWN'
    expect(findSecretValues({ token: inherited })).toEqual(['OWN'])
  })

  it('counts a secret by characters, not UTF-16 units, and registers it once', () => {
    const before = core.setSecret.mock.calls.length
    // Seven characters (fourteen UTF-16 units): too short to mask.
    registerSecret('😀😀😀😀😀😀😀')
    expect(core.setSecret.mock.calls.length).toBe(before)
    registerSecret('😀😀😀😀😀😀😀😀')
    registerSecret('😀😀😀😀😀😀😀😀')
    expect(core.setSecret.mock.calls.slice(before)).toEqual([['😀😀😀😀😀😀😀😀']])
  })

  it('redacts registered secrets whole, line by line for multi-line ones', () => {
    registerSecret('abcdef123456')
    registerSecret('[default]\nsecret = line-two-value\nregion = us-east-2')
    expect(redact('x abcdef123456 y line-two-value')).toBe('x *** y ***')
    expect(core.setSecret).toHaveBeenCalledWith('line-two-value')
    // The runner masks line by line: only the secret line's value is given to it.
    expect(core.setSecret).not.toHaveBeenCalledWith(expect.stringContaining('\n'))
    expect(core.setSecret).not.toHaveBeenCalledWith('[default]')
    expect(core.setSecret).not.toHaveBeenCalledWith('us-east-2')
    registerSecret('abc') // too short to be a secret worth masking
    expect(redact('abc')).toBe('abc')
    expect(core.setSecret).not.toHaveBeenCalledWith('abc')
  })

  it('masks the values of a credentials file', () => {
    registerCredentialText('[default]\naws_access_key_id = AKIAEXAMPLE1234\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG\n')
    expect(redact('id AKIAEXAMPLE1234 key wJalrXUtnFEMI/K7MDENG')).toBe('id *** key ***')
    expect(redact('[default]')).toBe('[default]')
  })

  it('masks credential lines and nothing ordinary in credential files', () => {
    const calls = (): unknown[] => core.setSecret.mock.calls.map((call) => call[0])
    registerCredentialText('\n    [default]\n    aws_access_key_id = AKIAORDINARYTEST01\n    aws_secret_access_key = wJalrXUtnFEMIORDINARY\n    region = us-east-2\n    output = json\n')
    registerCredentialText('[CanaryTools]\napi_key = 0123456789abcdef0123\nconsole_hash = abc123de\n')
    registerCredentialText('[Interface]\nPrivateKey = cHJpdmF0ZS1rZXktYmFzZTY0LXZhbHVl\nAddress = 192.168.7.2/24\n[Peer]\nEndpoint = host.example:51820\n')
    registerCredentialText('# Slack bot\nSLACK_BOT_TOKEN=xoxb-1234-5678-abcdefgh\nSLACK_CHANNEL=#deploys\n')
    expect(calls()).toEqual(expect.arrayContaining(['AKIAORDINARYTEST01', 'wJalrXUtnFEMIORDINARY', '0123456789abcdef0123', 'cHJpdmF0ZS1rZXktYmFzZTY0LXZhbHVl', 'xoxb-1234-5678-abcdefgh']))
    for (const ordinary of ['[default]', 'us-east-2', 'json', 'region = us-east-2', 'output = json', 'abc123de', '192.168.7.2/24', 'host.example:51820', '#deploys']) {
      expect([ordinary, calls().includes(ordinary)]).toEqual([ordinary, false])
      expect(redact(ordinary)).toBe(ordinary)
    }
  })

  it("masks a kubeconfig's client key and certificate, not its server or names", () => {
    const calls = (): unknown[] => core.setSecret.mock.calls.map((call) => call[0])
    registerCredentialText(
      'apiVersion: v1\nclusters:\n- cluster:\n    server: https://10.0.0.1:6443\n  name: prod\nusers:\n- name: admin\n  user:\n' +
        '    client-certificate-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tQ0VSVA==\n    client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLUtFWQ==\n'
    )
    expect(calls()).toEqual(expect.arrayContaining(['LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLUtFWQ==', 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tQ0VSVA==']))
    for (const ordinary of ['https://10.0.0.1:6443', 'prod', 'admin', 'v1']) expect([ordinary, calls().includes(ordinary)]).toEqual([ordinary, false])
  })

  it('with thousands of secrets (a listing of aws-id tokens), redacts as with a few: whole, nested ones inside, every occurrence', () => {
    for (let index = 0; index < 3000; index++) registerSecret(`FACTORYAUTH${String(index).padStart(6, '0')}xyz`)
    registerSecret('nested-secret-outer-part-nested-secret')
    registerSecret('nested-secret')
    expect(redact('a FACTORYAUTH000042xyz b FACTORYAUTH002999xyz FACTORYAUTH000042xyz')).toBe('a *** b *** ***')
    expect(redact('<nested-secret-outer-part-nested-secret> and nested-secret')).toBe('<***> and ***')
    expect(redact('FACTORYAUTH000042xy (one short) and short')).toBe('FACTORYAUTH000042xy (one short) and short')
    expect(redact('')).toBe('')
  })
})

describe('checkSecretInput', () => {
  it('takes the input name, so every secret input can use it', () => {
    expect(() => checkSecretInput('github-token', 'ghp_short')).not.toThrow()
    expect(() => checkSecretInput('manage-auth', 'abc')).toThrow("Input 'manage-auth' is 3 characters long;")
  })

  it.each([
    ['1234567', "Input 'auth-token' is 7 characters long; a real one is longer (at least 8, the shortest value the action masks)."],
    ['äöüß', "Input 'auth-token' is 4 characters long;"],
    ['😀😀😀😀😀😀😀😀', 'an HTTP header cannot carry'],
    ['x', "Input 'auth-token' is 1 character long;"],
    ['abcdefgh\nijkl', "Input 'auth-token' holds a line break or another control character"],
    ['abcdefgh\rijkl', 'line break'],
    ['abcdefgh\tijkl', 'control character'],
    ['abcdefgh\u0085ijkl', 'control character'],
    ['abcdefgh\u2028ijkl', 'an HTTP header cannot carry']
  ])('refuses %j without showing it', (value, message) => {
    expect(() => checkSecretInput('auth-token', value)).toThrow(message)
    try {
      checkSecretInput('auth-token', value)
    } catch (error) {
      expect((error as Error).message).not.toContain(value)
    }
  })

  it('accepts 8 characters and more, and leaves an empty value to the required-input check', () => {
    expect(() => checkSecretInput('auth-token', '12345678')).not.toThrow()
    expect(() => checkSecretInput('auth-token', 'e2e-auth-token-0123456789abcdef')).not.toThrow()
    expect(() => checkSecretInput('auth-token', '')).not.toThrow()
  })
})
