import { lstat, readFile, rm } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import type { CanarytokenBackend, TokenRecord } from '../backends/types.js'
import { errorMessage as reason } from '../errors.js'
import { booleanInput, chosenBackend, requireAlertTarget } from '../inputs.js'
import { refuseReuseOnServer } from './canarytokens.js'
import { writeFileAtomically } from '../publish/files.js'
import { writeTokenList } from '../publish/tokens-file.js'
import { findSecretValues, registerCredentialText, registerSecret } from '../secrets.js'
import { concurrencyInput, mapWithConcurrency } from './bounded-pool.js'
import { counted } from './outcomes.js'
import { createOrReuse, type MadeToken } from './reuse.js'
import { parseArtifactOptions, saveDownload, type FileOptions } from './file-options.js'
import { kindRuleOn } from './kinds.js'
import { nearMiss } from '../near-miss.js'
import { withoutFullStops } from '../text.js'
import { runContext } from './memo-template.js'
import { readManifest, TEMPLATE_PLACEHOLDER, type SeedEntry, type SeedManifest, type TemplateFile } from './seed-manifest.js'
import { EVERY_BACKEND, defineOperation, type Log, type OperationContext, type OperationResult } from './types.js'

interface SeedParams {
  manifest: SeedManifest
  reuse: boolean
  keepOnFailure: boolean
  concurrency: number
  artifact: FileOptions['artifact']
}

type Outcome = 'created' | 'reused' | 'failed' | 'not run'

/** What a rollback did to an entry's token: a second fact about the row, never a replacement for its outcome. */
type Rollback = 'deleted again' | 'already deleted' | 'not deleted'

interface EntryState {
  entry: SeedEntry
  made?: MadeToken
  outcome: Outcome
  /** Why the entry failed (its create, its file or a template it fills). */
  message: string
  rollback?: Rollback
  /** Why the rollback could not delete the token. */
  rollbackMessage?: string
}

/** Marks an entry failed with its reason; the first reason stays (a later one is usually a consequence). */
function markFailed(state: EntryState, message: string): void {
  if (state.outcome === 'failed') return
  state.outcome = 'failed'
  state.message = message
}

/** A file this run wrote, with what was there before, so a rollback can put it back. */
interface Written {
  path: string
  previous?: Buffer
  /** Which entry (or template) it belongs to, for messages. */
  owner: string
  /** Owner-only: credentials, or a file that was owner-only before (what a restore writes back). */
  private: boolean
  /** The secret fields a template received: the filled file is owner-only for them. */
  secretFields?: string[]
}

/** What was at `path` before we write there: its bytes, or nothing. Refuses anything but a regular file. */
async function previousContent(path: string): Promise<Buffer | undefined> {
  const info = await lstat(path).catch(() => undefined)
  if (!info) return undefined
  if (!info.isFile()) throw new Error(`${path} exists and is not a regular file; not overwriting it`)
  return readFile(path)
}

/** Writes an entry's file: aws-id credentials from the token itself, other kinds downloaded. */
async function writeEntryFile(backend: CanarytokenBackend, entry: SeedEntry, token: TokenRecord): Promise<Written> {
  const path = entry.file as string
  const previous = await previousContent(path)
  const options: FileOptions = { directory: dirname(path), filename: basename(path) }
  const credentials = kindRuleOn(entry.kind, backend.name).credentials === true
  const rendered = token.kind === 'aws-id' ? token.renders?.['aws-id'] : undefined
  if (rendered) {
    // Masked before it is on disk, where a later step could print it.
    registerCredentialText(rendered)
    await writeFileAtomically(options.directory, options.filename as string, Buffer.from(rendered, 'utf8'), { private: true })
  } else {
    await saveDownload(await backend.download(token), options, `canarytoken-${token.id}`, credentials)
  }
  return { path, previous, owner: `entry '${entry.name}'`, private: credentials }
}

/** A token field as template text, and whether it is a secret (masked first). */
function fieldText(token: TokenRecord, field: string): { text: string; secret: boolean } | undefined {
  const text = token.fieldValues[field]
  if (text === undefined) return undefined
  const secret = findSecretValues({ [field]: text }).length > 0
  if (secret) registerSecret(text)
  return { text, secret }
}

