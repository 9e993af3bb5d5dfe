import { afterEach, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  appendProfile,
  iniSections,
  iniValues,
  profileSections,
  removeCreatedFolders,
  removeProfile,
  sharedFilePaths
} from '../../src/publish/aws-shared-files.js'
import { tokenRecord } from '../../src/backends/console/records.js'
import { parseRunnerCanaryState } from '../../src/operations/runner-canary-state.js'
import type { Canarytoken } from '../../src/backends/console/canarytokens.js'

const folders: string[] = []
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })))
})
async function scratch(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'canary-aws-files-'))
  folders.push(folder)
  return folder
}

describe('where the AWS files are', () => {
  it('follows AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE, ~ expanded, else ~/.aws', () => {
    expect(sharedFilePaths({}, '/home/runner')).toEqual({ credentials: '/home/runner/.aws/credentials', config: '/home/runner/.aws/config' })
    expect(sharedFilePaths({ AWS_SHARED_CREDENTIALS_FILE: '~/creds', AWS_CONFIG_FILE: '/etc/aws/config' }, '/home/runner')).toEqual({
      credentials: '/home/runner/creds',
      config: '/etc/aws/config'
    })
  })
})

describe('INI sections', () => {
  const text = '# top\n[default]\na = 1\n  [ profile   prod ] ; note\nb=2\n[broken\n[x]'
  it('finds every header, spaces normalised, with byte offsets', () => {
    expect(iniSections(text).map((section) => [section.name, text.slice(section.start, section.end)])).toEqual([
      ['default', '[default]\na = 1\n'],
      ['profile prod', '  [ profile   prod ] ; note\nb=2\n[broken\n'],
      ['x', '[x]']
    ])
  })

  it('knows a profile by the name each file gives it', () => {
    expect(profileSections(text, 'config', 'prod').map((section) => section.name)).toEqual(['profile prod'])
    expect(profileSections(text, 'credentials', 'prod')).toEqual([])
    expect(profileSections(text, 'config', 'x').map((section) => section.name)).toEqual(['x'])
    expect(profileSections('[profile default]\n', 'config', 'default')).toHaveLength(1)
    expect(profileSections('[profile default]\n', 'credentials', 'default')).toHaveLength(0)
  })
})

describe('planting and removing a profile', () => {
  it.each([
    ['no trailing line end', '[a]\nk = v'],
    ['a trailing line end', '[a]\nk = v\n'],
    ['CRLF line ends', '[a]\r\nk = v\r\n'],
    ['an empty file', ''],
    ['bytes that are not UTF-8', '[a]\nk = \xff\xfe\n']
  ])('appends after %s and cuts back to the same bytes', async (_case, original) => {
    const path = join(await scratch(), 'credentials')
    const before = Buffer.from(original, 'latin1')
    await writeFile(path, before)
    const planted = await appendProfile(path, 'credentials', 'canary', ['aws_access_key_id = AKIA1'])
    const written = await readFile(path)
    expect(written.subarray(0, before.length)).toEqual(before)
    const newline = original.includes('\r\n') ? '\r\n' : '\n'
    expect(written.toString('latin1')).toMatch(new RegExp(`\\[canary\\]${newline}aws_access_key_id = AKIA1${newline}$`))
    expect(planted).toMatchObject({ createdFile: false, createdFolders: [], appendedBytes: written.length - before.length })
    expect(await removeProfile(planted, 'canary')).toEqual({ outcome: 'restored', deletedFile: false })
    expect(await readFile(path)).toEqual(before)
  })

  it('writes [profile name] to the config file, [default] for the default profile', async () => {
    const folder = await scratch()
    await appendProfile(join(folder, 'a'), 'config', 'ci', ['region = us-east-1'])
    await appendProfile(join(folder, 'b'), 'config', 'default', ['region = us-east-1'])
    expect(await readFile(join(folder, 'a'), 'utf8')).toBe('[profile ci]\nregion = us-east-1\n')
    expect(await readFile(join(folder, 'b'), 'utf8')).toBe('[default]\nregion = us-east-1\n')
  })

  it('refuses to append when the profile appeared meanwhile', async () => {
    const path = join(await scratch(), 'credentials')
    await writeFile(path, '[canary]\n')
    await expect(appendProfile(path, 'credentials', 'canary', [])).rejects.toThrow(/appeared .* nothing was written/)
    expect(await readFile(path, 'utf8')).toBe('[canary]\n')
  })

  it('creates missing folders 0700 and the file 0600, and takes them away again only when empty', async () => {
    const folder = await scratch()
    const path = join(folder, 'a', 'b', 'credentials')
    const planted = await appendProfile(path, 'credentials', 'canary', ['k = v'])
    expect(planted.createdFolders).toEqual([join(folder, 'a', 'b'), join(folder, 'a')])
    expect((await stat(join(folder, 'a'))).mode & 0o777).toBe(0o700)
    expect((await stat(path)).mode & 0o777).toBe(0o600)
    await writeFile(join(folder, 'a', 'other'), 'someone else')
    expect(await removeProfile(planted, 'canary')).toEqual({ outcome: 'restored', deletedFile: true })
    expect(await removeCreatedFolders(planted.createdFolders)).toEqual([join(folder, 'a', 'b')])
    expect(await readFile(join(folder, 'a', 'other'), 'utf8')).toBe('someone else')
  })

  it('cuts only its own section when the file changed after planting, and leaves a profile it did not write', async () => {
    const path = join(await scratch(), 'config')
    await writeFile(path, '[a]\nregion = eu-west-1\n')
    const planted = await appendProfile(path, 'config', 'canary', ['region = us-east-1'])
    await writeFile(path, `${await readFile(path, 'utf8')}[canary]\nregion = x\n[profile later]\nregion = y\n`)
    expect(await removeProfile(planted, 'canary')).toEqual({ outcome: 'profile-removed', deletedFile: false })
    expect(await readFile(path, 'utf8')).toBe('[a]\nregion = eu-west-1\n\n[canary]\nregion = x\n[profile later]\nregion = y\n')
  })

  it('says so when its profile is no longer there, and when the file is gone', async () => {
    const path = join(await scratch(), 'credentials')
    const planted = await appendProfile(path, 'credentials', 'canary', ['k = v'])
    await writeFile(path, '[other]\n')
    expect(await removeProfile(planted, 'canary')).toEqual({ outcome: 'not-found', deletedFile: false })
    expect(await readFile(path, 'utf8')).toBe('[other]\n')
    await rm(path)
    expect(await removeProfile(planted, 'canary')).toEqual({ outcome: 'not-found', deletedFile: false })
  })

  it('never removes a folder that holds something', async () => {
    const folder = await scratch()
    await mkdir(join(folder, 'a', 'b'), { recursive: true })
    await writeFile(join(folder, 'a', 'b', 'keep'), '')
    expect(await removeCreatedFolders([join(folder, 'a'), join(folder, 'a', 'b')])).toEqual([])
  })
})

