import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtemp, readdir, readFile, rm, symlink, mkdir, writeFile, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { checkUserFilename, checkWritableTarget, readableFileInside, resolveInside, safeFilename, unwritableTarget, writeFileAtomically } from '../../src/publish/files.js'
import { InputError } from '../../src/errors.js'

describe('safeFilename', () => {
  it.each([
    ['report.docx', 'report.docx'],
    ['../../etc/passwd', 'passwd'],
    ['/etc/cron.d/evil', 'evil'],
    ['..\\..\\windows\\evil.exe', 'evil.exe'],
    ['.bashrc', 'bashrc'],
    ['..', 'fallback'],
    ['', 'fallback'],
    ['a\u0000b\nc.txt', 'a_b_c.txt'],
    ['weird;name$(x).pdf', 'weird_name_(x).pdf'],
    ['wg0.conf', 'wg0.conf'],
    ['Pässwörter.docx', 'Pässwörter.docx'],
    ['Pa\u0308sswo\u0308rter.docx', 'Pa\u0308sswo\u0308rter.docx'],
    ['パスワード.xlsx', 'パスワード.xlsx'],
    ['evil\u202Excod.exe', 'evil_xcod.exe'],
    ['a\u2028b\u00A0c.txt', 'a_b_c.txt'],
    ['-rf.txt', 'rf.txt'],
    ['😀.txt', '_.txt']
  ])('makes %p safe as %p', (input, expected) => {
    expect(safeFilename(input, 'fallback')).toBe(expected)
  })

  it('uses the fallback when the server gives no name', () => {
    expect(safeFilename(undefined, 'canarytoken-abc')).toBe('canarytoken-abc')
  })

  it('bounds the length in UTF-8 bytes, cut between characters', () => {
    const name = safeFilename(`${'ö'.repeat(300)}.docx`, 'x')
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(200)
    expect(name).toBe(`${'ö'.repeat(97)}.docx`)
  })

  it('bounds the length and keeps the extension', () => {
    const name = safeFilename(`${'a'.repeat(500)}.docx`, 'x')
    expect(name.length).toBe(200)
    expect(name.endsWith('.docx')).toBe(true)
  })
})

describe('checkUserFilename', () => {
  it('accepts plain names, in any script', () => {
    expect(checkUserFilename('Passwords.docx', 'filename')).toBe('Passwords.docx')
    expect(checkUserFilename('Pässwörter.docx', 'filename')).toBe('Pässwörter.docx')
    expect(checkUserFilename('Mot de passe (2024).docx', 'filename')).toBe('Mot de passe (2024).docx')
  })
  it.each(['../x', 'a/b', '.hidden', 'a\\b', '..', '-rf', 'a\u202Eb', 'a\nb', 'ö'.repeat(101)])('refuses %p', (name) => {
    expect(() => checkUserFilename(name, 'filename')).toThrow(InputError)
  })
})

describe('paths inside a root', () => {
  let root: string
  let outside: string
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'ws-'))
    outside = await mkdtemp(join(tmpdir(), 'outside-'))
  })
  afterEach(async () => {
    await rm(root, { recursive: true, force: true })
    await rm(outside, { recursive: true, force: true })
  })

  it('resolves relative paths and new folders inside the root', async () => {
    expect(await resolveInside(root, 'out/tokens', 'path')).toBe(join(root, 'out/tokens'))
    expect(await resolveInside(root, '.', 'path')).toBe(root)
  })

  it('refuses ../, absolute paths elsewhere and symlinks out', async () => {
    await expect(resolveInside(root, '../x', 'path')).rejects.toThrow(/must point inside/)
    await expect(resolveInside(root, outside, 'path')).rejects.toThrow(/must point inside/)
    await symlink(outside, join(root, 'link'))
    await expect(resolveInside(root, 'link/deeper', 'path')).rejects.toThrow(/must point inside/)
  })

  it('refuses a symlink at a target file, dangling or not, and anything but a regular file', async () => {
    await writeFile(join(root, 'real.txt'), 'x')
    await symlink('nowhere.txt', join(root, 'dangling.txt'))
    await symlink(join(root, 'real.txt'), join(root, 'inside.txt'))
    await symlink(join(outside, 'x.txt'), join(root, 'out.txt'))
    await mkdir(join(root, 'folder'))
    expect(await unwritableTarget(join(root, 'real.txt'))).toBeUndefined()
    expect(await unwritableTarget(join(root, 'new.txt'))).toBeUndefined()
    for (const link of ['dangling.txt', 'inside.txt', 'out.txt']) expect(await unwritableTarget(join(root, link))).toMatch(/^is a symbolic link/)
    expect(await unwritableTarget(join(root, 'folder'))).toBe('is a folder, not a file')
    await expect(checkWritableTarget(join(root, 'dangling.txt'), 'dangling.txt', 'filename')).rejects.toThrow(
      "Input 'filename': 'dangling.txt' is a symbolic link; name the file itself (a link is never written through or replaced)."
    )
  })

  it('reads only regular files of bounded size', async () => {
    await writeFile(join(root, 'img.png'), Buffer.alloc(10))
    await mkdir(join(root, 'dir'))
    expect(await readableFileInside(root, 'img.png', 'web-image', 100)).toBe(join(root, 'img.png'))
    await expect(readableFileInside(root, 'missing.png', 'web-image', 100)).rejects.toThrow(/cannot read 'missing.png'/)
    await expect(readableFileInside(root, 'dir', 'web-image', 100)).rejects.toThrow(/is not a file/)
    await expect(readableFileInside(root, 'img.png', 'web-image', 5)).rejects.toThrow(/10 bytes; at most 5/)
  })

  it('writes atomically and leaves nothing behind when the stream breaks', async () => {
    const written = await writeFileAtomically(join(root, 'out'), 'a.txt', Buffer.from('hello'))
    expect(await readFile(written, 'utf8')).toBe('hello')
    const broken = new Readable({
      read() {
        this.push('partial')
        this.destroy(new Error('connection reset'))
      }
    })
    await expect(writeFileAtomically(join(root, 'out'), 'b.txt', broken)).rejects.toThrow('connection reset')
    expect(await readdir(join(root, 'out'))).toEqual(['a.txt'])
  })

  it('writes credentials readable by the owner only', async () => {
    const written = await writeFileAtomically(root, 'credentials', Buffer.from('x'), { private: true })
    expect((await stat(written)).mode & 0o777).toBe(0o600)
  })
})
