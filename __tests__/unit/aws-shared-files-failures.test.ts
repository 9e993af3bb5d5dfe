import { afterEach, describe, expect, it, jest } from '@jest/globals'
import type { FileHandle } from 'node:fs/promises'

// The real fs, but with `full` set every write stores half its bytes, then fails as a full disk does.
const real = await import('node:fs/promises')
let full = false
const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
const half = (data: unknown): Buffer => {
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(String(data), 'latin1')
  return bytes.subarray(0, Math.floor(bytes.length / 2))
}
jest.unstable_mockModule('node:fs/promises', () => ({
  ...real,
  default: real,
  writeFile: async (...args: Parameters<typeof real.writeFile>) => {
    if (!full) return real.writeFile(...args)
    await real.writeFile(args[0], half(args[1]), args[2])
    throw enospc()
  },
  appendFile: async (...args: Parameters<typeof real.appendFile>) => {
    if (!full) return real.appendFile(...args)
    await real.appendFile(args[0], half(args[1]))
    throw enospc()
  },
  open: async (...args: Parameters<typeof real.open>) => {
    const handle = await real.open(...args)
    return new Proxy(handle, {
      get(target, property) {
        if (property === 'writeFile' && full) {
          return async (data: unknown) => {
            await target.writeFile(half(data))
            throw enospc()
          }
        }
        const value = Reflect.get(target, property) as unknown
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value
      }
    }) as FileHandle
  }
}))
const { chmod, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } = real
const { tmpdir } = await import('node:os')
const { join } = await import('node:path')
const { appendProfile, removeProfile } = await import('../../src/publish/aws-shared-files.js')

const folders: string[] = []
afterEach(async () => {
  full = false
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })))
})
async function scratch(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'canary-aws-files-failures-'))
  folders.push(folder)
  return folder
}
const KEYS = ['aws_access_key_id = AKIAEXAMPLE', 'aws_secret_access_key = secretsecretsecret']

describe('a profile write that fails half way (a full disk) leaves every file as it was', () => {
  it('an existing file loses the half block again: no broken section for the AWS CLI to choke on', async () => {
    const path = join(await scratch(), 'credentials')
    const before = '[prod]\naws_access_key_id = AKIAPROD\naws_secret_access_key = prodsecret\n'
    await writeFile(path, before, { mode: 0o600 })
    full = true
    await expect(appendProfile(path, 'credentials', 'ci-canary', KEYS)).rejects.toThrow('ENOSPC')
    expect(await readFile(path, 'latin1')).toBe(before)
  })

  it('a file it created is deleted again, and so are the folders it made for it', async () => {
    const root = await scratch()
    const path = join(root, '.aws', 'nested', 'config')
    full = true
    await expect(appendProfile(path, 'config', 'ci-canary', ['region = us-east-1'])).rejects.toThrow('ENOSPC')
    expect(await readdir(root)).toEqual([])
  })
})

describe('the post step cutting its profile out of a file that changed meanwhile', () => {
  const LATER = '[profile later]\nregion = y\n'
  async function planted() {
    const folder = await scratch()
    const path = join(folder, 'config')
    await writeFile(path, '[a]\nregion = eu-west-1\n')
    await chmod(path, 0o640)
    const file = await appendProfile(path, 'config', 'canary', ['region = us-east-1'])
    // A later step of the job added a profile of its own after ours.
    await real.appendFile(path, LATER)
    return { folder, path, file, changed: await readFile(path, 'latin1') }
  }

  it('on a full disk leaves the file whole (as the later step left it), never half of it', async () => {
    const { folder, path, file, changed } = await planted()
    full = true
    await expect(removeProfile(file, 'canary')).rejects.toThrow('ENOSPC')
    full = false
    expect(await readFile(path, 'latin1')).toBe(changed)
    expect(await readdir(folder)).toEqual(['config'])
  })

  it('keeps the mode, and writes through a symlink to the file it points to, leaving the link', async () => {
    const { folder, path, file } = await planted()
    const link = join(folder, 'link')
    await symlink(path, link)
    expect(await removeProfile({ ...file, path: link }, 'canary')).toEqual({ outcome: 'profile-removed', deletedFile: false })
    expect(await readFile(path, 'latin1')).toBe(`[a]\nregion = eu-west-1\n\n${LATER}`)
    expect((await real.lstat(link)).isSymbolicLink()).toBe(true)
    expect((await stat(path)).mode & 0o777).toBe(0o640)
    expect((await readdir(folder)).sort()).toEqual(['config', 'link'])
  })
})
