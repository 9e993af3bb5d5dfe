export const id = 237;
export const ids = [237];
export const modules = {

/***/ 19218:
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

/***/ 17442:
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
/* harmony import */ var _http_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(42602);
/* harmony import */ var _records_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(27528);


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

/***/ 27528:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ol: () => (/* binding */ isEnabled),
/* harmony export */   dg: () => (/* binding */ listedRecord),
/* harmony export */   pr: () => (/* binding */ tokenRecord)
/* harmony export */ });
/* harmony import */ var _secret_fields_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(97266);

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

/***/ 59240:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   As: () => (/* binding */ kindSpecificInputs),
/* harmony export */   O3: () => (/* binding */ unknownKindMessage),
/* harmony export */   V1: () => (/* binding */ SERVER_PARAMETERS),
/* harmony export */   bU: () => (/* binding */ fileKindsOn),
/* harmony export */   gZ: () => (/* binding */ kindRuleOn),
/* harmony export */   j$: () => (/* binding */ REFUSED_INPUTS),
/* harmony export */   mT: () => (/* binding */ isKnownKind),
/* harmony export */   pm: () => (/* binding */ kindRule),
/* harmony export */   qQ: () => (/* binding */ AWS_AUTOMATION_INPUTS)
/* harmony export */ });
/* unused harmony exports CANARYTOKEN_KINDS, ALL_KIND_NAMES, kindNamesFor, KIND_NAMES, FILE_KINDS */
/* harmony import */ var _backends_canarytokens_server_kinds_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(19218);
/* harmony import */ var _http_upload_types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(23272);
/* harmony import */ var _near_miss_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(47001);



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
        if (!_http_upload_types_js__WEBPACK_IMPORTED_MODULE_1__/* .UPLOAD_MIME_TYPES */ .H[extension])
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
    return (0,_near_miss_js__WEBPACK_IMPORTED_MODULE_2__/* .unknownNameMessage */ .lG)('kind', kind, 'a Canarytoken kind', names);
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
    if ((kindRule(kind).server !== undefined) !== Object.hasOwn(_backends_canarytokens_server_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .SERVER_KINDS */ .yX, kind)) {
        throw new Error(`kind ${kind}: operations/kinds.ts and backends/canarytokens-server/kinds.ts disagree on whether a Canarytokens server makes it`);
    }
}
for (const kind of Object.keys(_backends_canarytokens_server_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .SERVER_KINDS */ .yX)) {
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


/***/ }),

/***/ 68734:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   eQ: () => (/* binding */ alreadyDoneNotes),
/* harmony export */   hS: () => (/* binding */ counted),
/* harmony export */   oj: () => (/* binding */ unwrittenOutcomes),
/* harmony export */   wQ: () => (/* binding */ alreadyDoneSuffix)
/* harmony export */ });
/* unused harmony export ALREADY_DONE */
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(50977);

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
    return `${done}, but writing the list of outcomes failed: ${(0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .withoutFullStops */ .vK)(reason)}`;
}


/***/ }),

/***/ 71578:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fl: () => (/* binding */ consoleOf),
/* harmony export */   Jn: () => (/* binding */ EVERY_BACKEND),
/* harmony export */   bR: () => (/* binding */ CONSOLE_ONLY),
/* harmony export */   h9: () => (/* binding */ defineOperation)
/* harmony export */ });
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


/***/ }),

/***/ 90263:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B1: () => (/* binding */ checkWritableFolder),
/* harmony export */   LI: () => (/* binding */ resolveInside),
/* harmony export */   RX: () => (/* binding */ readableFileInside),
/* harmony export */   bj: () => (/* binding */ safeFilename),
/* harmony export */   cA: () => (/* binding */ checkWritableTarget),
/* harmony export */   fy: () => (/* binding */ unwritableTarget),
/* harmony export */   lo: () => (/* binding */ writeFileAtomically),
/* harmony export */   tC: () => (/* binding */ checkUserFilename)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(57075);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(46466);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(19473);







/** Longest file name we write, in UTF-8 bytes; most file systems stop at 255 bytes. */
const MAX_FILENAME_LENGTH = 200;
function isInside(root, candidate) {
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.relative)(root, candidate);
    return rel === '' || (!rel.startsWith('..') && !(0,node_path__WEBPACK_IMPORTED_MODULE_3__.isAbsolute)(rel));
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
            return (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.realpath)(existing), ...missing);
        }
        catch {
            const parent = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(existing);
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
    const target = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(root, userPath);
    const realRoot = await realPathOfExistingPart((0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(root));
    const realTarget = await realPathOfExistingPart(target);
    if (!isInside((0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(root), target) || !isInside(realRoot, realTarget)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .d(`Input '${inputName}' must point inside ${root}; '${userPath}' leads outside it.`);
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
    const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.lstat)(path).catch(() => undefined);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .d(`Input '${inputName}': '${shown}' ${problem}.`);
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
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(existing).catch(() => undefined);
        if (info) {
            const part = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.relative)(root, existing) || '.';
            if (!info.isDirectory()) {
                const below = existing === directory ? '' : `; '${shown}' cannot be created in it`;
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .d(`Input '${inputName}': '${part}' is a file, not a folder${below}.`);
            }
            try {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.access)(existing, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.W_OK);
            }
            catch (error) {
                const code = error.code ?? 'not writable';
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .d(`Input '${inputName}': '${part}' cannot be written (${code}); name a folder the job can write.`);
            }
            return;
        }
        const parent = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(existing);
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
        info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(path);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .d(`Input '${inputName}': cannot read '${userPath}' (no such file in ${root}).`);
    }
    if (!info.isFile())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .d(`Input '${inputName}': '${userPath}' is not a file.`);
    if (info.size > maxBytes) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .d(`Input '${inputName}': '${userPath}' is ${info.size} bytes; at most ${maxBytes} are sent.`);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .d(`Input '${inputName}' must be a plain file name (letters of any script, digits, spaces, '.', '_', '-', '+', '(', ')'; no folders, no leading dot or dash, at most ${MAX_FILENAME_LENGTH} bytes), not '${name}'.`);
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
    const destination = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(directory, name);
    if ((0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(destination) !== directory.replace(new RegExp(`\\${node_path__WEBPACK_IMPORTED_MODULE_3__.sep}$`), '')) {
        throw new Error(`refusing to write '${name}' outside ${directory}`);
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(directory, { recursive: true });
    const existing = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.lstat)(destination).catch(() => undefined);
    if (existing && !existing.isFile()) {
        throw new Error(`${destination} exists and is not a regular file; not overwriting it`);
    }
    const temporary = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(directory, `.${name}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}.partial`);
    try {
        // Credentials are readable by their owner only.
        const mode = options.private ? 0o600 : 0o644;
        if (typeof content === 'function') {
            const file = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(temporary, 'wx', mode);
            try {
                await content(file);
            }
            finally {
                await file.close();
            }
        }
        else {
            await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_5__.pipeline)(Buffer.isBuffer(content) ? node_stream__WEBPACK_IMPORTED_MODULE_4__.Readable.from([content]) : content, (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(temporary, { flags: 'wx', mode }));
        }
        // No fsync first: it would cost a 100,000-token tokens-file (36 MB) about a tenth of the listing's time, and buys
        // nothing here: a machine that goes down ends the job, and the files are the job's (the next step, an artifact).
        // The rename alone means no reader, and no later step, ever sees a partial file under the name.
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(temporary, destination);
    }
    catch (error) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(temporary, { force: true });
        throw error;
    }
    return destination;
}


/***/ })

};
