export const id = 793;
export const ids = [793];
export const modules = {

/***/ 19473:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ InputError),
/* harmony export */   g: () => (/* binding */ errorMessage)
/* harmony export */ });
/**
 * An input the user must change. Raised only while inputs are read and
 * validated, always before the first request to the Console.
 */
class InputError extends Error {
    name = 'InputError';
}
/** What went wrong, as one line of text, whatever was thrown. */
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}


/***/ }),

/***/ 42602:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EE: () => (/* binding */ wasDoneByEarlierAttempt),
/* harmony export */   K8: () => (/* binding */ withClearIncidentsHint),
/* harmony export */   WW: () => (/* binding */ reasonWithWhere),
/* harmony export */   c4: () => (/* binding */ isNotFound),
/* harmony export */   hD: () => (/* binding */ ApiError),
/* harmony export */   lZ: () => (/* binding */ serverWords),
/* harmony export */   ny: () => (/* binding */ reasonWithAttempts),
/* harmony export */   r2: () => (/* binding */ removal)
/* harmony export */ });
/* unused harmony export MAX_SERVER_MESSAGE */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(19473);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(50977);


/**
 * A failed Console call. The message names the HTTP status and the Console's
 * own message; `main` prefixes the operation. It never holds the request's
 * parameters, so no secret can ride along.
 */
class ApiError extends Error {
    failure;
    status;
    serverMessage;
    attempts;
    earlierAttemptMayHaveActed;
    name = 'ApiError';
    constructor(message, failure, status, serverMessage, attempts = 1, 
    /**
     * An earlier attempt of this call may have been carried out by the
     * Console before its answer was lost: a repeated delete that now finds
     * nothing to delete has done its job.
     */
    earlierAttemptMayHaveActed = false) {
        super(message);
        this.failure = failure;
        this.status = status;
        this.serverMessage = serverMessage;
        this.attempts = attempts;
        this.earlierAttemptMayHaveActed = earlierAttemptMayHaveActed;
    }
    /** What was tried, and where: `GET /api/v1/canarytoken/fetch at https://x.canary.tools` (set by the transport; never a query). */
    tried;
}
/** The Console's wording for a token or key that does not exist. */
function isNotFound(error) {
    return (error instanceof ApiError &&
        (error.failure === 'http-status' || error.failure === 'result') &&
        /could not find|not found|does not exist|no such/i.test(error.serverMessage ?? ''));
}
/** A repeated call that found nothing to act on because an earlier attempt of it already did the job. */
function wasDoneByEarlierAttempt(error) {
    return error instanceof ApiError && error.earlierAttemptMayHaveActed && isNotFound(error);
}
/** Treats "not found" on a retried removal as done, when an earlier attempt may have done it. */
async function removal(answer) {
    try {
        return await answer;
    }
    catch (error) {
        if (wasDoneByEarlierAttempt(error))
            return { result: 'success', alreadyDone: true };
        throw error;
    }
}
/** An error's message as a clause (its own final period goes), with the attempts when the call took several. */
function reasonWithAttempts(error) {
    const reason = (0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .withoutFullStops */ .vK)((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .g)(error));
    return error instanceof ApiError && error.attempts > 1 ? `${reason} (after ${error.attempts} attempts)` : reason;
}
/**
 * The Console refuses to delete a token with incidents unless told to clear
 * them, and says only `Could not delete Canarydrop`: for the operations that
 * take `clear-incidents`, its refusal gets the fix.
 */
function withClearIncidentsHint(error) {
    if (!(error instanceof ApiError) || (error.failure !== 'http-status' && error.failure !== 'result') || !/could not delete/i.test(error.serverMessage ?? ''))
        return error;
    const hinted = new ApiError(`${error.message.replace(/\.$/, '')}. If the token has incidents, the Console deletes it only with 'clear-incidents: true' (which deletes them with it).`, error.failure, error.status, error.serverMessage, error.attempts, error.earlierAttemptMayHaveActed);
    hinted.tried = error.tried;
    return hinted;
}
/** Code points of a server's own message that errors keep. */
const MAX_SERVER_MESSAGE = 1000;
function serverWords(message) {
    if (message === undefined || message.length <= MAX_SERVER_MESSAGE)
        return message;
    const length = (0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .codePointLength */ .O7)(message);
    return length <= MAX_SERVER_MESSAGE ? message : `${(0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .truncateCodePoints */ .Bm)(message, MAX_SERVER_MESSAGE + 1)} (${length} characters in all)`;
}
/** reasonWithAttempts, then what was tried and where (`GET /api/v1/canarytoken/fetch at https://...`) when the error says: for warnings, which have no other place to name the server. */
function reasonWithWhere(error) {
    const reason = reasonWithAttempts(error);
    return error instanceof ApiError && error.tried ? `${reason} (${error.tried})` : reason;
}


/***/ }),

/***/ 22530:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ MAX_CONCURRENCY),
/* harmony export */   w: () => (/* binding */ AdaptiveConcurrency)
/* harmony export */ });
/** The most requests bulk operations send at once (Thinkst's own delete_tokens_threaded.py runs 100 workers). */
const MAX_CONCURRENCY = 100;
/** Statuses that say "too much, slow down": rate limiting, and a Console that is overloaded. */
const THROTTLE_STATUSES = new Set([429, 503]);
/**
 * The transport's gate: how many attempts may be in flight at once, adapted
 * to what the Console says (additive increase, multiplicative decrease, as
 * TCP does). Every attempt, retries included, passes through it, so the count
 * is exact whatever the pool around it does.
 *
 * - A 429 or 503 halves the limit (from the most that were in flight since
 *   the last change), once per burst: answers to attempts sent before that
 *   change do not halve it again.
 * - A `Retry-After` holds every new attempt until it has passed.
 * - Each run of `limit` successes (of attempts sent since the last decrease)
 *   raises the limit by one, back up to the ceiling.
 * - A 429 also lowers the ceiling to the halved limit: the Console said how
 *   much is too much, and a rate limit is its policy, which does not change
 *   within a step; probing above it again would only earn more 429s. A 503
 *   (an overload, which passes) leaves the ceiling where it was.
 *
 * A ceiling guessed from how many were in flight when a 429 came would be
 * wrong both ways: attempts reach the Console in another order than they
 * leave here, and answered ones are still counted here until read.
 */
class AdaptiveConcurrency {
    options;
    limitValue;
    ceilingValue;
    inFlight = 0;
    /** The most in flight since the limit last went down. */
    peak = 0;
    successes = 0;
    /** Bumped on every decrease: an answer to an attempt from an older epoch does not decrease again. */
    epoch = 0;
    pausedUntil = 0;
    waiters = [];
    pauseTimer;
    now;
    constructor(options = {}) {
        this.options = options;
        this.limitValue = options.max ?? MAX_CONCURRENCY;
        this.ceilingValue = this.limitValue;
        this.now = options.now ?? Date.now;
    }
    /** Attempts allowed in flight now. */
    get limit() {
        return this.limitValue;
    }
    /** The most the limit may grow back to. */
    get ceiling() {
        return this.ceilingValue;
    }
    get active() {
        return this.inFlight;
    }
    async enter() {
        for (;;) {
            const wait = this.pausedUntil - this.now();
            if (wait > 0)
                await this.pause(wait);
            else if (this.inFlight >= this.limitValue)
                await new Promise((wake) => this.waiters.push(wake));
            else
                break;
        }
        this.inFlight++;
        this.peak = Math.max(this.peak, this.inFlight);
        const epoch = this.epoch;
        let left = false;
        return (answer) => {
            if (left)
                return;
            left = true;
            this.leave(epoch, answer);
        };
    }
    leave(epoch, answer) {
        this.inFlight--;
        if (answer.status !== undefined && THROTTLE_STATUSES.has(answer.status)) {
            if (epoch === this.epoch) {
                const used = Math.min(this.limitValue, this.peak);
                this.limitValue = Math.max(1, Math.floor(used / 2));
                this.epoch++;
                this.peak = this.inFlight;
                this.successes = 0;
                // Said only when it slows something down: one request at a time stays one.
                if (this.limitValue < used) {
                    const count = this.limitValue === 1 ? '1 request' : `${this.limitValue} requests`;
                    this.options.onChange?.(`The Console answered HTTP ${answer.status}: sending at most ${count} at once from now on.`);
                }
            }
            if (answer.status === 429)
                this.ceilingValue = Math.min(this.ceilingValue, this.limitValue);
            if (answer.retryAfterMs !== undefined && answer.retryAfterMs > 0)
                this.pausedUntil = Math.max(this.pausedUntil, this.now() + answer.retryAfterMs);
        }
        else if (answer.status !== undefined && answer.status < 400 && epoch === this.epoch && this.limitValue < this.ceilingValue) {
            this.successes++;
            if (this.successes >= this.limitValue) {
                this.successes = 0;
                this.limitValue++;
            }
        }
        this.wake(this.limitValue - this.inFlight);
    }
    /** Wakes the longest waiting; each checks again itself (one loop decides), so a wake-up too many costs a turn, never a slot. */
    wake(count = this.waiters.length) {
        for (const wake of this.waiters.splice(0, Math.max(0, count)))
            wake();
    }
    pause(ms) {
        return new Promise((done) => {
            this.waiters.push(done);
            // One timer for every waiter: it wakes them all when the pause ends.
            if (!this.pauseTimer) {
                this.pauseTimer = setTimeout(() => {
                    this.pauseTimer = undefined;
                    this.wake();
                }, ms);
            }
        });
    }
}


/***/ }),

/***/ 12749:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GK: () => (/* binding */ describeProxy),
/* harmony export */   M2: () => (/* binding */ httpsProxy),
/* harmony export */   U$: () => (/* binding */ goesThroughProxy),
/* harmony export */   i2: () => (/* binding */ nodeTunnels)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(19473);
/* harmony import */ var _server_url_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1974);


// Lower case first, as GitHub's toolkit (@actions/http-client) and curl read them: where both are set, the steps beside
// ours use the lower-case one.
const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY'];
const NO_PROXY_VARIABLES = ['no_proxy', 'NO_PROXY'];
/** undefined when no proxy is set; an error before any request when one is set but is no proxy URL (Node would quietly go direct). */
function httpsProxy(env) {
    const variable = PROXY_VARIABLES.find((name) => env[name]?.trim());
    if (variable === undefined)
        return undefined;
    const value = env[variable].trim();
    let url;
    try {
        url = new URL(value);
    }
    catch {
        url = undefined;
    }
    // The value is never quoted back: a proxy URL may hold a password.
    if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(`The environment variable ${variable} is set but is not a proxy URL: set it to http://host:port (or http://user:password@host:port), or unset it to connect directly.`);
    }
    const noProxyVariable = NO_PROXY_VARIABLES.find((name) => env[name]?.trim());
    return { url, variable, noProxy: noProxyVariable ? env[noProxyVariable].trim() : undefined };
}
/**
 * Whether this Node can tunnel through a proxy: an https Agent's `proxyEnv`
 * option came in Node 24.5 and 22.21 (never 23). An older Node ignores the
 * option and connects directly, saying nothing; a runner's `node24` is the
 * Node its runner version ships, which may be older than 24.5.
 */
function nodeTunnels(version) {
    const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
    return major > 24 || (major === 24 && minor >= 5) || (major === 22 && minor >= 21);
}
/** The proxy as a message may name it: its origin and the variable that named it, never its credentials. */
function describeProxy(proxy) {
    return `the proxy ${proxy.url.origin} (${proxy.variable})`;
}
/**
 * Whether a request to `url` goes through the proxy: https, not to a loopback
 * host (localhost, 127.x.x.x, ::1), and no NO_PROXY entry names its host. An entry is `*` (every host), a host name that also
 * covers its subdomains (`corp.example`, `.corp.example` or `*.corp.example`),
 * or an IP address, each with an optional `:port` that must match; entries
 * are separated by commas or spaces, as curl and GitHub's toolkit read them.
 * No CIDR ranges.
 */
function goesThroughProxy(url, proxy) {
    // Loopback is this runner's own: a proxy elsewhere would reach its own loopback, if anything (GitHub's toolkit goes direct too).
    if (proxy === undefined || url.protocol !== 'https:' || (0,_server_url_js__WEBPACK_IMPORTED_MODULE_1__/* .isLoopback */ .U9)(url.hostname))
        return false;
    const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    const port = url.port || '443';
    for (const raw of (proxy.noProxy ?? '').split(/[\s,]+/)) {
        const entry = raw.trim().toLowerCase();
        if (!entry)
            continue;
        if (entry === '*')
            return false;
        const { name, port: entryPort } = splitEntry(entry);
        if (entryPort !== undefined && entryPort !== port)
            continue;
        if (host === name || host.endsWith(`.${name}`))
            return false;
    }
    return true;
}
/** A NO_PROXY entry's host (without `*.`, a leading dot or IPv6 brackets) and port, if it has one. */
function splitEntry(entry) {
    const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
    if (bracketed)
        return { name: bracketed[1], port: bracketed[2] };
    const colons = entry.split(':').length - 1;
    // One colon: host:port; more: an IPv6 address without a port.
    const [host, port] = colons === 1 ? entry.split(':') : [entry, undefined];
    return { name: host.replace(/^\*?\./, ''), port };
}


/***/ }),

/***/ 1974:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U9: () => (/* binding */ isLoopback),
/* harmony export */   ZU: () => (/* binding */ resolveOrigin),
/* harmony export */   oJ: () => (/* binding */ isValidHostname)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(19473);

// The rules every server address input follows (`console`, `canarytokens-server`):
// an origin only, https, plain http to loopback hosts only.
/** A DNS label: what a hostname can hold, no more. */
const HOSTNAME_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
function isLoopback(hostname) {
    const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
    return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}
function isValidHostname(hostname) {
    if (hostname.startsWith('['))
        return /^\[[0-9a-f:.]+\]$/i.test(hostname);
    return hostname.length <= 253 && hostname.split('.').every((label) => HOSTNAME_LABEL.test(label));
}
/**
 * An `http(s)://...` address input as the server's origin. Only an origin is
 * accepted: a path, query, fragment or credentials would either be ignored or
 * leak, so they are refused rather than guessed at. Plain http is allowed to
 * loopback hosts only (emulators, local tests).
 */
function resolveOrigin(value, rules) {
    const { input, help } = rules;
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(`Input '${input}' is not a valid URL. ${help}`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(`Input '${input}' must use https, not ${url.protocol.replace(':', '')}. ${help}`);
    }
    if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
        const meant = url.username || url.password || !isValidHostname(url.hostname) ? '.' : `; did you mean 'https://${url.host}'?`;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(`Input '${input}' must use https: ${rules.secret} would cross the network in clear text${meant} Plain http is allowed only to loopback hosts (localhost, 127.0.0.1, [::1]).`);
    }
    if (url.username || url.password) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(`Input '${input}' must not carry credentials; ${rules.credentialsHint}. ${help}`);
    }
    if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
        // The origin only: what followed it (a query may hold a key) is never shown.
        const meant = isValidHostname(url.hostname) ? `; did you mean '${url.origin}'?` : '.';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(`Input '${input}' must be ${rules.whose} address only, without a path, query or fragment${meant} ${help}`);
    }
    if (!isValidHostname(url.hostname)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(`Input '${input}' has a host name that is not valid. ${help}`);
    }
    return new URL(url.origin);
}


/***/ }),

/***/ 39692:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cO: () => (/* binding */ DEFAULT_RETRY_POLICY),
  G5: () => (/* binding */ HttpTransport),
  x2: () => (/* binding */ describeNonJson),
  Wp: () => (/* binding */ parseAnswer)
});

// UNUSED EXPORTS: MAX_REDIRECTS, downloadFailure, filenameFromContentDisposition, nextHop, parameterText, retryAfterMs, retryDelayMs

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./build/errors.js
var errors = __webpack_require__(19473);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(44708);
// EXTERNAL MODULE: ./build/http/proxy.js
var http_proxy = __webpack_require__(12749);
;// CONCATENATED MODULE: ./build/http/client.js



class TimeoutError extends Error {
    code;
    name = 'TimeoutError';
    constructor(code) {
        super(code === 'CONNECT_TIMEOUT' ? 'no connection in time' : code === 'HEADERS_TIMEOUT' ? 'no answer in time' : 'the answer stopped');
        this.code = code;
    }
}
/**
 * Connections are kept for the next request, idle ones for 4 s at most (and
 * 1 s less than a server's `Keep-Alive: timeout=` when that is shorter, as
 * Node's agent reads it): reusing one the server has just closed fails the
 * request that finds it (ECONNRESET), and Node's own HTTP server closes idle
 * connections after 5 s. The agent's timer closes pooled connections only,
 * never one in use. Idle pooled connections do not hold the process open.
 */
const POOL = { keepAlive: true, timeout: 4000 };
/** An upload goes in pieces this large, so that the wait for the answer starts again each time the connection takes one. */
const UPLOAD_CHUNK = 64 * 1024;
/**
 * Tells the transport whether the request may have reached the server: a
 * failure with `connected: false` came before the connection was up (TCP, and
 * TLS for https), whatever its code (ECONNRESET from a middlebox in the TLS
 * handshake, ETIMEDOUT from one of several addresses); with `connected: true`
 * the request may have been carried out, whatever its code (a TLS alert or a
 * bad record mid-answer).
 */
function markConnected(error, connected) {
    Object.assign(error, { connected });
}
/** Node's ERR_PROXY_TUNNEL for a proxy that did not answer CONNECT within the limit (it sets `proxyTunnelTimeout`). */
function isTunnelTimeout(error) {
    return error.code === 'ERR_PROXY_TUNNEL' && error.proxyTunnelTimeout !== undefined;
}
/**
 * The client over Node's own `http` and `https`, with their keep-alive
 * agents. Chosen over undici (what the transport used before) because
 * Node's HTTP parser is native: undici's is WebAssembly, which each process
 * compiles at start, and which V8 compiles again with its optimizing tier on
 * a process's third answer, 45 to 60 ms of a background thread that the
 * process waits for before it exits and a 20 MB zone (README, Benchmarks).
 * Both parsers are llhttp. What undici gave the transport, and this keeps:
 * pooled connections, a limit on the wait for an answer's headers (from the
 * request, and again from each stretch of an upload the connection takes, so
 * a server that drips them is cut off too, and a long upload that goes on is
 * not), a limit on each pause in its body, and no redirects.
 */