/** Line breaks (U+2028 and U+2029 too) and other control characters: no field value a template takes holds one. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/

/** Fills every `{{ canarytoken.<name>.<field> }}` of a template and writes it back in place, atomically. */
async function fillTemplate(template: TemplateFile, tokens: ReadonlyMap<string, TokenRecord>): Promise<Written> {
  const problems: string[] = []
  const secretFields = new Set<string>()
  const filled = template.content.replace(TEMPLATE_PLACEHOLDER, (text, name: string, field: string) => {
    const token = tokens.get(name)
    const value = token ? fieldText(token, field) : undefined
    if (value === undefined) {
      const meant = token ? nearMiss(field, Object.keys(token.fieldValues)) : undefined
      problems.push(token ? `the ${token.kind} Canarytoken of entry '${name}' has no field '${field}'${meant ? ` (did you mean '${meant}'?)` : ''}` : `entry '${name}' has no Canarytoken`)
      return text
    }
    if (CONTROL.test(value.text)) {
      problems.push(`the '${field}' of the ${token!.kind} Canarytoken of entry '${name}' holds a line break or another control character, which would add lines of the server's choosing to the file; a template gets one line of text`)
      return text
    }
    if (value.secret) secretFields.add(field)
    return value.text
  })
  if (problems.length > 0) throw new Error(`template ${template.shown}: ${[...new Set(problems)].join('; ')}`)
  const previous = Buffer.from(template.content, 'utf8')
  // A file that now holds a secret field is owner-only (0600); a template that was owner-only stays so.
  const wasOwnerOnly = ((await lstat(template.path)).mode & 0o077) === 0
  const ownerOnly = wasOwnerOnly || secretFields.size > 0
  await writeFileAtomically(dirname(template.path), basename(template.path), Buffer.from(filled, 'utf8'), { private: ownerOnly })
  return { path: template.path, previous, owner: `template ${template.shown}`, private: wasOwnerOnly, secretFields: [...secretFields] }
}

/** Puts back what this run changed on disk; says what it could not. */
async function restoreFiles(written: Written[], log: Log): Promise<string[]> {
  const problems: string[] = []
  for (const file of written) {
    try {
      if (file.previous) await writeFileAtomically(dirname(file.path), basename(file.path), file.previous, { private: file.private })
      else await rm(file.path, { force: true })
      log.info(`${file.previous ? 'Restored' : 'Removed'} ${file.path} (${file.owner}).`)
    } catch (error) {
      problems.push(`${file.path} (${file.owner}) could not be ${file.previous ? 'restored' : 'removed'}: ${reason(error)}`)
    }
  }
  return problems
}

/** Deletes the tokens this run minted; a token that could not be deleted is named, never hidden. */
async function deleteMinted(states: EntryState[], concurrency: number, context: OperationContext): Promise<string[]> {
  const minted = states.filter((state) => state.made && !state.made.reused)
  const problems: string[] = []
  await mapWithConcurrency(minted, concurrency, async (state) => {
    const id = (state.made as MadeToken).token.id
    try {
      const { alreadyDone } = await context.backend.delete({ id, manageAuth: (state.made as MadeToken).token.manageAuth })
      state.rollback = alreadyDone ? 'already deleted' : 'deleted again'
      context.log.info(`Deleted ${id} (entry '${state.entry.name}') again.`)
    } catch (error) {
      state.rollback = 'not deleted'
      state.rollbackMessage = reason(error)
      problems.push(`Canarytoken ${id} (entry '${state.entry.name}') is left on the Console: it could not be deleted (${reason(error)}); delete it with delete-canarytoken`)
    }
  })
  return problems
}

/** The row's outcome, then what a rollback did to its token: "failed: <why>; deleted again (rollback)". */
function outcomeText(state: EntryState): string {
  const outcome = state.message ? `${state.outcome}: ${state.message}` : state.outcome
  switch (state.rollback) {
    case 'deleted again':
      return `${outcome}; deleted again (rollback)`
    case 'already deleted':
      return `${outcome}; deleted again (rollback; an earlier attempt had already deleted it)`
    case 'not deleted':
      return `${outcome}; rollback could not delete it: ${state.rollbackMessage ?? 'unknown reason'}`
    default:
      return outcome
  }
}

