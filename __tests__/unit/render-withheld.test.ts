import { describe, expect, it, jest } from '@jest/globals'
import * as core from '../../__fixtures__/core.js'

jest.unstable_mockModule('@actions/core', () => core)

const { registerSecret, WITHHELD_LINE } = await import('../../src/secrets.js')
const { issueTitle, renderComment, renderIssue } = await import('../../src/github/render.js')
const { incidentRow } = await import('../../src/operations/incidents.js')
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

describe('a secret in a field from outside is hidden whole, before the field is cut short or escaped', () => {
  const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY9'
  const PIPED = 'pass|word-secret-4711'
  registerSecret(SECRET)
  registerSecret(PIPED)
  /** No 8 characters in a row of either secret (the shortest value masked) are left. */
  const expectNoPiece = (text: string) => {
    for (const secret of [SECRET, PIPED, PIPED.replace('|', '\\|')]) for (let at = 0; at + 8 <= secret.length; at++) expect(text).not.toContain(secret.slice(at, at + 8))
  }

  it('a user agent cut at the table limit (300) across the secret', () => {
    const body = renderComment([incident(4, `${'x'.repeat(280)}${SECRET}`)]).body
    expect(body).toContain('x'.repeat(280))
    expectNoPiece(body)
  })

  it('a memo cut in the title, and a memo with a `|` escaped in the table', () => {
    expectNoPiece(issueTitle({ ...token, memo: `${'m'.repeat(150)}${SECRET}` }))
    expectNoPiece(renderIssue({ ...token, memo: `deploy ${PIPED}` }, [incident(5, 'curl/8')]).body)
    expectNoPiece(renderComment([incident(6, `ua ${PIPED}`)]).body)
  })

  it('a summary row of a memo or user agent cut at 120', () => {
    const row = incidentRow({ created: '', canarytoken: 't', memo: `${'m'.repeat(100)}${SECRET}`, kind: 'aws-id', src_host: '', event: '', user_agent: `${'u'.repeat(110)}${SECRET}`, acknowledged: false } as never)
    expectNoPiece(row.join(' '))
  })
})