class NodeHttpClient {
    timeoutMs;
    proxy;
    http;
    https;
    proxied;
    /** `proxy`: the runner's proxy for https (proxy.ts), which Node's agent tunnels through with CONNECT. */
    constructor(timeoutMs, proxy) {
        this.timeoutMs = timeoutMs;
        this.proxy = proxy;
    }
    agentFor(url) {
        if (url.protocol !== 'https:')
            return (this.http ??= new external_node_http_.Agent(POOL));
        if (!(0,http_proxy/* goesThroughProxy */.U$)(url, this.proxy))
            return (this.https ??= new external_node_https_.Agent(POOL));
        // Node's own proxy support (Node 24.5 and later): CONNECT to the proxy, with its credentials, then TLS to the server
        // through the tunnel. NO_PROXY is decided above (goesThroughProxy), so that errors can say whether a proxy was in the way.
        return (this.proxied ??= new external_node_https_.Agent({ ...POOL, proxyEnv: { HTTPS_PROXY: this.proxy.url.href } }));
    }
    request(url, { method, headers, body }) {
        const secure = url.protocol === 'https:';
        const agent = this.agentFor(url);
        const send = secure ? external_node_https_.request : external_node_http_.request;
        const bytes = typeof body === 'string' ? Buffer.from(body) : body;
        // A length, never chunked: every body is whole before it is sent, and a server may refuse a chunked upload.
        const sent = bytes === undefined ? headers : { ...headers, 'content-length': String(bytes.length) };
        return new Promise((resolve, reject) => {
            // Up: TCP connected, and for https the TLS handshake done. Until then nothing of the request has left.
            let up = false;
            let request;
            try {
                // Through a proxy, the request's `timeout` is Node's limit on the proxy's answer to CONNECT: without it, the agent's
                // (POOL's 4 s for idle connections) would cut off a proxy slower than that, whatever 'timeout-seconds' says.
                request = send(url, { method, headers: sent, agent, ...(agent === this.proxied ? { timeout: this.timeoutMs } : {}) });
            }
            catch (error) {
                // A header Node refuses (ERR_INVALID_CHAR): nothing went.
                markConnected(error, false);
                throw error;
            }
            const fail = (error) => {
                clearTimeout(headersTimer);
                // Node's own limit on a proxy's answer to CONNECT (the request's `timeout` below) is a connection that did not come.
                const failure = isTunnelTimeout(error) ? new TimeoutError('CONNECT_TIMEOUT') : error;
                markConnected(failure, up);
                reject(failure);
            };
            // Counted from the request, and again from each stretch of the upload the connection took (and from its end), as
            // undici's was: a connection or an answer that does not come is cut off at the limit, a long upload that goes on is not.
            const headersTimer = setTimeout(() => request.destroy(new TimeoutError(up ? 'HEADERS_TIMEOUT' : 'CONNECT_TIMEOUT')), this.timeoutMs);
            request.once('socket', (socket) => {
                // Through a proxy, Node hands the request its socket only once the tunnel and the TLS handshake in it are up (its
                // 'secureConnect' has been and gone): until then every failure is the tunnel's or the handshake's, nothing was sent.
                if (request.reusedSocket || agent === this.proxied)
                    up = true;
                else
                    socket.once(secure ? 'secureConnect' : 'connect', () => {
                        up = true;
                    });
            });
            request.on('error', fail);
            request.once('finish', () => {
                if (up)
                    headersTimer.refresh();
            });
            request.once('response', (answer) => {
                clearTimeout(headersTimer);
                resolve({ statusCode: answer.statusCode ?? 0, headers: eachHeader(answer), body: withPauseLimit(answer, this.timeoutMs) });
            });
            if (bytes === undefined)
                return void request.end();
            const writeFrom = (offset) => {
                while (offset < bytes.length) {
                    const chunk = bytes.subarray(offset, offset + UPLOAD_CHUNK);
                    offset += chunk.length;
                    if (!request.write(chunk)) {
                        request.once('drain', () => {
                            if (up)
                                headersTimer.refresh();
                            writeFrom(offset);
                        });
                        return;
                    }
                }
                request.end();
            };
            writeFrom(0);
        });
    }
    async close() {
        this.http?.destroy();
        this.https?.destroy();
        this.proxied?.destroy();
    }
}
/**
 * The answer's headers, a header the server sent more than once as the list
 * of its values (as undici gave them), never joined: Node's `headers` joins
 * most repeated headers with ', ' (two Content-Disposition headers made the
 * file's name "a.txt, attachment; filename=b.txt" where the transport reads the first).
 */
function eachHeader(answer) {
    const headers = {};
    for (const [name, values] of Object.entries(answer.headersDistinct)) {
        if (values !== undefined)
            headers[name] = values.length === 1 ? values[0] : values;
    }
    return headers;
}
/**
 * The answer, destroyed with BODY_TIMEOUT when its connection goes quiet for
 * longer than the limit before the answer ends. The limit is the socket's
 * own idle timer, let go of when the answer ends (the socket goes back to
 * the pool, where the agent sets its own).
 */
function withPauseLimit(answer, timeoutMs) {
    const socket = answer.socket;
    if (socket === null || answer.complete)
        return answer;
    const onQuiet = () => {
        answer.destroy(new TimeoutError('BODY_TIMEOUT'));
    };
    const release = () => {
        socket.removeListener('timeout', onQuiet);
    };
    socket.setTimeout(timeoutMs);
    socket.on('timeout', onQuiet);
    answer.once('end', release);
    answer.once('close', release);
    return answer;
}

// EXTERNAL MODULE: ./build/http/errors.js
var http_errors = __webpack_require__(42602);
// EXTERNAL MODULE: ./build/http/server-url.js
var server_url = __webpack_require__(1974);
// EXTERNAL MODULE: ./build/http/upload-types.js
var upload_types = __webpack_require__(23272);
;// CONCATENATED MODULE: ./build/http/transport.js











const DEFAULT_RETRY_POLICY = { retries: 3, baseDelayMs: 1000, maxDelayMs: 30_000, maxRetryAfterMs: 60_000 };
/** `text` parsed as JSON, or null when it is not JSON. */
function parseAnswer(text) {
    try {
        return { json: JSON.parse(text) };
    }
    catch {
        return null;
    }
}
/** Largest JSON answer we will read into memory. */
const MAX_JSON_BYTES = 64 * 1024 * 1024;
/**
 * Largest file we download. Token files are small (documents, zips, a signed
 * exe of at most the 10 MiB we upload); the whole file is held in memory so
 * that a broken connection can be retried from the start.
 */
const MAX_DOWNLOAD_BYTES = 64 * 1024 * 1024;
function describeStatus(status) {
    return `HTTP ${status}`;
}
/** Content-Disposition's filename (RFC 6266: `filename*` wins over `filename`). */
function filenameFromContentDisposition(header) {
    if (!header)
        return undefined;
    const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
    if (extended?.[2]) {
        try {
            return decodeURIComponent(extended[2].trim());
        }
        catch {
            // fall through to the plain form
        }
    }
    const quoted = /filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(header);
    if (quoted?.[1] !== undefined)
        return quoted[1].replace(/\\(.)/g, '$1');
    const plain = /filename\s*=\s*([^;]+)/i.exec(header);
    return plain?.[1]?.trim() || undefined;
}
function headerValue(headers, name) {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
}
function errorCode(error) {
    const code = error?.code;
    if (typeof code === 'string')
        return code;
    // fetch-style errors keep the system error as their cause.
    const cause = error?.cause?.code;
    return typeof cause === 'string' ? cause : undefined;
}
function isTimeout(error) {
    const code = errorCode(error);
    return (code === 'HEADERS_TIMEOUT' ||
        code === 'BODY_TIMEOUT' ||
        code === 'CONNECT_TIMEOUT' ||
        error?.name === 'TimeoutError');
}
/** Failures to connect at all: the request never left, so nothing can have happened on the Console. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'EHOSTDOWN', 'CONNECT_TIMEOUT']);
/**
 * The request never reached the Console: no connection, no name, or a TLS
 * handshake that failed. The wire says so when it knows (`connected`, see
 * client.ts): a TLS alert or an ECONNRESET is either, by when it came.
 */
function neverSent(error, code) {
    const connected = error?.connected;
    if (typeof connected === 'boolean')
        return !connected;
    return code !== undefined && (NOT_SENT_CODES.has(code) || code === 'ENOTFOUND' || /CERT|^ERR_TLS_|^ERR_SSL_|^UNABLE_TO_/.test(code));
}
/**
 * Connection failures worth another attempt. Not among them: a name that
 * does not resolve (ENOTFOUND: a wrong 'console' input, better said at once)
 * and TLS failures (a certificate problem is not flakiness).
 */
const RETRYABLE_CODES = new Set([...NOT_SENT_CODES, 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT']);
/** Statuses that say "later": rate limiting and a gateway or Console that is briefly unavailable. */
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);
/** What a connection error code means, in words a user can act on; `check` is what names the host (`'console'`, or a proxy's variable). */
function explainCode(code, check) {
    if (code === 'ENOTFOUND')
        return `the name does not resolve; check ${check}`;
    if (code === 'EAI_AGAIN')
        return 'the name could not be resolved just now (DNS)';
    if (code === 'ECONNREFUSED')
        return `the connection was refused; check ${check} and that nothing blocks the port`;
    if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'ENETDOWN' || code === 'EHOSTDOWN')
        return 'no route to the host';
    if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED')
        return 'the connection was closed by the other end';
    if (code === 'ETIMEDOUT')
        return 'the connection timed out';
    // Node's HTTP parser (llhttp): the bytes that came back were not an HTTP answer it accepts.
    if (code === 'HPE_HEADER_OVERFLOW')
        return `the answer's headers were larger than ${external_node_http_.maxHeaderSize / 1024} KiB`;
    if (code.startsWith('HPE_'))
        return 'the answer was not valid HTTP';
    if (code === 'ERR_TLS_CERT_ALTNAME_INVALID')
        return 'TLS failed: the certificate does not name this host';
    if (code === 'CERT_HAS_EXPIRED')
        return 'TLS failed: the certificate has expired';
    if (/SELF_SIGNED|UNABLE_TO_(GET|VERIFY)/.test(code))
        return 'TLS failed: the certificate is not signed by a trusted authority (a TLS-inspecting proxy? set NODE_EXTRA_CA_CERTS)';
    if (/CERT|^ERR_TLS_|^ERR_SSL_/.test(code))
        return 'TLS failed';
    return undefined;
}
/**
 * The proxy's own refusal of a tunnel (Node's ERR_PROXY_TUNNEL, "... HTTP/1.1 407 Proxy Authentication Required"):
 * its status line, cut short and without control characters (it is the proxy's text).
 */
function proxyRefusal(error) {
    if (tunnelClosed(error))
        return 'the proxy closed the connection before the tunnel was up';
    // Node sets NaN when the answer's first line has no status: not an HTTP answer.
    if (tunnelStatus(error) === undefined)
        return "the proxy's answer to CONNECT was not HTTP";
    const status = /\bHTTP\/\d(?:\.\d)? (\d{3}[^\r\n]{0,80})/.exec((0,errors/* errorMessage */.g)(error))?.[1];
    // eslint-disable-next-line no-control-regex -- control characters are what goes
    return status ? `the proxy refused the tunnel (HTTP ${status.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim()})` : 'the proxy refused the tunnel';
}
/** Node's ERR_PROXY_TUNNEL without a status: the proxy closed the connection before it answered CONNECT ("... ended unexpectedly"). */
function tunnelClosed(error) {
    return error?.statusCode === undefined;
}
/** The status of a proxy's refusal of CONNECT (Node's ERR_PROXY_TUNNEL sets `statusCode`), if it answered with one. */
function tunnelStatus(error) {
    const status = error?.statusCode;
    return typeof status === 'number' && Number.isInteger(status) ? status : undefined;
}
/**
 * A tunnel the proxy did not set up, worth another attempt: it closed the connection before answering, or said
 * "later" (502, 503, 504: it could not reach the server just now; 429). Not a 407 or 403: credentials or a rule.
 * Nothing went through, so even a create is safe to send again.
 */
function tunnelRetryable(error, code) {
    if (code !== 'ERR_PROXY_TUNNEL')
        return false;
    if (tunnelClosed(error))
        return true;
    const status = tunnelStatus(error);
    return status !== undefined && RETRYABLE_STATUSES.has(status);
}
function networkError(error, timeoutMs, dialect, target, elsewhere = false, proxy) {
    if (error instanceof http_errors/* ApiError */.hD)
        return error;
    const through = proxy ? ` through ${(0,http_proxy/* describeProxy */.GK)(proxy)}` : '';
    if (isTimeout(error)) {
        return new http_errors/* ApiError */.hD(`${target && elsewhere ? target.origin : dialect.serverName} did not answer within ${timeoutMs / 1000} s${through} (raise 'timeout-seconds' if it is slow)`, 'timeout');
    }
    const code = errorCode(error);
    // Through a proxy, a failure to connect is the proxy's: the server is the proxy's to reach.
    const check = proxy && neverSent(error, code) ? proxy.variable : `'${dialect.serverInput}'`;
    const explanation = code === 'ERR_PROXY_TUNNEL' ? proxyRefusal(error) : code ? explainCode(code, check) : undefined;
    const detail = code ? (explanation ? `${code}: ${explanation}` : code) : (0,errors/* errorMessage */.g)(error);
    // The origin only: a signed storage URL's query is a credential.
    const where = target ? target.origin : dialect.serverName;
    const what = code && !neverSent(error, code) ? `the connection to ${where} broke` : `could not reach ${where}`;
    return new http_errors/* ApiError */.hD(`${what}${through} (${detail})`, 'network');
}
/** One attempt's failure, with what deciding on another attempt needs. */
class FailedAttempt extends Error {
    error;
    retryReason;
    mayHaveActed;
    retryAfter;
    constructor(error, 
    /** Why another attempt may succeed; undefined when it would fail the same way. */
    retryReason, 
    /** The Console may have carried the request out. */
    mayHaveActed, retryAfter) {
        super(error.message);
        this.error = error;
        this.retryReason = retryReason;
        this.mayHaveActed = mayHaveActed;
        this.retryAfter = retryAfter;
    }
}
/**
 * An attempt that failed before or while the request travelled, or while its
 * answer came (no answer to judge). An answer that had begun to come was sent,
 * whatever the failure's code says.
 */
function failedInTransit(error, timeoutMs, dialect, target, elsewhere = false, proxy) {
    const code = errorCode(error);
    const mapped = networkError(error, timeoutMs, dialect, target, elsewhere, proxy);
    const retryable = mapped.failure === 'timeout' || (code !== undefined && RETRYABLE_CODES.has(code)) || tunnelRetryable(error, code);
    const reason = mapped.failure === 'timeout' ? 'timeout' : `connection error ${code ?? ''}`.trim();
    return new FailedAttempt(mapped, retryable ? reason : undefined, !neverSent(error, code));
}
/** A failure while an answer's body came: the request was sent, so its connection was up. */
function answerBroke(error) {
    if (typeof error === 'object' && error !== null && !(error instanceof http_errors/* ApiError */.hD))
        Object.assign(error, { connected: true });
    return error;
}
/** An attempt the Console answered, with an error. */
function failedAnswer(error, retryAfter) {
    const status = error.status ?? 0;
    const retryable = RETRYABLE_STATUSES.has(status);
    // A 5xx may come after the work was done, and a 2xx we could not read may
    // be a success; a 4xx (429 included) and an error the Console explains are refusals.
    const mayHaveActed = status >= 500 || (status >= 200 && status < 300 && error.failure === 'not-json');
    return new FailedAttempt(error, retryable ? `HTTP ${status}` : undefined, mayHaveActed, retryable ? retryAfter : undefined);
}
/**
 * How long `Retry-After` asks us to wait (delta seconds or an HTTP date), or
 * undefined when it says nothing usable.
 */
function retryAfterMs(header, now = Date.now()) {
    const value = header?.trim();
    if (!value)
        return undefined;
    if (/^\d+$/.test(value))
        return Number(value) * 1000;
    // An HTTP date names its day and month in words.
    const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/**
 * The wait before attempt `failedAttempt + 1`: the Console's `Retry-After`
 * when it gave one (capped), else exponential backoff with jitter (a random
 * point in the upper half of the doubled wait), so that many runs failing
 * together do not come back together.
 */
function retryDelayMs(policy, failedAttempt, retryAfter, random = Math.random) {
    const asked = retryAfterMs(retryAfter);
    if (asked !== undefined)
        return Math.min(asked, policy.maxRetryAfterMs);
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedAttempt - 1));
    return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
function seconds(ms) {
    return `${Number((ms / 1000).toFixed(1))} s`;
}
/** A short, safe description of a body that is not JSON: never the body itself. */
function describeNonJson(contentType, text) {
    const type = contentType?.split(';')[0]?.trim() || 'no content type';
    return `the answer was not JSON (${type}, ${Buffer.byteLength(text)} bytes)`;
}
/**
 * A parameter as the reference writes it. Booleans are `True`/`False`: the
 * form the reference gives for `active` ("If set to True"), the one Thinkst's
 * Python client and scripts send (`str(True)`), and one a Console that
 * compares case-insensitively reads too.
 */
function parameterText(value) {
    if (value === true)
        return 'True';
    if (value === false)
        return 'False';
    return String(value);
}
/** Redirects a download follows; beyond this many hops it fails. */
const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
function downloadUrl(baseUrl, endpoint, params) {
    const url = new URL(endpoint.path, baseUrl);
    for (const [name, value] of Object.entries(params)) {
        if (value !== undefined && value !== null)
            url.searchParams.set(name, parameterText(value));
    }
    return url;
}
/** Where a download's redirect leads, refused when it has no target, leads off https or goes round too often. */
function nextHop(from, location, hops, status) {
    const refuse = (why) => {
        throw new FailedAttempt(new http_errors/* ApiError */.hD(`${describeStatus(status)}: the download was redirected ${why}`, 'redirect', status), undefined, false);
    };
    if (hops >= MAX_REDIRECTS)
        return refuse(`more than ${MAX_REDIRECTS} times; stopped following`);
    if (!location)
        return refuse('without a Location');
    let target;
    try {
        target = new URL(location, from);
    }
    catch {
        return refuse('to an address that is not a URL');
    }
    const shown = `${target.origin}${target.pathname}`;
    if (target.protocol !== 'https:' && target.protocol !== 'http:')
        return refuse(`to ${target.protocol} (only https is followed)`);
    if (target.username || target.password)
        return refuse(`to ${shown} with credentials in the URL`);
    // As for 'console': plain http to loopback hosts only.
    if (target.protocol === 'http:' && !(0,server_url/* isLoopback */.U9)(target.hostname)) {
        return refuse(`to plain http (${shown}); not followed: the file would cross the network in clear text`);
    }
    return target;
}
/** Bodies at most this large are looked at to tell an error from a file. */
const SNIFF_BYTES = 64 * 1024;
/** The `<title>` of an HTML page, short and on one line. */
function htmlTitle(text) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.replace(/\s+/g, ' ').trim();
    return title ? title.slice(0, 120) : undefined;
}
/**
 * Why a download's answer is not the file, or undefined when it is. Decided
 * by the body as well as the headers: a Console may answer an error with 200
 * and `text/html` or no Content-Type, so a small body that is a JSON
 * `{"result": ...}` or an HTML page is an answer, never the token's file (no
 * token file is either).
 */
