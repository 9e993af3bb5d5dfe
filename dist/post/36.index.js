export const id = 36;
export const ids = [36];
export const modules = {

/***/ 9218:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CG: () => (/* binding */ serverKind),
/* harmony export */   JQ: () => (/* binding */ actionKind),
/* harmony export */   yX: () => (/* binding */ SERVER_KINDS)
/* harmony export */ });
// The kinds a Canarytokens server makes, by the action's name for them
// (the Console's name where the Console has the same kind, the server's own
// otherwise), with the server's name (`TokenTypes`, canarytokens/models/common.py)
// and where the token's file comes from. The action's per-kind input rules
// for the server are in operations/kinds.ts (`server`), which checks that
// both tables name the same kinds.
const SERVER_KINDS = {
    dns: { type: 'dns' },
    http: { type: 'web' },
    'doc-msword': { type: 'ms_word', fmt: 'msword' },
    'doc-msexcel': { type: 'ms_excel', fmt: 'msexcel' },
    'pdf-acrobat-reader': { type: 'adobe_pdf', fmt: 'pdf' },
    'aws-id': { type: 'aws_keys', fmt: 'awskeys' },
    'azure-id': { type: 'azure_id', fmt: 'azure_id' },
    // The download answers the data URI as text labelled image/png (app.py); the create answer's `qrcode_png`, and the manage answer's `qr_code`, are that URI too.
    'qr-code': { type: 'qr_code', fmt: 'qr_code', answerFile: { fields: ['qrcode_png', 'qr_code'], encoding: 'data-uri', filename: 'qr-code.png' } },
    'windows-dir': { type: 'windows_dir', fmt: 'zip' },
    'fast-redirect': { type: 'fast_redirect' },
    'slow-redirect': { type: 'slow_redirect' },
    'cloned-web': { type: 'clonedsite' },
    'cloned-css': { type: 'cssclonedsite', fmt: 'cssclonedsite' },
    'web-image': { type: 'web_image' },
    // The signed binary comes in the create answer only (`file_contents`, a data URI); there is no download format for it.
    'signed-exe': { type: 'signed_exe', answerFile: { fields: ['file_contents'], encoding: 'data-uri', filename: 'signed.exe' } },
    // wg_conf: in the create answer and in the manage answer (not under canarydrop); no download format.
    wireguard: { type: 'wireguard', answerFile: { fields: ['wg_conf'], encoding: 'text', filename: 'wg0.conf' } },
    'sensitive-cmd': { type: 'cmd', fmt: 'cmd' },
    'mysql-dump': { type: 'my_sql', fmt: 'my_sql' },
    'idp-app': { type: 'idp_app' },
    pwa: { type: 'pwa' },
    sql: { type: 'sql_server' },
    svn: { type: 'svn' },
    // Kinds only a Canarytokens server has, by its own names.
    kubeconfig: { type: 'kubeconfig', fmt: 'kubeconfig', answerFile: { fields: ['kubeconfig'], encoding: 'base64', filename: 'kubeconfig' } },
    log4shell: { type: 'log4shell' },
    smtp: { type: 'smtp' },
    webdav: { type: 'webdav' },
    windows_fake_fs: { type: 'windows_fake_fs', fmt: 'windows_fake_fs' },
    mcp: { type: 'mcp', fmt: 'mcp' },
    svg: { type: 'svg', fmt: 'svg' }
};
function serverKind(kind) {
    return Object.hasOwn(SERVER_KINDS, kind) ? SERVER_KINDS[kind] : undefined;
}
/** The action's name for a server `token_type`; the server's own name when the action has none for it. */
function actionKind(type) {
    for (const [kind, rule] of Object.entries(SERVER_KINDS))
        if (rule.type === type)
            return kind;
    return type;
}


/***/ }),

/***/ 7442:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hk: () => (/* binding */ updateCanarytokenMemo),
/* harmony export */   Ib: () => (/* binding */ disableCanarytoken),
/* harmony export */   Jv: () => (/* binding */ searchStringFor),
/* harmony export */   UK: () => (/* binding */ downloadCanarytoken),
/* harmony export */   U_: () => (/* binding */ createCanarytoken),
/* harmony export */   W4: () => (/* binding */ removeS3Canarytoken),
/* harmony export */   XG: () => (/* binding */ deleteCanarytoken),
/* harmony export */   YP: () => (/* binding */ fetchCanarytoken),
/* harmony export */   cG: () => (/* binding */ canarytokenListing),
/* harmony export */   hH: () => (/* binding */ enableCanarytoken),
/* harmony export */   o8: () => (/* binding */ deleteApeeperFactory),
/* harmony export */   uB: () => (/* binding */ canarytokenPages),
/* harmony export */   yy: () => (/* binding */ findCanarytokens)
/* harmony export */ });
/* unused harmony exports CANARYTOKEN_ENDPOINTS, PAGE_SIZE, listCanarytokens */
/* harmony import */ var _http_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2602);
/* harmony import */ var _records_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7528);


/** `repeatable`: safe to send again when an attempt's answer was lost (see Endpoint). */
const CANARYTOKEN_ENDPOINTS = {
    create: { method: 'POST', path: '/api/v1/canarytoken/create', repeatable: false, answers: 'canarytoken' },
    fetch: { method: 'GET', path: '/api/v1/canarytoken/fetch', repeatable: true, answers: 'token' },
    update: { method: 'POST', path: '/api/v1/canarytoken/update', repeatable: true },
    enable: { method: 'POST', path: '/api/v1/canarytoken/enable', repeatable: true },
    disable: { method: 'POST', path: '/api/v1/canarytoken/disable', repeatable: true },
    delete: { method: 'POST', path: '/api/v1/canarytoken/delete', repeatable: true },
    download: { method: 'GET', path: '/api/v1/canarytoken/download', repeatable: true },
    removeS3: { method: 'POST', path: '/api/v1/canarytoken/remove/s3', repeatable: true },
    deleteApeeperFactory: { method: 'POST', path: '/api/v1/apeeperfactory/delete', repeatable: true },
    paginate: { method: 'GET', path: '/api/v1/canarytokens/paginate', repeatable: true },
    search: { method: 'GET', path: '/api/v1/canarytokens/search', repeatable: true }
};
/** How far the Console's clock may be behind ours when telling a token we just made from an older one. */
const CLOCK_SKEW_MS = 60_000;
/**
 * Creates a token, never two. Create is not safe to repeat, so when an
 * attempt fails where the Console may have made the token (a timeout, a
 * connection broken after sending, a 5xx), the Console is searched for a
 * token of this kind with exactly this memo (and flock), made since just
 * before the first attempt: found, it is the answer; not found, the create
 * is sent again. Older tokens that share the memo are not mistaken for it.
 * Several such tokens (other runs made the same token meanwhile) fail the
 * call, naming them, unless `pickAmongSeveral` chooses the answer.
 */
function createCanarytoken(transport, params, files = {}, { pickAmongSeveral } = {}) {
    const since = Date.now() - CLOCK_SKEW_MS;
    const recover = async () => {
        const matches = await findCanarytokens(transport, { kind: params.kind, memoEquals: params.memo, flockId: params.flock_id }).catch((error) => {
            // A key that may create but not search (a Flock canarytoken-deploy key) cannot settle it: say so, and where to look.
            if (!(error instanceof _http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD) || error.failure !== 'unauthorized')
                throw error;
            throw new Error(`this key may not search for the token (HTTP ${error.status ?? 'error'}: ${error.serverMessage ?? 'refused'}; a Flock canarytoken-deploy key only creates and downloads): ` +
                `look for a ${params.kind} token with this memo in the Console before running the step again`);
        });
        const recent = matches.filter((token) => !(Number(token.created) * 1000 < since));
        if (recent.length === 0)
            return undefined;
        const chosen = recent.length === 1 ? recent[0] : pickAmongSeveral?.(recent);
        if (!chosen) {
            const ids = recent.map((token) => token.canarytoken).join(', ');
            throw new Error(`${recent.length} Canarytokens of this kind with this memo were made just now (${ids}); check which to keep`);
        }
        // Read it back whole: a search result need not carry every field (e.g. aws-id keys).
        const { token } = await fetchCanarytoken(transport, chosen.canarytoken);
        return { result: 'success', canarytoken: token };
    };
    return transport.call(CANARYTOKEN_ENDPOINTS.create, params, files, recover);
}
function fetchCanarytoken(transport, canarytoken) {
    return transport.call(CANARYTOKEN_ENDPOINTS.fetch, { canarytoken });
}
/** The reference documents `{"result","token"}` as update's answer. */
function updateCanarytokenMemo(transport, canarytoken, memo) {
    return transport.call(CANARYTOKEN_ENDPOINTS.update, { canarytoken, memo });
}
function enableCanarytoken(transport, canarytoken) {
    return transport.call(CANARYTOKEN_ENDPOINTS.enable, { canarytoken });
}
function disableCanarytoken(transport, canarytoken) {
    return transport.call(CANARYTOKEN_ENDPOINTS.disable, { canarytoken });
}
function deleteCanarytoken(transport, canarytoken, clearIncidents = false) {
    // Sent only when asked for, so the Console's own default applies otherwise.
    return (0,_http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .removal */ .r2)(transport.call(CANARYTOKEN_ENDPOINTS.delete, { canarytoken, clear_incidents: clearIncidents ? true : undefined }));
}
function downloadCanarytoken(transport, canarytoken) {
    return transport.download(CANARYTOKEN_ENDPOINTS.download, { canarytoken });
}
/** The reference lists `aws_access_key` twice for this endpoint; it is sent once. */
function removeS3Canarytoken(transport, params) {
    return (0,_http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .removal */ .r2)(transport.call(CANARYTOKEN_ENDPOINTS.removeS3, params));
}
function deleteApeeperFactory(transport, hash) {
    return (0,_http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .removal */ .r2)(transport.call(CANARYTOKEN_ENDPOINTS.deleteApeeperFactory, { hash }));
}
/**
 * Tokens asked for per page. The reference sets no upper limit (the default
 * is 10); a page of 500 is a few hundred KB, and every page is a round trip
 * to a Console that is an internet away. A Console that caps it just gives
 * more pages.
 */
const PAGE_SIZE = 500;
/** Where a walk over `query` asks: search when the Console can narrow the list (kind, active, search string), paginate otherwise. */
function walkRequest(query) {
    const useSearch = query.kind !== undefined || query.active !== undefined || query.searchString !== undefined;
    const base = { flock_id: query.flockId, limit: query.pageSize ?? PAGE_SIZE };
    if (useSearch)
        Object.assign(base, { kind: query.kind, active: query.active, search_string: query.searchString });
    return { endpoint: useSearch ? CANARYTOKEN_ENDPOINTS.search : CANARYTOKEN_ENDPOINTS.paginate, base };
}
/**
 * Every page of a walk, following `cursor.next` until it is null. The query
 * goes with every page, so a Console that reads it from each request and one
 * that keeps it in the cursor both give the same pages. With `readAhead`,
 * the next page is asked for as soon as this one's cursor is known, while
 * the caller reads this one: the Console's round trip overlaps our work on
 * the page instead of following it (pages are reads, safe to ask for and
 * drop). A page asked for ahead and not wanted (the caller stopped, or this
 * page failed) is dropped when it comes, its failure with it, and is not
 * tried again once the walk is over (no retry, no Retry-After wait keeping
 * the step alive after it has ended).
 */
async function* followCursors({ endpoint, base }, fetchPage, readAhead = false) {
    const seen = new Set();
    // Aborted when the walk ends however it ends: a page asked for ahead is then not tried again nor waited for.
    const walking = new AbortController();
    const signal = walking.signal;
    try {
        let pending = fetchPage({ ...base, cursor: undefined }, 1, signal);
        for (let number = 1;; number++) {
            const { cursor: next, page } = await pending;
            const following = next?.next;
            const last = following === undefined || following === null || following === '';
            // A Console that hands back a cursor it gave before would have us loop for ever: that page is still given, then the walk stops.
            const looped = !last && seen.has(following);
            if (!last && !looped) {
                seen.add(following);
                if (readAhead) {
                    pending = fetchPage({ ...base, cursor: following }, number + 1, signal);
                    pending.catch(() => undefined);
                }
            }
            yield page;
            if (last)
                return;
            if (looped)
                throw new _http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(`${endpoint.path} returned a page cursor it had already given; stopped listing to avoid a loop`, 'result');
            if (!readAhead)
                pending = fetchPage({ ...base, cursor: following }, number + 1, signal);
        }
    }
    finally {
        walking.abort();
    }
}
function withoutList(endpoint) {
    return new _http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(`${endpoint.path} answered without a "canarytokens" list`, 'result');
}
/**
 * Every page of tokens matching `query`, each page's tokens parsed at once.
 * Search is used when the Console can narrow the list (kind, active, search
 * string), paginate otherwise; `fetch` (everything in one answer) never.
 */
function canarytokenPages(transport, query = {}) {
    const request = walkRequest(query);
    return followCursors(request, async (params, page) => {
        const answer = await transport.call(request.endpoint, params);
        if (!Array.isArray(answer.canarytokens))
            throw withoutList(request.endpoint);
        return { cursor: answer.cursor, page: { canarytokens: answer.canarytokens, page, totalResults: answer.total_results } };
    });
}
/**
 * Every page of tokens matching `query`, as `canarytokenPages` gives them,
 * for a walk that reads every token (list-canarytokens, cleanup): a page's
 * tokens stay bytes until each is read (HttpTransport.callList), so only the
 * token being read is on the heap, not its page. The next page is asked for
 * while this one is read (its bytes wait off the heap too). Whatever a
 * reader leaves of a page is read before the next page is handed out, so a
 * page that was not JSON fails the walk where it would have failed whole.
 */
async function* canarytokenListing(transport, query = {}) {
    const request = walkRequest(query);
    const pages = followCursors(request, async (params, page, signal) => {
        const { answer, items } = await transport.callList(request.endpoint, params, 'canarytokens', signal);
        if (!items)
            throw withoutList(request.endpoint);
        return { cursor: answer.cursor, page: { tokens: items, page } };
    }, true);
    for await (const page of pages) {
        yield page;
        for (const token of page.tokens)
            void token;
    }
}
/** Every token matching `query`, one at a time, a page in memory at most. */
async function* listCanarytokens(transport, query = {}) {
    for await (const page of canarytokenPages(transport, query))
        yield* page.canarytokens;
}
/**
 * A search string the Console's word-prefix search surely matches in every
 * memo that starts with `text`: its leading run of letters and digits. Any
 * word splitting (at spaces or at punctuation) starts a word there, and the
 * run is a prefix of it. `undefined` when `text` starts with anything else.
 */
function searchStringFor(text) {
    // Bounded: a 10,000-character first word would make a URL servers refuse, and a prefix still matches.
    return /^[A-Za-z0-9]+/.exec(text)?.[0].slice(0, SEARCH_STRING_LENGTH);
}
const SEARCH_STRING_LENGTH = 200;
/**
 * The tokens matching every option, letting the Console do the narrowing it
 * can and checking every option again on what comes back (so a Console that
 * ignored a parameter cannot widen the result).
 */
async function findCanarytokens(transport, options) {
    const searchString = options.searchString ?? (options.memoEquals !== undefined ? searchStringFor(options.memoEquals) : undefined);
    const found = [];
    for await (const token of listCanarytokens(transport, { flockId: options.flockId, kind: options.kind, active: options.active, searchString })) {
        if (options.memoEquals !== undefined && token.memo !== options.memoEquals)
            continue;
        if (options.kind !== undefined && token.kind !== options.kind)
            continue;
        if (options.flockId !== undefined && token.flock_id !== undefined && token.flock_id !== options.flockId)
            continue;
        if (options.active !== undefined && (0,_records_js__WEBPACK_IMPORTED_MODULE_1__/* .isEnabled */ .Ol)(token) !== options.active)
            continue;
        found.push(token);
    }
    return found;
}


/***/ }),

/***/ 7528:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ol: () => (/* binding */ isEnabled),
/* harmony export */   dg: () => (/* binding */ listedRecord),
/* harmony export */   pr: () => (/* binding */ tokenRecord)
/* harmony export */ });
/* harmony import */ var _secret_fields_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7266);

// The Console's token fields, read once, here. Booleans and numbers have
// arrived as text from Consoles; a field that cannot be read is undefined,
// never guessed.
/** `enabled` as a boolean; Consoles have sent it as a boolean and as text. `undefined` when absent. */
function isEnabled(token) {
    const value = token.enabled;
    if (value === true || value === 'true' || value === 'True' || value === 1)
        return true;
    if (value === false || value === 'false' || value === 'False' || value === 0)
        return false;
    return undefined;
}
/** `created`: epoch seconds, sent as text. */
function createdDate(token) {
    const value = token.created;
    const seconds = typeof value === 'number' ? value : Number.parseFloat(String(value ?? ''));
    const date = Number.isFinite(seconds) ? new Date(seconds * 1000) : undefined;
    // Seconds past what a date holds make an invalid one, which no later step can print: none.
    return date && !Number.isNaN(date.getTime()) ? date : undefined;
}
function triggeredCount(token) {
    const value = token.triggered_count;
    if (value === undefined || value === null || value === '')
        return undefined;
    const count = Number(value);
    return Number.isFinite(count) ? count : undefined;
}
function text(value) {
    return typeof value === 'string' && value !== '' ? value : undefined;
}
/**
 * One value of a `name = value` line in an INI text. Split at the `=`, not
 * matched by a regular expression: a lazy value before `\s*$` took time
 * quadratic in a line of spaces, and the text is the Console's.
 */
