import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import * as realFs from 'node:fs'
import * as realFsPromises from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'

/** What reached the disk, in order: each file's sync (or its stream's flush on close) and each rename. */
const events: string[] = []

jest.unstable_mockModule('node:fs/promises', () => ({
  ...realFsPromises,
  open: async (...args: Parameters<typeof realFsPromises.open>) => {
    const handle = await realFsPromises.open(...args)
    const sync = handle.sync.bind(handle)
    handle.sync = async () => {
      events.push('sync')
      return sync()
    }
    return handle
  },
  rename: async (from: string, to: string) => {
    events.push(`rename ${to.slice(to.lastIndexOf('/') + 1)}`)
    return realFsPromises.rename(from, to)
  }
}))
jest.unstable_mockModule('node:fs', () => ({
  ...realFs,
  createWriteStream: (path: string, options: { flush?: boolean }) => {
    events.push(`stream flush=${String(options.flush)}`)
    return realFs.createWriteStream(path, options as Parameters<typeof realFs.createWriteStream>[1])
  }
}))

const { writeFileAtomically } = await import('../../src/publish/files.js')

let root: string
beforeAll(async () => {
  root = await realFsPromises.mkdtemp(join(tmpdir(), 'canary-durable-'))
})
afterAll(async () => {
  await realFsPromises.rm(root, { recursive: true, force: true })
})

describe('writeFileAtomically puts the bytes on disk before the name', () => {
  it('syncs a file written through its handle before renaming it into place', async () => {
    events.length = 0
    const written = await writeFileAtomically(root, 'tokens.json', async (file) => {
      events.push('write')
      await file.write('[]')
    })
    expect(events).toEqual(['write', 'sync', 'rename tokens.json'])
    expect(await realFsPromises.readFile(written, 'utf8')).toBe('[]')
  })

  it('flushes a streamed file on close before renaming it into place', async () => {
    events.length = 0
    const written = await writeFileAtomically(root, 'token.docx', Readable.from([Buffer.from('bytes')]))
    expect(events).toEqual(['stream flush=true', 'rename token.docx'])
    expect(await realFsPromises.readFile(written, 'utf8')).toBe('bytes')
  })

  it('neither syncs nor renames a file whose writer failed', async () => {
    events.length = 0
    await expect(
      writeFileAtomically(root, 'broken.json', async () => {
        throw new Error('page 3 failed')
      })
    ).rejects.toThrow('page 3 failed')
    expect(events).toEqual([])
    expect(await realFsPromises.readdir(root)).not.toContain('broken.json')
  })
})