function downloadFailure(dialect, status, contentType, disposition, content) {
    const head = content.subarray(0, SNIFF_BYTES).toString('utf8').replace(/^\uFEFF/, '').trimStart();
    const looksJson = head.startsWith('{') && content.length <= SNIFF_BYTES;
    const looksHtml = /^<(!doctype html|html|head|body)\b/i.test(head);
    const text = looksJson || looksHtml ? content.toString('utf8') : '';
    let record;
    if (looksJson) {
        try {
            const parsed = JSON.parse(text);
            if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && dialect.isAnswerRecord(parsed)) {
                record = parsed;
            }
        }
        catch {
            // not JSON after all: judged below like any other body
        }
    }
    if (record) {
        const failure = dialect.errorForAnswer(status, 'application/json', text);
        return failure ?? new http_errors/* ApiError */.hD(`${describeStatus(status)}: ${dialect.serverName} answered with JSON instead of a file`, 'result', status);
    }
    if (status < 200 || status >= 300)
        return dialect.errorForAnswer(status, contentType, text || content.toString('utf8'));
    if (looksHtml) {
        const title = htmlTitle(text);
        return new http_errors/* ApiError */.hD(`${describeStatus(status)}: ${dialect.serverName} answered with an HTML page instead of the file${title ? ` ("${title}")` : ''}`, 'not-json', status, title);
    }
    if (/\bjson\b/i.test(contentType ?? '') && !disposition) {
        return new http_errors/* ApiError */.hD(`${describeStatus(status)}: ${describeNonJson(contentType, content.toString('utf8'))}`, 'not-json', status);
    }
    return undefined;
}
/**
 * The one module that speaks HTTP to Canary servers: it owns the URL, the auth
 * header, body encoding, timeouts, retries and the mapping of every failure
 * to a ApiError. It knows nothing of action inputs or of `@actions/core`.
 */
class HttpTransport {
    options;
    client;
    policy;
    constructor(options) {
        this.options = options;
        this.client = options.client ?? new NodeHttpClient(options.timeoutMs, options.proxy);
        this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    }
    /**
     * Calls a JSON endpoint; resolves only on a verified success. Failures
     * worth another attempt are retried; `recover` settles a call that is not
     * safe to repeat (see `Recovery`).
     */
    async call(endpoint, params = {}, files = {}, recover) {
        return this.withRetries(endpoint, () => this.callOnce(endpoint, params, files), recover);
    }
    async callOnce(endpoint, params, files) {
        const { statusCode, headers, body } = await this.send(endpoint, params, files, 'application/json');
        const answer = this.judged(statusCode, headers, await this.readAnswer(body));
        const field = endpoint.answers;
        if (field !== undefined) {
            const value = answer?.[field];
            if (typeof value !== 'object' || value === null || Array.isArray(value)) {
                const server = this.options.dialect.serverName;
                // A call not safe to repeat may have been carried out all the same (a key added): say so, it is not sent again.
                const mayHaveActed = (endpoint.repeatable ?? endpoint.method === 'GET') ? '' : `; it may have been carried out all the same: check ${server} before trying again`;
                throw failedAnswer(new http_errors/* ApiError */.hD(`HTTP ${statusCode}: ${server} answered "success" without the "${field}" object${mayHaveActed}`, 'not-json', statusCode), undefined);
            }
        }
        const list = endpoint.answersList;
        if (list !== undefined && !Array.isArray(answer?.[list])) {
            throw failedAnswer(new http_errors/* ApiError */.hD(`HTTP ${statusCode}: ${this.options.dialect.serverName} answered "success" without the "${list}" list`, 'not-json', statusCode), undefined);
        }
        return answer;
    }
    /** An answer's bytes, read whole (bounded); a connection that breaks meanwhile is a failed attempt. */
    async readAnswer(body) {
        try {
            return await readBody(body, MAX_JSON_BYTES);
        }
        catch (error) {
            throw failedInTransit(answerBroke(error), this.options.timeoutMs, this.options.dialect, this.options.baseUrl, false, this.proxyFor(this.options.baseUrl));
        }
    }
    /** The answer's JSON when the dialect calls it a success, its secrets masked; otherwise the failed attempt it is. */
    judged(statusCode, headers, content) {
        const text = content.toString('utf8');
        // Parsed once, here: the dialect judges the parsed answer, and the caller gets the same one.
        const parsed = parseAnswer(text);
        const failure = this.options.dialect.errorForAnswer(statusCode, headerValue(headers, 'content-type'), text, headerValue(headers, 'location'), parsed);
        if (failure) {
            if (parsed)
                this.maskSecrets(parsed.json, statusCode);
            throw failedAnswer(failure, headerValue(headers, 'retry-after'));
        }
        if (!parsed)
            throw failedAnswer(new http_errors/* ApiError */.hD(`HTTP ${statusCode}: ${describeNonJson(headerValue(headers, 'content-type'), text)}`, 'not-json', statusCode), undefined);
        this.maskSecrets(parsed.json, statusCode);
        return parsed.json;
    }
    /**
     * Masks the credentials a parsed answer holds. JSON.parse reads any depth,
     * the walk for credentials does not: an answer nested too deeply for it is
     * a failed attempt (it was not read, and nothing may see it unmasked), not
     * a RangeError that names no call or server.
     */
    maskSecrets(json, statusCode) {
        let secrets;
        try {
            secrets = this.options.findSecrets(json);
        }
        catch (error) {
            if (!(error instanceof RangeError))
                throw error;
            throw failedAnswer(new http_errors/* ApiError */.hD(`HTTP ${statusCode}: the answer was nested too deeply to read`, 'not-json', statusCode), undefined);
        }
        for (const secret of secrets)
            this.options.onSecret(secret);
    }
    /**
     * Calls a JSON endpoint whose answer holds a long list in `field` (a page
     * of a listing), like `call`, but leaves the list's items as bytes until
     * they are read: the answer comes back with `field` empty, and `items`
     * parses them one at a time (see json-list.ts), masking each item's
     * secrets before handing it out. A page of items is never on the heap at
     * once. An item that does not parse fails the call as `call` would have
     * failed it (that answer was not JSON), with the attempts it took; read
     * every item to be sure there is none (a walk reads the rest of a page
     * before asking for the next). `items` is undefined when the answer's
     * `field` is not a list. The dialect judges the answer by everything but
     * the list's items, as the Console's does (status, `result`, `message`).
     * For endpoints safe to repeat only (listings are reads). Once `signal`
     * is aborted (a page asked for ahead that nobody wants any more), a failed
     * attempt is not tried again nor waited for.
     */
    async callList(endpoint, params, field, signal) {
        if (!(endpoint.repeatable ?? endpoint.method === 'GET'))
            throw new Error(`callList is for endpoints safe to repeat, not ${endpoint.method} ${endpoint.path}`);
        let tries = { number: 1, earlierAttemptMayHaveActed: false };
        // Loaded by listings only: no other step compiles it.
        const cutter = await __webpack_require__.e(/* import() */ 204).then(__webpack_require__.bind(__webpack_require__, 37204));
        return this.withRetries(endpoint, async (attempt) => {
            tries = { ...attempt };
            const { statusCode, headers, body } = await this.send(endpoint, params, {}, 'application/json');
            const content = await this.readAnswer(body);
            const cut = statusCode >= 200 && statusCode < 300 ? this.cutList(cutter, statusCode, headers, content, field) : undefined;
            if (cut) {
                // Judged as the whole answer would have been, when an item shows that it was not JSON after all.
                const notJson = () => {
                    try {
                        this.judged(statusCode, headers, content);
                    }
                    catch (thrown) {
                        if (thrown instanceof FailedAttempt)
                            return this.gaveUp(endpoint, thrown.error, tries);
                        throw thrown;
                    }
                    // Unreachable: pieces that do not all parse make an answer that does not either.
                    return this.gaveUp(endpoint, new http_errors/* ApiError */.hD(`HTTP ${statusCode}: ${describeNonJson(headerValue(headers, 'content-type'), content.toString('utf8'))}`, 'not-json', statusCode), tries);
                };
                return { answer: cut.answer, items: this.listItems(cutter, content, cut.bounds, field, notJson) };
            }
            const answer = this.judged(statusCode, headers, content);
            const list = answer[field];
            return { answer, items: Array.isArray(list) ? takeEach(list) : undefined };
        }, undefined, signal);
    }
    /** The answer with its list cut out, when it can be cut and, so cut, is a success; undefined to judge it whole. */
    cutList(cutter, statusCode, headers, content, field) {
        const bounds = cutter.listBounds(content, field);
        if (!bounds)
            return undefined;
        const text = cutter.envelopeText(content, bounds);
        const parsed = parseAnswer(text);
        if (!parsed || this.options.dialect.errorForAnswer(statusCode, headerValue(headers, 'content-type'), text, headerValue(headers, 'location'), parsed))
            return undefined;
        this.maskSecrets(parsed.json, statusCode);
        return { answer: parsed.json, bounds };
    }
    /** The list's items, each parsed when it is read, its secrets masked first (found as the whole answer's walk finds them: under `field`). */
    *listItems(cutter, content, bounds, field, notJson) {
        const count = bounds.items.length / 2;
        for (let index = 0; index < count; index++) {
            let item;
            try {
                item = JSON.parse(cutter.itemText(content, bounds, index));
                for (const secret of this.options.findSecrets({ [field]: [item] }))
                    this.options.onSecret(secret);
            }
            catch {
                // Not JSON, or nested too deeply to look for its secrets: judged whole, it fails as it would have whole.
                throw notJson();
            }
            yield item;
        }
    }
    /**
     * Calls an endpoint that answers with a file. The whole file is read
     * before this resolves (bounded), so a connection that breaks mid-file is
     * retried from the start and the caller never sees half a file. An answer
     * in JSON, or any error status, is mapped like `call` does.
     */
    async download(endpoint, params = {}) {
        return this.withRetries(endpoint, () => this.downloadOnce(endpoint, params));
    }
    async downloadOnce(endpoint, params) {
        let answer = await this.send(endpoint, params, {}, '*/*');
        let url = downloadUrl(this.options.baseUrl, endpoint, params);
        // Downloads follow redirects, as the reference's `curl -L` and
        // `allow_redirects=True` do; each hop is ours, so the auth header goes to
        // the Console's own origin only and never to storage elsewhere.
        for (let hops = 0; REDIRECT_STATUSES.has(answer.statusCode); hops++) {
            // Read out, so that the hop goes on the same connection.
            await discard(answer.body);
            const location = headerValue(answer.headers, 'location');
            const next = nextHop(url, location, hops, answer.statusCode);
            this.options.logger?.debug(`${endpoint.method} ${endpoint.path}: HTTP ${answer.statusCode}, following the redirect to ${next.origin}${next.pathname}`);
            url = next;
            answer = await this.get(url, '*/*');
        }
        const { statusCode, headers, body } = answer;
        const contentType = headerValue(headers, 'content-type');
        const disposition = headerValue(headers, 'content-disposition');
        let content;
        try {
            content = await readBody(body, MAX_DOWNLOAD_BYTES);
        }
        catch (error) {
            throw failedInTransit(answerBroke(error), this.options.timeoutMs, this.options.dialect, url, url.origin !== this.options.baseUrl.origin, this.proxyFor(url));
        }
        const failure = downloadFailure(this.options.dialect, statusCode, contentType, disposition, content);
        if (failure) {
            if (failure.failure !== 'not-json')
                this.maskSecretsIn(content.toString('utf8'));
            throw failedAnswer(failure, headerValue(headers, 'retry-after'));
        }
        return {
            body: external_node_stream_.Readable.from([content], { objectMode: false }),
            filename: filenameFromContentDisposition(disposition),
            contentType,
            contentLength: content.length
        };
    }
    /**
     * Runs attempts until one succeeds, a failure is not worth retrying, or
     * the retries are spent. Hand-written rather than undici's RetryAgent /
     * RetryHandler (v6), which cannot express our rules: when it gives up on a
     * retryable status it throws a RequestRetryError without the answer's body,
     * losing the Console's message (and whether the body was JSON at all); it
     * resumes a broken download with Range requests the Console does not
     * document; it has no hook to look at the Console between two attempts of
     * a create (the check that stops a flaky network from minting two tokens);
     * and it cannot log each retry.
     */
    async withRetries(endpoint, attempt, recover, signal) {
        const attempts = this.policy.retries + 1;
        const repeatable = endpoint.repeatable ?? endpoint.method === 'GET';
        const call = `${endpoint.method} ${endpoint.path}`;
        let earlierAttemptMayHaveActed = false;
        for (let number = 1;; number++) {
            try {
                return await this.gated(() => attempt({ number, earlierAttemptMayHaveActed }));
            }
            catch (thrown) {
                if (!(thrown instanceof FailedAttempt))
                    throw thrown;
                const { error } = thrown;
                const final = (message = error.message) => this.gaveUp(endpoint, error, { number, earlierAttemptMayHaveActed }, message);
                // Nobody wants the answer any more (signal): the failure stands, without another attempt or a wait for one.
                const retrying = thrown.retryReason !== undefined && number < attempts && !signal?.aborted;
                if (thrown.mayHaveActed && !repeatable) {
                    if (recover) {
                        // Even when no retry follows: a token the Console made must not be reported as a failure.
                        this.options.logger?.info(`${call}: attempt ${number} of ${attempts} failed (${error.message}); checking whether ${this.options.dialect.serverName} acted on it.`);
                        let settled;
                        try {
                            settled = await recover(error);
                        }
                        catch (check) {
                            const reason = (0,errors/* errorMessage */.g)(check);
                            // The check often fails as the call did (the same timeout): say it once.
                            const why = reason === error.message ? ' (checking whether it had failed the same way)' : `: ${reason}`;
                            throw final(`${error.message}; ${this.options.dialect.serverName} may have acted on it, so it was not sent again${why}`);
                        }
                        if (settled !== undefined) {
                            this.options.logger?.info(`${call}: ${this.options.dialect.serverName} had acted on attempt ${number}; not sending it again.`);
                            return settled;
                        }
                    }
                    else if (retrying) {
                        throw final(`${error.message}; not sent again: ${this.options.dialect.serverName} may have acted on it, and this call is not safe to repeat`);
                    }
                }
                if (!retrying)
                    throw final();
                earlierAttemptMayHaveActed ||= thrown.mayHaveActed && repeatable;
                const wait = retryDelayMs(this.policy, number, thrown.retryAfter);
                const why = retryAfterMs(thrown.retryAfter) === undefined ? '' : ` (${this.options.dialect.serverName} asked for this wait with Retry-After)`;
                this.options.logger?.info(`${call}: attempt ${number} of ${attempts} failed (${error.message}); trying again in ${seconds(wait)}${why}.`);
                if (this.options.sleep)
                    await this.options.sleep(wait);
                else
                    await (0,promises_.setTimeout)(wait, undefined, { signal }).catch(() => undefined);
                if (signal?.aborted)
                    throw final();
            }
        }
    }
    /** The error a call ends with: its last attempt's, with the number of attempts and what was tried. */
    gaveUp(endpoint, error, tries, message = error.message) {
        const hide = this.options.redact ?? ((text) => text);
        const serverMessage = error.serverMessage === undefined ? undefined : hide(error.serverMessage);
        return Object.assign(new http_errors/* ApiError */.hD(hide(message), error.failure, error.status, serverMessage, tries.number, tries.earlierAttemptMayHaveActed), {
            tried: `${endpoint.method} ${endpoint.path} at ${this.options.baseUrl.origin}`
        });
    }
    /** One attempt through the gate, which hears how it went. */
    async gated(attempt) {
        const gate = this.options.gate;
        if (!gate)
            return attempt();
        const leave = await gate.enter();
        try {
            const result = await attempt();
            leave({ status: 200 });
            return result;
        }
        catch (thrown) {
            const failed = thrown instanceof FailedAttempt ? thrown : undefined;
            const asked = retryAfterMs(failed?.retryAfter);
            leave({ status: failed?.error.status, retryAfterMs: asked === undefined ? undefined : Math.min(asked, this.policy.maxRetryAfterMs) });
            throw thrown;
        }
    }
    maskSecretsIn(text) {
        try {
            for (const secret of this.options.findSecrets(JSON.parse(text)))
                this.options.onSecret(secret);
        }
        catch {
            // not JSON: nothing structured to mask, and the body is never printed
        }
    }
    headersFor(url, accept) {
        const headers = { accept, 'user-agent': this.options.userAgent };
        // Credentials go in headers only (URLs end up in logs and proxies), and
        // only to the server's own origin.
        if (url.origin === this.options.baseUrl.origin)
            Object.assign(headers, this.options.dialect.authHeaders());
        return headers;
    }
    async send(endpoint, params, files, accept) {
        const url = new URL(endpoint.path, this.options.baseUrl);
        const headers = this.headersFor(url, accept);
        const entries = Object.entries(params)
            .filter((entry) => entry[1] !== undefined && entry[1] !== null)
            .map(([name, value]) => [name, parameterText(value)]);
        let body;
        if (endpoint.method === 'GET') {
            for (const [name, value] of entries)
                url.searchParams.set(name, value);
        }
        else if (Object.keys(files).length > 0) {
            const form = new FormData();
            for (const [name, value] of entries)
                form.set(name, value);
            for (const [name, path] of Object.entries(files)) {
                const type = (0,upload_types/* uploadMimeType */.w)(path);
                if (!type)
                    throw new http_errors/* ApiError */.hD(`cannot tell the MIME type of ${(0,external_node_path_.basename)(path)} from its extension`, 'not-json');
                form.set(name, await (0,external_node_fs_.openAsBlob)(path, { type }), (0,external_node_path_.basename)(path));
            }
            // Encoded by Node's own multipart encoder (fetch's, loaded by uploads only), whole: it goes with its length.
            const encoded = new Response(form);
            body = Buffer.from(await encoded.arrayBuffer());
            headers['content-type'] = encoded.headers.get('content-type') ?? 'multipart/form-data';
        }
        else if ((endpoint.body ?? this.options.dialect.bodyEncoding) === 'json') {
            // Values keep their JSON types; the header is exactly application/json (a server may compare it as a string).
            body = JSON.stringify(Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined && value !== null)));
            headers['content-type'] = 'application/json';
        }
        else {
            body = new URLSearchParams(entries).toString();
            headers['content-type'] = 'application/x-www-form-urlencoded';
        }
        this.options.logger?.debug(`${endpoint.method} ${endpoint.path}`);
        const answer = await this.dispatch(url, endpoint.method, headers, body);
        this.options.logger?.debug(`${endpoint.method} ${endpoint.path} -> HTTP ${answer.statusCode}`);
        return answer;
    }
    /** A GET to a redirect's target: the server's origin gets its credentials, any other origin nothing but the URL it gave. */
    async get(url, accept) {
        const answer = await this.dispatch(url, 'GET', this.headersFor(url, accept));
        this.options.logger?.debug(`GET ${url.origin}${url.pathname} -> HTTP ${answer.statusCode}`);
        return answer;
    }
    async dispatch(url, method, headers, body) {
        try {
            return await this.client.request(url, { method, headers, body });
        }
        catch (error) {
            throw failedInTransit(error, this.options.timeoutMs, this.options.dialect, url, url.origin !== this.options.baseUrl.origin, this.proxyFor(url));
        }
    }
    /** The proxy a request to `url` goes through, if any (errors name it). */
    proxyFor(url) {
        return (0,http_proxy/* goesThroughProxy */.U$)(url, this.options.proxy) ? this.options.proxy : undefined;
    }
    async close() {
        if (!this.options.client)
            await this.client.close();
    }
}
/** An array's items in order, each let go of by the array once handed out (the answer is ours alone). */
function* takeEach(list) {
    for (let index = 0; index < list.length; index++) {
        const item = list[index];
        list[index] = undefined;
        yield item;
    }
}
/** Reads an answer nobody wants to its end, so that its connection can carry the next request; past 128 KiB it is closed instead. */
async function discard(body) {
    let size = 0;
    try {
        for await (const chunk of body) {
            size += chunk.length;
            if (size > DISCARD_LIMIT) {
                body.destroy();
                return;
            }
        }
    }
    catch {
        // a broken connection is not reused
    }
}
const DISCARD_LIMIT = 128 * 1024;
async function readBody(body, limit) {
    const chunks = [];
    let size = 0;
    for await (const chunk of body) {
        size += chunk.length;
        if (size > limit) {
            body.destroy();
            throw new http_errors/* ApiError */.hD(`the answer was larger than ${limit / 1024 / 1024} MiB`, 'not-json');
        }
        chunks.push(chunk);
    }
    return Buffer.concat(chunks);
}


