// The shell of .github/workflows/release.yml, run here in a scratch git
// repository with a stand-in `gh` that records its calls: which tags are
// refused, what the release's notes are, and where the major tag goes.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile, execFileSync } from 'node:child_process'
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { changelogSection } from '../../scripts/changelog-section.mjs'

const root = new URL('../../', import.meta.url)
const release = parse(await readFile(new URL('.github/workflows/release.yml', root), 'utf8')) as {
  on: { push: { tags: string[] } }
  jobs: Record<string, { steps: { name?: string; run?: string }[]; permissions?: Record<string, string> }>
}
const script = (job: string, name: string) => {
  const run = release.jobs[job]!.steps.find((step) => step.name?.startsWith(name))?.run
  if (!run) throw new Error(`release.yml has no step '${name}' in job ${job}`)
  return run
}

let scratch = ''
let repo = ''
let bin = ''
let ghLog = ''
let mainSha = ''
let sideSha = ''

const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } }).trim()

function runStep(run: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      'bash',
      ['--noprofile', '--norc', '-eo', 'pipefail', '-c', run],
      { cwd: repo, env: { PATH: `${bin}:${process.env.PATH ?? ''}`, HOME: scratch, RUNNER_TEMP: scratch, GITHUB_REPOSITORY: 'octo-org/canary-console-action', GH_LOG: ghLog, ...env } },
      (error, stdout, stderr) => done({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout, stderr })
    )
  })
}

const ghCalls = async () => (await readFile(ghLog, 'utf8')).split('\n').filter(Boolean)

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'release-workflow-'))
  repo = join(scratch, 'repo')
  bin = join(scratch, 'bin')
  ghLog = join(scratch, 'gh.log')
  await mkdir(join(repo, 'scripts'), { recursive: true })
  await mkdir(bin)
  await copyFile(new URL('scripts/changelog-section.mjs', root), join(repo, 'scripts', 'changelog-section.mjs'))
  await copyFile(new URL('CHANGELOG.md', root), join(repo, 'CHANGELOG.md'))
  await writeFile(join(repo, 'package.json'), JSON.stringify({ name: 'canary-console-action', version: '1.0.0' }))
  // Records each call; `gh api .../git/ref/tags/<major>` answers as if the major tag exists when GH_MAJOR_EXISTS=1.
  await writeFile(
    join(bin, 'gh'),
    '#!/usr/bin/env bash\nprintf "%s\\n" "$*" >>"$GH_LOG"\nif [ "$1" = release ]; then cp "${@: -1}" "$GH_LOG.notes"; fi\nif [ "$1 $2" = "api repos/$GITHUB_REPOSITORY/git/ref/tags/v1" ] && [ "${GH_MAJOR_EXISTS:-0}" != 1 ]; then exit 1; fi\nexit 0\n'
  )
  await chmod(join(bin, 'gh'), 0o755)
  execFileSync('git', ['init', '-q', '-b', 'main', repo])
  git('-c', 'user.name=t', '-c', 'user.email=t@t', 'add', '.')
  git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'release 1.0.0')
  mainSha = git('rev-parse', 'HEAD')
  git('update-ref', 'refs/remotes/origin/main', mainSha)
  git('tag', 'v1.0.0')
  git('switch', '-q', '-c', 'side')
  git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '--allow-empty', '-m', 'not merged')
  sideSha = git('rev-parse', 'HEAD')
  git('switch', '-q', 'main')
})

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true })
})

describe('release.yml', () => {
  const verify = () => script('verify', 'The tag names')

  it('runs on vX.Y.Z tags only, and only its publish job may write', () => {
    expect(release.on.push.tags).toEqual(['v[0-9]+.[0-9]+.[0-9]+'])
    expect(release.jobs.publish!.permissions).toEqual({ contents: 'write' })
    expect(release.jobs.verify!.permissions).toBeUndefined()
  })

  it("releases a tag that names package.json's version on main, with a changelog section", async () => {
    const run = await runStep(verify(), { TAG: 'v1.0.0', GITHUB_SHA: mainSha })
    expect([run.code, run.stdout + run.stderr]).toEqual([0, ''])
  })

  it('refuses a tag that does not match package.json', async () => {
    const run = await runStep(verify(), { TAG: 'v1.0.1', GITHUB_SHA: mainSha })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain("::error::Tag v1.0.1 does not match package.json's version 1.0.0.")
  })

  it('refuses a commit that is not on main', async () => {
    const run = await runStep(verify(), { TAG: 'v1.0.0', GITHUB_SHA: sideSha })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('::error::Tag v1.0.0 is not on main')
  })

  it('refuses a version without changelog notes', async () => {
    await writeFile(join(repo, 'package.json'), JSON.stringify({ version: '1.0.9' }))
    try {
      const run = await runStep(verify(), { TAG: 'v1.0.9', GITHUB_SHA: mainSha })
      expect(run.code).toBe(1)
      expect(run.stderr).toContain("CHANGELOG.md has no section '## [1.0.9]")
    } finally {
      await writeFile(join(repo, 'package.json'), JSON.stringify({ version: '1.0.0' }))
    }
  })

  it("creates the release with the changelog's section as its notes", async () => {
    await writeFile(ghLog, '')
    const run = await runStep(script('publish', 'Create the release'), { TAG: 'v1.0.0' })
    expect(run.code).toBe(0)
    expect(await ghCalls()).toEqual([`release create v1.0.0 --verify-tag --title v1.0.0 --notes-file ${scratch}/notes.md`])
    const changelog = await readFile(new URL('CHANGELOG.md', root), 'utf8')
    expect(await readFile(`${ghLog}.notes`, 'utf8')).toBe(`${changelogSection(changelog, '1.0.0')}\n`)
  })

  it('creates the major tag the first time, and moves it after', async () => {
    const move = script('publish', 'Move the major tag')
    const lookup = 'api repos/octo-org/canary-console-action/git/ref/tags/v1 --silent'
    await writeFile(ghLog, '')
    expect((await runStep(move, { TAG: 'v1.0.0', GITHUB_SHA: mainSha })).code).toBe(0)
    expect(await ghCalls()).toEqual([lookup, `api --method POST repos/octo-org/canary-console-action/git/refs -f ref=refs/tags/v1 -f sha=${mainSha} --silent`])

    await writeFile(ghLog, '')
    expect((await runStep(move, { TAG: 'v1.0.0', GITHUB_SHA: mainSha, GH_MAJOR_EXISTS: '1' })).code).toBe(0)
    expect(await ghCalls()).toEqual([lookup, `api --method PATCH repos/octo-org/canary-console-action/git/refs/tags/v1 -f sha=${mainSha} -F force=true --silent`])
  })

  it('leaves the major tag on a newer release when an older line is patched', async () => {
    git('tag', 'v1.1.0')
    try {
      await writeFile(ghLog, '')
      const run = await runStep(script('publish', 'Move the major tag'), { TAG: 'v1.0.0', GITHUB_SHA: mainSha, GH_MAJOR_EXISTS: '1' })
      expect(run.code).toBe(0)
      expect(run.stdout).toContain('::notice::v1 stays on v1.1.0, which is newer than v1.0.0.')
      expect(await ghCalls()).toEqual([])
    } finally {
      git('tag', '-d', 'v1.1.0')
    }
  })
})
