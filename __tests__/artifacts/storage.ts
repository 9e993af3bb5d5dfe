// Real artifact storage for end-to-end tests: Azurite (the Azure Storage
// emulator, blob service only, in memory) in a child process, and the results
// service stand-in in this process. Any e2e test of an operation that uploads
// uses it the same way:
//
//   const storage = await startArtifactStorage()      // beforeAll
//   runAction(inputs, { env: storage.env })           // the step gets the runner's artifact variables
//   await storage.readArtifact('lure.docx')           // the bytes Azurite holds
//   await storage.readZippedArtifact('lures')         // or the files in a zipped (several-file) artifact
//   await storage.stop()                              // afterAll (also on failure)
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { projectRoot } from '../../scripts/lib/run-action.mjs'
import { ResultsService } from './results-service.mjs'

export { ResultsService }

export interface ArtifactStorage {
  /** ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL, as the runner sets them for a step. */
  env: Record<string, string>
  /** The results service stand-in: its `artifacts`, `requests` and `injectFault`. */
  service: ResultsService
  /** The bytes Azurite holds for the artifact of this name. */
  readArtifact(name: string): Promise<Buffer>
  /** The files in a zipped artifact (one of several files), by their path in the zip. */
  readZippedArtifact(name: string): Promise<Map<string, Buffer>>
  /** Stops the service and Azurite; safe to call twice. */
  stop(): Promise<void>
}

const azuriteBin = join(projectRoot, 'node_modules', '.bin', 'azurite-blob')

/** Azurite processes still running, killed when this process exits however a test ended. */
const running = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL')
})

/** Starts Azurite on a free loopback port and resolves with its blob endpoint once it listens. */
async function startAzurite(folder: string): Promise<{ endpoint: string; child: ChildProcess }> {
  const child = spawn(
    azuriteBin,
    [
      '--blobHost', '127.0.0.1',
      '--blobPort', '0',
      '--inMemoryPersistence',
      '--extentMemoryLimit', '64',
      '--skipApiVersionCheck',
      '--disableTelemetry',
      '--silent'
    ],
    // In memory; the folder only catches anything Azurite writes to its working directory.
    { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] }
  )
  running.add(child)
  child.once('exit', () => running.delete(child))
  const output: string[] = []
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()))
  const lines = createInterface({ input: child.stdout! })
  try {
    const endpoint = await new Promise<string>((resolve, reject) => {
      lines.on('line', (line) => {
        output.push(line)
        const match = /successfully listens on (http:\/\/127\.0\.0\.1:\d+)/.exec(line)
        if (match?.[1]) resolve(match[1])
      })
      child.once('error', reject)
      child.once('exit', (code, signal) => reject(new Error(`Azurite exited (${signal ?? code}) before listening:\n${output.join('\n')}`)))
    })
    // Azurite must not keep the test process alive: if a suite forgets stop(), the process still
    // exits, and the exit hook above kills Azurite.
    lines.close()
    child.stdout?.resume()
    child.unref()
    for (const stream of [child.stdout, child.stderr]) (stream as unknown as { unref?: () => void } | null)?.unref?.()
    return { endpoint, child }
  } catch (error) {
    await stopChild(child)
    throw error
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  const forced = setTimeout(() => child.kill('SIGKILL'), 5000)
  await exited
  clearTimeout(forced)
}

export async function startArtifactStorage(): Promise<ArtifactStorage> {
  const folder = await mkdtemp(join(tmpdir(), 'canary-azurite-'))
  const { endpoint, child } = await startAzurite(folder)
  const service = new ResultsService({ blobEndpoint: endpoint })
  try {
    await service.start()
  } catch (error) {
    await stopChild(child)
    throw error
  }
  let stopped = false
  return {
    env: service.env,
    service,
    readArtifact: (name) => service.readArtifact(name),
    readZippedArtifact: (name) => service.readZippedArtifact(name),
    async stop() {
      if (stopped) return
      stopped = true
      await service.stop()
      await stopChild(child)
      await rm(folder, { recursive: true, force: true })
    }
  }
}