/***/ }),

/***/ 23272:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ UPLOAD_MIME_TYPES),
/* harmony export */   w: () => (/* binding */ uploadMimeType)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);

/**
 * The MIME type each file sent with create carries, from its extension. The
 * reference sends `-F 'web_image=@x.png; type=image/png'` (and the like for
 * `doc` and `pdf`), and Thinkst's Python client refuses to upload without a
 * type, so every part names one.
 */
const UPLOAD_MIME_TYPES = {
    '.png': 'image/png',
    '.jpg': 'image/jpeg',
    '.jpeg': 'image/jpeg',
    '.gif': 'image/gif',
    '.pdf': 'application/pdf',
    '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    '.doc': 'application/msword',
    '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    '.xls': 'application/vnd.ms-excel',
    '.exe': 'application/octet-stream',
    '.dll': 'application/octet-stream'
};
/** The MIME type for a file by its extension, or undefined when the extension is not one we know. */
function uploadMimeType(path) {
    return UPLOAD_MIME_TYPES[(0,node_path__WEBPACK_IMPORTED_MODULE_0__.extname)(path).toLowerCase()];
}


/***/ }),

/***/ 58175:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $A: () => (/* binding */ integerInput),
/* harmony export */   Jj: () => (/* binding */ requireAlertTarget),
/* harmony export */   Jz: () => (/* binding */ optionalBoolean),
/* harmony export */   Lr: () => (/* binding */ alertTargetInputs),
/* harmony export */   Qh: () => (/* binding */ INPUT_NAMES),
/* harmony export */   RY: () => (/* binding */ consoleParameter),
/* harmony export */   Rq: () => (/* binding */ flockIdInput),
/* harmony export */   UQ: () => (/* binding */ serverTokenIdInput),
/* harmony export */   WJ: () => (/* binding */ INPUT_DEFAULTS),
/* harmony export */   WK: () => (/* binding */ inputsFrom),
/* harmony export */   dU: () => (/* binding */ extraParamsInput),
/* harmony export */   eh: () => (/* binding */ actionInputs),
/* harmony export */   fn: () => (/* binding */ chosenBackend),
/* harmony export */   g5: () => (/* binding */ PLAIN_CREATE_INPUTS),
/* harmony export */   jR: () => (/* binding */ checkMemoLength),
/* harmony export */   kB: () => (/* binding */ yamlErrorReason),
/* harmony export */   pH: () => (/* binding */ SECRET_INPUTS),
/* harmony export */   s7: () => (/* binding */ COMMON_INPUTS),
/* harmony export */   tE: () => (/* binding */ booleanInput)
/* harmony export */ });
/* unused harmony exports MAX_MEMO_LENGTH, MAX_WEBHOOK_URL_LENGTH */
/* harmony import */ var _vendor_actions_core_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91194);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(50977);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(19473);



/**
 * The kind-specific inputs that go to the Console's create as they are
 * (each as its parameter: `consoleParameter`). Named once, here: the list of
 * every input holds them, and create sends them (operations/canarytokens.ts).
 */
const PLAIN_CREATE_INPUTS = ['cloned-web', 's3-source-bucket', 's3-log-bucket', 'aws-access-key', 'aws-secret-key', 'aws-region', 'aws-session-token'];
/**
 * Every input the action reads, spelled as in action.yml. A test checks that
 * action.yml declares exactly these, so the two cannot drift apart.
 */
const INPUT_NAMES = [
    'operation',
    'console',
    'auth-token',
    'canarytokens-server',
    'manage-auth',
    'alert-email',
    'alert-webhook',
    'timeout-seconds',
    'retries',
    'canarytoken',
    'kind',
    'memo',
    'flock-id',
    'web-image',
    'upload-file',
    ...PLAIN_CREATE_INPUTS,
    'browser-scanner-enabled',
    'aws-id-username',
    'delete-buckets',
    'hash',
    'clear-incidents',
    'extra-params',
    'download',
    'path',
    'filename',
    'artifact-name',
    'retention-days',
    'auth-token-type',
    'note',
    'key-id',
    'remove-auth-token',
    'include-secrets',
    'confirm',
    'memo-pattern',
    'created-before',
    'triggered',
    'enabled',
    'all',
    'action',
    'dry-run',
    'max-changes',
    'concurrency',
    'reuse',
    'manifest',
    'keep-on-failure',
    'aws-profile',
    'export-env',
    'on-console-error',
    'check-on-exit',
    'check-auth-token',
    'keep-credentials',
    'incident-state',
    'incidents-since',
    'github-token',
    'repository',
    'labels',
    'assignees',
    'acknowledge',
    'max-issues'
];
/**
 * Defaults as action.yml declares them (a test keeps the two equal). Inputs
 * not listed default to ''; parsers supply their own fallbacks.
 */
const INPUT_DEFAULTS = {
    'timeout-seconds': '30',
    retries: '3',
    'max-changes': '100',
    'aws-profile': 'default',
    'export-env': 'false',
    'on-console-error': 'warn',
    'check-on-exit': 'true',
    'keep-credentials': 'false',
    // An expression: the runner fills it in for every step, so it is never "set but unused".
    'github-token': '${{ github.token }}',
    labels: 'canarytoken',
    acknowledge: 'false',
    'max-issues': '20'
};
/** The Console parameter an input stands for: inputs are the API's names in kebab-case. */
function consoleParameter(name) {
    return name.replace(/-/g, '_');
}
/** Inputs every operation reads. */
const COMMON_INPUTS = ['operation', 'console', 'auth-token', 'canarytokens-server', 'timeout-seconds', 'retries'];
/**
 * Inputs whose values are credentials: masked before anything else runs,
 * never echoed. `alert-webhook` among them: a Slack or Discord webhook URL
 * lets anyone who holds it post to the channel.
 */
const SECRET_INPUTS = ['auth-token', 'check-auth-token', 'aws-secret-key', 'aws-session-token', 'remove-auth-token', 'github-token', 'manage-auth', 'alert-webhook'];
/**
 * Which server the step drives, from the inputs alone (nothing is sent):
 * `canarytokens-server` set -> that server; otherwise the Console. Both set
 * is a mix-up, refused.
 */
function chosenBackend(inputs) {
    if (!inputs.get('canarytokens-server'))
        return 'console';
    if (inputs.get('console')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d("Inputs 'console' and 'canarytokens-server' are both set; a step drives one server. Keep 'console' for your Canary Console, or 'canarytokens-server' for canarytokens.org or a self-hosted Canarytokens server, not both.");
    }
    return 'canarytokens-server';
}
/** The inputs as the runner passes them (`INPUT_<NAME>` variables). */
function actionInputs() {
    return { get: (name) => _vendor_actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(name) };
}
/** Inputs from a plain object: for tests and the demo. */
function inputsFrom(values) {
    return { get: (name) => (values[name] ?? '').trim() };
}
/** Exactly what GitHub's own `core.getBooleanInput` accepts (YAML 1.2 core schema booleans). */
const TRUE_VALUES = ['true', 'True', 'TRUE'];
const FALSE_VALUES = ['false', 'False', 'FALSE'];
/** A boolean input; `undefined` when not set, so callers can tell "false" from "not given". */
function optionalBoolean(inputs, name) {
    const raw = inputs.get(name);
    if (raw === '')
        return undefined;
    if (TRUE_VALUES.includes(raw))
        return true;
    if (FALSE_VALUES.includes(raw))
        return false;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(`Input '${name}' must be true or false (as GitHub reads booleans: true, True, TRUE, false, False or FALSE), not '${raw}'.`);
}
/** A flock id as the Console writes them: `flock:default`, `flock:<hex>`. */
const FLOCK_ID = /^flock:[A-Za-z0-9_-]+$/;
/** `flock-id`, checked before any request; undefined when not set. */
function flockIdInput(inputs) {
    const value = inputs.get('flock-id');
    if (value === '')
        return undefined;
    if (!FLOCK_ID.test(value)) {
        const hint = /^[A-Za-z0-9_-]+$/.test(value) ? `; did you mean 'flock:${value}'?` : '.';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(`Input 'flock-id' must be a flock id, which looks like 'flock:default' or 'flock:<id>', not '${value}'${hint}`);
    }
    return value;
}
function booleanInput(inputs, name, fallback = false) {
    return optionalBoolean(inputs, name) ?? fallback;
}
function integerInput(inputs, name, limits) {
    const raw = inputs.get(name);
    if (raw === '')
        return limits.fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < limits.min || Number(raw) > limits.max) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(`Input '${name}' must be a whole number from ${limits.min} to ${limits.max}, not '${raw}'.`);
    }
    return Number(raw);
}
/** The Console's limit on memos, in characters as Python's len() counts them: code points. */
const MAX_MEMO_LENGTH = 10_000;
/** Refuses a memo (after its placeholders are filled) longer than the Console takes. */
function checkMemoLength(memo, where) {
    const length = (0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .codePointLength */ .O7)(memo);
    if (length > MAX_MEMO_LENGTH) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(`${where} is ${length} characters long; the Console accepts at most ${MAX_MEMO_LENGTH}.`);
    }
    return memo;
}
/** Console parameter names: what `extra-params` may pass through. */
const PARAMETER_NAME = /^[a-z][a-z0-9_]*$/;
/**
 * `extra-params`: a YAML mapping of further Console parameters, passed as
 * they are, so users are never blocked on a parameter we did not name. A
 * parameter that has an input of its own must be given through that input,
 * so validation and masking see it.
 */
/**
 * A YAML parse error as one clause that keeps its excerpt: the parser's first
 * line ("... at line 3, column 1") and the source line it points at, quoted
 * (the nearest line above with text, when that line is blank). The parser's
 * own excerpt spans several lines, which an ::error:: line does not show.
 */
function yamlErrorReason(error, source) {
    const first = (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .g)(error).split('\n')[0]?.replace(/:\s*$/, '') ?? '';
    const at = error.linePos?.[0]?.line;
    if (!at)
        return first;
    const lines = source.split(/\r?\n/);
    let shown = at;
    while (shown > 1 && !lines[shown - 1]?.trim())
        shown--;
    const text = lines[shown - 1] ?? '';
    if (!text.trim())
        return first;
    const excerpt = JSON.stringify(text.length > 120 ? `${Array.from(text).slice(0, 117).join('')}...` : text);
    return shown === at ? `${first}: ${excerpt}` : `${first} (line ${shown}: ${excerpt})`;
}
async function extraParamsInput(inputs, namedParameters) {
    const raw = inputs.get('extra-params');
    if (raw === '')
        return {};
    // Loaded only when there is YAML to read: most steps have none, and every step pays for what loads at start-up.
    const { parse: parseYaml } = await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 38815, 19));
    let parsed;
    try {
        parsed = parseYaml(raw);
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(`Input 'extra-params' must be a YAML mapping of Console parameters (${yamlErrorReason(error, raw)}).`);
    }
    if (parsed === null || parsed === undefined)
        return {};
    if (typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d("Input 'extra-params' must be a YAML mapping, e.g. 'expiry: 6mo'.");
    }
    const params = {};
    for (const [name, value] of Object.entries(parsed)) {
        if (!PARAMETER_NAME.test(name)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(`Input 'extra-params' has '${name}', which is not a Console parameter name (lower case, digits and _).`);
        }
        if (name === 'auth_token') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d("Input 'extra-params' must not hold 'auth_token': the action sends the token from 'auth-token' in a header.");
        }
        if (namedParameters.has(name)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(`Input 'extra-params' has '${name}'; use the input '${name.replace(/_/g, '-')}' instead.`);
        }
        if (value !== null && typeof value === 'object') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(`Input 'extra-params' value of '${name}' must be a single value, not a list or mapping.`);
        }
        params[name] = value === null ? '' : value;
    }
    return params;
}
/** The address rule the Canarytokens server applies (queries.is_valid_email), on the lower-cased address. */
const SERVER_EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
/**
 * Domains the server's EmailStr (email-validator 2: SPECIAL_USE_DOMAIN_NAMES) refuses, and every name under them;
 * it also wants the domain to end in a letter.
 */
const SPECIAL_USE_DOMAINS = ['arpa', 'invalid', 'local', 'localhost', 'onion', 'test'];
/** The longest webhook URL a Canarytokens server takes (constants.py MAX_WEBHOOK_URL_LENGTH). */
const MAX_WEBHOOK_URL_LENGTH = 1024;
/**
 * The host rule of the server's `webhook_url` field (pydantic v1 `HttpUrl`, tld_required): an IP address, or a
 * name whose last label is 2 to 63 letters (a trailing dot allowed); `new URL` has made an international name
 * punycode, whose top-level label is `xn--...`. Anything else the server refuses as malformed (error 1).
 */
function hasTopLevelDomain(hostname) {
    if (hostname.startsWith('[') || /^\d{1,3}(?:\.\d{1,3}){3}$/.test(hostname))
        return true;
    return /\.(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})\.?$/i.test(hostname);
}
/** Addresses a Canarytokens server refuses to POST to (advocate, the frontend's webhook validator): loopback, private, link-local, ... */
function isPrivateAddress(hostname) {
    const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (host === 'localhost' || host.endsWith('.localhost'))
        return true;
    const v4 = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(host);
    if (v4) {
        const [a, b] = [Number(v4[1]), Number(v4[2])];
        return a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || a >= 224;
    }
    if (host.includes(':'))
        return host === '::1' || host === '::' || /^f[cd]/.test(host) || /^fe[89ab]/.test(host) || /^ff/.test(host) || host.startsWith('::ffff:');
    return false;
}
/**
 * `alert-email` and `alert-webhook`, checked before any request for what the
 * server would refuse: an address its rule does not take, a webhook that is
 * not an http(s) URL, longer than it takes, or on an address it will not
 * POST to. (The server POSTs a test message to the webhook when a token is
 * made and refuses the token when that fails; a name that resolves to a
 * private address cannot be seen from here.)
 */
function alertTargetInputs(inputs) {
    const email = inputs.get('alert-email');
    const webhook = inputs.get('alert-webhook');
    if (email) {
        if (email.length > 254 || !SERVER_EMAIL.test(email.toLowerCase())) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(`Input 'alert-email' must be one e-mail address such as security@example.com (letters, digits and !#$%&'*+/=?^_\`{|}~- before the @, an ASCII domain after it); the server refuses '${email}'.`);
        }
        const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
        const special = SPECIAL_USE_DOMAINS.find((name) => domain === name || domain.endsWith(`.${name}`));
        if (special || !/[a-z]$/.test(domain)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(`Input 'alert-email' must be an address the server can mail: ${special ? `'${domain}' is under the special-use domain '${special}'` : `'${domain}' does not end in a letter (a top-level domain)`}, which its address check (email-validator) refuses. Use an address at a public domain such as security@example.com.`);
        }
    }
    if (webhook) {
        let url;
        try {
            url = new URL(webhook);
        }
        catch {
            url = undefined;
        }
        if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d("Input 'alert-webhook' must be an https:// (or http://) URL the server can POST alerts to, e.g. a Slack, Teams or Discord webhook.");
        }
        if (webhook.length > MAX_WEBHOOK_URL_LENGTH) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(`Input 'alert-webhook' is ${webhook.length} characters long; the server takes webhook URLs of at most ${MAX_WEBHOOK_URL_LENGTH}.`);
        }
        if (isPrivateAddress(url.hostname)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(`Input 'alert-webhook' points at ${url.hostname}, a loopback or private address: the Canarytokens server refuses to POST to those (it tests the webhook when it makes the token). Use a webhook the server can reach over the internet.`);
        }
        if (!hasTopLevelDomain(url.hostname)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(`Input 'alert-webhook' points at ${url.hostname}, a host name without a top-level domain: the Canarytokens server takes webhook URLs whose host is an IP address or a name like hooks.slack.com (pydantic's HttpUrl). Use the webhook's full host name.`);
        }
    }
    return { email: email || undefined, webhook: webhook || undefined };
}
/** A Canarytokens server's token id (tokens.Canarytoken: 25 of 0-9 and a-z). */
const SERVER_TOKEN_ID = /^[0-9a-z]{25}$/;
/**
 * `canarytoken` on a Canarytokens server, checked before any request: the
 * server finds a token inside any text it is given (Canarytoken()), then
 * compares the text with it and answers 403 "Token not found", the answer
 * it gives for a deleted token. The value is not repeated: a manage page's
 * URL pasted here carries the manage auth.
 */