async function seedResult(
  params: SeedParams,
  context: OperationContext,
  states: EntryState[],
  notes: string[],
  failure?: string,
  artifactFiles: string[] = []
): Promise<OperationResult> {
  // Every token that is on the Console after this run: made, and not deleted again by a rollback.
  const existing = states.filter((state) => state.made && (state.rollback === undefined || state.rollback === 'not deleted'))
  const listed = existing.map(({ entry, made }) => {
    const token = (made as MadeToken).token
    const row = { canarytoken: token.id, kind: token.kind, hostname: token.hostname, url: token.url, memo: token.memo, file: entry.file, reused: made?.reused ?? false }
    return { name: entry.name, row, manageAuth: token.manageAuth }
  })
  const tokens = Object.fromEntries(listed.map(({ name, row }) => [name, row]))
  // A Canarytokens server's manage auth per token goes to the tokens-file (owner-only), never to the 'tokens' output.
  const withAuth = listed.some(({ manageAuth }) => manageAuth)
  const fileValue = withAuth ? Object.fromEntries(listed.map(({ name, row, manageAuth }) => [name, manageAuth ? { ...row, manage_auth: manageAuth } : row])) : tokens
  const createdCount = existing.filter((state) => !state.made?.reused).length
  const reusedCount = existing.filter((state) => state.made?.reused).length
  const order = (state: EntryState) => (state.outcome === 'failed' || state.rollback === 'not deleted' ? 0 : state.rollback || state.outcome === 'not run' ? 1 : 2)
  const failedCount = states.filter((state) => state.outcome === 'failed').length
  for (const { manageAuth } of listed) registerSecret(manageAuth)
  let list: Awaited<ReturnType<typeof writeTokenList>> | undefined
  let unwritten: string | undefined
  try {
    list = await writeTokenList(context.env.runnerTemp, 'seed-canarytokens', fileValue, context.log, withAuth ? { withoutSecrets: tokens } : {})
  } catch (error) {
    const kept = existing.map(({ entry, made }) => `${entry.name}: ${made?.token.id ?? ''}`).join(', ')
    unwritten =
      `${counted(existing.length, 'Canarytoken')} ${existing.length === 1 ? 'is' : 'are'} on ${context.backend.description} after this run (${kept || 'none'}) and the files written stay, ` +
      `but writing the token list failed: ${withoutFullStops(reason(error))}.`
    failure = failure ? `${failure} ${unwritten}` : unwritten
  }
  return {
    outputs: { ...list?.outputs, count: existing.length, 'created-count': createdCount, 'reused-count': reusedCount },
    summary: {
      heading: failure ? 'Seeding Canarytokens failed' : `Seeded ${counted(states.length, 'Canarytoken')}`,
      columns: ['Entry', 'Kind', 'Canarytoken', 'Hostname / URL', 'Memo', 'File', 'Outcome'],
      rows: [...states]
        .sort((a, b) => order(a) - order(b))
        .map((state) => [
          state.entry.name,
          state.entry.kind,
          state.made?.token.id ?? '',
          state.made?.token.hostname || state.made?.token.url || '',
          state.entry.memo,
          state.entry.fileShown ?? '',
          outcomeText(state)
        ]),
      notes: [
        `Created ${createdCount}, reused ${reusedCount}${failure ? `; ${failedCount} failed` : ''}.`,
        ...notes,
        list ? list.note : `The token list could not be written: ${unwritten}`,
        ...(withAuth ? ["Each token's manage auth (its key on the Canarytokens server) is in the tokens-file only, as `manage_auth`; keep that file secret."] : [])
      ],
      fullList: list ? list.fullList : 'the token list could not be written'
    },
    artifact: !failure && params.artifact && artifactFiles.length > 0 ? { ...params.artifact, files: artifactFiles, rootDirectory: commonDirectory(artifactFiles) } : undefined,
    failure
  }
}

/** The deepest folder holding every file: the artifact keeps their layout below it. */
function commonDirectory(files: string[]): string {
  let common = dirname(files[0] as string)
  while (!files.every((file) => file.startsWith(common.endsWith('/') ? common : `${common}/`))) common = dirname(common)
  return common
}