describe("an aws-id token's keys", () => {
  const base = { canarytoken: 't', kind: 'aws-id', memo: 'm' } as Canarytoken
  it('come from access_key_id and secret_access_key, else from renders["aws-id"] (the reference shows both)', () => {
    expect(tokenRecord({ ...base, access_key_id: 'AKIA1', secret_access_key: 's1' }).awsKeys).toEqual({ accessKeyId: 'AKIA1', secretAccessKey: 's1' })
    expect(tokenRecord({ ...base, renders: { 'aws-id': '\n    [default]\n    aws_access_key_id = AKIA2\n    aws_secret_access_key = s2' } }).awsKeys).toEqual({
      accessKeyId: 'AKIA2',
      secretAccessKey: 's2'
    })
    expect(tokenRecord({ ...base, access_key_id: 'AKIA3' }).awsKeys).toBeUndefined()
  })
})

describe('the state passed to the post step', () => {
  const file = { role: 'credentials', path: '/h/.aws/credentials', createdFile: true, createdFolders: ['/h/.aws'], appendedBytes: 10, appendedSha256: 'a'.repeat(64) }
  const state = { version: 1, canarytoken: 't', memo: 'm', profile: 'p', check: true, remove: true, onConsoleError: 'warn', triggeredBefore: 0, files: [file] }
  it('parses what plant-runner-canaries writes', () => {
    expect(parseRunnerCanaryState(JSON.stringify(state))).toEqual(state)
  })
  it.each([
    ['not JSON', 'nope'],
    ['a relative path', JSON.stringify({ ...state, files: [{ ...file, path: 'x' }] })],
    ['another version', JSON.stringify({ ...state, version: 2 })],
    ['no token', JSON.stringify({ ...state, canarytoken: '' })]
  ])('refuses %s', (_case, text) => {
    expect(() => parseRunnerCanaryState(text)).toThrow(/state the main step saved/)
  })
})

describe('iniValues: key = value lines of a section, as botocore reads them', () => {
  const valuesOf = (lines: string[]) => {
    const text = `[p]\n${lines.join('\n')}\n[next]\nnot = this\n`
    return iniValues(text, iniSections(text)[0]!)
  }

  it('takes the key before the first = or :, both without the blanks around them, the first value of a key winning', () => {
    expect(valuesOf(['a=b', '  c = d  ', 'e:f', 'g\t=\th\t', 'i = j = k', 'l: m = n', 'o p = q r ', 'a = second', 'empty ='])).toEqual({
      a: 'b',
      c: 'd',
      e: 'f',
      g: 'h',
      i: 'j = k',
      l: 'm = n',
      'o p': 'q r',
      empty: ''
    })
  })

  it('skips blank lines, comments, lines without = or : and lines that start with one', () => {
    expect(valuesOf(['', '   ', '# c = d', '; e = f', '=g', ':h', 'just a word', '\u00a0nbsp = x'])).toEqual({})
  })

  it('reads a line of 200,000 blanks after a key and inside a value as any other (a lazy expression took 39 s on it)', () => {
    const spaces = ' '.repeat(200_000)
    expect(valuesOf([`a${spaces}b`, `c =${spaces}x${spaces}y${spaces}`])).toEqual({ c: `x${spaces}y` })
  })
})