function serverTokenIdInput(value) {
    if (SERVER_TOKEN_ID.test(value))
        return value;
    const hint = /^[0-9a-z]{25}$/i.test(value)
        ? ' Write it in lower case, as the server keeps it.'
        : value.includes('/')
            ? " Give the token's id alone, not its URL or manage page."
            : '';
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(`Input 'canarytoken' on a Canarytokens server must be the token's id, 25 lower-case letters and digits (the 'canarytoken' output of the step that made it); the value given is ${(0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .codePointLength */ .O7)(value)} characters long.${hint}`);
}
/** Creating a token on a Canarytokens server needs somewhere to send its alerts: refused before any request otherwise. */
function requireAlertTarget(inputs, operation) {
    if (chosenBackend(inputs) !== 'canarytokens-server')
        return;
    const targets = alertTargetInputs(inputs);
    if (!targets.email && !targets.webhook) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(`Operation '${operation}' on a Canarytokens server needs 'alert-email' or 'alert-webhook' (or both): the server sends each token's alerts there and makes no token without one.`);
    }
}


/***/ }),

/***/ 8793:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./build/vendor/actions-core.js
var actions_core = __webpack_require__(91194);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
;// CONCATENATED MODULE: ./build/environment.js

/** Reads what the runner tells us about the job; outside a runner, sensible local stand-ins. */
function runEnvironment(env = process.env) {
    return {
        workspace: env.GITHUB_WORKSPACE || process.cwd(),
        runnerTemp: env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(),
        artifactRuntime: Boolean(env.ACTIONS_RUNTIME_TOKEN && env.ACTIONS_RESULTS_URL)
    };
}

// EXTERNAL MODULE: ./build/errors.js
var errors = __webpack_require__(19473);
// EXTERNAL MODULE: ./build/inputs.js
var build_inputs = __webpack_require__(58175);
// EXTERNAL MODULE: ./build/near-miss.js
var near_miss = __webpack_require__(47001);
;// CONCATENATED MODULE: ./build/operations/index.js



/**
 * THE operation table: name -> inputs it needs and reads, outputs it sets,
 * and its handler. The dispatcher, validation, action.yml (checked by a
 * test) and the README (generated) all come from here. Its rows live, whole,
 * in their families' modules (canarytokens.ts, api-keys.ts, ...); a step
 * loads only the family of the operation it runs (`findOperation`), one
 * `import()` each, so the bundler makes each family a chunk of its own and a
 * step compiles only what it runs (issue 17: fetch-canarytoken has no use for
 * the listing, seeding, incident or GitHub code). `loadOperations` loads
 * every family, for the checks and scripts that need the whole table.
 */
const FAMILIES = {
    canarytokens: async () => (await Promise.all(/* import() */[__webpack_require__.e(237), __webpack_require__.e(477)]).then(__webpack_require__.bind(__webpack_require__, 94477))).CANARYTOKEN_OPERATIONS,
    'api-keys': async () => (await __webpack_require__.e(/* import() */ 157).then(__webpack_require__.bind(__webpack_require__, 94157))).API_KEY_OPERATIONS,
    cleanup: async () => (await Promise.all(/* import() */[__webpack_require__.e(237), __webpack_require__.e(83), __webpack_require__.e(774)]).then(__webpack_require__.bind(__webpack_require__, 21774))).CLEANUP_OPERATIONS,
    seed: async () => (await Promise.all(/* import() */[__webpack_require__.e(237), __webpack_require__.e(477), __webpack_require__.e(17)]).then(__webpack_require__.bind(__webpack_require__, 12017))).SEED_OPERATIONS,
    'runner-canaries': async () => (await Promise.all(/* import() */[__webpack_require__.e(237), __webpack_require__.e(477), __webpack_require__.e(73)]).then(__webpack_require__.bind(__webpack_require__, 70073))).RUNNER_CANARY_OPERATIONS,
    incidents: async () => (await Promise.all(/* import() */[__webpack_require__.e(237), __webpack_require__.e(83), __webpack_require__.e(940)]).then(__webpack_require__.bind(__webpack_require__, 10940))).INCIDENT_OPERATIONS
};
/**
 * Every operation's name and the family module its row lives in, in the
 * table's order (the README's). A unit test loads every family and checks
 * that this names exactly the rows each exports, so it cannot drift.
 */
const OPERATION_FAMILIES = {
    'create-canarytoken': 'canarytokens',
    'fetch-canarytoken': 'canarytokens',
    'update-canarytoken': 'canarytokens',
    'enable-canarytoken': 'canarytokens',
    'disable-canarytoken': 'canarytokens',
    'delete-canarytoken': 'canarytokens',
    'download-canarytoken': 'canarytokens',
    'remove-s3-canarytoken': 'canarytokens',
    'delete-apeeper-factory': 'canarytokens',
    'add-api-key': 'api-keys',
    'list-api-keys': 'api-keys',
    'remove-api-key': 'api-keys',
    'download-api-key': 'api-keys',
    'enable-api': 'api-keys',
    'disable-api': 'api-keys',
    'add-flock-api-key': 'api-keys',
    'list-flock-api-keys': 'api-keys',
    'remove-flock-api-key': 'api-keys',
    'list-canarytokens': 'cleanup',
    'cleanup-canarytokens': 'cleanup',
    'seed-canarytokens': 'seed',
    'plant-runner-canaries': 'runner-canaries',
    'list-incidents': 'incidents',
    'acknowledge-incidents': 'incidents',
    'delete-incidents': 'incidents',
    'report-incidents': 'incidents'
};
const OPERATION_NAMES = Object.keys(OPERATION_FAMILIES);
/** The rows of one family, as its module exports them. */
function loadFamily(family) {
    return FAMILIES[family]();
}
/** The whole table, every family loaded, in OPERATION_NAMES' order. */
async function loadOperations() {
    const rows = (await Promise.all(Object.keys(FAMILIES).map((family) => loadFamily(family)))).flat();
    const order = new Map(OPERATION_NAMES.map((name, index) => [name, index]));
    return [...rows].sort((a, b) => (order.get(a.name) ?? order.size) - (order.get(b.name) ?? order.size));
}
/** The operation named, loading only its family; an unknown name gets the near miss from OPERATION_NAMES, loading nothing. */
async function findOperation(name) {
    const family = Object.hasOwn(OPERATION_FAMILIES, name) ? OPERATION_FAMILIES[name] : undefined;
    const operation = family && (await loadFamily(family)).find((candidate) => candidate.name === name);
    if (!operation) {
        if (!name)
            throw new errors/* InputError */.d(`Input 'operation' must be one of: ${OPERATION_NAMES.join(', ')}; it is empty.`);
        const hint = (0,near_miss/* didYouMean */.au)(name, OPERATION_NAMES);
        // The guess first: it is what a reader needs, and the list is long.
        if (hint)
            throw new errors/* InputError */.d(`Input 'operation': '${name}' is not an operation of this action${hint} It must be one of: ${OPERATION_NAMES.join(', ')}.`);
        throw new errors/* InputError */.d(`Input 'operation' must be one of: ${OPERATION_NAMES.join(', ')}; '${name}' is not one of them.`);
    }
    return operation;
}
/**
 * Names the first missing required input, for the server the step drives:
 * the Console needs `console` and `auth-token`; a Canarytokens server needs
 * `canarytokens-server`, and every call for one token there needs the
 * token's own key (`manage-auth`) beside its id.
 */
function checkRequiredInputs(operation, inputs, backend = 'console') {
    const connection = backend === 'console' ? ['console', 'auth-token'] : ['canarytokens-server'];
    if (backend === 'console' && !inputs.get('console')) {
        throw new errors/* InputError */.d(`Operation '${operation.name}' needs a server: set 'console' (with 'auth-token') for a Canary Console, or 'canarytokens-server' for canarytokens.org or a self-hosted Canarytokens server.`);
    }
    for (const name of [...connection, ...operation.requires]) {
        if (!inputs.get(name))
            throw new errors/* InputError */.d(`Operation '${operation.name}' needs input '${name}'.`);
    }
    if (backend === 'canarytokens-server' && operation.requires.includes('canarytoken') && !inputs.get('manage-auth')) {
        throw new errors/* InputError */.d(`Operation '${operation.name}' on a Canarytokens server needs input 'manage-auth': the token's own key, which the step that created it gave as its 'manage-auth' output (the server knows a token only with it).`);
    }
}
/** Inputs that were set but that this operation does not read: worth a warning, they are likely a typo or a mix-up. */
function ignoredInputs(operation, inputs, allInputs, defaults) {
    const read = new Set([...build_inputs/* COMMON_INPUTS */.s7, ...operation.requires, ...operation.accepts, ...(operation.requires.includes('canarytoken') ? ['manage-auth'] : [])]);
    // A default that is an expression (`${{ github.token }}`) reaches every step filled in: it was not set by the user.
    const filledByRunner = (name) => (defaults[name] ?? '').startsWith('${{');
    return allInputs.filter((name) => !read.has(name) && !filledByRunner(name) && inputs.get(name) !== '' && inputs.get(name) !== (defaults[name] ?? ''));
}
const BACKEND_NAMES = { console: 'the Canary Console', 'canarytokens-server': 'a Canarytokens server' };
/** Refuses, before any request, an operation the chosen server cannot carry out, saying why. */
function checkBackend(operation, backend) {
    if (operation.backends.includes(backend))
        return;
    const works = operation.backends.map((name) => BACKEND_NAMES[name]).join(' and ');
    throw new errors/* InputError */.d(`Operation '${operation.name}' works on ${works} only, not on ${BACKEND_NAMES[backend]}${operation.backendNote ? `: ${operation.backendNote}` : ''}.`);
}
/** Events whose workflows GitHub runs without the repository's secrets when they come from a fork. */
const SECRETLESS_EVENTS = new Set(['pull_request', 'pull_request_review', 'pull_request_review_comment']);
/**
 * Why a tripwire operation should do nothing, instead of failing, in this
 * run: the secrets it needs are empty where GitHub withholds them (a pull
 * request from a fork, or from Dependabot). Undefined when it should run
 * (or fail as usual: `on-console-error: fail`, or an event that gets secrets).
 */
function withheldSecrets(operation, inputs, backend, env = process.env) {
    if (!operation.tripwire || inputs.get('on-console-error') === 'fail' || !SECRETLESS_EVENTS.has(env.GITHUB_EVENT_NAME ?? ''))
        return undefined;
    const missing = backend === 'console'
        ? ['console', 'auth-token'].filter((name) => !inputs.get(name))
        : !inputs.get('alert-email') && !inputs.get('alert-webhook')
            ? ['alert-email', 'alert-webhook']
            : [];
    if (missing.length === 0)
        return undefined;
    return (`${operation.name} did nothing: ${missing.map((name) => `'${name}'`).join(' and ')} ${missing.length === 1 ? 'is' : 'are'} empty, as GitHub leaves secrets out of ` +
        `${env.GITHUB_EVENT_NAME} runs from forks (and Dependabot). The job goes on without a runner canary (on-console-error: warn; set it to fail to stop the job instead).`);
}

;// CONCATENATED MODULE: ./build/publish/outputs.js

/** Sets every output that has a value; an output left unset is an empty string to the workflow. */
function publishOutputs(outputs) {
    for (const [name, value] of Object.entries(outputs)) {
        if (value !== undefined)
            actions_core/* setOutput */.uH(name, typeof value === 'string' ? value : String(value));
    }
}

// EXTERNAL MODULE: ./build/publish/summary.js
var publish_summary = __webpack_require__(23552);
// EXTERNAL MODULE: ./build/http/server-url.js
var server_url = __webpack_require__(1974);
;// CONCATENATED MODULE: ./build/backends/console/console-url.js


/** Domain of Thinkst's hosted Consoles; a bare hash means `<hash>.canary.tools`. */
const HOSTED_DOMAIN = 'canary.tools';
const CONSOLE_HELP = "Set 'console' to your Console's hash (1234abcd), its domain (1234abcd.canary.tools) or its https URL (https://1234abcd.canary.tools).";
/**
 * Turns the `console` input into the Console's origin: a hash, a domain, or
 * an address under the rules every server input follows (http/server-url.ts).
 */