function iniValue(ini, name) {
    for (const line of ini.split(/\r?\n/)) {
        const at = line.indexOf('=');
        if (at === -1 || line.slice(0, at).trim() !== name)
            continue;
        const value = line.slice(at + 1).trim();
        if (value)
            return value;
    }
    return undefined;
}
/** An aws-id token's keys: its `access_key_id` and `secret_access_key`, else its `renders["aws-id"]` block (the reference shows both). */
function awsKeys(token) {
    let accessKeyId = text(token.access_key_id)?.trim() ?? '';
    let secretAccessKey = text(token.secret_access_key)?.trim() ?? '';
    const rendered = token.renders?.['aws-id'];
    if ((!accessKeyId || !secretAccessKey) && typeof rendered === 'string') {
        accessKeyId ||= iniValue(rendered, 'aws_access_key_id') ?? '';
        secretAccessKey ||= iniValue(rendered, 'aws_secret_access_key') ?? '';
    }
    if (!accessKeyId || !secretAccessKey)
        return undefined;
    const region = text(token.region) ?? (typeof rendered === 'string' ? iniValue(rendered, 'region') : undefined);
    return { accessKeyId, secretAccessKey, region };
}
/** The plain (string, number, boolean) fields of an object, as text. */
function stringFields(object) {
    const fields = {};
    for (const [name, value] of Object.entries(object)) {
        if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
            fields[name] = String(value);
    }
    return fields;
}
/** The fields of a record read straight from the token. */
function plainFields(token) {
    return {
        id: token.canarytoken,
        kind: token.kind,
        memo: typeof token.memo === 'string' ? token.memo : '',
        enabled: isEnabled(token),
        created: createdDate(token),
        triggeredCount: triggeredCount(token),
        flockId: text(token.flock_id),
        hostname: text(token.hostname),
        url: text(token.url),
        nodeId: text(token.node_id),
        awsKeys: token.kind === 'aws-id' ? awsKeys(token) : undefined,
        renders: token.renders && typeof token.renders === 'object' ? stringFields(token.renders) : undefined
    };
}
/** A Console token as the action's record. Its secrets were masked by the transport as the answer arrived. */
function tokenRecord(token) {
    return { ...plainFields(token), fieldValues: stringFields(token), details: (0,_secret_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .withoutSecretFields */ .Q)(token) };
}
/**
 * A record of a listing's page: `fieldValues` and `details` (a copy of every
 * field, and one without the secret ones) are made when first read, by
 * getters on the class (not on each record: a getter per record costs two
 * closures, and at 100,000 tokens those alone make the garbage collector's
 * young generation grow by a hundred MiB). A listing reads neither for most
 * tokens; copying each token twice for nothing was most of a listing's work.
 * Not for spreading (`{ ...record }` leaves the two out): listings only read.
 */
class ListedRecord {
    #token;
    #fieldValues;
    #details;
    constructor(token) {
        Object.assign(this, plainFields(token));
        this.#token = token;
    }
    get fieldValues() {
        return (this.#fieldValues ??= stringFields(this.#token));
    }
    get details() {
        return (this.#details ??= (0,_secret_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .withoutSecretFields */ .Q)(this.#token));
    }
}
/** A token of a listing's page as a record (see ListedRecord). */
function listedRecord(token) {
    return new ListedRecord(token);
}


/***/ }),

/***/ 9473:
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

/***/ 2602:
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
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9473);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(977);


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

/***/ 2749:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GK: () => (/* binding */ describeProxy),
/* harmony export */   M2: () => (/* binding */ httpsProxy),
/* harmony export */   U$: () => (/* binding */ goesThroughProxy),
/* harmony export */   i2: () => (/* binding */ nodeTunnels)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9473);
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
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9473);

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

/***/ 9692:
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
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./build/errors.js
var errors = __webpack_require__(9473);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
// EXTERNAL MODULE: ./build/http/proxy.js
var http_proxy = __webpack_require__(2749);
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
var http_errors = __webpack_require__(2602);
// EXTERNAL MODULE: ./build/http/server-url.js
var server_url = __webpack_require__(1974);
// EXTERNAL MODULE: ./build/http/upload-types.js
var upload_types = __webpack_require__(3272);
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
        const cutter = await __webpack_require__.e(/* import() */ 204).then(__webpack_require__.bind(__webpack_require__, 7204));
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

/***/ 3272:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ UPLOAD_MIME_TYPES),
/* harmony export */   w: () => (/* binding */ uploadMimeType)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);

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

/***/ 5036:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPost: () => (/* binding */ runPost)
});

