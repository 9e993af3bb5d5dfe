import { describe, expect, it } from '@jest/globals'
import { renderMemo, runContext } from '../../src/operations/memo-template.js'

const env = {
  GITHUB_REPOSITORY: 'octo-org/octo-repo',
  GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_REF_NAME: 'main',
  GITHUB_WORKFLOW: 'release',
  GITHUB_JOB: 'build',
  GITHUB_RUN_ID: '4242',
  GITHUB_RUN_NUMBER: '17',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_ACTOR: 'octocat',
  GITHUB_EVENT_NAME: 'push',
  CANARY_ENVIRONMENT: 'production'
}

describe('memo templates', () => {
  const context = runContext(env, new Date('2024-05-31T23:59:59Z'))

  it('fills every placeholder from the run, the date in UTC', () => {
    const memo = renderMemo(
      '{repository}|{sha}|{short_sha}|{ref}|{ref_name}|{workflow}|{job}|{run_id}|{run_number}|{run_attempt}|{actor}|{event}|{environment}|{date}',
      context,
      "Input 'memo'"
    )
    expect(memo).toBe(
      'octo-org/octo-repo|0123456789abcdef0123456789abcdef01234567|0123456|refs/heads/main|main|release|build|4242|17|2|octocat|push|production|2024-05-31'
    )
  })

  it('leaves other braces alone', () => {
    expect(renderMemo('{"a": 1} { run_id } {run_id}', context, "Input 'memo'")).toBe('{"a": 1} { run_id } 4242')
    expect(renderMemo('{a-b} {-} {run_id}', context, "Input 'memo'")).toBe('{a-b} {-} 4242')
  })

  it('refuses a placeholder written with hyphens, which would stay in the memo as text', () => {
    expect(() => renderMemo('{repository}@{short-sha}', context, "Input 'memo'")).toThrow(/^Input 'memo' uses the unknown placeholder \{short-sha\} \(did you mean \{short_sha\}\?\); known:/)
  })

  it('names every unknown placeholder, each with the one it may have meant', () => {
    expect(() => renderMemo('{repo} {branch} {sha}', context, "Input 'memo'")).toThrow(
      /^Input 'memo' uses the unknown placeholders \{repo\} \(did you mean \{repository\}\?\), \{branch\}; known: \{repository\}/
    )
  })

  it.each([
    ['{Repository}', '{repository}'],
    ['{short-sha}', '{short_sha}'],
    ['{run}', '{run_id}, {run_number} or {run_attempt}'],
    ['{env}', '{environment}'],
    ['{evnet}', '{event}']
  ])('suggests what %s may have meant: %s', (template, meant) => {
    expect(() => renderMemo(template, context, "Input 'memo'")).toThrow(`uses the unknown placeholder ${template} (did you mean ${meant}?); known:`)
  })

  it('refuses a placeholder this run has no value for', () => {
    expect(() => renderMemo('{environment}', runContext({}), "Input 'memo'")).toThrow(
      "Input 'memo' uses {environment}, but this run has no value for it: CANARY_ENVIRONMENT is not set (set CANARY_ENVIRONMENT in the step's env, e.g. to the job's environment name)."
    )
  })
})