function resolveConsoleUrl(value) {
    const input = value.trim();
    if (!input)
        throw new errors/* InputError */.d(`Input 'console' is required. ${CONSOLE_HELP}`);
    if (!input.includes('://')) {
        // A hash or a bare domain name.
        const hostname = input.includes('.') ? input : `${input}.${HOSTED_DOMAIN}`;
        if (!(0,server_url/* isValidHostname */.oJ)(hostname)) {
            // `1234abcd.canary.tools/` or `.../settings`: the domain before the first slash, never what follows it.
            const domain = input.split(/[/?#]/, 1)[0] ?? '';
            const meant = domain !== input && domain.includes('.') && (0,server_url/* isValidHostname */.oJ)(domain) ? `; did you mean '${domain.toLowerCase()}'?` : '.';
            throw new errors/* InputError */.d(`Input 'console' is not a Console hash or domain name${meant} ${CONSOLE_HELP}`);
        }
        return new URL(`https://${hostname.toLowerCase()}`);
    }
    return (0,server_url/* resolveOrigin */.ZU)(input, {
        input: 'console',
        whose: "the Console's",
        secret: 'the auth token',
        credentialsHint: "pass the token in 'auth-token'",
        help: CONSOLE_HELP
    });
}

// EXTERNAL MODULE: ./build/http/errors.js
var http_errors = __webpack_require__(42602);
// EXTERNAL MODULE: ./build/http/proxy.js
var http_proxy = __webpack_require__(12749);
// EXTERNAL MODULE: ./build/http/transport.js + 1 modules
var http_transport = __webpack_require__(39692);
// EXTERNAL MODULE: ./build/http/gate.js
var gate = __webpack_require__(22530);
;// CONCATENATED MODULE: ./build/backends/canarytokens-server/server-url.js


const SERVER_HELP = "Set 'canarytokens-server' to the server's address: https://canarytokens.org, or your own server's https URL.";
/**
 * The `canarytokens-server` input as the server's origin, under the rules of
 * every server input (http/server-url.ts): https, plain http to loopback
 * only, no path (the API's prefix is the action's to add). A bare domain
 * means https.
 */
function resolveCanarytokensServerUrl(value) {
    const input = value.trim();
    if (!input)
        throw new errors/* InputError */.d(`Input 'canarytokens-server' is required. ${SERVER_HELP}`);
    if (!input.includes('://')) {
        if (!input.includes('.') || !(0,server_url/* isValidHostname */.oJ)(input))
            throw new errors/* InputError */.d(`Input 'canarytokens-server' is not a domain name or URL. ${SERVER_HELP}`);
        return new URL(`https://${input.toLowerCase()}`);
    }
    return (0,server_url/* resolveOrigin */.ZU)(input, {
        input: 'canarytokens-server',
        whose: "the server's",
        secret: "each token's manage auth",
        credentialsHint: "each token's key goes in 'manage-auth'",
        help: SERVER_HELP
    });
}

// EXTERNAL MODULE: ./build/secrets.js + 1 modules
var secrets = __webpack_require__(20847);
// EXTERNAL MODULE: ./build/text.js
var build_text = __webpack_require__(50977);
;// CONCATENATED MODULE: ./build/version.js
// Generated from package.json by scripts/sync-version.mjs (`npm version` runs it): do not edit.
/** Sent in the User-Agent header. */
const ACTION_VERSION = '1.0.0';

;// CONCATENATED MODULE: ./build/runtime.js












// What both entry points share (main.ts for the step, post-main.ts for the
// post step): the log, failure messages and the connection to the server.
// Kept apart from main.ts so the post step's bundle holds no operation table.
/** Every line we log passes through `redact`, debug lines included. */
const log = {
    info: (message) => actions_core/* info */.pq((0,build_text/* defuseCommands */.pq)((0,secrets/* redact */.E$)(message))),
    warning: (message) => actions_core/* warning */.$e((0,secrets/* redact */.E$)(message)),
    // Not even redacted when the runner will not show it: the transport logs every request.
    debug: (message) => {
        if (actions_core/* isDebug */._o())
            actions_core/* debug */.Yz((0,secrets/* redact */.E$)(message));
    }
};
function failureMessage(operationName, error) {
    if (error instanceof errors/* InputError */.d)
        return error.message;
    // What was tried and where, after the server's own words: the step's one error line names the server.
    const reason = `${(0,errors/* errorMessage */.g)(error)}${error instanceof http_errors/* ApiError */.hD && error.tried ? ` (${error.tried})` : ''}`;
    if (error instanceof http_errors/* ApiError */.hD && error.attempts > 1)
        return `${operationName} failed after ${error.attempts} attempts: ${reason}`;
    return operationName ? `${operationName} failed: ${reason}` : reason;
}
/** Inputs only a Canarytokens server reads. */
const SERVER_ONLY_INPUTS = ['manage-auth', 'alert-email', 'alert-webhook'];
/**
 * Chooses the server from the inputs (`canarytokens-server` set -> that
 * server, else the Console), checks its connection inputs (the server,
 * credentials, timeout-seconds, retries) now, sending nothing and loading
 * neither backend; `open` loads the chosen one's modules and opens it.
 */
function backendConnection(inputs, { keyInput = 'auth-token' } = {}) {
    const name = (0,build_inputs/* chosenBackend */.fn)(inputs);
    if (name === 'canarytokens-server') {
        if (inputs.get('auth-token')) {
            throw new errors/* InputError */.d("Input 'auth-token' is a Canary Console's API key; a Canarytokens server takes none (each token has its own key, its 'manage-auth'). Remove 'auth-token', or set 'console' instead of 'canarytokens-server'.");
        }
        const origin = resolveCanarytokensServerUrl(inputs.get('canarytokens-server'));
        (0,secrets/* checkSecretInput */.pK)('manage-auth', inputs.get('manage-auth'));
        const alerts = (0,build_inputs/* alertTargetInputs */.Lr)(inputs);
        const transport = transportOptions(inputs);
        return {
            name,
            // Only this server's modules load: a step never compiles the other backend.
            open: async () => {
                const [{ CanarytokensServerBackend }, { canarytokensServerDialect }] = await Promise.all([
                    __webpack_require__.e(/* import() */ 13).then(__webpack_require__.bind(__webpack_require__, 25013)),
                    __webpack_require__.e(/* import() */ 231).then(__webpack_require__.bind(__webpack_require__, 99231))
                ]);
                return new CanarytokensServerBackend(new http_transport/* HttpTransport */.G5({ ...transport, baseUrl: origin, dialect: canarytokensServerDialect(origin) }), origin, alerts);
            }
        };
    }
    for (const input of SERVER_ONLY_INPUTS) {
        if (inputs.get(input)) {
            throw new errors/* InputError */.d(`Input '${input}' is for a Canarytokens server ('canarytokens-server'); the Canary Console does not use it. Remove it, or set 'canarytokens-server' instead of 'console'.`);
        }
    }
    const baseUrl = resolveConsoleUrl(inputs.get('console'));
    const key = inputs.get(keyInput);
    (0,secrets/* checkSecretInput */.pK)(keyInput, key);
    const transport = transportOptions(inputs);
    return {
        name: 'console',
        open: async () => {
            const [{ ConsoleBackend }, { consoleDialect }] = await Promise.all([__webpack_require__.e(/* import() */ 586).then(__webpack_require__.bind(__webpack_require__, 97586)), __webpack_require__.e(/* import() */ 304).then(__webpack_require__.bind(__webpack_require__, 48304))]);
            return new ConsoleBackend(new http_transport/* HttpTransport */.G5({ ...transport, baseUrl, dialect: consoleDialect(key, keyInput) }), baseUrl);
        }
    };
}
function decodedPassword(password) {
    try {
        return decodeURIComponent(password);
    }
    catch {
        return password;
    }
}
/** What every backend's transport shares: timeouts, retries, the runner's proxy, the one adaptive gate, masking, the log. */
function transportOptions(inputs) {
    const timeoutSeconds = (0,build_inputs/* integerInput */.$A)(inputs, 'timeout-seconds', { min: 1, max: 3600, fallback: 30 }) ?? 30;
    const retries = (0,build_inputs/* integerInput */.$A)(inputs, 'retries', { min: 0, max: 10, fallback: http_transport/* DEFAULT_RETRY_POLICY */.cO.retries }) ?? http_transport/* DEFAULT_RETRY_POLICY */.cO.retries;
    let proxy = (0,http_proxy/* httpsProxy */.M2)(process.env);
    // Never printed by us, but the runner knows it for no secret: masked for this step and the later ones, as a whole value
    // (as given, percent-encoded, and as the proxy reads it), and only when it is long enough to be one (registerSecret).
    if (proxy?.url.password) {
        (0,secrets/* registerSecret */.cl)(proxy.url.password);
        (0,secrets/* registerSecret */.cl)(decodedPassword(proxy.url.password));
    }
    if (proxy && !(0,http_proxy/* nodeTunnels */.i2)(process.versions.node)) {
        // Node would ignore the proxy and go direct all the same; errors then do not say "through the proxy".
        log.warning(`${proxy.variable} is set, but this Node (${process.version}) cannot send requests through a proxy (Node 24.5 and later can): they go directly to the server. Update the runner, whose Node this is.`);
        proxy = undefined;
    }
    return {
        proxy,
        timeoutMs: timeoutSeconds * 1000,
        retry: { retries },
        // Bulk operations send many requests at once; a Console that throttles slows all of them down.
        gate: new gate/* AdaptiveConcurrency */.w({ onChange: log.info }),
        userAgent: `canary-console-action/${ACTION_VERSION}`,
        onSecret: secrets/* registerSecret */.cl,
        findSecrets: (body) => (0,secrets/* findSecretValues */.sD)(body),
        redact: secrets/* redact */.E$,
        logger: log
    };
}

;// CONCATENATED MODULE: ./build/main.js










async function publish(result, env) {
    // State first: if anything after it fails, the post step still finds (and removes) what the step planted.
    for (const [name, value] of Object.entries(result.state ?? {}))
        actions_core/* saveState */.LZ(name, value);
    publishOutputs(result.outputs);
    for (const [name, value] of Object.entries(result.environment ?? {}))
        actions_core/* exportVariable */.dN(name, value);
    const summary = result.summary;
    if (result.artifact) {
        const request = result.artifact;
        // Loaded only when an upload is asked for: the artifact client is heavy.
        const { uploadArtifact } = await __webpack_require__.e(/* import() */ 103).then(__webpack_require__.bind(__webpack_require__, 62103));
        try {
            const uploaded = await uploadArtifact(request, env.runnerTemp);
            publishOutputs({ 'artifact-id': uploaded.id, 'artifact-name': uploaded.name });
            log.info(`Uploaded artifact '${uploaded.name}' (id ${uploaded.id ?? 'unknown'}).`);
            summary.notes = [...(summary.notes ?? []), `Uploaded as workflow artifact '${uploaded.name}' (id ${uploaded.id ?? 'unknown'}).`];
        }
        catch (error) {
            const reason = (0,errors/* errorMessage */.g)(error);
            throw new Error(`uploading artifact '${request.name}' failed: ${reason}. The file is still at ${request.files.join(', ')}.`);
        }
    }
    await (0,publish_summary/* publishSummary */.Iv)(summary);
}
/**
 * The action: read inputs -> find the operation -> check everything -> call
 * the server -> publish outputs, files, artifact and summary. The only place
 * that decides success or failure.
 */
async function run() {
    let operation;
    try {
        const inputs = (0,build_inputs/* actionInputs */.eh)();
        // Masked before anything else can print them.
        for (const name of build_inputs/* SECRET_INPUTS */.pH)
            (0,secrets/* registerSecret */.cl)(inputs.get(name));
        // Loads only this operation's family of the table (operations/index.ts).
        operation = await findOperation(inputs.get('operation'));
        // Which server, then whether it can do this at all, then what is missing, then the connection's own inputs.
        const backendName = (0,build_inputs/* chosenBackend */.fn)(inputs);
        checkBackend(operation, backendName);
        // A tripwire never breaks a build by itself: not where GitHub withholds the secrets it needs either.
        const withheld = withheldSecrets(operation, inputs, backendName);
        if (withheld) {
            log.warning(withheld);
            return;
        }
        checkRequiredInputs(operation, inputs, backendName);
        const connection = backendConnection(inputs);
        const env = runEnvironment();
        if (!process.env.RUNNER_TEMP) {
            log.info(`RUNNER_TEMP is not set (a local run?): token lists and downloads without 'path' go to ${(0,external_node_path_.join)(env.runnerTemp, 'canary-console-action')}.`);
        }
        for (const name of ignoredInputs(operation, inputs, build_inputs/* INPUT_NAMES */.Qh, build_inputs/* INPUT_DEFAULTS */.WJ)) {
            log.warning(`Input '${name}' is not used by ${operation.name}; it was ignored.`);
        }
        const params = await operation.parse(inputs, env);
        const backend = await connection.open();
        let result;
        try {
            result = await operation.run(params, { backend, env, log: log });
        }
        finally {
            await backend.close();
        }
        await publish(result, env);
        if (result.failure)
            actions_core/* setFailed */.C1((0,secrets/* redact */.E$)(failureMessage(operation.name, new Error(result.failure))));
    }
    catch (error) {
        if (error instanceof Error && error.stack)
            log.debug(error.stack);
        actions_core/* setFailed */.C1((0,secrets/* redact */.E$)(failureMessage(operation?.name, error)));
    }
}


/***/ }),

/***/ 47001:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bz: () => (/* binding */ nearMisses),
/* harmony export */   au: () => (/* binding */ didYouMean),
/* harmony export */   bi: () => (/* binding */ nearMiss),
/* harmony export */   lG: () => (/* binding */ unknownNameMessage)
/* harmony export */ });
/** Letters and digits only, lower case: `create-canary-token`, `Create_CanaryToken` and `createcanarytoken` read alike. */
function squashed(text) {
    return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}
/** Edit distance (insert, delete, substitute, swap of neighbours), enough for typos in short names. */
function distance(a, b) {
    const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let best = Math.min((rows[i - 1]?.[j] ?? 0) + 1, (rows[i]?.[j - 1] ?? 0) + 1, (rows[i - 1]?.[j - 1] ?? 0) + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                best = Math.min(best, (rows[i - 2]?.[j - 2] ?? 0) + 1);
            rows[i][j] = best;
        }
    }
    return rows[a.length]?.[b.length] ?? 0;
}
/**
 * The known name a mistyped one most likely meant: the same letters in
 * another case or with other separators, else the one closest by edit
 * distance when it is close enough (at most 2 edits, and fewer than a third
 * of the name, or one swap of neighbours). Undefined when nothing is that close.
 */
function nearMiss(value, known) {
    if (!value)
        return undefined;
    const wanted = squashed(value);
    const same = known.find((name) => squashed(name) === wanted);
    if (same !== undefined)
        return same;
    let best;
    for (const name of known) {
        const candidate = squashed(name);
        const edits = distance(wanted, candidate);
        // Two neighbours swapped is a typo at any length ('dsn' for 'dns'), though one edit in three letters is not.
        const swapped = edits === 1 && wanted.length === candidate.length && [...wanted].sort().join('') === [...candidate].sort().join('');
        if (edits <= 2 && (swapped || edits * 3 < Math.max(wanted.length, 3)) && (!best || edits < best.edits))
            best = { name, edits };
    }
    return best?.name;
}
/** Suggestions of this kind that are worth showing at most. */
const MAX_SUGGESTIONS = 4;
/**
 * The known names a wrong one may have meant: the near miss (nearMiss), else
 * every name that holds the typed word as one of its parts (`msword` ->
 * `doc-msword`, `msword-macro`; `aws` -> `aws-id`, `aws-s3`), at most a few.
 */
function nearMisses(value, known) {
    const guess = nearMiss(value, known);
    if (guess !== undefined)
        return [guess];
    const word = squashed(value);
    if (word.length < 3)
        return [];
    const holding = known.filter((name) => name.toLowerCase().split(/[^a-z0-9]+/).includes(word));
    return holding.length <= MAX_SUGGESTIONS ? holding : [];
}
/** `'a'`, `'a' or 'b'`, `'a', 'b' or 'c'`. */
function quotedChoice(names) {
    const quoted = names.map((name) => `'${name}'`);
    return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}` : (quoted[0] ?? '');
}
/** `; did you mean 'x'?` (or `'x' or 'y'`) when known names are close, else ''. */
function didYouMean(value, known) {
    const guesses = nearMisses(value, known);
    return guesses.length === 0 ? '' : `; did you mean ${quotedChoice(guesses)}?`;
}
/**
 * The refusal of a name that is not one of `known`: with a near miss, the
 * guess comes first and the (long) list after it, so the hint is read;
 * without one, the list and then what was given.
 */
function unknownNameMessage(input, given, what, known) {
    const hint = didYouMean(given, known);
    if (hint)
        return `Input '${input}': '${given}' is not ${what}${hint} It must be one of: ${known.join(', ')}.`;
    return `Input '${input}' must be one of: ${known.join(', ')}; '${given}' is not ${what}.`;
}


/***/ }),

/***/ 11379:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bm: () => (/* reexport safe */ _text_js__WEBPACK_IMPORTED_MODULE_0__.Bm),
/* harmony export */   O7: () => (/* reexport safe */ _text_js__WEBPACK_IMPORTED_MODULE_0__.O7),
/* harmony export */   SS: () => (/* binding */ codeSpan),
/* harmony export */   xx: () => (/* binding */ visibleControls)
/* harmony export */ });
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(50977);
// Text from outside (incident fields an attacker wrote: user agents, URLs,
// hostnames; memos from branch names) in GitHub-flavoured Markdown: shown as
// it was, but never markup. Everything untrusted goes into a code span,
// where GitHub renders no mention, link, autolink, image, HTML or issue
// reference; the span is fenced with more backticks than the text holds, so
// the text cannot close it; line breaks and other control characters are
// shown as escapes, so the text can neither end the table row nor start a
// line of its own (our exactly-once markers are whole lines: see
// github/markers.ts); a `|` is escaped inside tables, where GFM would read
// it as a cell border even in a code span.


const NAMED_ESCAPES = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
/**
 * Control characters (C0, DEL, C1), line and paragraph separators, and the
 * bidirectional and invisible formatting characters that could make text
 * read as something else, as visible escapes (`\n`, `\u202e`, `\u{e0041}`):
 * the Arabic letter mark (bidi), soft hyphen, fillers that draw as nothing,
 * and the tag characters and supplementary variation selectors, which hide
 * whole sentences from a person reading the issue but not from an agent (or
 * a search) reading its text. An emoji's variation selector (U+FE0F) stays.
 */
// eslint-disable-next-line no-control-regex, no-misleading-character-class -- every character is escaped on its own
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u2028\u2029\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u3164\ufeff\uffa0\ufff9-\ufffb\u{e0000}-\u{e007f}\u{e0100}-\u{e01ef}]/gu;
function visibleControls(text) {
    return text.replace(INVISIBLE, (character) => {
        const code = character.codePointAt(0);
        return NAMED_ESCAPES[character] ?? (code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`);
    });
}
/**
 * Untrusted text as an inline code span that shows it as it was. Empty text
 * is an empty string (an empty table cell).
 */
function codeSpan(untrusted, options = {}) {
    if (untrusted === '')
        return '';
    let text = (0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .truncateCodePoints */ .Bm)(visibleControls(untrusted), options.maxLength ?? 1000);
    if (options.inTable)
        text = text.replace(/\|/g, '\\|');
    const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longestRun + 1);
    // A space inside each end: CommonMark strips exactly one on each side, so text that starts or ends with a backtick or a space shows whole.
    return `${fence} ${text} ${fence}`;
}


/***/ }),

/***/ 23552:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Iv: () => (/* binding */ publishSummary),
/* harmony export */   ok: () => (/* binding */ MAX_SUMMARY_ROWS)
/* harmony export */ });
/* unused harmony exports MAX_CELL, MAX_TABLE_BYTES, escapeHtml, tableHtml */
/* harmony import */ var _vendor_actions_core_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91194);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(20847);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(11379);



/** Rows beyond this are left out of the job summary (it has a size limit), with a note saying so. */
const MAX_SUMMARY_ROWS = 300;
/** Code points of a cell shown (after redaction, so no cut leaves part of a secret): a memo is a sentence, and a hostile server's megabyte one would crowd out every other row. */
const MAX_CELL = 1000;
/**
 * Bytes of table rows a section holds at most: GitHub refuses a step's whole summary above 1 MiB, so rows past
 * this are left out with the note that says so, and the heading and notes keep their room.
 */
const MAX_TABLE_BYTES = 768 * 1024;
/** Escapes text for the job summary, which is HTML: memos and names come from users and the Console. */
function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
/** A cell of text from outside: HTML-escaped, its control characters (line breaks, bidi overrides) shown as escapes. */
function cell(text) {
    return escapeHtml((0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .visibleControls */ .xx)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .truncateCodePoints */ .Bm)((0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(text), MAX_CELL)));
}
/**
 * The section's table as HTML, written here rather than by core.summary's
 * addTable (which leaves an empty cell as an unclosed `<td>`). Columns that
 * are empty in every row are left out: they say nothing.
 */
function tableHtml(columns, rows) {
    return table(columns, rows).html;
}
/** The table of as many of `rows` as fit in MAX_TABLE_BYTES, and how many that is. */
function table(columns, rows) {
    const shown = columns.map((_, index) => rows.some((row) => (row[index] ?? '') !== ''));
    const head = columns.filter((_, index) => shown[index]).map((column) => `<th>${escapeHtml(column)}</th>`);
    const body = [];
    let bytes = 0;
    for (const row of rows) {
        const html = `<tr>${columns.flatMap((_, index) => (shown[index] ? [`<td>${cell(row[index] ?? '')}</td>`] : [])).join('')}</tr>`;
        bytes += Buffer.byteLength(html);
        if (bytes > MAX_TABLE_BYTES && body.length > 0)
            break;
        body.push(html);
    }
    return { html: `<table><tr>${head.join('')}</tr>${body.join('')}</table>`, shownRows: body.length };
}
/** Writes the section to the job summary; a run without one (a local run) skips it quietly. */
async function publishSummary(section) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    const rows = section.rows.slice(0, MAX_SUMMARY_ROWS);
    const summary = _vendor_actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addHeading(escapeHtml(section.heading), 3);
    // No header row over an empty table: say what the emptiness means.
    let shownRows = 0;
    if (rows.length === 0)
        summary.addRaw(`<p>${cell(section.empty ?? 'Nothing to show.')}</p>`, true);
    else {
        const made = table(section.columns, rows);
        shownRows = made.shownRows;
        summary.addRaw(made.html, true);
    }
    const total = Math.max(section.totalRows ?? 0, section.rows.length);
    if (total > shownRows) {
        summary.addRaw(`<p>${total - shownRows} more rows are not shown; ${cell(section.fullList ?? 'the step outputs hold them all')}.</p>`, true);
    }
    for (const note of section.notes ?? [])
        summary.addRaw(`<p>${cell(note)}</p>`, true);
    await summary.write();
}


/***/ }),

/***/ 97266:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ withoutSecretFields),
/* harmony export */   s: () => (/* binding */ findSecretValues)
/* harmony export */ });
// Which fields of a server's JSON answer hold credentials. Pure: backends use
// it at their edge; secrets.ts (the only place that masks) uses it too.
/**
 * Field names whose values the servers use for credentials. Any JSON answer
 * is walked for them, so a new endpoint cannot forget to mask.
 *
 * The Console: `factory_auth` (aws-id tokens in paginate and search,
 * factory.md) lets anyone mint tokens.
 *
 * A Canarytokens server (thinkst/canarytokens, canarytokens/models/ and
 * canarydrop.py): `auth_token` (the create answer's manage auth) and `auth`
 * (the canarydrop's copy of it) let anyone read the token's history and
 * delete it; `aws_secret_access_key` (aws_keys), `kubeconfig` (its client
 * key, base64), `wg_conf`, `wg_key`, `wg_private_key_seed`,
 * `wg_private_key_n` and the QR codes of the WireGuard config (`qr_code` in
 * WireguardTokenResponse, `wg_qr_code` in ManageResponse; the qr_code kind's
 * own picture is `qrcode_png`), `cert` (azure_id: certificate with its
 * private key), `client_secret` (crowdstrike_cc), `webdav_password` (webdav),
 * `alert_webhook_url` (a Slack or Discord webhook lets anyone post to the channel),
 * `mcpjson` (mcp: the MCP config, whose Authorization header carries the token as a bearer token).
 * A canarydrop (the manage and history answers) names some of them its own
 * way, and holds kinds' credentials the action does not make but can fetch
 * (tokens made on the web page): `crowdstrike_client_secret`,
 * `slack_api_key`, and the cards' numbers and codes (`cc_number`, `cc_cvc`,
 * `cc_rendered_html`, `cc_rendered_csv`, `cc_v2_card_number`, `cc_v2_cvv`).
 */
