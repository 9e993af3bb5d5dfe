// A stand-in for GitHub's Actions results service, the part `@actions/artifact`
// talks to when it uploads: Twirp JSON over HTTP,
//   POST /twirp/github.actions.results.api.v1.ArtifactService/CreateArtifact
//   POST /twirp/github.actions.results.api.v1.ArtifactService/FinalizeArtifact
// with the runner's JWT (ACTIONS_RUNTIME_TOKEN) as a bearer token. CreateArtifact
// answers with a SAS URL into a real Azure Blob store (Azurite, signed with its
// development account key); FinalizeArtifact checks the size and sha256 the
// client reports against the bytes the store really holds. The field names are
// the protobuf names of `@actions/artifact`'s generated client
// (lib/generated/results/api/v1/artifact.js), as Twirp JSON sends them.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { createServer } from 'node:http'
import { Readable } from 'node:stream'
import {
  BlobSASPermissions,
  BlobServiceClient,
  SASProtocol,
  StorageSharedKeyCredential,
  generateBlobSASQueryParameters
} from '@azure/storage-blob'
// The zip reader @actions/artifact itself uses for downloads.
import unzip from 'unzip-stream'

const SERVICE_PATH = '/twirp/github.actions.results.api.v1.ArtifactService/'

/** Azurite's well-known development account (published in Azurite's README; not a secret). */
export const AZURITE_ACCOUNT = 'devstoreaccount1'
export const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='

/** Twirp error codes -> HTTP status, for the ones the stand-in uses. */
const TWIRP_STATUS = {
  invalid_argument: 400,
  malformed: 400,
  unauthenticated: 401,
  permission_denied: 403,
  not_found: 404,
  already_exists: 409,
  failed_precondition: 412,
  internal: 500,
  unavailable: 503
}

class TwirpError extends Error {
  /**
   * @param {keyof typeof TWIRP_STATUS} code
   * @param {string} message
   */
  constructor(code, message) {
    super(message)
    this.code = code
  }
}

/** @param {Buffer | string} data */
function base64url(data) {
  return Buffer.from(data).toString('base64url')
}

/**
 * One artifact as the service keeps it.
 * @typedef {object} StoredArtifact
 * @property {string} id int64, as a decimal string (Twirp JSON sends int64 as strings)
 * @property {string} name
 * @property {string} runId workflow_run_backend_id
 * @property {string} jobId workflow_job_run_backend_id
 * @property {string} blobName where the bytes are, in the service's container
 * @property {string | undefined} expiresAt CreateArtifact's expires_at (RFC 3339), if the client sent one
 * @property {string | undefined} mimeType CreateArtifact's mime_type
 * @property {number} version CreateArtifact's version
 * @property {string} signedUploadUrl the URL handed out
 * @property {boolean} finalized
 * @property {number | undefined} size FinalizeArtifact's size, once finalized
 * @property {string | undefined} hash FinalizeArtifact's hash (`sha256:<hex>`), once finalized
 */

/**
 * One call the service received.
 * @typedef {object} ServiceRequest
 * @property {string} method the Twirp method (CreateArtifact, FinalizeArtifact, ...)
 * @property {Record<string, any>} body the JSON body
 * @property {number} status the status answered
 * @property {string | undefined} error the Twirp error message answered, if any
 */

/**
 * A planned failure of the next call to `method`: a Twirp error, or (for
 * CreateArtifact) an upload URL whose signature the store will refuse.
 * @typedef {{ method: string, status?: number, code?: keyof typeof TWIRP_STATUS, msg?: string, badSignature?: boolean }} ServiceFault
 */

export class ResultsService {
  /** @type {import('node:http').Server | undefined} */
  #server
  /** @type {Set<import('node:net').Socket>} */
  #sockets = new Set()
  /** @type {ServiceFault[]} */
  #faults = []
  #nextId = 1
  #url = ''
  #jwtSecret
  #credential
  #blobService