async function runSeed(params: SeedParams, context: OperationContext): Promise<OperationResult> {
  const { manifest, concurrency, log } = { ...params, log: context.log }
  const states: EntryState[] = manifest.entries.map((entry) => ({ entry, outcome: 'not run', message: '' }))
  log.info(`Seeding ${counted(states.length, 'Canarytoken')}, ${concurrency} at a time${params.reuse ? ', reusing tokens that already carry their memo' : ''}.`)

  await mapWithConcurrency(states, concurrency, async (state) => {
    try {
      state.made = await createOrReuse(context.backend, state.entry.request, params.reuse)
      const token = state.made.token
      state.outcome = state.made.reused ? 'reused' : 'created'
      log.info(`${state.made.reused ? 'Reused' : 'Created'} ${token.kind} Canarytoken ${token.id} for entry '${state.entry.name}'${token.hostname ? ` (${token.hostname})` : ''}.`)
    } catch (error) {
      markFailed(state, reason(error))
      log.info(`Entry '${state.entry.name}' failed: ${reason(error)}`)
    }
  })

  const failures: string[] = states.filter((state) => state.outcome === 'failed').map((state) => `entry '${state.entry.name}': ${state.message}`)
  const written: Written[] = []
  // Files only when every token exists, or when the user keeps what succeeded.
  if (failures.length === 0 || params.keepOnFailure) {
    const withFile = states.filter((state) => state.made && state.entry.file)
    await mapWithConcurrency(withFile, concurrency, async (state) => {
      try {
        written.push(await writeEntryFile(context.backend, state.entry, (state.made as MadeToken).token))
        log.info(`Wrote ${state.entry.file} (entry '${state.entry.name}').`)
      } catch (error) {
        markFailed(state, `its file ${state.entry.fileShown}: ${reason(error)}`)
        failures.push(`entry '${state.entry.name}': its file ${state.entry.fileShown}: ${reason(error)}`)
      }
    })
    const tokens = new Map(states.filter((state) => state.made).map((state) => [state.entry.name, (state.made as MadeToken).token]))
    for (const template of manifest.templates) {
      try {
        const filled = await fillTemplate(template, tokens)
        written.push(filled)
        const secrets = filled.secretFields ?? []
        log.info(
          `Filled the placeholders of ${template.shown}${secrets.length > 0 ? `; it now holds secret fields (${secrets.join(', ')}), so it is owner-only (mode 0600)` : ''}.`
        )
      } catch (error) {
        failures.push(reason(error))
        for (const state of states.filter((item) => item.entry.templates.includes(template.path))) markFailed(state, reason(error))
      }
    }
  }

  if (failures.length === 0) {
    const downloaded = states.filter((state) => state.entry.file).map((state) => state.entry.file as string)
    return seedResult(params, context, states, [], undefined, downloaded)
  }

  const notes: string[] = []
  let left: string[] = []
  if (params.keepOnFailure) {
    notes.push('keep-on-failure: true, so the tokens and files this run made were kept.')
  } else {
    const fileProblems = await restoreFiles(written, log)
    const tokenProblems = await deleteMinted(states, concurrency, context)
    left = [...tokenProblems, ...fileProblems]
    notes.push('Every token this run minted was deleted again and every file it wrote removed or put back (reused tokens were kept).', ...left)
  }
  const failedCount = states.filter((state) => state.outcome === 'failed').length
  const failure =
    // Each reason without its full stop: they are joined into one sentence.
    `${failedCount} of ${counted(states.length, 'entry', 'entries')} failed: ${failures.map(withoutFullStops).join('; ')}. ` +
    (params.keepOnFailure
      ? 'The tokens and files made for the other entries were kept (keep-on-failure: true).'
      : left.length > 0
        ? `Rolling back left something behind: ${left.map(withoutFullStops).join('; ')}.`
        : 'Tokens this run minted were deleted again and the files it wrote removed.')
  return seedResult(params, context, states, notes, failure)
}

export const seedOperation = defineOperation<SeedParams>({
  name: 'seed-canarytokens',
  description:
    'Creates every Canarytoken a YAML `manifest` lists, `concurrency` at a time, reusing tokens that already carry their memo; writes their files and fills `{{ canarytoken.<name>.<field> }}` in templates; all or nothing unless `keep-on-failure: true`.',
  backends: EVERY_BACKEND,
  requires: ['manifest'],
  accepts: ['reuse', 'keep-on-failure', 'concurrency', 'artifact-name', 'retention-days', 'alert-email', 'alert-webhook'],
  outputs: ['tokens', 'tokens-file', 'count', 'created-count', 'reused-count', 'artifact-id', 'artifact-name'],
  async parse(inputs, env) {
    const backend = chosenBackend(inputs)
    const concurrency = concurrencyInput(inputs)
    // On by default on the Console; a Canarytokens server cannot list tokens, so there it is off, and refused when asked for.
    const reuse = booleanInput(inputs, 'reuse', backend === 'console')
    refuseReuseOnServer(inputs, reuse)
    requireAlertTarget(inputs, 'seed-canarytokens')
    const keepOnFailure = booleanInput(inputs, 'keep-on-failure')
    const artifact = parseArtifactOptions(inputs, env)
    const manifest = await readManifest(inputs.get('manifest'), env, runContext(), backend)
    return { manifest, reuse, keepOnFailure, concurrency, artifact }
  },
  run: runSeed
})

export const SEED_OPERATIONS = [seedOperation]
