// ncc copies declaration-less build artefacts we do not ship; keep dist/ to what runs.
import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const dist = new URL('../dist/', import.meta.url).pathname
for (const entry of readdirSync(dist)) {
  if (entry.endsWith('.d.ts') || entry.endsWith('.map')) rmSync(join(dist, entry), { recursive: true, force: true })
}