  /**
   * @param {{ blobEndpoint: string, runId?: string, jobId?: string, container?: string }} options
   *   blobEndpoint: Azurite's blob endpoint, `http://127.0.0.1:<port>` (path-style: the account is the first segment)
   */
  constructor(options) {
    this.runId = options.runId ?? 'c2b3a1e0-0000-4000-8000-000000004242'
    this.jobId = options.jobId ?? 'a4d5e6f7-0000-4000-8000-000000000007'
    this.container = options.container ?? 'actions-results'
    this.#jwtSecret = createHash('sha256').update(`${this.runId}:${this.jobId}:${Math.random()}`).digest()
    this.#credential = new StorageSharedKeyCredential(AZURITE_ACCOUNT, AZURITE_KEY)
    this.#blobService = new BlobServiceClient(`${options.blobEndpoint.replace(/\/$/, '')}/${AZURITE_ACCOUNT}`, this.#credential)
    /** @type {StoredArtifact[]} */
    this.artifacts = []
    /** @type {ServiceRequest[]} */
    this.requests = []
    /** The runner's token for this job: what ACTIONS_RUNTIME_TOKEN holds. */
    this.runtimeToken = this.#signJwt({
      scp: `Actions.GenericRead:00000000-0000-0000-0000-000000000000 Actions.Results:${this.runId}:${this.jobId}`,
      iat: Math.floor(Date.now() / 1000),
      exp: Math.floor(Date.now() / 1000) + 6 * 3600
    })
  }

  /** The origin, `http://127.0.0.1:<port>` ('' before start): what ACTIONS_RESULTS_URL holds. */
  get url() {
    return this.#url
  }

  /** What a job's environment carries for `@actions/artifact` to upload here. */
  get env() {
    return { ACTIONS_RUNTIME_TOKEN: this.runtimeToken, ACTIONS_RESULTS_URL: `${this.#url}/` }
  }

  /** Creates the container and listens on 127.0.0.1. @returns {Promise<string>} the origin */
  async start() {
    await this.#blobService.getContainerClient(this.container).createIfNotExists()
    const server = createServer((req, res) => {
      this.#handle(req, res).catch((error) => {
        if (!res.headersSent) this.#answerError(res, 'internal', `results service stand-in: ${error instanceof Error ? error.message : String(error)}`)
        else res.destroy()
      })
    })
    server.on('connection', (socket) => {
      this.#sockets.add(socket)
      socket.on('close', () => this.#sockets.delete(socket))
    })
    await new Promise((resolve, reject) => {
      server.once('error', reject)
      server.listen(0, '127.0.0.1', () => resolve(undefined))
    })
    this.#server = server
    const address = server.address()
    this.#url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    return this.#url
  }

  async stop() {
    const server = this.#server
    if (!server) return
    this.#server = undefined
    await new Promise((resolve) => {
      server.close(() => resolve(undefined))
      for (const socket of this.#sockets) socket.destroy()
    })
    this.#url = ''
  }

  /** Plans a failure of the next call to `fault.method`. @param {ServiceFault} fault */
  injectFault(fault) {
    this.#faults.push(fault)
  }

  clearFaults() {
    this.#faults = []
  }

  clearRequests() {
    this.requests.length = 0
  }

  /** The finalized artifact of this name, if any. @param {string} name */
  finalizedArtifact(name) {
    return this.artifacts.find((artifact) => artifact.name === name && artifact.finalized)
  }

  /**
   * The bytes the store holds for an artifact (finalized or not).
   * @param {string} name
   * @returns {Promise<Buffer>}
   */
  async readArtifact(name) {
    const artifact = this.artifacts.find((candidate) => candidate.name === name)
    if (!artifact) throw new Error(`no artifact named '${name}' was created (created: ${this.artifacts.map((a) => a.name).join(', ') || 'none'})`)
    return this.#blob(artifact.blobName).downloadToBuffer()
  }

  /**
   * The files inside a zipped artifact (several files, uploaded without skipArchive), by their path in the zip.
   * @param {string} name the artifact's name (without `.zip`)
   * @returns {Promise<Map<string, Buffer>>}
   */
  async readZippedArtifact(name) {
    const zip = await this.readArtifact(name)
    /** @type {Map<string, Buffer>} */
    const files = new Map()
    /** @type {Promise<void>[]} */
    const reads = []
    await new Promise((resolve, reject) => {
      Readable.from([zip])
        .pipe(unzip.Parse())
        .on('entry', (/** @type {any} */ entry) => {
          if (entry.type !== 'File') return entry.autodrain()
          // An entry may still be streaming when the parser closes: wait for each one.
          reads.push(
            (async () => {
              const chunks = []
              for await (const chunk of entry) chunks.push(chunk)
              files.set(entry.path, Buffer.concat(chunks))
            })()
          )
        })
        .on('error', reject)
        .on('close', resolve)
    })
    await Promise.all(reads)
    return files
  }

  // ------------------------------------------------------------ Twirp

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  async #handle(req, res) {
    const chunks = []
    for await (const chunk of req) chunks.push(chunk)
    const raw = Buffer.concat(chunks).toString('utf8')
    const path = new URL(req.url ?? '/', 'http://stand-in').pathname
    const method = path.startsWith(SERVICE_PATH) ? path.slice(SERVICE_PATH.length) : path
    /** @type {ServiceRequest} */
    const record = { method, body: {}, status: 0, error: undefined }
    this.requests.push(record)
    try {
      if (req.method !== 'POST' || !path.startsWith(SERVICE_PATH)) throw new TwirpError('not_found', `no such route: ${req.method} ${path}`)
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        throw new TwirpError('malformed', `expected Content-Type application/json, got ${req.headers['content-type']}`)
      }
      try {
        record.body = JSON.parse(raw)
      } catch {
        throw new TwirpError('malformed', 'the body is not JSON')
      }
      this.#authorize(req.headers.authorization, record.body)
      const fault = this.#takeFault(method)
      if (fault && !fault.badSignature) throw Object.assign(new TwirpError(fault.code ?? 'internal', fault.msg ?? 'injected failure'), { status: fault.status })
      /** @type {Record<string, unknown>} */
      let answer
      if (method === 'CreateArtifact') answer = await this.#createArtifact(record.body, Boolean(fault?.badSignature))
      else if (method === 'FinalizeArtifact') answer = await this.#finalizeArtifact(record.body)
      else throw new TwirpError('not_found', `the stand-in does not implement ${method}`)
      record.status = 200
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer))
    } catch (error) {
      if (!(error instanceof TwirpError)) throw error
      record.error = error.message
      record.status = this.#answerError(res, error.code, error.message, /** @type {{ status?: number }} */ (error).status)
    }
  }

  /**
   * @param {import('node:http').ServerResponse} res
   * @param {keyof typeof TWIRP_STATUS} code
   * @param {string} msg
   * @param {number} [status]
   */
  #answerError(res, code, msg, status) {
    const answered = status ?? TWIRP_STATUS[code]
    res.writeHead(answered, { 'content-type': 'application/json' }).end(JSON.stringify({ code, msg }))
    return answered
  }

  /** @param {string} method */
  #takeFault(method) {
    const index = this.#faults.findIndex((fault) => fault.method === method)
    return index === -1 ? undefined : this.#faults.splice(index, 1)[0]
  }

  /**
   * The bearer token must be ours, and scoped to the run and job the body names.
   * @param {string | undefined} header
   * @param {Record<string, any>} body
   */
  #authorize(header, body) {
    const token = /^Bearer (.+)$/.exec(header ?? '')?.[1]
    if (!token) throw new TwirpError('unauthenticated', 'no bearer token')
    const claims = this.#verifyJwt(token)
    const scopes = String(claims.scp ?? '').split(' ')
    if (!scopes.includes(`Actions.Results:${body.workflow_run_backend_id}:${body.workflow_job_run_backend_id}`)) {
      throw new TwirpError('permission_denied', 'the token is not scoped to this workflow run and job')
    }
  }

  /** HS256, which is all the stand-in needs to tell its own tokens from others. @param {Record<string, unknown>} claims */
  #signJwt(claims) {
    const unsigned = `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64url(JSON.stringify(claims))}`
    return `${unsigned}.${base64url(createHmac('sha256', this.#jwtSecret).update(unsigned).digest())}`
  }

  /** @param {string} token @returns {Record<string, unknown>} */
  #verifyJwt(token) {
    const [header, payload, signature] = token.split('.')
    if (!header || !payload || !signature) throw new TwirpError('unauthenticated', 'the bearer token is not a JWT')
    const expected = createHmac('sha256', this.#jwtSecret).update(`${header}.${payload}`).digest()
    const given = Buffer.from(signature, 'base64url')
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new TwirpError('unauthenticated', 'the bearer token signature is wrong')
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
  }

  /** @param {string} blobName */
  #blob(blobName) {
    return this.#blobService.getContainerClient(this.container).getBlockBlobClient(blobName)
  }

  /** @param {Record<string, any>} body @param {boolean} badSignature */
  async #createArtifact(body, badSignature) {
    const name = body.name
    if (typeof name !== 'string' || name === '') throw new TwirpError('invalid_argument', 'name is required')
    if (body.version !== 7) throw new TwirpError('invalid_argument', `unsupported artifact version ${body.version}`)
    if (body.expires_at !== undefined && Number.isNaN(Date.parse(body.expires_at))) {
      throw new TwirpError('invalid_argument', `expires_at is not an RFC 3339 timestamp: ${body.expires_at}`)
    }
    const runId = body.workflow_run_backend_id
    const jobId = body.workflow_job_run_backend_id
    if (this.artifacts.some((artifact) => artifact.runId === runId && artifact.name === name)) {
      throw new TwirpError('already_exists', 'an artifact with this name already exists on the workflow run')
    }
    const id = String(this.#nextId++)
    const blobName = `${runId}/${jobId}/${id}/${name}`
    const blob = this.#blob(blobName)
    const sas = generateBlobSASQueryParameters(
      {
        containerName: this.container,
        blobName,
        permissions: BlobSASPermissions.parse('cw'),
        expiresOn: new Date(Date.now() + 3600 * 1000),
        protocol: SASProtocol.HttpsAndHttp
      },
      this.#credential
    )
    let query = sas.toString()
    // A signature the store refuses, as when a URL expired or was tampered with.
    if (badSignature) query = query.replace(/sig=[^&]+/, `sig=${encodeURIComponent(Buffer.alloc(32, 7).toString('base64'))}`)
    const signedUploadUrl = `${blob.url}?${query}`
    this.artifacts.push({
      id,
      name,
      runId,
      jobId,
      blobName,
      expiresAt: body.expires_at,
      mimeType: body.mime_type,
      version: body.version,
      signedUploadUrl,
      finalized: false,
      size: undefined,
      hash: undefined
    })
    return { ok: true, signed_upload_url: signedUploadUrl }
  }

  /** @param {Record<string, any>} body */
  async #finalizeArtifact(body) {
    const artifact = this.artifacts.find(
      (candidate) =>
        candidate.name === body.name && candidate.runId === body.workflow_run_backend_id && candidate.jobId === body.workflow_job_run_backend_id
    )
    if (!artifact) throw new TwirpError('not_found', `no artifact named '${body.name}' was created on this job`)
    if (artifact.finalized) throw new TwirpError('failed_precondition', `artifact '${body.name}' is already finalized`)
    // int64 travels as a string in Twirp JSON.
    if (typeof body.size !== 'string' || !/^\d+$/.test(body.size)) throw new TwirpError('invalid_argument', `size must be an int64 string, got ${JSON.stringify(body.size)}`)
    const size = Number(body.size)
    let stored
    try {
      stored = await this.#blob(artifact.blobName).downloadToBuffer()
    } catch (error) {
      throw new TwirpError('failed_precondition', `nothing was uploaded for '${body.name}' (${error instanceof Error ? error.message.split('\n')[0] : error})`)
    }
    if (stored.length !== size) throw new TwirpError('invalid_argument', `size ${size} does not match the ${stored.length} bytes stored`)
    const hash = `sha256:${createHash('sha256').update(stored).digest('hex')}`
    if (body.hash !== undefined && body.hash !== hash) throw new TwirpError('invalid_argument', `hash ${body.hash} does not match the stored ${hash}`)
    artifact.finalized = true
    artifact.size = size
    artifact.hash = body.hash
    return { ok: true, artifact_id: artifact.id }
  }
}