const SECRET_FIELDS = new Set([
    'auth_token',
    'secret_access_key',
    'aws_secret_key',
    'aws_session_token',
    'factory_auth',
    'wg_conf',
    'private_key',
    'api_key',
    'token_value',
    'auth',
    'aws_secret_access_key',
    'kubeconfig',
    'wg_key',
    'wg_private_key_seed',
    'wg_private_key_n',
    'wg_qr_code',
    'qr_code',
    'cert',
    'client_secret',
    'webdav_password',
    'alert_webhook_url',
    'mcpjson',
    'crowdstrike_client_secret',
    'slack_api_key',
    'cc_number',
    'cc_cvc',
    'cc_rendered_html',
    'cc_rendered_csv',
    'cc_v2_card_number',
    'cc_v2_cvv'
]);
/**
 * `renders` holds ready-made texts per kind: the aws-id credentials file and
 * the WireGuard config are credentials, and a render we do not know is taken
 * for one. The cloned-web script is not (it carries only the token's URL, and
 * users need it to place the token).
 */
const PUBLIC_RENDERS = new Set(['cloned-web']);
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isSecretField(key, parentKey) {
    return SECRET_FIELDS.has(key) || (parentKey === 'renders' && !PUBLIC_RENDERS.has(key));
}
/** Collects every string under a secret field name, at any depth. */
function findSecretValues(value, underSecretField = false, found = [], parentKey) {
    if (typeof value === 'string') {
        if (underSecretField)
            found.push(value);
    }
    else if (Array.isArray(value)) {
        for (const item of value)
            findSecretValues(item, underSecretField, found, parentKey);
    }
    else if (isRecord(value)) {
        // for...in, not Object.entries: a listing walks every field of 100,000 tokens, and entries makes an array per field.
        for (const key in value) {
            if (Object.hasOwn(value, key))
                findSecretValues(value[key], underSecretField || isSecretField(key, parentKey), found, key);
        }
    }
    return found;
}
/**
 * Fields JSON outputs leave out though they are not secrets: an aws-id
 * token's access key id is masked in the log (half of a key pair, and in the
 * credentials render), so a `token` or `response` output would only show it
 * as *** anyway; it has an output of its own (`access-key-id`).
 */
const MASKED_FIELDS = new Set(['access_key_id', 'aws_access_key_id']);
/** A deep copy of a JSON value with every secret field (and every masked one, MASKED_FIELDS) replaced by `***`. */
function withoutSecretFields(value) {
    const strip = (item, parentKey) => {
        if (Array.isArray(item))
            return item.map((child) => strip(child, parentKey));
        if (isRecord(item)) {
            return Object.fromEntries(Object.entries(item).map(([key, child]) => [key, isSecretField(key, parentKey) || MASKED_FIELDS.has(key) ? '***' : strip(child, key)]));
        }
        return item;
    };
    return strip(value);
}


/***/ }),

/***/ 20847:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pK: () => (/* binding */ checkSecretInput),
  sD: () => (/* reexport */ secret_fields/* findSecretValues */.s),
  E$: () => (/* binding */ redact),
  SF: () => (/* binding */ registerCredentialText),
  cl: () => (/* binding */ registerSecret),
  Qw: () => (/* reexport */ secret_fields/* withoutSecretFields */.Q)
});

// UNUSED EXPORTS: SHORTEST_SECRET, WITHHELD, WITHHELD_LINE

// EXTERNAL MODULE: ./build/vendor/actions-core.js
var actions_core = __webpack_require__(91194);
// EXTERNAL MODULE: ./build/errors.js
var errors = __webpack_require__(19473);
;// CONCATENATED MODULE: ./build/secret-store.js
// The secrets a run has registered, kept outside the JavaScript heap. A
// listing of 100,000 Canarytokens registers over 13,000 of them (aws-id
// keys and renders, WireGuard configs): as strings in a Set they are a few
// hundred bytes a page that the garbage collector copies out of its young
// generation, page after page, and that steady survival alone makes V8
// double its young generation over a long run (about 10 MiB of peak RSS at
// 100,000 tokens). Here each secret's UTF-16 code units are copied into
// blocks of a typed array, found again through tables of entry numbers; a
// secret becomes a string again only when a text is redacted and holds it.
/** Code units a block holds; a longer secret gets a block of its own. */
const BLOCK_UNITS = 32 * 1024;
/** FNV-1a over UTF-16 code units (32 bits). */
function hashUnits(units, start, length) {
    let hash = 0x811c9dc5;
    for (let index = start; index < start + length; index++)
        hash = Math.imul(hash ^ units[index], 0x01000193);
    return hash >>> 0;
}
/** The same hash over a string's code units. */
function hashText(text, start, length) {
    let hash = 0x811c9dc5;
    for (let index = start; index < start + length; index++)
        hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
    return hash >>> 0;
}
/** A typed array twice as long (or `least`), with the old one's contents. */
function grown(array, least = 0) {
    const bigger = new Int32Array(Math.max(array.length * 2, least));
    bigger.set(array);
    return bigger;
}
/** Offsets of an entry tried as its anchor (the window it is found by). */
const ANCHOR_CANDIDATES = 32;
/**
 * A set of strings (exact, code unit for code unit) in insertion order,
 * with a lookup of the entries that occur in a text by its windows of
 * `prefixUnits` code units (for redacting many secrets). Each entry is found
 * by one window of its own, its anchor: of a few offsets tried, the one whose
 * bucket holds fewest entries so far. Not always its first units: secrets of
 * one kind often share their start (every AWS key of an account starts with
 * the same 12 characters, every aws-id render with `[default]`), and buckets
 * by first units would then hold all of them, each window that starts like
 * them trying every one.
 */
class SecretStore {
    prefixUnits;
    blocks = [];
    /** Code units used in the last block. */
    used = BLOCK_UNITS;
    block = new Int32Array(256);
    offset = new Int32Array(256);
    length = new Int32Array(256);
    /** Entry numbers by hash of the whole entry, -1 when empty; a power of two long, at most half full. */
    slots = new Int32Array(512).fill(-1);
    /** Per prefix bucket, its first and last entry (-1 when none) and how many it holds, and per entry the next in its bucket: insertion order. */
    prefixFirst = new Int32Array(512).fill(-1);
    prefixLast = new Int32Array(512).fill(-1);
    prefixLoad = new Int32Array(512);
    prefixNext = new Int32Array(256);
    /** Per entry, the offset of its anchor window. */
    anchor = new Int32Array(256);
    count = 0;
    constructor(
    /** Entries shorter than this (in code units) are not indexed by prefix. */
    prefixUnits) {
        this.prefixUnits = prefixUnits;
    }
    get size() {
        return this.count;
    }
    /** The most entries a window of a text can have to try (the fullest bucket): what keeps looking up many secrets cheap. */
    get fullestBucket() {
        let most = 0;
        for (const load of this.prefixLoad)
            most = Math.max(most, load);
        return most;
    }
    has(text) {
        return this.find(text) !== -1;
    }
    /** Adds `text`; false when it was there already. */
    add(text) {
        if (this.find(text) !== -1)
            return false;
        const entry = this.count;
        if (entry === this.block.length) {
            this.block = grown(this.block);
            this.offset = grown(this.offset);
            this.length = grown(this.length);
            this.prefixNext = grown(this.prefixNext);
            this.anchor = grown(this.anchor);
        }
        const units = this.place(text.length);
        const start = this.used;
        for (let index = 0; index < text.length; index++)
            units[start + index] = text.charCodeAt(index);
        this.block[entry] = this.blocks.length - 1;
        this.offset[entry] = start;
        this.length[entry] = text.length;
        this.used += text.length;
        this.count++;
        this.insert(entry);
        this.prefixNext[entry] = -1;
        if (text.length >= this.prefixUnits)
            this.placeAnchor(entry, text);
        if (this.count * 2 > this.slots.length)
            this.rehash();
        return true;
    }
    /** Entry `entry` as a string. */
    text(entry) {
        const units = this.blocks[this.block[entry]];
        const start = this.offset[entry];
        const end = start + this.length[entry];
        let text = '';
        // Bounded pieces: a long secret (a kubeconfig) would be too many arguments at once.
        for (let from = start; from < end; from += 8192)
            text += String.fromCharCode(...units.subarray(from, Math.min(end, from + 8192)));
        return text;
    }
    /** Every entry as a string, in insertion order. */
    *texts() {
        for (let entry = 0; entry < this.count; entry++)
            yield this.text(entry);
    }
    /**
     * Calls `visit` with each entry (all of them at least `prefixUnits` long)
     * that occurs in `text` with its anchor window at `index`, and where that
     * occurrence starts and ends; looked up at every index of a text, this
     * visits every occurrence of every entry once.
     */
    visitAt(text, index, visit) {
        if (index + this.prefixUnits > text.length)
            return;
        const bucket = hashText(text, index, this.prefixUnits) & (this.prefixFirst.length - 1);
        for (let entry = this.prefixFirst[bucket]; entry !== -1; entry = this.prefixNext[entry]) {
            const start = index - this.anchor[entry];
            if (start >= 0 && this.occursAt(entry, text, start))
                visit(entry, start, start + this.length[entry]);
        }
    }
    /** Links `entry` into the least loaded bucket among its candidate windows (the first of them on a tie). */
    placeAnchor(entry, text) {
        const mask = this.prefixFirst.length - 1;
        const last = text.length - this.prefixUnits;
        const step = Math.max(1, Math.floor(last / (ANCHOR_CANDIDATES - 1)));
        let best = 0;
        let bestBucket = hashText(text, 0, this.prefixUnits) & mask;
        for (let offset = step; offset <= last && this.prefixLoad[bestBucket] > 0; offset += step) {
            const bucket = hashText(text, offset, this.prefixUnits) & mask;
            if (this.prefixLoad[bucket] < this.prefixLoad[bestBucket]) {
                best = offset;
                bestBucket = bucket;
            }
        }
        this.anchor[entry] = best;
        this.link(entry, bestBucket);
    }
    occursAt(entry, text, index) {
        const length = this.length[entry];
        if (index + length > text.length)
            return false;
        const units = this.blocks[this.block[entry]];
        const start = this.offset[entry];
        for (let unit = 0; unit < length; unit++)
            if (units[start + unit] !== text.charCodeAt(index + unit))
                return false;
        return true;
    }
    /** Room for `length` code units: the rest of the last block, or a new one. */
    place(length) {
        if (this.used + length > BLOCK_UNITS || this.blocks.length === 0) {
            this.blocks.push(new Uint16Array(Math.max(BLOCK_UNITS, length)));
            this.used = 0;
        }
        return this.blocks[this.blocks.length - 1];
    }
    find(text) {
        const mask = this.slots.length - 1;
        for (let slot = hashText(text, 0, text.length) & mask;; slot = (slot + 1) & mask) {
            const entry = this.slots[slot];
            if (entry === -1)
                return -1;
            if (this.length[entry] === text.length && this.occursAt(entry, text, 0))
                return entry;
        }
    }
    insert(entry) {
        const mask = this.slots.length - 1;
        const units = this.blocks[this.block[entry]];
        let slot = hashUnits(units, this.offset[entry], this.length[entry]) & mask;
        while (this.slots[slot] !== -1)
            slot = (slot + 1) & mask;
        this.slots[slot] = entry;
    }
    link(entry, bucket) {
        const last = this.prefixLast[bucket];
        if (last === -1)
            this.prefixFirst[bucket] = entry;
        else
            this.prefixNext[last] = entry;
        this.prefixLast[bucket] = entry;
        this.prefixLoad[bucket]++;
    }
    /** Twice the slots and prefix buckets, every entry placed again (prefix buckets keep insertion order). */
    rehash() {
        this.slots = new Int32Array(this.slots.length * 2).fill(-1);
        this.prefixFirst = new Int32Array(this.prefixFirst.length * 2).fill(-1);
        this.prefixLast = new Int32Array(this.prefixLast.length * 2).fill(-1);
        this.prefixLoad = new Int32Array(this.prefixLoad.length * 2);
        for (let entry = 0; entry < this.count; entry++) {
            this.insert(entry);
            this.prefixNext[entry] = -1;
            if (this.length[entry] >= this.prefixUnits) {
                const units = this.blocks[this.block[entry]];
                this.link(entry, hashUnits(units, this.offset[entry] + this.anchor[entry], this.prefixUnits) & (this.prefixFirst.length - 1));
            }
        }
    }
}

// EXTERNAL MODULE: ./build/text.js
var build_text = __webpack_require__(50977);
// EXTERNAL MODULE: ./build/secret-fields.js
var secret_fields = __webpack_require__(97266);
;// CONCATENATED MODULE: ./build/secrets.js




/**
 * Every value that must never be printed goes through here: it is masked with
 * the runner (`::add-mask::`) and remembered so that our own error messages
 * and debug lines can be redacted too (defence in depth: a runner masks only
 * what it was told about, and a local run has no runner at all).
 */
/** Values shorter than this are not secrets worth masking (and would mask noise). */
const SHORTEST_SECRET = 8;
/** Outside the heap (see secret-store.ts): a listing of thousands of aws-id tokens registers thousands. */
const secrets = new SecretStore(SHORTEST_SECRET);
/** `secrets` as an array while they are few; rebuilt only when a secret is added. */
let allSecrets;
/** Entry numbers of the secrets holding a '*': one of them can appear only once another secret is replaced with '***' (see redact). */
const starred = [];
/** The longest of them, in UTF-16 units: how far from a '***' one could start. */
let longestStarred = 0;
/** `starred` as texts while secrets are few; rebuilt only when one is added. */
let starredSecrets;
/**
 * Registers a secret value. A multi-line value (a credentials file body, a
 * WireGuard config) is redacted whole by us, but the runner is told only
 * about its secret lines' values: the runner matches masks line by line, and
 * masking every line would hide `[default]`, `region = us-east-2` or
 * `output = json` from every later step of the job.
 */
function registerSecret(value) {
    if (typeof value !== 'string')
        return;
    const trimmed = value.trim();
    // Known ones first: a listing of aws-id tokens hands every page's secrets in again.
    if (secrets.has(trimmed) || (0,build_text/* codePointLength */.O7)(trimmed) < SHORTEST_SECRET)
        return;
    secrets.add(trimmed);
    if (trimmed.includes('*')) {
        starred.push(secrets.size - 1);
        longestStarred = Math.max(longestStarred, trimmed.length);
        starredSecrets = undefined;
    }
    allSecrets = undefined;
    if (/[\r\n]/.test(trimmed))
        registerCredentialText(trimmed);
    else
        actions_core/* setSecret */.Pq(trimmed);
}
/**
 * Refuses a secret input that cannot be right, before any request: shorter
 * than the shortest value we mask (it would be sent and printed unmasked), or
 * holding a line break or another control character (a pasted secret with a
 * stray newline; it cannot go in an HTTP header), or a character an HTTP header
 * cannot carry. The message names the input and never shows the value. An
 * empty value passes: whether the input is required is checked elsewhere.
 * For every secret input that reaches a server: `auth-token`, `github-token`,
 * `manage-auth`, ...
 */
