import { describe, expect, it, jest } from '@jest/globals'
import * as core from '../../__fixtures__/core.js'

jest.unstable_mockModule('@actions/core', () => core)
const { findSecretValues, redact, registerCredentialText, registerSecret, withoutSecretFields } = await import('../../src/secrets.js')

describe('secrets', () => {
  it('finds secret fields at any depth, and only those', () => {
    const answer = {
      result: 'success',
      canarytoken: { canarytoken: 'abc', memo: 'm', secret_access_key: 'S1', renders: { 'aws-id': 'R1', nested: ['R2'] } },
      global_api_keys: [{ key_id: 'k', auth_token: 'A1' }]
    }
    expect(findSecretValues(answer).sort()).toEqual(['A1', 'R1', 'R2', 'S1'])
    expect(withoutSecretFields(answer)).toEqual({
      result: 'success',
      canarytoken: { canarytoken: 'abc', memo: 'm', secret_access_key: '***', renders: '***' },
      global_api_keys: [{ key_id: 'k', auth_token: '***' }]
    })
  })

  it('redacts registered secrets, longest first, line by line for multi-line ones', () => {
    registerSecret('abcdef123456')
    registerSecret('line-one-value\nline-two-value')
    expect(redact('x abcdef123456 y line-two-value')).toBe('x *** y ***')
    expect(core.setSecret).toHaveBeenCalledWith('line-one-value')
    expect(core.setSecret).toHaveBeenCalledWith('line-two-value')
    registerSecret('abc') // too short to be a secret worth masking
    expect(redact('abc')).toBe('abc')
    expect(core.setSecret).not.toHaveBeenCalledWith('abc')
  })

  it('masks the values of a credentials file', () => {
    registerCredentialText('[default]\naws_access_key_id = AKIAEXAMPLE1234\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG\n')
    expect(redact('id AKIAEXAMPLE1234 key wJalrXUtnFEMI/K7MDENG')).toBe('id *** key ***')
    expect(redact('[default]')).toBe('[default]')
  })
})