// EXTERNAL MODULE: external "os"
var external_os_ = __webpack_require__(857);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function utils_toCommandValue(input) {
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
function utils_toCommandProperties(annotationProperties) {
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
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


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
function command_issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_.EOL);
}
function command_issue(name, message = '') {
    command_issueCommand(name, {}, message);
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
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
// EXTERNAL MODULE: external "crypto"
var external_crypto_ = __webpack_require__(6982);
// EXTERNAL MODULE: external "fs"
var external_fs_ = __webpack_require__(9896);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function file_command_issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!fs.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    fs.appendFileSync(filePath, `${toCommandValue(message)}${os.EOL}`, {
        encoding: 'utf8'
    });
}
function file_command_prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
    const convertedValue = toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${os.EOL}${convertedValue}${os.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
// EXTERNAL MODULE: external "path"
var external_path_ = __webpack_require__(6928);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_.promises;
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
                yield access(pathFromEnv, external_fs_.constants.R_OK | external_fs_.constants.W_OK);
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
        return this.addRaw(external_os_.EOL);
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
const summary_summary = _summary;
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/path-utils.js

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
;// CONCATENATED MODULE: ./build/vendor/actions-core.js
// Built by scripts/clean-dist.mjs from @actions/core's lib/core.js (see leanActionsCore there).
var actions_core_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
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
    const convertedVal = toCommandValue(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    issueCommand('set-env', { name }, convertedVal);
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
    command_issueCommand('add-mask', {}, secret);
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
        return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    }
    process.stdout.write(os.EOL);
    issueCommand('set-output', { name }, toCommandValue(value));
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
    command_issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    command_issueCommand('error', utils_toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    command_issueCommand('warning', utils_toCommandProperties(properties), message instanceof Error ? message.toString() : message);
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
    process.stdout.write(message + external_os_.EOL);
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
    return actions_core_awaiter(this, void 0, void 0, function* () {
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
        return issueFileCommand('STATE', prepareKeyValueMessage(name, value));
    }
    issueCommand('save-state', { name }, toCommandValue(value));
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
    return actions_core_awaiter(this, void 0, void 0, function* () {
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


// EXTERNAL MODULE: ./build/text.js
var build_text = __webpack_require__(977);
// EXTERNAL MODULE: ./build/errors.js
var errors = __webpack_require__(9473);
;// CONCATENATED MODULE: ./build/inputs.js



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
const COMMON_INPUTS = (/* unused pure expression or super */ null && (['operation', 'console', 'auth-token', 'canarytokens-server', 'timeout-seconds', 'retries']));
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
        throw new errors/* InputError */.d("Inputs 'console' and 'canarytokens-server' are both set; a step drives one server. Keep 'console' for your Canary Console, or 'canarytokens-server' for canarytokens.org or a self-hosted Canarytokens server, not both.");
    }
    return 'canarytokens-server';
}
/** The inputs as the runner passes them (`INPUT_<NAME>` variables). */
function actionInputs() {
    return { get: (name) => getInput(name) };
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
    throw new errors/* InputError */.d(`Input '${name}' must be true or false (as GitHub reads booleans: true, True, TRUE, false, False or FALSE), not '${raw}'.`);
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
        throw new errors/* InputError */.d(`Input 'flock-id' must be a flock id, which looks like 'flock:default' or 'flock:<id>', not '${value}'${hint}`);
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
        throw new errors/* InputError */.d(`Input '${name}' must be a whole number from ${limits.min} to ${limits.max}, not '${raw}'.`);
    }
    return Number(raw);
}
/** The Console's limit on memos, in characters as Python's len() counts them: code points. */
const MAX_MEMO_LENGTH = 10_000;
/** Refuses a memo (after its placeholders are filled) longer than the Console takes. */
function checkMemoLength(memo, where) {
    const length = (0,build_text/* codePointLength */.O7)(memo);
    if (length > MAX_MEMO_LENGTH) {
        throw new errors/* InputError */.d(`${where} is ${length} characters long; the Console accepts at most ${MAX_MEMO_LENGTH}.`);
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
    const first = (0,errors/* errorMessage */.g)(error).split('\n')[0]?.replace(/:\s*$/, '') ?? '';
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
    const { parse: parseYaml } = await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19));
    let parsed;
    try {
        parsed = parseYaml(raw);
    }
    catch (error) {
        throw new errors/* InputError */.d(`Input 'extra-params' must be a YAML mapping of Console parameters (${yamlErrorReason(error, raw)}).`);
    }
    if (parsed === null || parsed === undefined)
        return {};
    if (typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new errors/* InputError */.d("Input 'extra-params' must be a YAML mapping, e.g. 'expiry: 6mo'.");
    }
    const params = {};
    for (const [name, value] of Object.entries(parsed)) {
        if (!PARAMETER_NAME.test(name)) {
            throw new errors/* InputError */.d(`Input 'extra-params' has '${name}', which is not a Console parameter name (lower case, digits and _).`);
        }
        if (name === 'auth_token') {
            throw new errors/* InputError */.d("Input 'extra-params' must not hold 'auth_token': the action sends the token from 'auth-token' in a header.");
        }
        if (namedParameters.has(name)) {
            throw new errors/* InputError */.d(`Input 'extra-params' has '${name}'; use the input '${name.replace(/_/g, '-')}' instead.`);
        }
        if (value !== null && typeof value === 'object') {
            throw new errors/* InputError */.d(`Input 'extra-params' value of '${name}' must be a single value, not a list or mapping.`);
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
            throw new errors/* InputError */.d(`Input 'alert-email' must be one e-mail address such as security@example.com (letters, digits and !#$%&'*+/=?^_\`{|}~- before the @, an ASCII domain after it); the server refuses '${email}'.`);
        }
        const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
        const special = SPECIAL_USE_DOMAINS.find((name) => domain === name || domain.endsWith(`.${name}`));
        if (special || !/[a-z]$/.test(domain)) {
            throw new errors/* InputError */.d(`Input 'alert-email' must be an address the server can mail: ${special ? `'${domain}' is under the special-use domain '${special}'` : `'${domain}' does not end in a letter (a top-level domain)`}, which its address check (email-validator) refuses. Use an address at a public domain such as security@example.com.`);
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
            throw new errors/* InputError */.d("Input 'alert-webhook' must be an https:// (or http://) URL the server can POST alerts to, e.g. a Slack, Teams or Discord webhook.");
        }
        if (webhook.length > MAX_WEBHOOK_URL_LENGTH) {
            throw new errors/* InputError */.d(`Input 'alert-webhook' is ${webhook.length} characters long; the server takes webhook URLs of at most ${MAX_WEBHOOK_URL_LENGTH}.`);
        }
        if (isPrivateAddress(url.hostname)) {
            throw new errors/* InputError */.d(`Input 'alert-webhook' points at ${url.hostname}, a loopback or private address: the Canarytokens server refuses to POST to those (it tests the webhook when it makes the token). Use a webhook the server can reach over the internet.`);
        }
        if (!hasTopLevelDomain(url.hostname)) {
            throw new errors/* InputError */.d(`Input 'alert-webhook' points at ${url.hostname}, a host name without a top-level domain: the Canarytokens server takes webhook URLs whose host is an IP address or a name like hooks.slack.com (pydantic's HttpUrl). Use the webhook's full host name.`);
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
    throw new errors/* InputError */.d(`Input 'canarytoken' on a Canarytokens server must be the token's id, 25 lower-case letters and digits (the 'canarytoken' output of the step that made it); the value given is ${(0,build_text/* codePointLength */.O7)(value)} characters long.${hint}`);
}
/** Creating a token on a Canarytokens server needs somewhere to send its alerts: refused before any request otherwise. */
function requireAlertTarget(inputs, operation) {
    if (chosenBackend(inputs) !== 'canarytokens-server')
        return;
    const targets = alertTargetInputs(inputs);
    if (!targets.email && !targets.webhook) {
        throw new errors/* InputError */.d(`Operation '${operation}' on a Canarytokens server needs 'alert-email' or 'alert-webhook' (or both): the server sends each token's alerts there and makes no token without one.`);
    }
}

// EXTERNAL MODULE: ./build/operations/runner-canary-state.js
var runner_canary_state = __webpack_require__(9322);
;// CONCATENATED MODULE: ./build/publish/markdown.js
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
    let text = truncateCodePoints(visibleControls(untrusted), options.maxLength ?? 1000);
    if (options.inTable)
        text = text.replace(/\|/g, '\\|');
    const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longestRun + 1);
    // A space inside each end: CommonMark strips exactly one on each side, so text that starts or ends with a backtick or a space shows whole.
    return `${fence} ${text} ${fence}`;
}

// EXTERNAL MODULE: ./build/http/errors.js
var http_errors = __webpack_require__(2602);
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

// EXTERNAL MODULE: ./build/secret-fields.js
var secret_fields = __webpack_require__(7266);
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
        setSecret(trimmed);
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


// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/backends/console/canarytokens.js
var canarytokens = __webpack_require__(7442);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
;// CONCATENATED MODULE: ./build/publish/files.js







/** Longest file name we write, in UTF-8 bytes; most file systems stop at 255 bytes. */
const MAX_FILENAME_LENGTH = 200;
function isInside(root, candidate) {
    const rel = (0,external_node_path_.relative)(root, candidate);
    return rel === '' || (!rel.startsWith('..') && !(0,external_node_path_.isAbsolute)(rel));
}
/**
 * The real path of `target`, following symlinks in the part of it that
 * exists already (the rest will be created by us, as plain directories).
 */
async function realPathOfExistingPart(target) {
    let existing = target;
    const missing = [];
    for (;;) {
        try {
            return (0,external_node_path_.join)(await (0,promises_.realpath)(existing), ...missing);
        }
        catch {
            const parent = (0,external_node_path_.dirname)(existing);
            if (parent === existing)
                return target;
            missing.unshift(existing.slice(parent.length).replace(/^[\\/]/, ''));
            existing = parent;
        }
    }
}
/**
 * Resolves a user's path against `root` and proves it stays inside, symlinks
 * included: `../x`, an absolute path elsewhere, or a link out of the root are
 * all refused.
 */
async function resolveInside(root, userPath, inputName) {
    const target = (0,external_node_path_.resolve)(root, userPath);
    const realRoot = await realPathOfExistingPart((0,external_node_path_.resolve)(root));
    const realTarget = await realPathOfExistingPart(target);
    if (!isInside((0,external_node_path_.resolve)(root), target) || !isInside(realRoot, realTarget)) {
        throw new errors/* InputError */.d(`Input '${inputName}' must point inside ${root}; '${userPath}' leads outside it.`);
    }
    return target;
}
/**
 * Why we would refuse to write at `path` (an absolute path already proven
 * inside the root), or undefined when nothing is there or a regular file is.
 * A symlink at the target, dangling or not, is refused: writing through it
 * could land anywhere, and replacing it would silently change what it meant.
 * Checked before any request, so nothing is minted for a file we cannot write.
 */
async function unwritableTarget(path) {
    const info = await (0,promises_.lstat)(path).catch(() => undefined);
    if (!info || info.isFile())
        return undefined;
    if (info.isSymbolicLink())
        return 'is a symbolic link; name the file itself (a link is never written through or replaced)';
    return info.isDirectory() ? 'is a folder, not a file' : 'exists and is not a regular file';
}
/** Refuses, naming the input, a target file that is a symlink or not a regular file (see unwritableTarget). */
async function checkWritableTarget(path, shown, inputName) {
    const problem = await unwritableTarget(path);
    if (problem)
        throw new errors/* InputError */.d(`Input '${inputName}': '${shown}' ${problem}.`);
}
/**
 * Refuses, naming the input, a folder we could not create or write in: the
 * nearest part of it that exists must be a folder (a file there makes every
 * mkdir fail) and writable (a read-only file system, a folder of another
 * user). Checked before any request, so nothing is minted for a file that
 * cannot be written. `shown` is the folder as the user wrote it, relative to `root`.
 */
async function checkWritableFolder(root, directory, shown, inputName) {
    let existing = directory;
    for (;;) {
        const info = await (0,promises_.stat)(existing).catch(() => undefined);
        if (info) {
            const part = (0,external_node_path_.relative)(root, existing) || '.';
            if (!info.isDirectory()) {
                const below = existing === directory ? '' : `; '${shown}' cannot be created in it`;
                throw new errors/* InputError */.d(`Input '${inputName}': '${part}' is a file, not a folder${below}.`);
            }
            try {
                await (0,promises_.access)(existing, external_node_fs_.constants.W_OK);
            }
            catch (error) {
                const code = error.code ?? 'not writable';
                throw new errors/* InputError */.d(`Input '${inputName}': '${part}' cannot be written (${code}); name a folder the job can write.`);
            }
            return;
        }
        const parent = (0,external_node_path_.dirname)(existing);
        if (parent === existing)
            return;
        existing = parent;
    }
}
/** A file the user names for us to read: inside the workspace, a regular file, not too large. */
async function readableFileInside(root, userPath, inputName, maxBytes) {
    const path = await resolveInside(root, userPath, inputName);
    let info;
    try {
        info = await (0,promises_.stat)(path);
    }
    catch {
        throw new errors/* InputError */.d(`Input '${inputName}': cannot read '${userPath}' (no such file in ${root}).`);
    }
    if (!info.isFile())
        throw new errors/* InputError */.d(`Input '${inputName}': '${userPath}' is not a file.`);
    if (info.size > maxBytes) {
        throw new errors/* InputError */.d(`Input '${inputName}': '${userPath}' is ${info.size} bytes; at most ${maxBytes} are sent.`);
    }
    return path;
}
/**
 * Characters a file name may keep; anything else becomes '_'. Letters,
 * combining marks and digits of any script are safe (`Pässwörter.docx`,
 * `パスワード.xlsx`); separators, control and format characters (bidi
 * overrides), quotes and shell punctuation are not.
 */
const UNSAFE_FILENAME_CHARACTERS = /[^\p{L}\p{M}\p{N}._ +()-]/gu;
/** The longest prefix of `text` (whole characters) that fits in `bytes` UTF-8 bytes. */
function fitBytes(text, bytes) {
    let result = '';
    for (const character of text) {
        if (Buffer.byteLength(result + character) > bytes)
            break;
        result += character;
    }
    return result;
}
/**
 * Reduces an untrusted name (a server's Content-Disposition) to a plain base
 * name that cannot leave its directory: no separators, no `..`, no leading
 * dot, no control characters, bounded length.
 */
function safeFilename(untrusted, fallback) {
    const lastSegment = (untrusted ?? '').split(/[\\/]/).pop() ?? '';
    let name = lastSegment.replace(UNSAFE_FILENAME_CHARACTERS, '_').replace(/^[.\s-]+/, '').trim();
    // File systems count bytes (most stop at 255): bounded in UTF-8 bytes, cut between characters.
    if (Buffer.byteLength(name) > MAX_FILENAME_LENGTH) {
        const dot = name.lastIndexOf('.');
        const extension = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
        name = fitBytes(name.slice(0, name.length - extension.length), MAX_FILENAME_LENGTH - Buffer.byteLength(extension)) + extension;
    }
    return name === '' || /^_+$/.test(name) ? fallback : name;
}
/** A file name the user gave: it must already be a plain base name; we refuse rather than guess. */
function checkUserFilename(name, inputName) {
    if (name !== safeFilename(name, '') || name === '.' || name === '..') {
        throw new errors/* InputError */.d(`Input '${inputName}' must be a plain file name (letters of any script, digits, spaces, '.', '_', '-', '+', '(', ')'; no folders, no leading dot or dash, at most ${MAX_FILENAME_LENGTH} bytes), not '${name}'.`);
    }
    return name;
}
/**
 * Writes `content` to `directory/name` atomically: into a temporary file in
 * the same directory first, renamed into place only when complete, so a
 * broken download never leaves a partial file where the user expects one.
 * `content` is a stream, bytes, or a function that writes the open file
 * itself (and resolves when it is done).
 */
async function writeFileAtomically(directory, name, content, options = {}) {
    const destination = (0,external_node_path_.join)(directory, name);
    if ((0,external_node_path_.dirname)(destination) !== directory.replace(new RegExp(`\\${external_node_path_.sep}$`), '')) {
        throw new Error(`refusing to write '${name}' outside ${directory}`);
    }
    await (0,promises_.mkdir)(directory, { recursive: true });
    const existing = await (0,promises_.lstat)(destination).catch(() => undefined);
    if (existing && !existing.isFile()) {
        throw new Error(`${destination} exists and is not a regular file; not overwriting it`);
    }
    const temporary = (0,external_node_path_.join)(directory, `.${name}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.partial`);
    try {
        // Credentials are readable by their owner only.
        const mode = options.private ? 0o600 : 0o644;
        if (typeof content === 'function') {
            const file = await (0,promises_.open)(temporary, 'wx', mode);
            try {
                await content(file);
            }
            finally {
                await file.close();
            }
        }
        else {
            await (0,external_node_stream_promises_.pipeline)(Buffer.isBuffer(content) ? external_node_stream_.Readable.from([content]) : content, (0,external_node_fs_.createWriteStream)(temporary, { flags: 'wx', mode }));
        }
        // No fsync first: it would cost a 100,000-token tokens-file (36 MB) about a tenth of the listing's time, and buys
        // nothing here: a machine that goes down ends the job, and the files are the job's (the next step, an artifact).
        // The rename alone means no reader, and no later step, ever sees a partial file under the name.
        await (0,promises_.rename)(temporary, destination);
    }
    catch (error) {
        await (0,promises_.rm)(temporary, { force: true });
        throw error;
    }
    return destination;
}

;// CONCATENATED MODULE: ./build/operations/file-options.js






/** The inputs that say where a downloaded file goes and whether it is uploaded. */
const FILE_INPUTS = ['path', 'filename', 'artifact-name', 'retention-days'];
/** Characters GitHub refuses in artifact names. */
const ARTIFACT_NAME_FORBIDDEN = /["<>|*?:\\/\r\n]/;
/** The folder under RUNNER_TEMP that downloads go to when the user names no `path`. */
const DEFAULT_FOLDER = 'canary-console-action';
/** Our folder under RUNNER_TEMP, refused if something (a symlink) leads it elsewhere. */
async function defaultDirectory(runnerTemp) {
    try {
        return await resolveInside(runnerTemp, DEFAULT_FOLDER, 'path');
    }
    catch {
        throw new errors/* InputError */.d(`The default download folder ${(0,external_node_path_.join)(runnerTemp, DEFAULT_FOLDER)} leads outside RUNNER_TEMP (a symlink?); set 'path' to a folder in the workspace.`);
    }
}
async function parseFileOptions(inputs, env) {
    const userPath = inputs.get('path');
    const directory = userPath ? await resolveInside(env.workspace, userPath, 'path') : await defaultDirectory(env.runnerTemp);
    if (userPath)
        await checkWritableFolder(env.workspace, directory, userPath, 'path');
    const filename = inputs.get('filename') ? checkUserFilename(inputs.get('filename'), 'filename') : undefined;
    if (filename)
        await checkWritableTarget((0,external_node_path_.join)(directory, filename), userPath ? `${userPath}/${filename}` : (0,external_node_path_.join)(directory, filename), 'filename');
    const artifact = parseArtifactOptions(inputs, env);
    return artifact ? { directory, filename, artifact } : { directory, filename };
}
/** `artifact-name` and `retention-days`, checked; `undefined` when no artifact is asked for. */
function parseArtifactOptions(inputs, env) {
    const artifactName = inputs.get('artifact-name');
    const retentionDays = integerInput(inputs, 'retention-days', { min: 1, max: 90 });
    if (!artifactName) {
        if (retentionDays !== undefined)
            throw new errors/* InputError */.d("Input 'retention-days' applies to artifacts only; set 'artifact-name' too.");
        return undefined;
    }
    if (ARTIFACT_NAME_FORBIDDEN.test(artifactName)) {
        throw new errors/* InputError */.d(`Input 'artifact-name' must not contain any of " : < > | * ? \\ / or line breaks.`);
    }
    if (!env.artifactRuntime) {
        throw new errors/* InputError */.d("Input 'artifact-name' needs the GitHub Actions runner (ACTIONS_RUNTIME_TOKEN or ACTIONS_RESULTS_URL is not set): artifacts can only be uploaded from a workflow run. Leave 'artifact-name' empty to only write the file.");
    }
    return { name: artifactName, retentionDays };
}
/** Refuses file inputs for an operation run without `download: true`. */
function refuseFileInputsWithoutDownload(inputs) {
    for (const name of FILE_INPUTS) {
        if (inputs.get(name))
            throw new errors/* InputError */.d(`Input '${name}' applies to downloads only; set 'download: true' too.`);
    }
}
/** Credential files are small; this bounds what is held in memory to mask it. */
const MAX_CREDENTIAL_FILE_BYTES = 1024 * 1024;
/**
 * Writes a downloaded file where the user said, atomically. A credential
 * file is read whole first so every secret in it is masked before the file
 * exists anywhere the rest of the job could print it from.
 */
async function saveDownload(download, options, fallbackName, credentials) {
    const name = options.filename ?? safeFilename(download.filename, fallbackName);
    if (credentials) {
        const chunks = [];
        let size = 0;
        for await (const chunk of download.body) {
            size += chunk.length;
            if (size > MAX_CREDENTIAL_FILE_BYTES) {
                download.body.destroy();
                throw new Error(`the credential file is larger than ${MAX_CREDENTIAL_FILE_BYTES} bytes; refusing to handle it`);
            }
            chunks.push(chunk);
        }
        const content = Buffer.concat(chunks);
        if (!content.includes(0))
            registerCredentialText(content.toString('utf8'));
        const path = await writeFileAtomically(options.directory, name, content, { private: true });
        return { path, serverFilename: download.filename, bytes: content.length };
    }
    const path = await writeFileAtomically(options.directory, name, download.body);
    return { path, serverFilename: download.filename, bytes: (await (0,promises_.stat)(path)).size };
}
function artifactRequest(options, files) {
    if (!options.artifact)
        return undefined;
    return { name: options.artifact.name, retentionDays: options.artifact.retentionDays, files, rootDirectory: options.directory };
}

// EXTERNAL MODULE: ./build/backends/canarytokens-server/kinds.js
var kinds = __webpack_require__(9218);
// EXTERNAL MODULE: ./build/http/upload-types.js
var upload_types = __webpack_require__(3272);
;// CONCATENATED MODULE: ./build/near-miss.js
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

;// CONCATENATED MODULE: ./build/operations/kinds.js



/** The server's parameter for an input that both servers take under different names. */
const SERVER_PARAMETERS = { 'cloned-web': 'clonedsite' };
const AWS_AUTOMATION_INPUTS = ['aws-access-key', 'aws-secret-key', 'aws-region'];
const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.gif'];
/**
 * Every kind the current reference (thinkst/canarytools-docs,
 * docs/canarytokens/actions.md: the `/canarytokens/list` example and the
 * create parameters) lets `/canarytoken/create` make, with the parameters it
 * marks "required when creating" that kind. Kinds in that list that are made
 * by flows of their own (gmail, office365mail, google-docs/sheets and their
 * autoreg- forms: OAuth set-ups) are not here. A kind missing here is one
 * line to add.
 */
const CANARYTOKEN_KINDS = {
    'active-directory-login': { label: 'Active Directory Login', requiresExtraParams: ['tokened_usernames'] },
    apeeper: { label: 'Apeeper', legacy: true },
    'aws-id': {
        label: 'AWS API Key',
        file: 'AWS credentials file',
        credentials: true,
        server: { file: 'AWS credentials file (the server writes `aws_access_key=`)', credentials: true, note: 'not on servers without AWS set up (most self-hosted ones)' }
    },
    'aws-s3': {
        label: 'AWS S3 Bucket',
        requires: ['s3-source-bucket', 's3-log-bucket'],
        accepts: [...AWS_AUTOMATION_INPUTS, 'aws-session-token']
    },
    'azure-entra-login': { label: 'Azure Entra Login', requiresExtraParams: ['expected_referrer'] },
    'azure-id': {
        label: 'Azure Login Certificate and Config',
        requiresExtraParams: ['azure_id_cert_file_name'],
        file: '.zip (certificate and config)',
        credentials: true,
        server: { requiresExtraParams: ['azure_id_cert_file_name'], file: 'certificate (.pem)', credentials: true }
    },
    'cloned-css': { label: 'CSS cloned site', requiresExtraParams: ['expected_referrer'], server: { requiresExtraParams: ['expected_referrer'], file: '.css' } },
    'cloned-web': { label: 'Cloned Website', requires: ['cloned-web'], server: { requires: ['cloned-web'] } },
    'credit-card': { label: 'Credit Card' },
    dns: { label: 'DNS', server: {} },
    'doc-msexcel': { label: 'MS Excel Document', file: '.xlsx', server: { file: '.xlsx' } },
    'doc-msword': {
        label: 'MS Word Document',
        file: '.docx',
        upload: { part: 'doc', input: 'upload-file', required: false, extensions: ['.docx'] },
        server: { file: '.docx' }
    },
    'fast-redirect': { label: 'Fast Redirect', requiresExtraParams: ['browser_redirect_url'], server: { requiresExtraParams: ['redirect_url'] } },
    http: { label: 'Web Bug', accepts: ['browser-scanner-enabled'], server: {} },
    'idp-app': { label: 'IdP App', requiresExtraParams: ['idp_app_type'], server: { requiresExtraParams: ['app_type'] } },
    'msexcel-macro': { label: 'MS Excel Macro Document', file: '.xlsm' },
    'msword-macro': { label: 'MS Word Macro Document', file: '.docm' },
    'mysql-dump': { label: 'MySQL Dump File', file: '.sql.gz', server: { file: '.sql.gz' } },
    'pdf-acrobat-reader': {
        label: 'Acrobat PDF',
        file: '.pdf',
        upload: { part: 'pdf', input: 'upload-file', required: false, extensions: ['.pdf'] },
        server: { file: '.pdf' }
    },
    pwa: { label: 'Fake App', server: { requiresExtraParams: ['icon'] } },
    'qr-code': { label: 'QR Code', file: '.png', server: { file: '.png' } },
    'sensitive-cmd': { label: 'Sensitive Command', requiresExtraParams: ['process_name'], file: '.reg', server: { requiresExtraParams: ['cmd_process'], file: '.reg' } },
    'signed-exe': {
        label: 'Custom Exe/Binary',
        upload: { part: 'exe', input: 'upload-file', required: true, extensions: ['.exe', '.dll'] },
        file: '.exe',
        server: { upload: { part: 'signed_exe', input: 'upload-file', required: true, extensions: ['.exe', '.dll'] }, file: '.exe (signed)', answerOnly: true }
    },
    'slack-api': { label: 'Slack API Key', file: '.txt', credentials: true },
    'slow-redirect': { label: 'Slow Redirect', requiresExtraParams: ['browser_redirect_url'], server: { requiresExtraParams: ['redirect_url'] } },
    sql: { label: 'SQL Server', legacy: true, server: {} },
    svn: { label: 'SVN', legacy: true, server: {} },
    'web-image': {
        label: 'Custom Web Image',
        upload: { part: 'web_image', input: 'web-image', required: true, extensions: IMAGE_EXTENSIONS },
        server: { upload: { part: 'web_image', input: 'web-image', required: true, extensions: IMAGE_EXTENSIONS } }
    },
    'windows-dir': { label: 'Windows Folder', file: '.zip', server: { file: '.zip' } },
    wireguard: { label: 'WireGuard VPN', file: 'wg0.conf', credentials: true, server: { file: 'wg0.conf', credentials: true } },
    // Kinds only a Canarytokens server has, by the server's own names (canarytokens/models/<kind>.py).
    kubeconfig: { label: 'Kubeconfig', serverOnly: true, server: { file: 'kubeconfig', credentials: true } },
    log4shell: { label: 'Log4Shell', serverOnly: true, server: {} },
    smtp: { label: 'Email address (SMTP)', serverOnly: true, server: {} },
    webdav: {
        label: 'Network Folder (WebDAV)',
        serverOnly: true,
        server: { requiresExtraParams: ['webdav_fs_type'], note: 'only on servers with WebDAV set up' }
    },
    windows_fake_fs: {
        label: 'Windows Fake File System',
        serverOnly: true,
        server: { requiresExtraParams: ['windows_fake_fs_root', 'windows_fake_fs_file_structure'], file: '.ps1' }
    },
    // mcp.json carries the token as a bearer token (mcp.py make_canary_mcp_json): a credential like the kubeconfig.
    mcp: { label: 'MCP server', serverOnly: true, server: { requiresExtraParams: ['mcp_alert_on'], file: 'mcp.json', credentials: true } },
    svg: { label: 'SVG image', serverOnly: true, server: { file: '.svg' } }
};
/**
 * Inputs the action still declares but refuses, with why: a workflow that
 * sets one gets this message instead of a parameter the Console ignores.
 */
const REFUSED_INPUTS = {
    'aws-id-username': "Input 'aws-id-username' is not supported: Thinkst removed aws_id_username from the API reference as unsupported (thinkst/canarytools-docs #93); the Console picks the AWS user name itself. Remove it."
};
/** Every upload extension a kind names has a MIME type to send with it. */
for (const rule of Object.values(CANARYTOKEN_KINDS)) {
    for (const extension of [...(rule.upload?.extensions ?? []), ...(rule.server?.upload?.extensions ?? [])]) {
        if (!upload_types/* UPLOAD_MIME_TYPES */.H[extension])
            throw new Error(`no MIME type for upload extension ${extension}`);
    }
}
/** Every kind either server makes. */
const ALL_KIND_NAMES = Object.keys(CANARYTOKEN_KINDS);
/** The kinds of one server: the Console's (not the server-only ones), a Canarytokens server's (those with a `server` rule). */
function kindNamesFor(backend) {
    return ALL_KIND_NAMES.filter((kind) => (backend === 'console' ? kindRule(kind).serverOnly !== true : kindRule(kind).server !== undefined));
}
/** The Console's kinds. */
const KIND_NAMES = kindNamesFor('console');
/** A kind the Console makes (the server-only kinds are not). */
function isKnownKind(kind, backend = 'console') {
    return Object.hasOwn(CANARYTOKEN_KINDS, kind) && kindNamesFor(backend).includes(kind);
}
/** `Input 'kind' must be one of: ...; 'DNS' is not a Canarytoken kind; did you mean 'dns'?` */
function unknownKindMessage(kind, backend = 'console') {
    const names = kindNamesFor(backend);
    if (!kind)
        return `Input 'kind' must be one of: ${names.join(', ')}.`;
    const other = backend === 'console' ? 'canarytokens-server' : 'console';
    if (isKnownKind(kind, other)) {
        return backend === 'console'
            ? `Kind '${kind}' is made by Canarytokens servers only (canarytokens.org, self-hosted: set 'canarytokens-server'), not by the Canary Console; the Console makes ${names.join(', ')}.`
            : `Kind '${kind}' is made by the Canary Console only; a Canarytokens server makes ${names.join(', ')}.`;
    }
    return unknownNameMessage('kind', kind, 'a Canarytoken kind', names);
}
/** The rule that applies on a backend: the Console's own, or its `server` rule read as one. */
function kindRuleOn(kind, backend) {
    const rule = kindRule(kind);
    if (backend === 'console')
        return rule;
    const server = rule.server ?? {};
    return { label: rule.label, requires: server.requires, requiresExtraParams: server.requiresExtraParams, upload: server.upload, file: server.file, credentials: server.credentials };
}
// The two tables name the same kinds: a kind with a `server` rule has a server name, and the other way round.
for (const kind of ALL_KIND_NAMES) {
    if ((kindRule(kind).server !== undefined) !== Object.hasOwn(kinds/* SERVER_KINDS */.yX, kind)) {
        throw new Error(`kind ${kind}: operations/kinds.ts and backends/canarytokens-server/kinds.ts disagree on whether a Canarytokens server makes it`);
    }
}
for (const kind of Object.keys(kinds/* SERVER_KINDS */.yX)) {
    if (!Object.hasOwn(CANARYTOKEN_KINDS, kind))
        throw new Error(`kind ${kind} of backends/canarytokens-server/kinds.ts has no rule in operations/kinds.ts`);
}
/** A kind's rule, typed as the rule (the table's own literal types differ per kind). */
function kindRule(kind) {
    return CANARYTOKEN_KINDS[kind];
}
/** Inputs that belong to some kinds only, with the kinds they belong to (on one server). */
function kindSpecificInputs(backend = 'console') {
    const owners = new Map();
    for (const kind of kindNamesFor(backend)) {
        const rule = kindRuleOn(kind, backend);
        const inputs = [...(rule.requires ?? []), ...(rule.accepts ?? []), ...(rule.upload ? [rule.upload.input] : [])];
        for (const input of inputs)
            owners.set(input, [...(owners.get(input) ?? []), kind]);
    }
    return owners;
}
const FILE_KINDS = KIND_NAMES.filter((kind) => kindRule(kind).file !== undefined);
/** The kinds with a file on one server. */
function fileKindsOn(backend) {
    return kindNamesFor(backend).filter((kind) => kindRuleOn(kind, backend).file !== undefined);
}

;// CONCATENATED MODULE: ./build/operations/outcomes.js

/** What a removal reports when a retry found the thing gone: an earlier attempt, whose answer was lost, did it. */
const ALREADY_DONE = 'an earlier attempt had already done it (its answer was lost; the retry found nothing left to remove)';
/** The log suffix for a removal: empty, or why there was nothing left to remove. */
function alreadyDoneSuffix(alreadyDone) {
    return alreadyDone ? `: ${ALREADY_DONE}` : '';
}
/** The summary note for a removal, if any. */
function alreadyDoneNotes(alreadyDone) {
    return alreadyDone ? [`${ALREADY_DONE.charAt(0).toUpperCase()}${ALREADY_DONE.slice(1)}.`] : undefined;
}
/** A count as English: `1 Canarytoken`, `2 Canarytokens`, `1 page`. */
function counted(count, noun, plural = `${noun}s`) {
    return `${count} ${count === 1 ? noun : plural}`;
}
/**
 * A bulk change whose outcome list could not be written once the server had
 * changed: the changes stand, so the step's error says what was done, and
 * the log names every changed item (the file that would have is missing).
 */
function unwrittenOutcomes(options) {
    const { past, noun, changedIds, idName, matched, failed, dryRun, reason, log } = options;
    if (changedIds.length > 0)
        log.info(`${past.charAt(0).toUpperCase()}${past.slice(1)}, by ${idName}: ${changedIds.join(', ')}`);
    const done = dryRun
        ? `nothing was ${past} (dry run; ${counted(matched, `matched ${noun}`)})`
        : `${past} ${changedIds.length} of ${counted(matched, `matched ${noun}`)} (${failed} failed)`;
    return `${done}, but writing the list of outcomes failed: ${withoutFullStops(reason)}`;
}

// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
;// CONCATENATED MODULE: ./build/operations/reuse.js



/**
 * How long a run that just created a token waits before a last look, when
 * its first look right after the create says other runs overlap it (or that
 * the Console's search does not show its own new token yet). Longer than the
 * gap between two runs' searches and creates on a loaded Console, so that
 * every overlapping create has landed when it looks. A run that overlaps no
 * other never waits (see createOrReuse).
 */
const SECOND_LOOK_MS = 1000;
/** The order every run agrees on: oldest `created` first, ties broken by token id. */
function reuseOrder(a, b) {
    const byTime = (a.created?.getTime() ?? 0) - (b.created?.getTime() ?? 0);
    if (byTime !== 0 && !Number.isNaN(byTime))
        return byTime;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
/** The token every run with this kind, memo and flock converges on. */
function reuseWinner(tokens) {
    return [...tokens].sort(reuseOrder)[0];
}
async function reuseExisting(console, existing) {
    // Read it back whole: a search result need not carry every field (e.g. aws-id keys).
    return { token: await console.fetch(existing), reused: true };
}
/**
 * Creates a token, or with `reuse` returns the one token of this kind whose
 * memo is exactly this memo (in the same flock, when one is named).
 *
 * The Console has no lock, so overlapping runs (a matrix, parallel jobs) can
 * each find nothing and each create. They converge instead: every run that
 * created looks again, every run picks the same winner from what it sees
 * (the oldest `created`, ties by token id), and a run whose own new token
 * lost deletes it and returns the winner as reused.
 *
 * The second look comes right after the create, without a pause, and is
 * enough when it shows this run's own token and nothing else. Why: the
 * Console stamps `created` (microseconds; we keep milliseconds) as it stores
 * a token, and a search answers from what is stored. Our look was sent after
 * our create's answer came back, so a sibling it does not show was stored
 * after that: later than ours by at least that answer's and our look's trip,
 * so ours is older. That sibling's run then looks too, sees ours, and steps
 * back. So a run that sees no sibling is the winner in every
 * run's eyes and returns at once: a create with `reuse` that overlaps no
 * other run costs one search before and one after, and no wait.
 *
 * When the look finds a sibling, runs do overlap, and only then is it worth
 * waiting (SECOND_LOOK_MS) for a last look, so that every create of the
 * overlap has landed and all runs decide from the same tokens (this covers
 * a Console whose search lags its creates a little). The same wait is taken
 * when the look does not show our own token (a search that lags: it cannot
 * vouch for what is not there) or our token's `created` cannot be read (no
 * time order to rely on). Finding an existing token costs one search and one
 * fetch. With `enabledOnly`, a disabled token (which alerts no one) is never
 * returned nor counted.
 */
async function createOrReuse(backend, request, reuse, { enabledOnly = false, wait = external_node_timers_promises_.setTimeout } = {}) {
    if (!reuse)
        return { token: await backend.create(request), reused: false };
    // Reuse needs a listing: the table lets `reuse` reach the Console only.
    // By name, not instanceof, so the Console's modules load only for the Console (see consoleOf).
    if (backend.name !== 'console')
        throw new Error(`'reuse: true' needs a server that can list tokens; ${backend.description} cannot`);
    const console = backend;
    const search = () => console.find({ kind: request.kind, memoEquals: request.memo, flockId: request.flockId, ...(enabledOnly ? { active: true } : {}) });
    const existing = reuseWinner(await search());
    if (existing)
        return reuseExisting(console, existing);
    // A create whose answer was lost is settled by searching for it; when other
    // runs made the same token meanwhile, this run cannot tell which is its own,
    // so it takes the winner as its answer and, below, retires every loser itself.
    let ownUnknown = false;
    const pickAmongSeveral = (tokens) => {
        ownUnknown = true;
        return reuseWinner(tokens);
    };
    const own = await console.create(request, { pickAmongSeveral });
    let seen = await search();
    const overlapping = seen.some((token) => token.id !== own.id) || !seen.some((token) => token.id === own.id) || own.created === undefined;
    if (overlapping) {
        await wait(SECOND_LOOK_MS);
        seen = await search();
    }
    const found = seen.filter((token) => token.id !== own.id);
    const winner = reuseWinner([own, ...found]);
    if (ownUnknown) {
        // Every token but the winner goes, by the rule every run follows; the run that made one may be deleting it too.
        for (const loser of found.filter((token) => token.id !== winner.id))
            await deleteLoser(console, loser.id, winner);
    }
    if (winner.id === own.id)
        return { token: own, reused: false };
    // Another run made the same token first: ours goes, theirs is the answer.
    await deleteLoser(console, own.id, winner, true);
    return reuseExisting(console, winner);
}
/** Deletes a token that lost to `winner`; one already gone was deleted by another run following the same rule. */
async function deleteLoser(console, loser, winner, ownToken = false) {
    try {
        await console.delete({ id: loser });
    }
    catch (error) {
        if ((0,http_errors/* isNotFound */.c4)(error))
            return;
        throw new Error(`another run made the Canarytoken ${winner.id} with this memo at the same time, so ${ownToken ? `the one this run made (${loser})` : loser} ` +
            `should go, but deleting it failed (${(0,errors/* errorMessage */.g)(error)}); delete ${loser} with delete-canarytoken`);
    }
}

;// CONCATENATED MODULE: ./build/operations/memo-template.js



/**
 * Memo placeholders, filled from the workflow run. The values are the ones
 * `@actions/github`'s `context` holds, read here from the same GITHUB_*
 * variables it reads: importing `@actions/github` loads Octokit too, which
 * every step of every operation would pay for at start-up (about 0.1 s
 * measured) for a handful of environment variables.
 */
const PLACEHOLDER_SOURCES = {
    repository: 'GITHUB_REPOSITORY',
    sha: 'GITHUB_SHA',
    short_sha: 'GITHUB_SHA',
    ref: 'GITHUB_REF',
    ref_name: 'GITHUB_REF_NAME',
    workflow: 'GITHUB_WORKFLOW',
    job: 'GITHUB_JOB',
    run_id: 'GITHUB_RUN_ID',
    run_number: 'GITHUB_RUN_NUMBER',
    run_attempt: 'GITHUB_RUN_ATTEMPT',
    actor: 'GITHUB_ACTOR',
    event: 'GITHUB_EVENT_NAME',
    // GitHub gives steps no variable with the job's environment name; the workflow passes it on.
    environment: 'CANARY_ENVIRONMENT',
    date: ''
};
const MEMO_PLACEHOLDERS = Object.keys(PLACEHOLDER_SOURCES);
/** `{name}`: letters, digits and `_` between single braces. Other braces are plain text. */
const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;
/** The placeholders' values for this run; a placeholder whose variable is unset is left out. */
function runContext(env = process.env, now = new Date()) {
    const context = {};
    for (const name of MEMO_PLACEHOLDERS) {
        const value = name === 'date' ? now.toISOString().slice(0, 10) : env[PLACEHOLDER_SOURCES[name]];
        if (value)
            context[name] = name === 'short_sha' ? value.slice(0, 7) : value;
    }
    return context;
}
function isPlaceholder(name) {
    return Object.hasOwn(PLACEHOLDER_SOURCES, name);
}
/**
 * `{short-sha}`, `{run-id}`: a placeholder written with hyphens. Such braces are
 * plain text by the rule above, but one that reads as a known placeholder is
 * refused with it: the memo would otherwise say `{short-sha}` instead of the commit.
 */
const HYPHENATED = /\{([A-Za-z0-9_]*-[A-Za-z0-9_-]*)\}/g;
/** The unknown placeholder names in `template` (checked before any request). */
function unknownPlaceholders(template) {
    const unknown = [...template.matchAll(PLACEHOLDER)].map((match) => match[1]).filter((name) => !isPlaceholder(name));
    const hyphenated = [...template.matchAll(HYPHENATED)].map((match) => match[1]);
    const squashed = (text) => text.toLowerCase().replace(/[-_]/g, '');
    return [...unknown, ...hyphenated.filter((name) => MEMO_PLACEHOLDERS.some((known) => squashed(known) === squashed(name)))];
}
/** The placeholders an unknown one may have meant: a near miss, else those it begins (`{run}`: run_id, run_number, run_attempt). */
function meant(name) {
    const near = nearMisses(name, MEMO_PLACEHOLDERS);
    if (near.length > 0)
        return near;
    const start = name.toLowerCase();
    return start.length >= 3 ? MEMO_PLACEHOLDERS.filter((known) => known.startsWith(start)) : [];
}
/** `{repo} (did you mean {repository}?)` */
function withGuess(name) {
    const guesses = meant(name).map((known) => `{${known}}`);
    if (guesses.length === 0)
        return `{${name}}`;
    const choice = guesses.length > 1 ? `${guesses.slice(0, -1).join(', ')} or ${guesses.at(-1)}` : guesses[0];
    return `{${name}} (did you mean ${choice}?)`;
}
/**
 * Fills the placeholders of a memo. `where` names the input or manifest
 * entry for the error. An unknown placeholder, or one this run has no value
 * for, is an InputError naming it: a memo must never say less than asked.
 */
function renderMemo(template, context, where) {
    const unknown = unknownPlaceholders(template);
    if (unknown.length > 0) {
        throw new errors/* InputError */.d(`${where} uses the unknown placeholder${unknown.length > 1 ? 's' : ''} ${unknown.map(withGuess).join(', ')}; known: ${MEMO_PLACEHOLDERS.map((name) => `{${name}}`).join(', ')}.`);
    }
    return template.replace(PLACEHOLDER, (_text, name) => {
        const value = context[name];
        if (value === undefined) {
            const source = PLACEHOLDER_SOURCES[name];
            const hint = name === 'environment' ? ` (set ${source} in the step's env, e.g. to the job's environment name)` : '';
            throw new errors/* InputError */.d(`${where} uses {${name}}, but this run has no value for it: ${source} is not set${hint}.`);
        }
        return value;
    });
}
/** The `memo` input with its placeholders ({repository}, {sha}, ...) filled from the run. */
function memoInput(inputs, context = runContext()) {
    return checkMemoLength(renderMemo(inputs.get('memo'), context, "Input 'memo'"), "Input 'memo'");
}

;// CONCATENATED MODULE: ./build/operations/types.js
/** Erases the parameter type so rows of different types fit one table. */
function defineOperation(operation) {
    return operation;
}
/** Operations only the Console can carry out. */
const CONSOLE_ONLY = ['console'];
/** Operations both servers carry out. */
const EVERY_BACKEND = ['console', 'canarytokens-server'];
/**
 * The Console, for an operation the table marks Console-only (main refuses
 * any other backend before it runs). Told by the backend's name, not by
 * `instanceof`: that would load the Console's modules into every step, also
 * one that drives a Canarytokens server (runtime.ts loads only the chosen
 * backend); the only backend named 'console' is ConsoleBackend.
 */
function consoleOf(context) {
    if (context.backend.name !== 'console')
        throw new Error(`this operation needs the Console, not ${context.backend.description}`);
    return context.backend;
}

;// CONCATENATED MODULE: ./build/operations/canarytokens.js















/** Largest file sent with create (web-image, upload-file). */
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** A Canarytokens server's limit (settings.py FrontendSettings.MAX_UPLOAD_SIZE). */
const MAX_SERVER_UPLOAD_BYTES = 1024 * 1024;
/** A Canarytokens server's memo limit (constants.py), in characters as Python counts them. */
const MAX_SERVER_MEMO_LENGTH = 1000;
const TOKEN_OUTPUTS = ['canarytoken', 'kind', 'memo', 'hostname', 'url', 'enabled', 'flock-id', 'manage-auth', 'manage-url', 'token', 'response'];
/** Why `reuse` cannot work on a Canarytokens server. */
const NO_REUSE_ON_SERVER = "Input 'reuse' cannot work on a Canarytokens server: the server cannot list tokens, so there is no way to find one that already has this memo. Leave 'reuse' unset (each run makes its own token; delete old ones with delete-canarytoken and their manage auth).";
/** Refuses `reuse: true` on a Canarytokens server, before any request. */
function refuseReuseOnServer(inputs, reuse) {
    if (reuse && chosenBackend(inputs) === 'canarytokens-server')
        throw new errors/* InputError */.d(NO_REUSE_ON_SERVER);
}
const FILE_OUTPUTS = ['file-path', 'artifact-id', 'artifact-name'];
const AWS_ID_OUTPUTS = ['access-key-id', 'secret-access-key'];
/** The Console parameters that have inputs of their own (so `extra-params` may not set them). */
const NAMED_PARAMETERS = new Set([...INPUT_NAMES.map(consoleParameter), 'exe', 'doc', 'pdf']);
/** Outputs describing a token. Secret fields never go to `token` or `response`; aws-id keys have outputs of their own. */
function tokenOutputs(token, response = token.answer) {
    // The token's own key and the page that holds it: masked before they can be printed (the outputs carry them).
    registerSecret(token.manageAuth);
    registerSecret(token.manageUrl);
    return {
        canarytoken: token.id,
        kind: token.kind,
        memo: token.memo,
        hostname: token.hostname,
        url: token.url,
        enabled: token.enabled,
        'flock-id': token.flockId,
        'manage-auth': token.manageAuth,
        'manage-url': token.manageUrl,
        token: JSON.stringify(token.details),
        response: response === undefined ? undefined : JSON.stringify((0,secret_fields/* withoutSecretFields */.Q)(response))
    };
}
function tokenSummary(heading, token, file, notes) {
    return {
        heading,
        columns: ['Canarytoken', 'Kind', 'Memo', 'Hostname / URL', 'Enabled', 'File'],
        rows: [[token.id, token.kind, token.memo, token.hostname || token.url || '', String(token.enabled ?? ''), file ?? '']],
        notes
    };
}
function requireKind(inputs, backend) {
    const kind = inputs.get('kind');
    if (!isKnownKind(kind, backend)) {
        throw new errors/* InputError */.d(unknownKindMessage(kind, backend));
    }
    return kind;
}
/** Server parameters the action sets itself from inputs of their own: `extra-params` may not hold them. */
const SERVER_OWN_PARAMETERS = {
    token_type: "the input 'kind'",
    type: "the input 'kind'",
    memo: "the input 'memo'",
    email: "the input 'alert-email'",
    webhook_url: "the input 'alert-webhook'",
    webhook: "the input 'alert-webhook'",
    clonedsite: "the input 'cloned-web'",
    web_image: "the input 'web-image'",
    signed_exe: "the input 'upload-file'"
};
/** Every per-kind rule, checked before any request. */
async function checkKindRules(kind, inputs, extra, env, backend = 'console') {
    const rule = kindRuleOn(kind, backend);
    const onServer = backend === 'canarytokens-server';
    for (const [input, why] of Object.entries(REFUSED_INPUTS)) {
        if (inputs.get(input))
            throw new errors/* InputError */.d(why);
    }
    for (const input of rule.requires ?? []) {
        if (!inputs.get(input))
            throw new errors/* InputError */.d(`Kind '${kind}' needs input '${input}'.`);
    }
    for (const [input, owners] of kindSpecificInputs(backend)) {
        if (inputs.get(input) && !owners.includes(kind)) {
            throw new errors/* InputError */.d(`Input '${input}' applies to kind ${owners.map((owner) => `'${owner}'`).join(' or ')} only, not '${kind}'.`);
        }
    }
    if (onServer) {
        // Inputs the Console's kinds take that a Canarytokens server has no use for.
        const consoleOnly = [...kindSpecificInputs('console').keys()].filter((input) => !kindSpecificInputs(backend).has(input));
        for (const input of consoleOnly) {
            if (inputs.get(input))
                throw new errors/* InputError */.d(`Input '${input}' is the Console's; a Canarytokens server takes nothing like it for kind '${kind}'. Remove it.`);
        }
        for (const [parameter, input] of Object.entries(SERVER_OWN_PARAMETERS)) {
            if (extra[parameter] !== undefined)
                throw new errors/* InputError */.d(`Input 'extra-params' has '${parameter}'; the action sets it from ${input}.`);
        }
    }
    const where = onServer ? 'server' : 'Console';
    for (const parameter of rule.requiresExtraParams ?? []) {
        if (extra[parameter] === undefined || extra[parameter] === '') {
            throw new errors/* InputError */.d(`Kind '${kind}' needs the ${where} parameter '${parameter}': add it to 'extra-params' (e.g. "${parameter}: ...").`);
        }
    }
    if (kind === 'aws-s3') {
        const given = AWS_AUTOMATION_INPUTS.filter((input) => inputs.get(input));
        if (inputs.get('aws-session-token') && given.length === 0) {
            throw new errors/* InputError */.d(`Input 'aws-session-token' goes with temporary AWS credentials: set ${AWS_AUTOMATION_INPUTS.join(', ')} too.`);
        }
        if (given.length > 0 && given.length < AWS_AUTOMATION_INPUTS.length) {
            const missing = AWS_AUTOMATION_INPUTS.filter((input) => !inputs.get(input));
            throw new errors/* InputError */.d(`Kind 'aws-s3' with AWS automation needs ${AWS_AUTOMATION_INPUTS.join(', ')}; missing: ${missing.join(', ')}.`);
        }
    }
    const files = {};
    if (rule.upload) {
        const userPath = inputs.get(rule.upload.input);
        if (userPath)
            files[rule.upload.part] = await readableFileInside(env.workspace, userPath, rule.upload.input, onServer ? MAX_SERVER_UPLOAD_BYTES : MAX_UPLOAD_BYTES);
        else if (rule.upload.required)
            throw new errors/* InputError */.d(`Kind '${kind}' needs input '${rule.upload.input}': the path of the file to send.`);
        if (userPath && !rule.upload.extensions.some((extension) => userPath.toLowerCase().endsWith(extension))) {
            // The part goes with the MIME type of its extension (as the reference's curl -F '...; type=...' does).
            throw new errors/* InputError */.d(`Input '${rule.upload.input}' for kind '${kind}' must name a ${rule.upload.extensions.join(', ')} file, not '${userPath}'.`);
        }
    }
    return files;
}
/** Console parameters from the inputs that map one to one. */
function namedParams(inputs, names) {
    return Object.fromEntries(names.filter((name) => inputs.get(name)).map((name) => [consoleParameter(name), inputs.get(name)]));
}
/** The kind-specific inputs that become plain create parameters. */
const CREATE_PARAMETER_INPUTS = ['flock-id', ...PLAIN_CREATE_INPUTS];
/** Every input that describes "a token to create" (besides kind and memo): create takes them all, a seed manifest entry most. */
const TOKEN_REQUEST_INPUTS = [
    ...CREATE_PARAMETER_INPUTS,
    // Read only to be refused with the reason (checkKindRules), not ignored with a warning.
    ...Object.keys(REFUSED_INPUTS),
    'web-image',
    'upload-file',
    'browser-scanner-enabled',
    'extra-params'
];
/**
 * THE parser for "a token to create", whether its values come from the
 * step's inputs or from a seed manifest entry (read through an InputReader),
 * so the two cannot drift apart. `memo` is already filled and checked.
 */
async function parseTokenRequest(inputs, memo, env, backend = chosenBackend(inputs)) {
    const kind = requireKind(inputs, backend);
    if (backend === 'canarytokens-server')
        return parseServerTokenRequest(kind, inputs, memo, env);
    flockIdInput(inputs);
    const extra = await extraParamsInput(inputs, NAMED_PARAMETERS);
    const files = await checkKindRules(kind, inputs, extra, env);
    const browserScanner = optionalBoolean(inputs, 'browser-scanner-enabled');
    const { flock_id: flockId, ...params } = { ...extra, ...namedParams(inputs, CREATE_PARAMETER_INPUTS) };
    if (browserScanner !== undefined)
        params.browser_scanner_enabled = browserScanner;
    return { kind, memo, flockId: typeof flockId === 'string' ? flockId : undefined, params, files };
}
/** Refuses a memo longer than a Canarytokens server takes (it counts characters as Python does: code points). */
function checkServerMemoLength(memo, where) {
    const length = (0,build_text/* codePointLength */.O7)(memo);
    if (length > MAX_SERVER_MEMO_LENGTH) {
        throw new errors/* InputError */.d(`${where} is ${length} characters long; a Canarytokens server accepts at most ${MAX_SERVER_MEMO_LENGTH}.`);
    }
    return memo;
}
/** "A token to create" on a Canarytokens server: no flocks, its own parameter names, its limits. */
async function parseServerTokenRequest(kind, inputs, memo, env) {
    if (inputs.get('flock-id'))
        throw new errors/* InputError */.d("Input 'flock-id' is the Console's: a Canarytokens server has no flocks. Remove it.");
    checkServerMemoLength(memo, inputs.get('memo') ? "Input 'memo'" : 'The memo');
    const extra = await extraParamsInput(inputs, NAMED_PARAMETERS);
    const files = await checkKindRules(kind, inputs, extra, env, 'canarytokens-server');
    const params = { ...extra };
    for (const [input, parameter] of Object.entries(SERVER_PARAMETERS)) {
        if (inputs.get(input))
            params[parameter] = inputs.get(input);
    }
    return { kind, memo, params, files };
}
/**
 * The names servers give these kinds' files whatever the token (the AWS credentials file, the WireGuard
 * config, the kubeconfig, the MCP config): known before anything is sent, so a link or folder in their place
 * is refused before a token is made. Other kinds' names come from the server with the file.
 */
const FIXED_FILE_NAMES = { 'aws-id': 'credentials', wireguard: 'wg0.conf', kubeconfig: 'kubeconfig', mcp: 'mcp.json' };
/** One message for a kind without a file, whether create or download-canarytoken learns it. */
function refuseKindWithoutFile(kind, what, backend = 'console') {
    if (isKnownKind(kind, backend) && !kindRuleOn(kind, backend).file) {
        throw new errors/* InputError */.d(`Kind '${kind}' has no file to download${backend === 'console' ? '' : ' on a Canarytokens server'}; ${what} works with ${fileKindsOn(backend).join(', ')}.`);
    }
}
async function downloadInto(token, options, context) {
    const kind = token.kind;
    const backend = context.backend.name;
    const credentials = isKnownKind(kind, backend) && kindRuleOn(kind, backend).credentials === true;
    const saved = await saveDownload(await context.backend.download(token), options, `canarytoken-${token.id}`, credentials);
    if (saved.serverFilename && (0,external_node_path_.basename)(saved.path) !== saved.serverFilename) {
        context.log.info(`${backend === 'console' ? 'The Console' : 'The server'} named the file '${saved.serverFilename}'; saved as '${(0,external_node_path_.basename)(saved.path)}'.`);
    }
    const [given, sent] = [(0,external_node_path_.extname)((0,external_node_path_.basename)(saved.path)).toLowerCase(), (0,external_node_path_.extname)(saved.serverFilename ?? '').toLowerCase()];
    if (options.filename && given && sent && given !== sent) {
        // A lure named for another type (xlsx bytes as report.docx) opens as nothing, and so never fires.
        context.log.warning(`Input 'filename' ends in ${given}, but ${backend === 'console' ? 'the Console' : 'the server'} sent a ${sent} file ('${saved.serverFilename}'): a lure named for another type may not open as one. Name it with ${sent}.`);
    }
    context.log.info(`Wrote ${saved.bytes} bytes to ${saved.path}`);
    return { path: saved.path, artifact: artifactRequest(options, [saved.path]) };
}
/** The token exists even though its file did not arrive: say so, so a re-run does not mint another blindly. */
function madeButNotDownloaded(error, canarytoken) {
    const note = `; the Canarytoken ${canarytoken} was created: get its file with download-canarytoken, or delete it`;
    if (error instanceof http_errors/* ApiError */.hD) {
        return new http_errors/* ApiError */.hD(`${error.message}${note}`, error.failure, error.status, error.serverMessage, error.attempts, error.earlierAttemptMayHaveActed);
    }
    return new Error(`${(0,errors/* errorMessage */.g)(error)}${note}`);
}
const createOperation = defineOperation({
    name: 'create-canarytoken',
    description: 'Mints a Canarytoken of any kind (`memo` may use placeholders such as `{repository}`); `reuse: true` returns an existing token with the same kind, memo and flock instead; with `download: true` also writes its file (and uploads it with `artifact-name`).',
    backends: EVERY_BACKEND,
    requires: ['kind', 'memo'],
    accepts: [...TOKEN_REQUEST_INPUTS, 'download', ...FILE_INPUTS, 'reuse', 'alert-email', 'alert-webhook'],
    outputs: [...TOKEN_OUTPUTS, 'reused', ...FILE_OUTPUTS, ...AWS_ID_OUTPUTS],
    async parse(inputs, env) {
        const backend = chosenBackend(inputs);
        const reuse = booleanInput(inputs, 'reuse');
        refuseReuseOnServer(inputs, reuse);
        requireAlertTarget(inputs, 'create-canarytoken');
        const request = await parseTokenRequest(inputs, memoInput(inputs), env, backend);
        const kind = request.kind;
        const download = booleanInput(inputs, 'download');
        if (download)
            refuseKindWithoutFile(kind, "'download: true'", backend);
        if (!download)
            refuseFileInputsWithoutDownload(inputs);
        const options = download ? await parseFileOptions(inputs, env) : undefined;
        // Kinds whose file always has the same name: that target is checked now too, before the token is made.
        const fixedName = FIXED_FILE_NAMES[kind];
        if (options && !options.filename && fixedName)
            await checkWritableTarget((0,external_node_path_.join)(options.directory, fixedName), fixedName, 'path');
        return { ...request, download: options, reuse };
    },
    async run({ download, reuse, ...request }, context) {
        const { token, reused } = await createOrReuse(context.backend, request, reuse);
        const heading = reused ? 'Reused Canarytoken' : 'Created Canarytoken';
        context.log.info(reused
            ? `Reused the ${token.kind} Canarytoken ${token.id}${token.hostname ? ` (${token.hostname})` : ''}: it already has this memo; no new token was made.`
            : `Created ${token.kind} Canarytoken ${token.id}${token.hostname ? ` (${token.hostname})` : ''}.`);
        const outputs = tokenOutputs(token);
        outputs.reused = reused;
        if (token.awsKeys) {
            outputs['access-key-id'] = token.awsKeys.accessKeyId;
            outputs['secret-access-key'] = token.awsKeys.secretAccessKey;
        }
        const notes = reused ? ['An existing Canarytoken with this kind, memo and flock was reused (reuse: true); no new token was made.'] : undefined;
        if (!download)
            return { outputs, summary: tokenSummary(heading, token, undefined, notes) };
        const file = await downloadInto(token, download, context).catch((error) => {
            throw madeButNotDownloaded(error, token.id);
        });
        outputs['file-path'] = file.path;
        return { outputs, summary: tokenSummary(heading, token, file.path, notes), artifact: file.artifact };
    }
});
function parseCanarytoken(inputs) {
    const canarytoken = inputs.get('canarytoken');
    return { canarytoken: chosenBackend(inputs) === 'canarytokens-server' ? serverTokenIdInput(canarytoken) : canarytoken, manageAuth: inputs.get('manage-auth') || undefined };
}
/** The token as the backend is told about it. */
function refOf({ canarytoken, manageAuth }) {
    return manageAuth ? { id: canarytoken, manageAuth } : { id: canarytoken };
}
const fetchOperation = defineOperation({
    name: 'fetch-canarytoken',
    description: 'Reads one Canarytoken: its memo, hostname, URL, kind and state.',
    backends: EVERY_BACKEND,
    requires: ['canarytoken'],
    accepts: [],
    outputs: TOKEN_OUTPUTS,
    parse: parseCanarytoken,
    async run(params, context) {
        const token = await context.backend.fetch(refOf(params));
        context.log.info(`Found the ${token.kind} Canarytoken ${token.id}: memo '${token.memo}', enabled: ${token.enabled ?? 'unknown'}.`);
        return { outputs: tokenOutputs(token), summary: tokenSummary('Canarytoken', token) };
    }
});
const updateOperation = defineOperation({
    name: 'update-canarytoken',
    description: "Replaces a Canarytoken's memo.",
    backends: CONSOLE_ONLY,
    backendNote: "a Canarytokens server cannot change a token's memo (its /edit route edits AWS infrastructure tokens only)",
    requires: ['canarytoken', 'memo'],
    accepts: [],
    outputs: TOKEN_OUTPUTS,
    parse: (inputs) => ({ ...parseCanarytoken(inputs), memo: memoInput(inputs) }),
    async run({ canarytoken, memo }, context) {
        const token = await consoleOf(context).updateMemo({ id: canarytoken }, memo);
        context.log.info(`Updated the memo of ${canarytoken}.`);
        return { outputs: tokenOutputs(token), summary: tokenSummary('Updated Canarytoken memo', token) };
    }
});
/** enable/disable share a shape: change the state, then read the token back to report it. */
function stateOperation(name, description, enabled, heading) {
    return defineOperation({
        name,
        description,
        backends: EVERY_BACKEND,
        requires: ['canarytoken'],
        accepts: [],
        outputs: TOKEN_OUTPUTS,
        parse: parseCanarytoken,
        async run(params, context) {
            const { canarytoken } = params;
            await context.backend.setAlerting(refOf(params), enabled);
            const token = await context.backend.fetch(refOf(params));
            context.log.info(`${heading}: ${canarytoken} (enabled: ${token.enabled}).`);
            return { outputs: tokenOutputs(token), summary: tokenSummary(heading, token) };
        }
    });
}
/** Said when a retried removal finds nothing left to remove. */
const deleteOperation = defineOperation({
    name: 'delete-canarytoken',
    description: 'Deletes a Canarytoken; `clear-incidents: true` also clears its incidents (the Console refuses otherwise; a Canarytokens server deletes the history with the token).',
    backends: EVERY_BACKEND,
    requires: ['canarytoken'],
    accepts: ['clear-incidents'],
    outputs: ['canarytoken', 'response'],
    parse: (inputs) => {
        const clearIncidents = booleanInput(inputs, 'clear-incidents');
        if (clearIncidents && chosenBackend(inputs) === 'canarytokens-server') {
            throw new errors/* InputError */.d("Input 'clear-incidents' is the Console's: a Canarytokens server deletes a token's history with the token. Remove it.");
        }
        return { ...parseCanarytoken(inputs), clearIncidents };
    },
    async run(params, context) {
        const { canarytoken, clearIncidents } = params;
        const { alreadyDone } = await context.backend.delete(refOf(params), { clearIncidents }).catch((error) => {
            throw clearIncidents || context.backend.name !== 'console' ? error : (0,http_errors/* withClearIncidentsHint */.K8)(error);
        });
        context.log.info(`Deleted ${canarytoken}${alreadyDoneSuffix(alreadyDone)}.`);
        return {
            // What the server answered a delete with (the Console: result success; a Canarytokens server: message success).
            outputs: { canarytoken, response: alreadyDone ? undefined : JSON.stringify(context.backend.name === 'console' ? { result: 'success' } : { message: 'success' }) },
            summary: {
                heading: 'Deleted Canarytoken',
                columns: ['Canarytoken', 'Incidents cleared'],
                rows: [[canarytoken, String(clearIncidents)]],
                notes: alreadyDoneNotes(alreadyDone)
            }
        };
    }
});
const downloadOperation = defineOperation({
    name: 'download-canarytoken',
    description: "Writes a Canarytoken's file (document, PDF, credentials, ...) into `path`; uploads it with `artifact-name`.",
    backends: EVERY_BACKEND,
    requires: ['canarytoken'],
    accepts: FILE_INPUTS,
    outputs: [...TOKEN_OUTPUTS, ...FILE_OUTPUTS],
    parse: async (inputs, env) => ({ ...parseCanarytoken(inputs), file: await parseFileOptions(inputs, env) }),
    async run({ file, ...params }, context) {
        // Fetching first tells us the kind, so a credential file is masked as one.
        const token = await context.backend.fetch(refOf(params));
        // A kind the server cannot make a file for: say so, without sending a download it will refuse.
        refuseKindWithoutFile(token.kind, 'download-canarytoken', context.backend.name);
        if (context.backend.name === 'canarytokens-server' && isKnownKind(token.kind, 'canarytokens-server') && kindRule(token.kind).server?.answerOnly) {
            throw new errors/* InputError */.d(`A Canarytokens server gives the file of a ${token.kind} token only in the answer that makes it: create it with 'download: true' to get the file.`);
        }
        const saved = await downloadInto(token, file, context);
        return {
            outputs: { ...tokenOutputs(token), 'file-path': saved.path },
            summary: tokenSummary('Downloaded Canarytoken file', token, saved.path),
            artifact: saved.artifact
        };
    }
});
const removeS3Operation = defineOperation({
    name: 'remove-s3-canarytoken',
    description: 'Removes an AWS S3 Canarytoken from your AWS account (optionally deleting its buckets).',
    backends: CONSOLE_ONLY,
    backendNote: 'a Canarytokens server makes no AWS S3 tokens',
    requires: ['canarytoken', 'aws-access-key', 'aws-secret-key', 'aws-region'],
    accepts: ['aws-session-token', 'delete-buckets', 's3-source-bucket'],
    outputs: ['canarytoken', 'response'],
    parse(inputs) {
        const deleteBuckets = booleanInput(inputs, 'delete-buckets');
        if (deleteBuckets && !inputs.get('s3-source-bucket')) {
            throw new errors/* InputError */.d("Input 'delete-buckets: true' needs 's3-source-bucket': the bucket that was monitored.");
        }
        return {
            canarytoken: inputs.get('canarytoken'),
            awsAccessKey: inputs.get('aws-access-key'),
            awsSecretKey: inputs.get('aws-secret-key'),
            awsRegion: inputs.get('aws-region'),
            awsSessionToken: inputs.get('aws-session-token') || undefined,
            deleteBuckets,
            s3SourceBucket: inputs.get('s3-source-bucket') || undefined
        };
    },
    async run(params, context) {
        const { alreadyDone, ...answer } = await (0,canarytokens/* removeS3Canarytoken */.W4)(consoleOf(context).transport, {
            canarytoken: params.canarytoken,
            aws_access_key: params.awsAccessKey,
            aws_secret_key: params.awsSecretKey,
            aws_region: params.awsRegion,
            aws_session_token: params.awsSessionToken,
            delete_buckets: params.deleteBuckets || undefined,
            s3_source_bucket: params.s3SourceBucket
        });
        context.log.info(`Removed the AWS S3 Canarytoken ${params.canarytoken}${alreadyDoneSuffix(alreadyDone)}.`);
        return {
            outputs: { canarytoken: params.canarytoken, response: alreadyDone ? undefined : JSON.stringify((0,secret_fields/* withoutSecretFields */.Q)(answer)) },
            summary: {
                heading: 'Removed AWS S3 Canarytoken',
                columns: ['Canarytoken', 'Region', 'Buckets deleted'],
                rows: [[params.canarytoken, params.awsRegion, String(params.deleteBuckets)]],
                notes: alreadyDoneNotes(alreadyDone)
            }
        };
    }
});
const deleteApeeperOperation = defineOperation({
    name: 'delete-apeeper-factory',
    description: 'Deletes an Apeeper Canarytoken factory by its hash.',
    backends: CONSOLE_ONLY,
    backendNote: 'a Canarytokens server has no Canarytoken factories',
    requires: ['hash'],
    accepts: [],
    outputs: ['response'],
    parse: (inputs) => ({ hash: inputs.get('hash') }),
    async run({ hash }, context) {
        const { alreadyDone, ...answer } = await (0,canarytokens/* deleteApeeperFactory */.o8)(consoleOf(context).transport, hash);
        context.log.info(`Deleted the Apeeper factory ${hash}${alreadyDoneSuffix(alreadyDone)}.`);
        return {
            outputs: { response: alreadyDone ? undefined : JSON.stringify(answer) },
            summary: { heading: 'Deleted Apeeper factory', columns: ['Hash'], rows: [[hash]], notes: alreadyDoneNotes(alreadyDone) }
        };
    }
});
const CANARYTOKEN_OPERATIONS = [
    createOperation,
    fetchOperation,
    updateOperation,
    stateOperation('enable-canarytoken', 'Enables a disabled Canarytoken.', true, 'Enabled Canarytoken'),
    stateOperation('disable-canarytoken', 'Disables a Canarytoken: it stays, but alerts stop.', false, 'Disabled Canarytoken'),
    deleteOperation,
    downloadOperation,
    removeS3Operation,
    deleteApeeperOperation
];

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./build/publish/aws-shared-files.js






function expandHome(path, home) {
    if (path === '~')
        return home;
    if (path.startsWith('~/'))
        return (0,external_node_path_.join)(home, path.slice(2));
    return (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.resolve)(path);
}
/** Where the AWS CLI would look, for this environment. */
function sharedFilePaths(env = process.env, home = (0,external_node_os_.homedir)()) {
    return {
        credentials: expandHome(env.AWS_SHARED_CREDENTIALS_FILE || (0,external_node_path_.join)(home, '.aws', 'credentials'), home),
        config: expandHome(env.AWS_CONFIG_FILE || (0,external_node_path_.join)(home, '.aws', 'config'), home)
    };
}
/**
 * A header line as botocore's configparser reads it, and a little more
 * (leading blanks, a trailing comment), so that anything an AWS tool could
 * take for a profile is seen.
 */
const SECTION_HEADER = /^[ \t]*\[([^\]\r\n]*)\][ \t]*(?:[#;][^\r\n]*)?\r?$/gm;
function iniSections(text) {
    const headers = [...text.matchAll(SECTION_HEADER)].map((match) => ({ name: (match[1] ?? '').trim().replace(/\s+/g, ' '), start: match.index }));
    return headers.map((header, index) => ({ ...header, end: headers[index + 1]?.start ?? text.length }));
}
/** `key = value` pairs of one section's body (comments and blank lines skipped; the first value of a key wins). */
function iniValues(text, section) {
    const values = {};
    const body = text.slice(section.start, section.end).split(/\r?\n/).slice(1);
    for (const line of body) {
        const pair = iniPair(line);
        if (pair)
            values[pair[0]] ??= pair[1];
    }
    return values;
}
/**
 * One line's `key = value` (or `key: value`): the key before the first `=` or
 * `:`, the value after it, each without the blanks (spaces, tabs) around it;
 * undefined for a blank line, a comment or a line without either. Read by
 * index, not by a regular expression: one with a lazy key before blanks took
 * time quadratic in a line of spaces (a user's own file, but a run must not
 * stall on it).
 */
function iniPair(line) {
    let start = 0;
    while (isBlank(line, start))
        start++;
    const first = line[start];
    if (first === undefined || '=:#;'.includes(first) || /\s/.test(first))
        return undefined;
    let at = start;
    while (at < line.length && line[at] !== '=' && line[at] !== ':')
        at++;
    if (at === line.length)
        return undefined;
    let keyEnd = at;
    while (keyEnd > start && isBlank(line, keyEnd - 1))
        keyEnd--;
    let valueStart = at + 1;
    while (isBlank(line, valueStart))
        valueStart++;
    let valueEnd = line.length;
    while (valueEnd > valueStart && isBlank(line, valueEnd - 1))
        valueEnd--;
    const value = line.slice(valueStart, valueEnd);
    // As the expression read it: `.` takes no line terminator, so a value holding one (a stray \r) was no pair.
    if (/[\r\u2028\u2029]/.test(value))
        return undefined;
    return [line.slice(start, keyEnd), value];
}
function isBlank(line, index) {
    return line[index] === ' ' || line[index] === '\t';
}
/**
 * The section names under which each file holds `profile`. The credentials
 * file names profiles bare; the config file writes `[profile name]`, except
 * `[default]`. A bare `[name]` in the config file is counted too: some tools
 * have read it as the profile, and a real credential must never be shadowed.
 */
function profileSectionNames(role, profile) {
    return role === 'credentials' ? [profile] : [profile, `profile ${profile}`];
}
/** The header line the action writes for `profile`, as the AWS CLI writes it. */
function profileHeader(role, profile) {
    return role === 'config' && profile !== 'default' ? `[profile ${profile}]` : `[${profile}]`;
}
/** The sections of `text` that stand for `profile` in a file of this role. */
function profileSections(text, role, profile) {
    const names = profileSectionNames(role, profile);
    return iniSections(text).filter((section) => names.includes(section.name));
}
/** The file's bytes as text (latin1), or undefined when there is no file. Anything else at the path is an error. */
async function readSharedFile(path) {
    try {
        return await (0,promises_.readFile)(path, 'latin1');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
}
const sha256 = (bytes) => (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex');
/** Folders `mkdir -p` would create for `folder`, outermost first. */
async function missingFolders(folder) {
    const missing = [];
    for (let current = folder;; current = (0,external_node_path_.dirname)(current)) {
        try {
            await (0,promises_.lstat)(current);
            return missing.reverse();
        }
        catch (error) {
            if (error.code !== 'ENOENT')
                throw error;
            missing.push(current);
            if ((0,external_node_path_.dirname)(current) === current)
                return missing.reverse();
        }
    }
}
/**
 * Throws unless `appendProfile` could write the file: the file itself when
 * it exists, else the nearest folder that exists. Checked before the Console
 * is asked, so a read-only home fails as early as a bad input.
 */
async function checkWritable(path) {
    const missing = await missingFolders((0,external_node_path_.dirname)(path));
    const exists = await (0,promises_.lstat)(path).then(() => true, () => false);
    await (0,promises_.access)(exists ? path : (0,external_node_path_.dirname)(missing[0] ?? path), external_node_fs_.constants.W_OK);
}
/**
 * Appends a profile block (`lines`, without header) to the file, or creates
 * the file (owner-only, 0600, in owner-only folders, 0700) when there is none.
 * Refuses when the profile is there already: checked again right before
 * writing, since the first check came before the Console was asked.
 */
async function appendProfile(path, role, profile, lines) {
    const existing = await readSharedFile(path);
    if (existing !== undefined && profileSections(existing, role, profile).length > 0) {
        throw new Error(`profile '${profile}' appeared in ${path} while the Console was asked; nothing was written to it`);
    }
    const newline = existing?.includes('\r\n') ? '\r\n' : '\n';
    const block = [profileHeader(role, profile), ...lines].join(newline) + newline;
    if (existing === undefined) {
        const folders = await missingFolders((0,external_node_path_.dirname)(path));
        for (const folder of folders)
            await (0,promises_.mkdir)(folder, { mode: 0o700 });
        const bytes = Buffer.from(block, 'latin1');
        try {
            // wx: never through a file (or symlink) that appeared meanwhile.
            const handle = await (0,promises_.open)(path, external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_CREAT | external_node_fs_.constants.O_EXCL, 0o600);
            try {
                await handle.writeFile(bytes);
            }
            catch (error) {
                // Half a profile (a full disk) is never left behind: the file is ours, it goes.
                await (0,promises_.unlink)(path).catch(() => undefined);
                throw error;
            }
            finally {
                await handle.close();
            }
        }
        catch (error) {
            await removeCreatedFolders(folders);
            throw error;
        }
        return { role, path, createdFile: true, createdFolders: folders.reverse(), appendedBytes: bytes.length, appendedSha256: sha256(bytes) };
    }
    // A blank line between the last section and ours, and a line end first when the file lacks one.
    const separator = existing === '' ? '' : existing.endsWith('\n') ? newline : newline + newline;
    const bytes = Buffer.from(separator + block, 'latin1');
    // Appended in place: the file keeps its owner, mode and any symlink pointing to it.
    try {
        await (0,promises_.appendFile)(path, bytes);
    }
    catch (error) {
        // Half a block (a full disk) would break the file for every AWS tool: cut back to the bytes it had.
        const reason = (thrown) => (thrown instanceof Error ? thrown.message : String(thrown));
        await (0,promises_.truncate)(path, existing.length).catch((undo) => {
            throw new Error(`${reason(error)}; cutting ${path} back to its ${existing.length} bytes failed too (${reason(undo)}): remove the half-written [${profile}] section by hand`);
        });
        throw error;
    }
    return { role, path, createdFile: false, createdFolders: [], appendedBytes: bytes.length, appendedSha256: sha256(bytes) };
}
/** Removes what `appendProfile` added; deletes the file when the action created it and it is empty again. */
async function removeProfile(planted, profile) {
    const removal = { outcome: 'not-found', deletedFile: false };
    const bytes = await (0,promises_.readFile)(planted.path).catch((error) => {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    });
    if (bytes === undefined)
        return removal;
    let remaining;
    const keep = bytes.length - planted.appendedBytes;
    if (keep >= 0 && sha256(bytes.subarray(keep)) === planted.appendedSha256) {
        removal.outcome = 'restored';
        remaining = keep;
    }
    else {
        const text = bytes.toString('latin1');
        // Only sections headed the way the action wrote them: a bare [name] in the config file is not ours.
        const header = profileHeader(planted.role, profile).slice(1, -1);
        const ours = iniSections(text).filter((section) => section.name === header);
        if (ours.length > 0) {
            removal.outcome = 'profile-removed';
            let rest = '';
            let from = 0;
            for (const section of ours) {
                rest += text.slice(from, section.start);
                from = section.end;
            }
            remaining = rest + text.slice(from);
        }
    }
    if (remaining === undefined)
        return removal;
    const emptyAfter = typeof remaining === 'number' ? remaining === 0 : remaining.trim() === '';
    if (planted.createdFile && emptyAfter) {
        await (0,promises_.unlink)(planted.path);
        removal.deletedFile = true;
    }
    else if (typeof remaining === 'number') {
        // Truncated in place: the bytes before it are never rewritten.
        await (0,promises_.truncate)(planted.path, remaining);
    }
    else {
        await replaceFile(planted.path, Buffer.from(remaining, 'latin1'));
    }
    return removal;
}
/**
 * Replaces a file's content all at once: a new file beside the real one (a
 * symlink's target: the link stays), with its mode, renamed over it. A write
 * that fails (a full disk) leaves the file as it was, never cut short: these
 * are the user's own credentials.
 */
async function replaceFile(path, bytes) {
    const target = await (0,promises_.realpath)(path);
    const { mode, uid, gid } = await (0,promises_.stat)(target);
    await writeFileAtomically((0,external_node_path_.dirname)(target), (0,external_node_path_.basename)(target), async (file) => {
        await file.chown(uid, gid).catch(() => undefined);
        await file.chmod(mode & 0o7777);
        await file.writeFile(bytes);
    }, { private: true });
}
/**
 * Removes the folders the action created, deepest first, each only when it
 * is empty (rmdir, never recursive): a folder something else now uses stays,
 * and so do its parents.
 */
async function removeCreatedFolders(folders) {
    const removed = [];
    const blocked = new Set();
    for (const folder of [...new Set(folders)].sort((a, b) => b.length - a.length)) {
        if ([...blocked].some((inner) => inner.startsWith(`${folder}${external_node_path_.sep}`)))
            continue;
        try {
            await (0,promises_.rmdir)(folder);
            removed.push(folder);
        }
        catch (error) {
            if (error.code !== 'ENOENT')
                blocked.add(folder);
        }
    }
    return removed;
}

;// CONCATENATED MODULE: ./build/operations/runner-canaries.js












/** The memo when the step sets none: the run, to the attempt, so an alert names exactly where the keys were taken. */
const DEFAULT_RUNNER_CANARY_MEMO = '{repository} {workflow}/{job} run {run_id} attempt {run_attempt} ({short_sha}): runner canary';
/** The region the profile gets when `aws-region` is empty. */
const DEFAULT_RUNNER_CANARY_REGION = 'us-east-1';
/**
 * Profile names the action writes: what the AWS CLI accepts in practice,
 * without anything that would change how an INI line reads (brackets,
 * `=`, `#`, `;`, spaces, line breaks).
 */
const PROFILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._@+-]{0,63}$/;
function profileInput(inputs) {
    const raw = inputs.get('aws-profile') || 'default';
    if (PROFILE_NAME.test(raw))
        return raw;
    const bare = raw.replace(/^\[\s*(?:profile\s+)?|\s*\]$/g, '').replace(/^profile\s+/, '');
    const hint = bare !== raw && PROFILE_NAME.test(bare) ? ` Did you mean '${bare}'? The action writes the [ ] and the config file's "profile " itself.` : '';
    throw new errors/* InputError */.d(`Input 'aws-profile' must be a profile name of letters, digits and . _ @ + - (at most 64, e.g. 'default' or 'ci-canary'); '${raw}' is not.${hint}`);
}
/** us-east-1, eu-central-2, us-gov-west-1, cn-northwest-1, ap-southeast-4 ... */
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
function regionInput(inputs) {
    const raw = inputs.get('aws-region');
    if (raw === '')
        return DEFAULT_RUNNER_CANARY_REGION;
    if (REGION.test(raw))
        return raw;
    let hint = '';
    if (REGION.test(raw.toLowerCase()))
        hint = ` Did you mean '${raw.toLowerCase()}'?`;
    else if (REGION.test(raw.replace(/[a-z]$/, '')))
        hint = ` '${raw}' is an availability zone; its region is '${raw.replace(/[a-z]$/, '')}'.`;
    else if (/^[a-z]{2}-[a-z]+\d{1,2}$/.test(raw))
        hint = ` Did you mean '${raw.replace(/(\d+)$/, '-$1')}'?`;
    throw new errors/* InputError */.d(`Input 'aws-region' must be an AWS region such as us-east-1 or eu-west-2; '${raw}' is not.${hint}`);
}
function onConsoleErrorInput(inputs) {
    const raw = inputs.get('on-console-error') || 'warn';
    if (raw === 'warn' || raw === 'fail')
        return raw;
    const near = /^warn/i.test(raw) ? 'warn' : /^(fail|error|true)/i.test(raw) ? 'fail' : undefined;
    throw new errors/* InputError */.d(`Input 'on-console-error' must be warn or fail; '${raw}' is not.${near ? ` Did you mean '${near}'?` : ''}`);
}
/** The rendered memo; with the default template, an error says that the default is what needs a value. */
function memoFor(inputs) {
    const template = inputs.get('memo');
    const where = template ? "Input 'memo'" : `The default memo '${DEFAULT_RUNNER_CANARY_MEMO}' (set 'memo' to choose your own)`;
    const memo = checkMemoLength(renderMemo(template || DEFAULT_RUNNER_CANARY_MEMO, runContext(), where), where);
    return chosenBackend(inputs) === 'canarytokens-server' ? checkServerMemoLength(memo, where) : memo;
}
/**
 * Refuses, before any request, a profile that either file already holds: a
 * real credential is never overwritten or shadowed.
 */
async function checkProfileIsFree(paths, profile) {
    if (paths.credentials === paths.config) {
        throw new errors/* InputError */.d(`AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE both name ${paths.credentials}; point them at two files.`);
    }
    for (const role of ['credentials', 'config']) {
        const path = paths[role];
        let text;
        try {
            text = await readSharedFile(path);
        }
        catch (error) {
            const reason = error.code ?? (0,errors/* errorMessage */.g)(error);
            throw new errors/* InputError */.d(`The AWS ${role} file ${path} cannot be read (${reason}); plant-runner-canaries needs to read it to be sure it overwrites nothing.`);
        }
        try {
            await checkWritable(path);
        }
        catch (error) {
            const reason = error.code ?? (0,errors/* errorMessage */.g)(error);
            const variable = role === 'credentials' ? 'AWS_SHARED_CREDENTIALS_FILE' : 'AWS_CONFIG_FILE';
            throw new errors/* InputError */.d(`The AWS ${role} file ${path} cannot be written (${reason}); point ${variable} at a file the job can write.`);
        }
        const found = text === undefined ? undefined : profileSections(text, role, profile)[0];
        if (found) {
            throw new errors/* InputError */.d(`AWS profile '${profile}' already exists in ${path} (as [${found.name}]): plant-runner-canaries never overwrites or shadows a credential. ` +
                `Set 'aws-profile' to a profile neither file has (e.g. 'ci-canary').`);
        }
    }
}
/**
 * An aws-id token for this memo: with `reuse`, the oldest enabled one that
 * has it (a disabled one was retired, e.g. by the 30-day cleanup, and would
 * alert no one); else a new one. Its keys are masked before this returns.
 */
async function mintRunnerCanary(backend, params) {
    // The same reuse as create's, overlapping runs included, but never a disabled token: it would alert no one.
    const request = { kind: 'aws-id', memo: params.memo, flockId: params.flockId, params: {}, files: {} };
    const { token, reused } = await createOrReuse(backend, request, params.reuse, { enabledOnly: true });
    const keys = token.awsKeys;
    // A Canarytokens server's key to the token, and the page that holds it: masked before anything could print them.
    registerSecret(token.manageAuth);
    registerSecret(token.manageUrl);
    if (keys) {
        registerSecret(keys.accessKeyId);
        registerSecret(keys.secretAccessKey);
    }
    if (!token.id || !keys) {
        throw new http_errors/* ApiError */.hD(`the answer of ${backend.description} for the aws-id Canarytoken ${token.id} holds no AWS keys`, 'result');
    }
    if (!AWS_KEY.test(keys.accessKeyId) || !AWS_KEY.test(keys.secretAccessKey)) {
        throw new http_errors/* ApiError */.hD(`the answer of ${backend.description} for the aws-id Canarytoken ${token.id} holds AWS keys that are not one line of visible characters, as AWS issues them; nothing was written to the AWS files`, 'result');
    }
    return { token, reused, keys };
}
/**
 * An AWS key as AWS issues them: one word of visible ASCII. Anything else
 * (a line break above all) would write lines of the server's choosing into
 * the runner's ~/.aws/credentials, such as a profile with a `credential_process`
 * that later steps' AWS tools would run.
 */
const AWS_KEY = /^[\x21-\x7e]+$/;
const PLANTED_OUTPUTS = ['canarytoken', 'memo', 'aws-profile', 'credentials-file', 'access-key-id', 'reused', 'manage-auth', 'manage-url'];
/** Credentials already in the job's environment: exported canary keys would replace them for every later step. */
const ENVIRONMENT_CREDENTIALS = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'];
/**
 * `export-env: true` never shadows credentials an earlier step put in the
 * environment (e.g. aws-actions/configure-aws-credentials): later steps would
 * get the canary's keys beside the real session token, break, or fire the
 * canary with a real deploy. Refused before any request, naming the
 * variables, never their values.
 */
function refuseToShadowEnvironmentCredentials(environment) {
    const present = ENVIRONMENT_CREDENTIALS.filter((name) => environment[name]);
    if (present.length === 0)
        return;
    throw new errors/* InputError */.d(`Input 'export-env' is true, but the job's environment already holds AWS credentials (${present.join(', ')}); ` +
        'exporting the canary would replace them for every later step. Drop export-env (the profile in the credentials file is planted either way), ' +
        'or plant the runner canary before the step that sets real credentials.');
}
/**
 * `check-auth-token`, the post step's key, refused before any request where it cannot be used: on a Canarytokens
 * server (the post step reads the token with its manage auth) and with `check-on-exit: false` (no check).
 */
function checkCheckKey(inputs, onServer) {
    if (!inputs.get('check-auth-token'))
        return;
    if (onServer) {
        throw new errors/* InputError */.d("Input 'check-auth-token' is a Console API key; on a Canarytokens server the post step reads the token with its own manage auth. Remove 'check-auth-token'.");
    }
    if (!booleanInput(inputs, 'check-on-exit', true)) {
        throw new errors/* InputError */.d("Input 'check-auth-token' is the key of the post step's check, which 'check-on-exit: false' turns off. Remove one of them.");
    }
    checkSecretInput('check-auth-token', inputs.get('check-auth-token'));
}
/**
 * The input holding the Console key the post step checks with: `check-auth-token` when it is set (a Flock
 * canarytoken-deploy key in `auth-token` can only create and download, so it cannot read the token back).
 */
function checkKeyInput(inputs) {
    return inputs.get('check-auth-token') ? 'check-auth-token' : 'auth-token';
}
/**
 * Why the post step could not read `token` back with the step's own key, or undefined when it can (or when the
 * reason is an outage, which the post step meets, or not, on its own). Run once the canary is planted, when no
 * `check-auth-token` was given: a Flock canarytoken-deploy key "can only create and download", and how a Console
 * refuses such a key's read is not documented. A refusal reads as one; should it answer "not found", the post
 * step would report a canary deleted during every job that uses the key. Either way, the post step is told not
 * to check, and the step warns now, naming the input that fixes it.
 */
async function cannotReadBack(backend, token) {
    try {
        await backend.fetch({ id: token.id });
        return undefined;
    }
    catch (error) {
        if ((0,http_errors/* isNotFound */.c4)(error) || (error instanceof http_errors/* ApiError */.hD && error.failure === 'unauthorized'))
            return (0,http_errors/* reasonWithWhere */.WW)(error);
        return undefined;
    }
}
/**
 * What to change when the Console refused the check's key (as the dialect reads a refusal: 401, 403, or its
 * message in an answer of 200): the usual cause is a canarytoken-deploy key, which only creates and downloads.
 * Nothing for other failures, or on a Canarytokens server.
 */
function refusedKeyAdvice(error, backend, keyInput) {
    if (backend.name !== 'console' || !(error instanceof http_errors/* ApiError */.hD) || error.failure !== 'unauthorized')
        return '';
    return keyInput === 'check-auth-token'
        ? " The check needs a key that can read this token and its incidents, such as a Flock read-only key for the token's flock."
        : " If 'auth-token' is a Flock canarytoken-deploy key, it can only create and download: set 'check-auth-token' to a Flock read-only key for the same flock.";
}
const plantRunnerCanariesOperation = defineOperation({
    name: 'plant-runner-canaries',
    tripwire: true,
    description: "Plants a Canarytoken AWS key on the runner itself: mints an `aws-id` token whose memo names the run, writes it as profile `aws-profile` to the AWS credentials and config files (never over an existing profile), and checks it when the job ends (the post step fails the job if it was used, then removes the profile). A Console outage warns and plants nothing unless `on-console-error: fail`.",
    backends: EVERY_BACKEND,
    requires: [],
    accepts: ['memo', 'flock-id', 'reuse', 'aws-profile', 'aws-region', 'export-env', 'on-console-error', 'check-on-exit', 'check-auth-token', 'keep-credentials', 'alert-email', 'alert-webhook'],
    outputs: PLANTED_OUTPUTS,
    async parse(inputs) {
        const onServer = chosenBackend(inputs) === 'canarytokens-server';
        if (onServer && inputs.get('flock-id'))
            throw new errors/* InputError */.d("Input 'flock-id' is the Console's: a Canarytokens server has no flocks. Remove it.");
        refuseReuseOnServer(inputs, booleanInput(inputs, 'reuse'));
        requireAlertTarget(inputs, 'plant-runner-canaries');
        checkCheckKey(inputs, onServer);
        const params = {
            memo: memoFor(inputs),
            flockId: onServer ? undefined : flockIdInput(inputs),
            reuse: booleanInput(inputs, 'reuse'),
            profile: profileInput(inputs),
            region: regionInput(inputs),
            exportEnv: booleanInput(inputs, 'export-env'),
            onConsoleError: onConsoleErrorInput(inputs),
            check: booleanInput(inputs, 'check-on-exit', true),
            probe: !onServer && booleanInput(inputs, 'check-on-exit', true) && !inputs.get('check-auth-token'),
            remove: !booleanInput(inputs, 'keep-credentials'),
            paths: sharedFilePaths()
        };
        if (params.exportEnv)
            refuseToShadowEnvironmentCredentials(process.env);
        await checkProfileIsFree(params.paths, params.profile);
        return params;
    },
    async run(params, context) {
        const plantedAt = Date.now();
        let minted;
        try {
            minted = await mintRunnerCanary(context.backend, params);
        }
        catch (error) {
            if (params.onConsoleError === 'fail')
                throw error;
            const reason = (0,http_errors/* reasonWithWhere */.WW)(error);
            context.log.warning(`plant-runner-canaries planted no runner canary: ${reason}. The job goes on without one (on-console-error: warn; set it to fail to stop the job instead).`);
            return {
                outputs: {},
                summary: {
                    heading: 'Runner canary not planted',
                    columns: ['Memo', 'Why'],
                    rows: [[params.memo, reason]],
                    notes: [`${serverOf(context.backend)} could not be reached or refused, so this job runs without a runner canary (on-console-error: warn).`]
                }
            };
        }
        const { token, reused, keys } = minted;
        const files = [];
        let failure;
        try {
            files.push(await appendProfile(params.paths.credentials, 'credentials', params.profile, [
                `aws_access_key_id = ${keys.accessKeyId}`,
                `aws_secret_access_key = ${keys.secretAccessKey}`
            ]));
            files.push(await appendProfile(params.paths.config, 'config', params.profile, [`region = ${params.region}`]));
        }
        catch (error) {
            failure =
                `writing AWS profile '${params.profile}' failed: ${(0,http_errors/* reasonWithAttempts */.ny)(error)}. The Canarytoken ${token.id} was ${reused ? 'reused' : 'created'} and stays on ${serverOf(context.backend, false)}` +
                    (files.length > 0 ? '; the post step removes what was written.' : '.');
        }
        const unreadable = !failure && params.probe ? await cannotReadBack(context.backend, token) : undefined;
        if (unreadable) {
            context.log.warning(`Runner canary ${token.id} is planted, but 'auth-token' cannot read it back (${unreadable}), so the post step will not check it. ` +
                `If 'auth-token' is a Flock canarytoken-deploy key, it can only create and download: set 'check-auth-token' to a Flock read-only key for the same flock. Its alerts still come from the Console.`);
        }
        const check = params.check && !unreadable;
        const outputs = {
            canarytoken: token.id,
            memo: token.memo || params.memo,
            'aws-profile': params.profile,
            'credentials-file': params.paths.credentials,
            'access-key-id': keys.accessKeyId,
            reused,
            'manage-auth': token.manageAuth,
            'manage-url': token.manageUrl
        };
        const state = {
            version: 1,
            canarytoken: token.id,
            memo: token.memo || params.memo,
            profile: params.profile,
            check,
            remove: params.remove,
            onConsoleError: params.onConsoleError,
            // What the token had already seen: only a rise during this job is this job's alarm (it matters with `reuse`).
            triggeredBefore: token.triggeredCount ?? 0,
            plantedAt: plantedAt,
            files,
            // The post step's key to the token's history on a Canarytokens server (see runner-canary-state.ts).
            ...(token.manageAuth ? { manageAuth: token.manageAuth } : {})
        };
        const result = {
            outputs,
            summary: {
                heading: 'Runner canary planted',
                columns: ['Canarytoken', 'Memo', 'AWS profile', 'Credentials file', 'Config file', 'Region'],
                rows: [[token.id, state.memo, params.profile, params.paths.credentials, params.paths.config, params.region]],
                notes: [
                    ...(reused ? ['An enabled aws-id Canarytoken with this memo was reused (reuse: true); no new token was made.'] : []),
                    check
                        ? 'When the job ends, the post step fails the job if these credentials were used during it.'
                        : unreadable
                            ? `The post step does not check the token: 'auth-token' cannot read it back (set 'check-auth-token' to a key that can); its alerts come from ${serverOf(context.backend, false)}.`
                            : `The post step does not check the token (check-on-exit: false); its alerts come from ${serverOf(context.backend, false)}.`,
                    params.remove ? 'The post step then removes the profile again.' : 'The profile stays on the runner (keep-credentials: true).'
                ]
            },
            failure
        };
        if (files.length > 0 && (check || params.remove))
            result.state = { [runner_canary_state/* RUNNER_CANARY_STATE */.k]: JSON.stringify(state) };
        if (failure)
            return result;
        if (params.exportEnv) {
            result.environment = { AWS_ACCESS_KEY_ID: keys.accessKeyId, AWS_SECRET_ACCESS_KEY: keys.secretAccessKey, AWS_DEFAULT_REGION: params.region };
        }
        context.log.info(`${reused ? 'Reused' : 'Minted'} runner canary ${token.id} and planted it as AWS profile '${params.profile}' in ${params.paths.credentials} ` +
            `(region ${params.region} in ${params.paths.config})${params.exportEnv ? '; later steps also get it as AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY' : ''}.`);
        return result;
    }
});
const RUNNER_CANARY_OPERATIONS = [plantRunnerCanariesOperation];
/** How far the Console's clock may be behind ours when telling this job's incidents from older ones. */
const CLOCK_SKEW_MS = 60_000;
/** Incidents the error names; the summary shows up to MAX_SUMMARY_INCIDENTS. */
const MAX_ERROR_INCIDENTS = 3;
const MAX_SUMMARY_INCIDENTS = 20;
/** One incident in words: time, source address, AWS call, user agent (attacker's text: control characters shown as escapes, bounded). */
function incidentWords(incident) {
    const bounded = (text) => (0,build_text/* truncateCodePoints */.Bm)(visibleControls(redact(text)), 200);
    return (`${(0,build_text/* isoTime */.Ly)(incident.created) || 'at an unknown time'} from ${bounded(incident.srcHost) || 'an unknown address'}` +
        `${incident.event ? `: ${bounded(incident.event)}` : ''}${incident.userAgent ? ` (user agent ${bounded(incident.userAgent)})` : ''}`);
}
/**
 * The Console's incidents of the token since it was planted (all of them for
 * a state without the time), newest first, at most MAX_SUMMARY_INCIDENTS.
 * Read only when the canary fired, so the post step stays one request when
 * nothing did.
 */
async function incidentsSince(backend, state) {
    const since = state.plantedAt === undefined ? undefined : state.plantedAt - CLOCK_SKEW_MS;
    const found = [];
    for await (const incident of backend.incidents(tokenRef(state))) {
        if (since === undefined || incident.created.getTime() >= since)
            found.push(incident);
    }
    return found.sort((a, b) => b.created.getTime() - a.created.getTime()).slice(0, MAX_SUMMARY_INCIDENTS);
}
/** The token as the backend is told about it: a Canarytokens server needs its manage auth with every call. */
function tokenRef(state) {
    return state.manageAuth ? { id: state.canarytoken, manageAuth: state.manageAuth } : { id: state.canarytoken };
}
/** The server in a sentence: 'the Console', or 'the Canarytokens server at https://...'. */
function serverOf(backend, capital = true) {
    const name = backend.name === 'console' ? 'the Console' : backend.description;
    return capital ? name.charAt(0).toUpperCase() + name.slice(1) : name;
}
/** Who can turn a token off: a Console key holder, or whoever holds a Canarytokens server token's manage auth. */
function keyOf(backend) {
    return backend.name === 'console' ? 'a Console key' : "the token's manage auth";
}
const AFTERWARDS = 'Rotate every secret the job could reach, check the Console (incidents and audit log) for who did this, and review what this run installed and ran.';
/**
 * What the token says about this job: undefined when it was not used and
 * still watches. A rise in `triggered_count` means the credentials were used;
 * a token disabled or deleted during the job means something turned the
 * tripwire off, so whether they were used can no longer be told: both fail the
 * job, each in its own words. An answer without a readable `triggered_count`
 * proves nothing either way: it is an error (a warning unless
 * `on-console-error: fail`), never "not triggered".
 */
async function checkRunnerCanary(backend, state) {
    const planted = `the AWS credentials planted in this job (profile '${state.profile}')`;
    let token;
    try {
        token = await backend.fetch(tokenRef(state));
        registerSecret(token.awsKeys?.accessKeyId);
        registerSecret(token.awsKeys?.secretAccessKey);
    }
    catch (error) {
        if ((0,http_errors/* isNotFound */.c4)(error)) {
            return {
                what: 'deleted',
                status: 'deleted during the job',
                error: `Runner canary ${state.canarytoken} was deleted from ${serverOf(backend, false)} during this job, so nothing can tell whether anyone used ${planted}. ` +
                    `Someone with ${keyOf(backend)} removed the tripwire while the job ran: treat this run as suspect until you know who and why.`,
                heading: 'Runner canary deleted during the job: it can no longer vouch for this run',
                notes: [
                    'The Canarytoken was deleted while the job ran: use of the planted credentials after that raises no alert, so this run cannot be shown clean.',
                    'A planned cleanup should never reach a runner canary of a running job; if nobody meant it, a stolen key may have been used to hide the tripwire.',
                    AFTERWARDS
                ]
            };
        }
        throw error;
    }
    const count = token.triggeredCount;
    if (count === undefined) {
        throw new Error(`the answer of ${backend.description} for it carries no readable triggered_count, so whether anyone used ${planted} cannot be told`);
    }
    if (count > state.triggeredBefore) {
        const times = count - state.triggeredBefore;
        return {
            what: 'triggered',
            status: `triggered ${times} time${times === 1 ? '' : 's'}`,
            error: `Runner canary ${state.canarytoken} was triggered ${times} time${times === 1 ? '' : 's'} during this job: ${planted} were used.`,
            advice: 'Treat this run as compromised: rotate every secret the job could reach and look for what ran in it.',
            heading: 'Runner canary triggered: treat this run as compromised',
            notes: [
                'The fake AWS credentials this job planted were used while it ran: something in the job (a dependency, an action, a script) read them and called AWS.',
                `Rotate every secret the job could reach, check the alert on ${serverOf(backend, false)} for where the call came from, and review what this run installed and ran.`,
                'The Canarytoken stays enabled, so copies of the keys still alert.'
            ]
        };
    }
    if (token.enabled === false) {
        return {
            what: 'disabled',
            status: 'disabled during the job',
            error: `Runner canary ${state.canarytoken} was disabled during this job; it was not triggered before that, but a disabled token raises no alert, so nothing can tell whether anyone used ${planted} since. ` +
                `Someone with ${keyOf(backend)} turned the tripwire off while the job ran: treat this run as suspect until you know who and why.`,
            heading: 'Runner canary disabled during the job: it can no longer vouch for this run',
            notes: [
                'The Canarytoken was disabled while the job ran and had not alerted: use of the planted credentials after that raises no alert, so this run cannot be shown clean.',
                'If nobody meant to disable it, a stolen key may have been used to hide the tripwire. Enable it again (enable-canarytoken) so copies of the keys alert.',
                AFTERWARDS
            ]
        };
    }
    return undefined;
}
/**
 * The post step of plant-runner-canaries: (1) with `check`, fetch the token
 * and fail the job when it was triggered (or deleted or disabled: see checkRunnerCanary); (2) with
 * `remove`, take the profile out of both files, every other byte as it was.
 * The token stays enabled: keys copied during the run still alert later.
 */
async function runnerCanaryPost(state, connect, log, keyInput = 'auth-token') {
    const result = {};
    registerSecret(state.manageAuth);
    if (state.check) {
        const backend = await connect();
        try {
            if (backend.name === 'canarytokens-server' && !state.manageAuth)
                throw new Error('the saved state holds no manage auth for the token, which the Canarytokens server needs to show it');
            const found = await checkRunnerCanary(backend, state);
            if (found) {
                let seen = [];
                let unread;
                if (found.what === 'triggered') {
                    try {
                        seen = await incidentsSince(backend, state);
                    }
                    catch (error) {
                        unread = (0,http_errors/* reasonWithWhere */.WW)(error);
                    }
                }
                const named = seen.slice(0, MAX_ERROR_INCIDENTS).map(incidentWords);
                const saw = found.what !== 'triggered'
                    ? ''
                    : unread
                        ? ` (the incidents could not be read: ${unread})`
                        : seen.length > 0
                            ? ` The incidents show: ${named.join('; ')}${seen.length > named.length ? `; and ${seen.length - named.length} more (see the job summary)` : ''}.`
                            : ' No incident for it is recorded yet.';
                result.failure = `${found.error}${saw}${found.advice ? ` ${found.advice}` : ''} Memo: ${state.memo}`;
                const row = [state.canarytoken, state.memo, state.profile, found.status];
                // A disabled or deleted token has no incidents of this job to show: its table has no incident columns.
                const withIncidents = found.what === 'triggered';
                const rows = !withIncidents
                    ? [row]
                    : seen.length > 0
                        ? seen.map((incident) => [...row, (0,build_text/* isoTime */.Ly)(incident.created), incident.srcHost, incident.event ?? '', incident.userAgent ?? ''])
                        : [[...row, '', '', '', '']];
                result.summary = {
                    heading: found.heading,
                    columns: ['Canarytoken', 'Memo', 'AWS profile', 'State', ...(withIncidents ? ['Time', 'Source address', 'AWS call', 'User agent'] : [])],
                    rows,
                    notes: [
                        ...(seen.length > 0
                            ? ["Each row is an incident recorded for the token since it was planted: where the call came from, which AWS call it was, and the caller's user agent (text the caller chose)."]
                            : found.what === 'triggered' && unread
                                ? [`The incidents could not be read here (${unread}): check them on the server.`]
                                : []),
                        ...found.notes
                    ]
                };
            }
            else {
                log.info(`Runner canary ${state.canarytoken} was not triggered during this job.`);
            }
        }
        catch (error) {
            const message = `Could not check runner canary ${state.canarytoken}: ${(0,http_errors/* reasonWithWhere */.WW)(error)}.${refusedKeyAdvice(error, backend, keyInput)} Its alerts still come from ${serverOf(backend, false)}.`;
            if (state.onConsoleError === 'fail')
                result.failure = message;
            else
                log.warning(message);
        }
        finally {
            await backend.close();
        }
    }
    if (state.remove) {
        for (const file of state.files) {
            try {
                const removal = await removeProfile(file, state.profile);
                const what = removal.deletedFile
                    ? `deleted ${file.path} (the action had created it)`
                    : removal.outcome === 'restored'
                        ? `${file.path} is as it was before the job`
                        : removal.outcome === 'profile-removed'
                            ? `${file.path} changed during the job; only the profile's section was cut`
                            : `it was no longer in ${file.path}`;
                log.info(`Removed AWS profile '${state.profile}' (${file.role}): ${what}.`);
            }
            catch (error) {
                log.warning(`Could not remove AWS profile '${state.profile}' from ${file.path}: ${(0,http_errors/* reasonWithAttempts */.ny)(error)}. Remove its section by hand.`);
            }
        }
        const folders = await removeCreatedFolders(state.files.flatMap((file) => file.createdFolders));
        if (folders.length > 0)
            log.info(`Deleted ${folders.join(', ')} (the action had created ${folders.length === 1 ? 'it' : 'them'}).`);
    }
    return result;
}

;// CONCATENATED MODULE: ./build/publish/summary.js



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
    return escapeHtml(visibleControls((0,build_text/* truncateCodePoints */.Bm)(redact(text), MAX_CELL)));
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
    const summary = summary_summary.addHeading(escapeHtml(section.heading), 3);
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

// EXTERNAL MODULE: ./build/http/proxy.js
var http_proxy = __webpack_require__(2749);
// EXTERNAL MODULE: ./build/http/transport.js + 1 modules
var http_transport = __webpack_require__(9692);
;// CONCATENATED MODULE: ./build/http/gate.js
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
    info: (message) => info((0,build_text/* defuseCommands */.pq)(redact(message))),
    warning: (message) => warning(redact(message)),
    // Not even redacted when the runner will not show it: the transport logs every request.
    debug: (message) => {
        if (isDebug())
            debug(redact(message));
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
    const name = chosenBackend(inputs);
    if (name === 'canarytokens-server') {
        if (inputs.get('auth-token')) {
            throw new errors/* InputError */.d("Input 'auth-token' is a Canary Console's API key; a Canarytokens server takes none (each token has its own key, its 'manage-auth'). Remove 'auth-token', or set 'console' instead of 'canarytokens-server'.");
        }
        const origin = resolveCanarytokensServerUrl(inputs.get('canarytokens-server'));
        checkSecretInput('manage-auth', inputs.get('manage-auth'));
        const alerts = alertTargetInputs(inputs);
        const transport = transportOptions(inputs);
        return {
            name,
            // Only this server's modules load: a step never compiles the other backend.
            open: async () => {
                const [{ CanarytokensServerBackend }, { canarytokensServerDialect }] = await Promise.all([
                    __webpack_require__.e(/* import() */ 13).then(__webpack_require__.bind(__webpack_require__, 5013)),
                    __webpack_require__.e(/* import() */ 231).then(__webpack_require__.bind(__webpack_require__, 9231))
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
    checkSecretInput(keyInput, key);
    const transport = transportOptions(inputs);
    return {
        name: 'console',
        open: async () => {
            const [{ ConsoleBackend }, { consoleDialect }] = await Promise.all([__webpack_require__.e(/* import() */ 806).then(__webpack_require__.bind(__webpack_require__, 3806)), __webpack_require__.e(/* import() */ 304).then(__webpack_require__.bind(__webpack_require__, 8304))]);
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
    const timeoutSeconds = integerInput(inputs, 'timeout-seconds', { min: 1, max: 3600, fallback: 30 }) ?? 30;
    const retries = integerInput(inputs, 'retries', { min: 0, max: 10, fallback: http_transport/* DEFAULT_RETRY_POLICY */.cO.retries }) ?? http_transport/* DEFAULT_RETRY_POLICY */.cO.retries;
    let proxy = (0,http_proxy/* httpsProxy */.M2)(process.env);
    // Never printed by us, but the runner knows it for no secret: masked for this step and the later ones, as a whole value
    // (as given, percent-encoded, and as the proxy reads it), and only when it is long enough to be one (registerSecret).
    if (proxy?.url.password) {
        registerSecret(proxy.url.password);
        registerSecret(decodedPassword(proxy.url.password));
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
        gate: new AdaptiveConcurrency({ onChange: log.info }),
        userAgent: `canary-console-action/${ACTION_VERSION}`,
        onSecret: registerSecret,
        findSecrets: (body) => (0,secret_fields/* findSecretValues */.s)(body),
        redact: redact,
        logger: log
    };
}

;// CONCATENATED MODULE: ./build/post-main.js







/**
 * The post step after plant-runner-canaries (src/post.ts calls it only when
 * that operation saved its state): check the runner canary, remove its
 * profile, and fail the job when the canary was used. As main.ts is for the
 * step, this is the one place that decides the post step's outcome. The
 * runner passes the step's inputs again, so the auth token comes from
 * there, never from the state.
 */
async function runPost() {
    try {
        const inputs = actionInputs();
        for (const name of SECRET_INPUTS)
            registerSecret(inputs.get(name));
        const state = (0,runner_canary_state/* parseRunnerCanaryState */.B)(getState(runner_canary_state/* RUNNER_CANARY_STATE */.k));
        const keyInput = checkKeyInput(inputs);
        const result = await runnerCanaryPost(state, backendConnection(inputs, { keyInput }).open, log, keyInput);
        if (result.summary)
            await publishSummary(result.summary);
        if (result.failure)
            setFailed(redact(result.failure));
    }
    catch (error) {
        if (error instanceof Error && error.stack)
            log.debug(error.stack);
        setFailed(redact(failureMessage('plant-runner-canaries (post step)', error)));
    }
}


/***/ }),

/***/ 7266:
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

/***/ 977:
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


/***/ })

};
