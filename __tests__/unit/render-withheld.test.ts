import { describe, expect, it, jest } from '@jest/globals'
import * as core from '../../__fixtures__/core.js'

jest.unstable_mockModule('@actions/core', () => core)

const { registerSecret, WITHHELD_LINE } = await import('../../src/secrets.js')
const { renderIssue } = await import('../../src/github/render.js')
const { incidentTag, markedIncidents, markedToken } = await import('../../src/github/markers.js')

const token = { canarytoken: 'tok123', kind: 'aws-id', memo: 'deploy', flockId: 'flock:default', consoleUrl: 'https://abc.canary.tools' }
const incident = (index: number, userAgent: string) => ({
  id: `incident:canarytoken:${index}`,
  canarytoken: token.canarytoken,
  memo: token.memo,
  kind: 'aws-id',
  srcHost: '198.51.100.7',
  created: new Date(Date.UTC(2026, 0, 1) + index * 60_000),
  acknowledged: false,
  event: 'GetCallerIdentity',
  userAgent
})

describe('an issue body whose text redact withholds', () => {
  it('keeps its markers, and its tags are the ones written', () => {
    // A secret holding '*', and a user agent built to keep forming it as it is masked (see redact).
    registerSecret('Winter2024*')
    const incidents = [incident(1, `${'Winter2024'.repeat(20)}*`), incident(2, 'aws-cli/2.15')]
    const rendered = renderIssue(token, incidents)
    expect(rendered.body).toContain(WITHHELD_LINE)
    expect(rendered.body).not.toContain('Winter2024')
    expect(rendered.body).toContain('aws-cli/2.15')
    expect(markedToken(rendered.body)).toBe('tok123')
    const tags = incidents.map((item) => incidentTag(item.id))
    expect(markedIncidents(rendered.body).sort()).toEqual([...tags].sort())
    expect([...rendered.tags].sort()).toEqual([...tags].sort())
  })

  it('is not written at all when a marker itself would be redacted', () => {
    registerSecret('tok-that-is-a-secret')
    expect(() => renderIssue({ ...token, canarytoken: 'tok-that-is-a-secret' }, [incident(3, 'curl/8')])).toThrow(/an issue marker holds a value registered as a secret/)
  })
})