function checkSecretInput(inputName, value) {
    if (value === '')
        return;
    const codes = Array.from(value, (character) => character.codePointAt(0));
    if (codes.some((code) => code < 0x20 || (code >= 0x7f && code <= 0x9f))) {
        throw new errors/* InputError */.d(`Input '${inputName}' holds a line break or another control character; a secret is one line of visible characters. Store the secret again without it.`);
    }
    if (codes.some((code) => code > 0xff)) {
        throw new errors/* InputError */.d(`Input '${inputName}' holds a character an HTTP header cannot carry; check that the secret holds the token and nothing else.`);
    }
    const length = codes.length;
    if (length < SHORTEST_SECRET) {
        throw new errors/* InputError */.d(`Input '${inputName}' is ${length} character${length === 1 ? '' : 's'} long; a real one is longer (at least ${SHORTEST_SECRET}, the shortest value the action masks). Check that the secret holds the whole token.`);
    }
}
/** Names of `key = value` (or `key: value`) lines whose values are credentials (AWS, WireGuard, Slack, a kubeconfig's client-key-data, Python client config...). */
const SECRET_LINE_NAME = /secret|passw|private|token|api_?key|auth|credential|access_key|^key$|key-data$|certificate-data$/i;
/** A bare line that looks like a credential: one long word, no spaces. */
const BARE_SECRET_LINE = /^[^\s#;[]{20,}$/;
/**
 * Masks the credential parts of a text file (AWS credentials, a Python client
 * config, a WireGuard config, a Slack token): the values of lines whose name
 * says credential, and long bare tokens. Section headers, comments and
 * ordinary settings (`region`, `output`, `console_hash`, `Address`) stay readable.
 */
function registerCredentialText(text) {
    for (const rawLine of text.split(/\r?\n/)) {
        const line = rawLine.trim();
        if (!line || line.startsWith('#') || line.startsWith(';') || /^\[.*\]$/.test(line))
            continue;
        const assignment = nameAndValue(line);
        if (assignment) {
            if (SECRET_LINE_NAME.test(assignment[0]))
                registerSecret(assignment[1]);
        }
        else if (BARE_SECRET_LINE.test(line)) {
            registerSecret(line);
        }
    }
}
/**
 * A trimmed `name = value` (or `name: value`) line as its name and value,
 * split at the first `=` or `:`, both non-empty. By index, not by a regular
 * expression: a lazy name before `\s*[=:]` took time quadratic in a line of
 * spaces, and the text is a server's (a credential file, a multi-line secret
 * field of up to 64 MiB of JSON).
 */
function nameAndValue(line) {
    const at = line.search(/[=:]/);
    if (at <= 0)
        return undefined;
    const name = line.slice(0, at).trimEnd();
    const value = line.slice(at + 1).trimStart();
    return name !== '' && value !== '' ? [name, value] : undefined;
}
/** Below this many secrets, trying each one in turn is as quick as looking them up. */
const MANY_SECRETS = 64;
/**
 * Adds to `spans` where the secrets occur in `part` (a stretch of a text
 * from `from`): every window of SHORTEST_SECRET characters looked up (each
 * secret is found by a window of its own, see secret-store.ts), so the cost
 * goes with the text, not with the number of secrets, nor with how many
 * different ones it holds. An occurrence that overlaps the one before joins
 * it (one span for a run of one secret's occurrences).
 */
function addSpansOfMany(part, from, spans) {
    let last;
    const visit = (_entry, start, end) => {
        if (last !== undefined && from + start <= last[1] && from + end >= last[0]) {
            last[0] = Math.min(last[0], from + start);
            last[1] = Math.max(last[1], from + end);
        }
        else
            spans.push((last = [from + start, from + end]));
    };
    for (let index = 0; index + SHORTEST_SECRET <= part.length; index++)
        secrets.visitAt(part, index, visit);
}
/**
 * Replaces every registered secret in `text` with `***`: every character
 * that belongs to an occurrence of a secret is hidden, and each run of hidden
 * characters becomes one `***`. Occurrences are found in the text as given,
 * so two secrets that overlap (the end of one is the start of the other) are
 * both hidden whole, whatever order they are tried in; replacing one first
 * would break the other and leave its rest readable.
 *
 * A secret holding `*` can appear only once a `***` is put in, and then
 * only across it (the text on either side was searched already): each round
 * after the first looks for the starred secrets only within reach of the
 * `***`s the round before put in. Rounds end when one puts nothing in. A
 * text made to keep forming one (`Winter2024` repeated before a `*`, with
 * `Winter2024*` a secret: each round hides one more repetition) would take
 * a round, and a copy of the text, per repetition; after MAX_ROUNDS the
 * lines where it still could are withheld instead (see withholdLines),
 * which no real text comes near.
 */
function redact(text) {
    let round = hideOccurrences(text, [[0, text.length]], false);
    for (let rounds = 1; starred.length > 0 && round.stars.length > 0; rounds++) {
        const windows = reachOf(round.stars, round.text.length);
        if (rounds === MAX_ROUNDS)
            return withholdLines(round.text, windows);
        round = hideOccurrences(round.text, windows, true);
    }
    return round.text;
}
/** Rounds of redaction (see redact) after which the lines of a text that keeps forming a secret are withheld. */
const MAX_ROUNDS = 16;
/** What each such line becomes (no '*': it cannot form a secret that holds one). */
const WITHHELD_LINE = '[withheld: masking this line kept forming a secret]';
/** What the whole text becomes when a secret would still be left once those lines are withheld. */
const WITHHELD = '[withheld: masking this text kept forming a secret]';
/**
 * `text` with every line that meets one of `windows` (where a secret could
 * still form) made WITHHELD_LINE, the other lines kept: an issue body's
 * other lines, an error's first line. Should a secret still be in what is
 * left (one that spans lines), the whole text is withheld.
 */
function withholdLines(text, windows) {
    // The lines each window meets, joined where they share one.
    const lines = [];
    for (const [from, to] of windows) {
        const start = from === 0 ? 0 : text.lastIndexOf('\n', from - 1) + 1;
        const newline = text.indexOf('\n', Math.max(from, to - 1));
        const end = newline === -1 ? text.length : newline;
        const last = lines[lines.length - 1];
        if (last !== undefined && start <= last[1])
            last[1] = Math.max(last[1], end);
        else
            lines.push([start, end]);
    }
    const pieces = [];
    let kept = 0;
    for (const [start, end] of lines) {
        pieces.push(text.slice(kept, start), WITHHELD_LINE);
        kept = end;
    }
    pieces.push(text.slice(kept));
    const result = pieces.join('');
    return hideOccurrences(result, [[0, result.length]], false).stars.length > 0 ? WITHHELD : result;
}
/** The stretches of a text where a starred secret could cross one of the `***`s at `stars`, joined where they meet. */
function reachOf(stars, length) {
    const reach = longestStarred - 1;
    const windows = [];
    for (const star of stars) {
        const from = Math.max(0, star - reach);
        const to = Math.min(length, star + 3 + reach);
        const last = windows[windows.length - 1];
        if (last !== undefined && from <= last[1])
            last[1] = to;
        else
            windows.push([from, to]);
    }
    return windows;
}
/** While secrets are few, the ones worth looking for: all of them, or after the first round the starred ones. */
function fewCandidates(starredOnly) {
    if (starredOnly)
        return (starredSecrets ??= starred.map((entry) => secrets.text(entry)));
    return (allSecrets ??= [...secrets.texts()]);
}
/**
 * `text` with each run of characters covered by an occurrence of a secret
 * within `windows` made `***`, and where each `***` starts in the result.
 */
function hideOccurrences(text, windows, starredOnly) {
    const spans = [];
    for (const [from, to] of windows) {
        const part = from === 0 && to === text.length ? text : text.slice(from, to);
        if (secrets.size >= MANY_SECRETS) {
            addSpansOfMany(part, from, spans);
            continue;
        }
        for (const secret of fewCandidates(starredOnly)) {
            // Overlapping occurrences of one secret too (`indexOf` from the next unit), joined as found: one span for a run of them.
            let last;
            for (let at = part.indexOf(secret); at !== -1; at = part.indexOf(secret, at + 1)) {
                if (last !== undefined && from + at <= last[1])
                    last[1] = from + at + secret.length;
                else
                    spans.push((last = [from + at, from + at + secret.length]));
            }
        }
    }
    if (spans.length === 0)
        return { text, stars: [] };
    spans.sort((a, b) => a[0] - b[0]);
    const pieces = [];
    const stars = [];
    let length = 0;
    let kept = 0;
    let [start, end] = spans[0];
    const hide = () => {
        pieces.push(text.slice(kept, start), '***');
        length += start - kept;
        stars.push(length);
        length += 3;
        kept = end;
    };
    for (const [from, to] of spans) {
        if (from <= end) {
            end = Math.max(end, to);
            continue;
        }
        hide();
        [start, end] = [from, to];
    }
    hide();
    pieces.push(text.slice(kept));
    return { text: pieces.join(''), stars };
}



/***/ }),

/***/ 50977:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bm: () => (/* binding */ truncateCodePoints),
/* harmony export */   Ly: () => (/* binding */ isoTime),
/* harmony export */   O7: () => (/* binding */ codePointLength),
/* harmony export */   pq: () => (/* binding */ defuseCommands),
/* harmony export */   vK: () => (/* binding */ withoutFullStops)
/* harmony export */ });
// Counting text as people and GitHub do: by Unicode code point, never by UTF-16 unit.
/**
 * The number of Unicode code points: characters as people count them (an
 * emoji is one, not the two UTF-16 units `string.length` counts), and as the
 * servers do: the Console and a Canarytokens server check memos with Python's
 * len(), GitHub a body's length with Ruby's String#length. Every length we
 * check or report uses this.
 */
function codePointLength(text) {
    let count = 0;
    for (let index = 0; index < text.length; index++) {
        const code = text.charCodeAt(index);
        if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
            const next = text.charCodeAt(index + 1);
            if (next >= 0xdc00 && next <= 0xdfff)
                index++;
        }
        count++;
    }
    return count;
}
/** At most `max` code points of `text`, never splitting a surrogate pair; `…` marks a cut. */
function truncateCodePoints(text, max) {
    if (codePointLength(text) <= max)
        return text;
    let result = '';
    let count = 0;
    for (const character of text) {
        if (count >= max - 1)
            break;
        result += character;
        count++;
    }
    return `${result}…`;
}
/** A date as ISO 8601 text; empty for an invalid one (a server's hit without a time), which toISOString would throw on. */
function isoTime(date) {
    return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}
/**
 * A log line starting with `::` is a command to the runner, and so is one
 * holding `##[` anywhere (the runner's older form, `##[stop-commands]token`,
 * still parsed), and info lines carry text from the Console (hostnames,
 * memos, messages): a hostile answer must not be able to issue one
 * (`::stop-commands::` would switch off the masks we add later). The runner
 * trims what .NET counts as white space before looking for `::`: JavaScript's
 * \s and U+0085 (NEL, which \s lacks). The other levels are commands
 * already, which @actions/core escapes. The white space after a line break
 * holds no line break itself: `\s*` would run on through every following
 * line of a text of line breaks at each of them, time quadratic in their number.
 */
function defuseCommands(message) {
    return message.replace(LINE_THEN_COMMAND, '$1$2: :').replace(/##\[/g, '# #[');
}
/** A line's start, its leading white space (no line break), then `::`. */
const LINE_THEN_COMMAND = /(^|[\r\n])([\t\v\f \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]*)::/g;
/**
 * The text without the full stops it ends with, to join sentences into one. By index, not `/\.+$/`: that tries
 * each dot of a run as a start and runs on to the run's end, time quadratic in a run of dots before a word
 * (100,000: 10 s), and the text holds a server's message.
 */
function withoutFullStops(text) {
    let end = text.length;
    while (end > 0 && text.charCodeAt(end - 1) === 0x2e)
        end--;
    return text.slice(0, end);
}


/***/ }),

/***/ 91194:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $e: () => (/* binding */ warning),
/* harmony export */   C1: () => (/* binding */ setFailed),
/* harmony export */   LZ: () => (/* binding */ saveState),
/* harmony export */   Pq: () => (/* binding */ setSecret),
/* harmony export */   V4: () => (/* binding */ getInput),
/* harmony export */   Yz: () => (/* binding */ debug),
/* harmony export */   _o: () => (/* binding */ isDebug),
/* harmony export */   dN: () => (/* binding */ exportVariable),
/* harmony export */   pq: () => (/* binding */ info),
/* harmony export */   uH: () => (/* binding */ setOutput),
/* harmony export */   z: () => (/* reexport safe */ _node_modules_actions_core_lib_summary_js__WEBPACK_IMPORTED_MODULE_5__.z)
/* harmony export */ });
/* unused harmony exports ExitCode, addPath, getMultilineInput, getBooleanInput, setCommandEcho, error, notice, startGroup, endGroup, group, getState, getIDToken */
/* harmony import */ var _node_modules_actions_core_lib_command_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(89635);
/* harmony import */ var _node_modules_actions_core_lib_file_command_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(82902);
/* harmony import */ var _node_modules_actions_core_lib_utils_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4679);
/* harmony import */ var os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(70857);
/* harmony import */ var path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(16928);
/* harmony import */ var _node_modules_actions_core_lib_summary_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1170);
/* harmony import */ var _node_modules_actions_core_lib_path_utils_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(51631);
// Built by scripts/clean-dist.mjs from @actions/core's lib/core.js (see leanActionsCore there).
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};





const OidcClient = { getIDToken: () => Promise.reject(new Error('getIDToken is not in this bundle: the action asks for no OIDC token')) };
/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = (0,_node_modules_actions_core_lib_utils_js__WEBPACK_IMPORTED_MODULE_4__/* .toCommandValue */ .E)(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return (0,_node_modules_actions_core_lib_file_command_js__WEBPACK_IMPORTED_MODULE_1__/* .issueFileCommand */ .n)('ENV', (0,_node_modules_actions_core_lib_file_command_js__WEBPACK_IMPORTED_MODULE_1__/* .prepareKeyValueMessage */ .v)(name, val));
    }
    (0,_node_modules_actions_core_lib_command_js__WEBPACK_IMPORTED_MODULE_0__/* .issueCommand */ .L)('set-env', { name }, convertedVal);
}
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function setSecret(secret) {
    (0,_node_modules_actions_core_lib_command_js__WEBPACK_IMPORTED_MODULE_0__/* .issueCommand */ .L)('add-mask', {}, secret);
}
/**
 * Prepends inputPath to the PATH (for this action and future actions)
 * @param inputPath
 */
function addPath(inputPath) {
    const filePath = process.env['GITHUB_PATH'] || '';
    if (filePath) {
        issueFileCommand('PATH', inputPath);
    }
    else {
        issueCommand('add-path', {}, inputPath);
    }
    process.env['PATH'] = `${inputPath}${path.delimiter}${process.env['PATH']}`;
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
/**
 * Gets the values of an multiline input.  Each value is also trimmed.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string[]
 *
 */
function getMultilineInput(name, options) {
    const inputs = getInput(name, options)
        .split('\n')
        .filter(x => x !== '');
    if (options && options.trimWhitespace === false) {
        return inputs;
    }
    return inputs.map(input => input.trim());
}
/**
 * Gets the input value of the boolean type in the YAML 1.2 "core schema" specification.
 * Support boolean input list: `true | True | TRUE | false | False | FALSE` .
 * The return value is also in boolean type.
 * ref: https://yaml.org/spec/1.2/spec.html#id2804923
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   boolean
 */
function getBooleanInput(name, options) {
    const trueValue = ['true', 'True', 'TRUE'];
    const falseValue = ['false', 'False', 'FALSE'];
    const val = getInput(name, options);
    if (trueValue.includes(val))
        return true;
    if (falseValue.includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        `Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return (0,_node_modules_actions_core_lib_file_command_js__WEBPACK_IMPORTED_MODULE_1__/* .issueFileCommand */ .n)('OUTPUT', (0,_node_modules_actions_core_lib_file_command_js__WEBPACK_IMPORTED_MODULE_1__/* .prepareKeyValueMessage */ .v)(name, value));
    }
    process.stdout.write(os__WEBPACK_IMPORTED_MODULE_2__.EOL);
    (0,_node_modules_actions_core_lib_command_js__WEBPACK_IMPORTED_MODULE_0__/* .issueCommand */ .L)('set-output', { name }, (0,_node_modules_actions_core_lib_utils_js__WEBPACK_IMPORTED_MODULE_4__/* .toCommandValue */ .E)(value));
}
/**
 * Enables or disables the echoing of commands into stdout for the rest of the step.
 * Echoing is disabled by default if ACTIONS_STEP_DEBUG is not set.
 *
 */
function setCommandEcho(enabled) {
    issue('echo', enabled ? 'on' : 'off');
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function debug(message) {
    (0,_node_modules_actions_core_lib_command_js__WEBPACK_IMPORTED_MODULE_0__/* .issueCommand */ .L)('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    (0,_node_modules_actions_core_lib_command_js__WEBPACK_IMPORTED_MODULE_0__/* .issueCommand */ .L)('error', (0,_node_modules_actions_core_lib_utils_js__WEBPACK_IMPORTED_MODULE_4__/* .toCommandProperties */ .k)(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    (0,_node_modules_actions_core_lib_command_js__WEBPACK_IMPORTED_MODULE_0__/* .issueCommand */ .L)('warning', (0,_node_modules_actions_core_lib_utils_js__WEBPACK_IMPORTED_MODULE_4__/* .toCommandProperties */ .k)(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + os__WEBPACK_IMPORTED_MODULE_2__.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return __awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return (0,_node_modules_actions_core_lib_file_command_js__WEBPACK_IMPORTED_MODULE_1__/* .issueFileCommand */ .n)('STATE', (0,_node_modules_actions_core_lib_file_command_js__WEBPACK_IMPORTED_MODULE_1__/* .prepareKeyValueMessage */ .v)(name, value));
    }
    (0,_node_modules_actions_core_lib_command_js__WEBPACK_IMPORTED_MODULE_0__/* .issueCommand */ .L)('save-state', { name }, (0,_node_modules_actions_core_lib_utils_js__WEBPACK_IMPORTED_MODULE_4__/* .toCommandValue */ .E)(value));
}
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function getIDToken(aud) {
    return __awaiter(this, void 0, void 0, function* () {
        return yield OidcClient.getIDToken(aud);
    });
}
/**
 * Summary exports
 */

/**
 * @deprecated use core.summary
 */

/**
 * Path exports
 */

/**
 * Platform utilities exports
 */



/***/ }),

/***/ 89635:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ issueCommand)
/* harmony export */ });
/* unused harmony export issue */
/* harmony import */ var os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70857);
/* harmony import */ var _utils_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4679);


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + os__WEBPACK_IMPORTED_MODULE_0__.EOL);
}
function issue(name, message = '') {
    issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return (0,_utils_js__WEBPACK_IMPORTED_MODULE_1__/* .toCommandValue */ .E)(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return (0,_utils_js__WEBPACK_IMPORTED_MODULE_1__/* .toCommandValue */ .E)(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map

/***/ }),

/***/ 82902:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ issueFileCommand),
/* harmony export */   v: () => (/* binding */ prepareKeyValueMessage)
/* harmony export */ });
/* harmony import */ var crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76982);
/* harmony import */ var fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(79896);
/* harmony import */ var os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(70857);
/* harmony import */ var _utils_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4679);
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!fs__WEBPACK_IMPORTED_MODULE_1__.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    fs__WEBPACK_IMPORTED_MODULE_1__.appendFileSync(filePath, `${(0,_utils_js__WEBPACK_IMPORTED_MODULE_3__/* .toCommandValue */ .E)(message)}${os__WEBPACK_IMPORTED_MODULE_2__.EOL}`, {
        encoding: 'utf8'
    });
}
function prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID()}`;
    const convertedValue = (0,_utils_js__WEBPACK_IMPORTED_MODULE_3__/* .toCommandValue */ .E)(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${os__WEBPACK_IMPORTED_MODULE_2__.EOL}${convertedValue}${os__WEBPACK_IMPORTED_MODULE_2__.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map

/***/ }),

/***/ 51631:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* unused harmony exports toPosixPath, toWin32Path, toPlatformPath */
/* harmony import */ var path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(16928);

/**
 * toPosixPath converts the given path to the posix form. On Windows, \\ will be
 * replaced with /.
 *
 * @param pth. Path to transform.
 * @return string Posix path.
 */
function toPosixPath(pth) {
    return pth.replace(/[\\]/g, '/');
}
/**
 * toWin32Path converts the given path to the win32 form. On Linux, / will be
 * replaced with \\.
 *
 * @param pth. Path to transform.
 * @return string Win32 path.
 */
function toWin32Path(pth) {
    return pth.replace(/[/]/g, '\\');
}
/**
 * toPlatformPath converts the given path to a platform-specific path. It does
 * this by replacing instances of / and \ with the platform-specific path
 * separator.
 *
 * @param pth The path to platformize.
 * @return string The platform-specific path.
 */
function toPlatformPath(pth) {
    return pth.replace(/[/\\]/g, path.sep);
}
//# sourceMappingURL=path-utils.js.map

/***/ }),

/***/ 1170:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ summary)
/* harmony export */ });
/* unused harmony exports SUMMARY_ENV_VAR, SUMMARY_DOCS_URL, markdownSummary */
/* harmony import */ var os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70857);
/* harmony import */ var fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(79896);
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = fs__WEBPACK_IMPORTED_MODULE_1__.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, fs__WEBPACK_IMPORTED_MODULE_1__.constants.R_OK | fs__WEBPACK_IMPORTED_MODULE_1__.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return __awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return __awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(os__WEBPACK_IMPORTED_MODULE_0__.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = (/* unused pure expression or super */ null && (_summary));
const summary = _summary;
//# sourceMappingURL=summary.js.map

/***/ }),

/***/ 4679:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ toCommandValue),
/* harmony export */   k: () => (/* binding */ toCommandProperties)
/* harmony export */ });
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map

/***/ })

};
