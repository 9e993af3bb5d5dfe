// ncc copies declaration-less build artefacts we do not ship; keep dist/ (and dist/post/) to what runs.
import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const dist = new URL('../dist/', import.meta.url).pathname
for (const folder of [dist, join(dist, 'post')]) {
  for (const entry of readdirSync(folder)) {
    if (entry.endsWith('.d.ts') || entry.endsWith('.map')) rmSync(join(folder, entry), { recursive: true, force: true })
  }
}
