export const id = 355;
export const ids = [355];
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
    create: { method: 'POST', path: '/api/v1/canarytoken/create', repeatable: false },
    fetch: { method: 'GET', path: '/api/v1/canarytoken/fetch', repeatable: true },
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
        const matches = await findCanarytokens(transport, { kind: params.kind, memoEquals: params.memo, flockId: params.flock_id });
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
/**
 * Every page of tokens matching `query`, following `cursor.next` until it is
 * null. Search is used when the Console can narrow the list (kind, active,
 * search string), paginate otherwise; `fetch` (everything in one answer) never.
 * The query goes with every page, so a Console that reads it from each request
 * and one that keeps it in the cursor both give the same pages.
 */
async function* canarytokenPages(transport, query = {}) {
    const useSearch = query.kind !== undefined || query.active !== undefined || query.searchString !== undefined;
    const base = { flock_id: query.flockId, limit: query.pageSize ?? PAGE_SIZE };
    if (useSearch)
        Object.assign(base, { kind: query.kind, active: query.active, search_string: query.searchString });
    const endpoint = useSearch ? CANARYTOKEN_ENDPOINTS.search : CANARYTOKEN_ENDPOINTS.paginate;
    const seen = new Set();
    let cursor;
    for (let page = 1;; page++) {
        const answer = await transport.call(endpoint, { ...base, cursor });
        if (!Array.isArray(answer.canarytokens)) {
            throw new _http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(`${endpoint.path} answered without a "canarytokens" list`, 'result');
        }
        yield { canarytokens: answer.canarytokens, page, totalResults: answer.total_results };
        const next = answer.cursor?.next;
        if (next === undefined || next === null || next === '')
            return;
        // A Console that hands back a cursor it gave before would have us loop for ever.
        if (seen.has(next))
            throw new _http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(`${endpoint.path} returned a page cursor it had already given; stopped listing to avoid a loop`, 'result');
        seen.add(next);
        cursor = next;
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

/***/ 60289:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Eq: () => (/* binding */ INCIDENT_STATES),
/* harmony export */   Hz: () => (/* binding */ incidentPages),
/* harmony export */   ZO: () => (/* binding */ acknowledgeIncident),
/* harmony export */   gv: () => (/* binding */ deleteIncident)
/* harmony export */ });
/* unused harmony exports INCIDENT_ENDPOINTS, INCIDENT_PAGE_SIZE, consoleBoolean, consoleNumber, isTokenIncident, incidentRecord */
/* harmony import */ var _http_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(42602);

const INCIDENT_STATES = ['unacknowledged', 'acknowledged', 'all'];
/** `repeatable`: acknowledging or deleting twice leaves the incident as once did. */
const INCIDENT_ENDPOINTS = {
    unacknowledged: { method: 'GET', path: '/api/v1/incidents/unacknowledged', repeatable: true },
    acknowledged: { method: 'GET', path: '/api/v1/incidents/acknowledged', repeatable: true },
    all: { method: 'GET', path: '/api/v1/incidents/all', repeatable: true },
    acknowledge: { method: 'POST', path: '/api/v1/incident/acknowledge', repeatable: true },
    delete: { method: 'DELETE', path: '/api/v1/incident/delete', repeatable: true }
};
/**
 * Incidents asked for per page. The reference gives no maximum; an incident
 * with its events is a few KB, so 200 keep a page under a megabyte or two.
 */
const INCIDENT_PAGE_SIZE = 200;
const text = (value) => (typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined);
/** Booleans as the Console writes them: `"True"`/`"False"`, true/false, 1/0. */
function consoleBoolean(value) {
    if (value === true || value === 1 || (typeof value === 'string' && /^(true|1)$/i.test(value)))
        return true;
    if (value === false || value === 0 || (typeof value === 'string' && /^(false|0)$/i.test(value)))
        return false;
    return undefined;
}
/** Whole numbers sent as numbers or text. */
function consoleNumber(value) {
    if (typeof value === 'number')
        return Number.isFinite(value) ? value : undefined;
    if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value))
        return Number(value);
    return undefined;
}
/** Epoch seconds (as number or text) as a date. */
function epochDate(value) {
    const seconds = consoleNumber(value);
    return seconds === undefined ? undefined : new Date(seconds * 1000);
}
/** Token logtypes (incident-objects.md): the HTTP family 17000-17999, DNS 16000-16999. */
function isTokenLogtype(logtype) {
    const number = consoleNumber(logtype);
    return number !== undefined && number >= 16000 && number < 18000;
}
function eventsOf(raw) {
    const events = raw.description?.events;
    return Array.isArray(events) ? events.filter((event) => typeof event === 'object' && event !== null && !Array.isArray(event)) : [];
}
/** A header by name, in whatever case the event wrote it. */
function header(event, name) {
    const headers = event.headers;
    if (typeof headers !== 'object' || headers === null)
        return undefined;
    for (const [key, value] of Object.entries(headers)) {
        if (key.toLowerCase() === name && typeof value === 'string' && value !== '')
            return value;
    }
    return undefined;
}
/**
 * The user agent: the reference puts it in the event's `headers`
 * (`User-Agent`); some token kinds' events carry `useragent` (or
 * `user_agent`) of their own.
 */
function userAgentOf(event) {
    return header(event, 'user-agent') ?? text(event.useragent) ?? text(event.user_agent);
}
/** The event: its `event_name` (an AWS call), else the request it records (an HTTP token's `url`). */
function eventOf(event) {
    const name = text(event.event_name);
    if (name)
        return name;
    const method = text(event.method) ?? text(event.request_method);
    const url = text(event.url) ?? text(event.path);
    return url ? `${method ? `${method} ` : ''}${url}` : undefined;
}
/** Whether the Console incident is a Canarytoken's: an event names a token, or its logtype is a token logtype. */
function isTokenIncident(raw) {
    return eventsOf(raw).some((event) => text(event.canarytoken) !== undefined) || isTokenLogtype(raw.description?.logtype);
}
/**
 * A token incident as the action's record; undefined when it is not a
 * token's (a Canary's) or has no key. `feed` supplies `acknowledged` when
 * the incident's own field cannot be read: a feed holds only one state.
 */
function incidentRecord(raw, feed) {
    if (!isTokenIncident(raw))
        return undefined;
    const id = text(raw.id);
    if (!id)
        return undefined;
    const description = raw.description ?? {};
    const events = eventsOf(raw);
    const first = events.find((event) => text(event.canarytoken) !== undefined) ?? events[0] ?? {};
    // The token that fired, from its event: the incident's node_id is not promised to be the token id.
    const canarytoken = text(first.canarytoken) ?? '';
    const acknowledged = consoleBoolean(description.acknowledged) ?? (feed === 'acknowledged');
    const created = epochDate(description.created) ?? epochDate(first.timestamp) ?? epochDate(raw.updated_time) ?? new Date(0);
    return {
        id,
        canarytoken,
        memo: typeof description.memo === 'string' ? description.memo : '',
        kind: text(first.type) ?? text(first.kind) ?? '',
        srcHost: text(description.src_host) ?? text(first.src_host) ?? '',
        created,
        acknowledged,
        event: eventOf(first),
        userAgent: userAgentOf(first),
        updatedId: consoleNumber(raw.updated_id),
        flockId: text(description.flock_id)
    };
}
/**
 * Every page of a feed: the first asks with `limit` and the query, later
 * ones send the `cursor` the Console gave, alone (the query lives in the
 * cursor: canary_api2csv pages this way). Ends when `cursor.next` is empty;
 * a cursor given twice stops the walk (it would loop for ever). A page at a
 * time in memory, whatever the feed's size.
 */
async function* incidentPages(transport, query) {
    const endpoint = INCIDENT_ENDPOINTS[query.state];
    const first = {
        node_id: query.nodeId,
        flock_id: query.flockId,
        incidents_since: query.since,
        limit: query.pageSize ?? INCIDENT_PAGE_SIZE
    };
    const seen = new Set();
    let cursor;
    for (let page = 1;; page++) {
        const answer = await transport.call(endpoint, cursor === undefined ? first : { cursor });
        if (!Array.isArray(answer.incidents))
            throw new _http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(`${endpoint.path} answered without an "incidents" list`, 'result');
        const result = { incidents: [], deviceIncidents: 0, unreadable: 0, page, maxUpdatedId: consoleNumber(answer.max_updated_id) };
        for (const raw of answer.incidents) {
            if (typeof raw !== 'object' || raw === null)
                continue;
            if (!isTokenIncident(raw)) {
                result.deviceIncidents++;
                continue;
            }
            const record = incidentRecord(raw, query.state);
            if (!record) {
                result.unreadable++;
                continue;
            }
            if (record.updatedId !== undefined)
                result.maxUpdatedId = Math.max(result.maxUpdatedId ?? 0, record.updatedId);
            result.incidents.push(record);
        }
        yield result;
        const next = answer.cursor?.next;
        if (next === undefined || next === null || next === '')
            return;
        if (seen.has(next))
            throw new _http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(`${endpoint.path} returned a page cursor it had already given; stopped listing to avoid a loop`, 'result');
        seen.add(next);
        cursor = next;
    }
}
function acknowledgeIncident(transport, key) {
    return transport.call(INCIDENT_ENDPOINTS.acknowledge, { incident: key });
}
function deleteIncident(transport, key) {
    return transport.call(INCIDENT_ENDPOINTS.delete, { incident: key });
}


/***/ }),

/***/ 97586:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ ConsoleBackend)
/* harmony export */ });
/* harmony import */ var _canarytokens_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17442);
/* harmony import */ var _incidents_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(60289);
/* harmony import */ var _secret_fields_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(97266);
/* harmony import */ var _records_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(27528);




/** The page's tokens as records, one at a time, letting go of each raw token once its record is made (the page is ours alone). */
function* records(tokens) {
    for (let index = 0; index < tokens.length; index++) {
        const token = tokens[index];
        tokens[index] = undefined;
        if (token)
            yield (0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .listedRecord */ .dg)(token);
    }
}
/**
 * The Canary Console as a backend: what both servers do, plus what only the
 * Console has (listing and search, memo updates; API keys, flocks and
 * incidents go through `transport` with their own endpoint modules).
 */
class ConsoleBackend {
    transport;
    origin;
    name = 'console';
    description;
    constructor(transport, 
    /** The Console's origin (for links to it: report-incidents). */
    origin) {
        this.transport = transport;
        this.origin = origin;
        this.description = `the Console at ${origin.origin}`;
    }
    async create(request, options = {}) {
        const pick = options.pickAmongSeveral;
        const answer = await (0,_canarytokens_js__WEBPACK_IMPORTED_MODULE_0__/* .createCanarytoken */ .U_)(this.transport, { ...request.params, kind: request.kind, memo: request.memo, flock_id: request.flockId }, request.files, {
            pickAmongSeveral: pick
                ? (tokens) => {
                    const chosen = pick(tokens.map(_records_js__WEBPACK_IMPORTED_MODULE_3__/* .tokenRecord */ .pr));
                    return tokens.find((token) => token.canarytoken === chosen.id) ?? tokens[0];
                }
                : undefined
        });
        return { ...(0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .tokenRecord */ .pr)(answer.canarytoken), answer: (0,_secret_fields_js__WEBPACK_IMPORTED_MODULE_2__/* .withoutSecretFields */ .Q)(answer) };
    }
    async fetch(token) {
        const answer = await (0,_canarytokens_js__WEBPACK_IMPORTED_MODULE_0__/* .fetchCanarytoken */ .YP)(this.transport, token.id);
        return { ...(0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .tokenRecord */ .pr)(answer.token), answer: (0,_secret_fields_js__WEBPACK_IMPORTED_MODULE_2__/* .withoutSecretFields */ .Q)(answer) };
    }
    download(token) {
        return (0,_canarytokens_js__WEBPACK_IMPORTED_MODULE_0__/* .downloadCanarytoken */ .UK)(this.transport, token.id);
    }
    async setAlerting(token, enabled) {
        await (enabled ? _canarytokens_js__WEBPACK_IMPORTED_MODULE_0__/* .enableCanarytoken */ .hH : _canarytokens_js__WEBPACK_IMPORTED_MODULE_0__/* .disableCanarytoken */ .Ib)(this.transport, token.id);
    }
    async delete(token, options = {}) {
        const answer = await (0,_canarytokens_js__WEBPACK_IMPORTED_MODULE_0__/* .deleteCanarytoken */ .XG)(this.transport, token.id, options.clearIncidents ?? false);
        return { alreadyDone: answer.alreadyDone === true };
    }
    /**
     * The token's incidents, acknowledged or not, in the Console's order
     * (oldest change first). The reference documents a `node_id` filter but
     * never says a token's node_id is its id, so the feed is narrowed by the
     * node_id a listing shows for the token (one search), and every incident
     * is kept only when its event names this token: right under both
     * readings. A token no listing shows (or shows without node_id) is looked
     * for in the whole feed.
     */
    async *incidents(token) {
        const nodeId = await this.nodeIdOf(token.id);
        for await (const page of this.incidentPages({ state: 'all', nodeId })) {
            for (const incident of page.incidents)
                if (incident.canarytoken === token.id)
                    yield incident;
        }
    }
    /** The node_id the Console's listing gives the token, if any (search by its id, a whole word of it). */
    async nodeIdOf(id) {
        const searchString = (0,_canarytokens_js__WEBPACK_IMPORTED_MODULE_0__/* .searchStringFor */ .Jv)(id);
        if (!searchString)
            return undefined;
        for await (const page of (0,_canarytokens_js__WEBPACK_IMPORTED_MODULE_0__/* .canarytokenPages */ .uB)(this.transport, { searchString })) {
            const found = page.canarytokens.find((candidate) => candidate.canarytoken === id);
            if (found)
                return typeof found.node_id === 'string' && found.node_id !== '' ? found.node_id : undefined;
        }
        return undefined;
    }
    /** Every page of a feed, Canarytoken incidents only (Canary incidents are counted and left out). */
    incidentPages(query) {
        return (0,_incidents_js__WEBPACK_IMPORTED_MODULE_1__/* .incidentPages */ .Hz)(this.transport, query);
    }
    async acknowledgeIncident(key) {
        await (0,_incidents_js__WEBPACK_IMPORTED_MODULE_1__/* .acknowledgeIncident */ .ZO)(this.transport, key);
    }
    async deleteIncident(key) {
        await (0,_incidents_js__WEBPACK_IMPORTED_MODULE_1__/* .deleteIncident */ .gv)(this.transport, key);
    }
    /** Replaces the memo; the reference documents the updated token in the answer, fetched when a Console leaves it out. */
    async updateMemo(token, memo) {
        const answer = await (0,_canarytokens_js__WEBPACK_IMPORTED_MODULE_0__/* .updateCanarytokenMemo */ .Hk)(this.transport, token.id, memo);
        return answer.token ? { ...(0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .tokenRecord */ .pr)(answer.token), answer: (0,_secret_fields_js__WEBPACK_IMPORTED_MODULE_2__/* .withoutSecretFields */ .Q)(answer) } : this.fetch(token);
    }
    /** Every page of tokens the Console can narrow to `query`; the caller filters further. */
    async *pages(query = {}) {
        for await (const page of (0,_canarytokens_js__WEBPACK_IMPORTED_MODULE_0__/* .canarytokenPages */ .uB)(this.transport, query))
            yield { tokens: records(page.canarytokens), page: page.page };
    }
    /** The tokens matching every option, each checked here too. */
    async find(options) {
        return (await (0,_canarytokens_js__WEBPACK_IMPORTED_MODULE_0__/* .findCanarytokens */ .yy)(this.transport, options)).map(_records_js__WEBPACK_IMPORTED_MODULE_3__/* .tokenRecord */ .pr);
    }
    close() {
        return this.transport.close();
    }
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
    return Number.isFinite(seconds) ? new Date(seconds * 1000) : undefined;
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
/** One value of a `name = value` line in an INI text. */
function iniValue(ini, name) {
    for (const line of ini.split(/\r?\n/)) {
        const match = /^\s*([A-Za-z_]+)\s*=\s*(.*?)\s*$/.exec(line);
        if (match?.[1] === name && match[2])
            return match[2];
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
/* harmony export */   c4: () => (/* binding */ isNotFound),
/* harmony export */   hD: () => (/* binding */ ApiError),
/* harmony export */   ny: () => (/* binding */ reasonWithAttempts),
/* harmony export */   r2: () => (/* binding */ removal)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(19473);

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
    const reason = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .g)(error).replace(/\.+$/, '');
    return error instanceof ApiError && error.attempts > 1 ? `${reason} (after ${error.attempts} attempts)` : reason;
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
/* unused harmony exports MAX_MEMO_LENGTH, characterCount, MAX_WEBHOOK_URL_LENGTH */
/* harmony import */ var _vendor_actions_core_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91194);
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
const SECRET_INPUTS = ['auth-token', 'aws-secret-key', 'aws-session-token', 'remove-auth-token', 'github-token', 'manage-auth', 'alert-webhook'];
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
/**
 * Characters as people (and Python's len(), which the Console checks with)
 * count them: code points, so an emoji is one, not the two UTF-16 units
 * `string.length` counts. Every length we check or report uses this.
 */
function characterCount(text) {
    return Array.from(text).length;
}
/** Refuses a memo (after its placeholders are filled) longer than the Console takes. */
function checkMemoLength(memo, where) {
    const length = characterCount(memo);
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
/** The longest webhook URL a Canarytokens server takes (constants.py MAX_WEBHOOK_URL_LENGTH). */
const MAX_WEBHOOK_URL_LENGTH = 1024;
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
    }
    return { email: email || undefined, webhook: webhook || undefined };
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

/***/ 93355:
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
// EXTERNAL MODULE: ./build/http/errors.js
var http_errors = __webpack_require__(42602);
;// CONCATENATED MODULE: ./build/backends/console/api-keys.js

/**
 * Global API keys and the API switch, on their current paths (the
 * `/api/v1/token/*` ones are deprecated).
 */
const API_KEY_ENDPOINTS = {
    // Not repeatable: a retried add could make a second key.
    add: { method: 'POST', path: '/api/v1/auth_token/add', repeatable: false },
    list: { method: 'GET', path: '/api/v1/auth_token/list', repeatable: true },
    // The reference's curl sends DELETE with a form body (-X DELETE -d); the transport does the same.
    remove: { method: 'DELETE', path: '/api/v1/auth_token/remove', repeatable: true },
    download: { method: 'GET', path: '/api/v1/auth_token/download', repeatable: true },
    enableApi: { method: 'POST', path: '/api/v1/settings/api/enable', repeatable: true },
    disableApi: { method: 'POST', path: '/api/v1/settings/api/disable', repeatable: true }
};
function addApiKey(transport, authTokenType, note) {
    return transport.call(API_KEY_ENDPOINTS.add, { auth_token_type: authTokenType, note });
}
function listApiKeys(transport) {
    return transport.call(API_KEY_ENDPOINTS.list);
}
function removeApiKey(transport, keyId) {
    return (0,http_errors/* removal */.r2)(transport.call(API_KEY_ENDPOINTS.remove, { key_id: keyId }));
}
/** The key's configuration file for Thinkst's Python client: a credential. */
function downloadApiKey(transport, keyId) {
    return transport.download(API_KEY_ENDPOINTS.download, { key_id: keyId });
}
function enableApi(transport) {
    return transport.call(API_KEY_ENDPOINTS.enableApi);
}
function disableApi(transport) {
    return transport.call(API_KEY_ENDPOINTS.disableApi);
}

;// CONCATENATED MODULE: ./build/backends/console/flock-api-keys.js

const FLOCK_API_KEY_ENDPOINTS = {
    // Not repeatable: a retried add could make a second key.
    add: { method: 'POST', path: '/api/v1/flock/auth_token/add', repeatable: false },
    list: { method: 'GET', path: '/api/v1/flock/auth_token/list', repeatable: true },
    // Documented as POST, but its curl example adds -G (query string). We send a
    // form body, as for every POST: the key being removed is a credential and
    // must not travel in a URL, where logs and proxies keep it.
    remove: { method: 'POST', path: '/api/v1/flock/auth_token/remove', repeatable: true }
};
/** `authTokenType` is optional: the Console picks its default when it is left out. */
function addFlockApiKey(transport, flockId, note, authTokenType) {
    return transport.call(FLOCK_API_KEY_ENDPOINTS.add, { flock_id: flockId, note, auth_token_type: authTokenType });
}
function listFlockApiKeys(transport, flockId) {
    return transport.call(FLOCK_API_KEY_ENDPOINTS.list, { flock_id: flockId });
}
/** Flock keys are removed by the key itself, not by key id. */
function removeFlockApiKey(transport, removeAuthToken) {
    return (0,http_errors/* removal */.r2)(transport.call(FLOCK_API_KEY_ENDPOINTS.remove, { remove_auth_token: removeAuthToken }));
}

// EXTERNAL MODULE: ./build/secrets.js
var secrets = __webpack_require__(5009);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./build/publish/files.js
var publish_files = __webpack_require__(90263);
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
        return await (0,publish_files/* resolveInside */.LI)(runnerTemp, DEFAULT_FOLDER, 'path');
    }
    catch {
        throw new errors/* InputError */.d(`The default download folder ${(0,external_node_path_.join)(runnerTemp, DEFAULT_FOLDER)} leads outside RUNNER_TEMP (a symlink?); set 'path' to a folder in the workspace.`);
    }
}
async function parseFileOptions(inputs, env) {
    const userPath = inputs.get('path');
    const directory = userPath ? await (0,publish_files/* resolveInside */.LI)(env.workspace, userPath, 'path') : await defaultDirectory(env.runnerTemp);
    const filename = inputs.get('filename') ? (0,publish_files/* checkUserFilename */.tC)(inputs.get('filename'), 'filename') : undefined;
    if (filename)
        await (0,publish_files/* checkWritableTarget */.cA)((0,external_node_path_.join)(directory, filename), userPath ? `${userPath}/${filename}` : (0,external_node_path_.join)(directory, filename), 'filename');
    const artifact = parseArtifactOptions(inputs, env);
    return artifact ? { directory, filename, artifact } : { directory, filename };
}
/** `artifact-name` and `retention-days`, checked; `undefined` when no artifact is asked for. */
function parseArtifactOptions(inputs, env) {
    const artifactName = inputs.get('artifact-name');
    const retentionDays = (0,build_inputs/* integerInput */.$A)(inputs, 'retention-days', { min: 1, max: 90 });
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
    const name = options.filename ?? (0,publish_files/* safeFilename */.bj)(download.filename, fallbackName);
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
            (0,secrets/* registerCredentialText */.SF)(content.toString('utf8'));
        const path = await (0,publish_files/* writeFileAtomically */.lo)(options.directory, name, content, { private: true });
        return { path, serverFilename: download.filename, bytes: content.length };
    }
    const path = await (0,publish_files/* writeFileAtomically */.lo)(options.directory, name, download.body);
    return { path, serverFilename: download.filename, bytes: (await (0,promises_.stat)(path)).size };
}
function artifactRequest(options, files) {
    if (!options.artifact)
        return undefined;
    return { name: options.artifact.name, retentionDays: options.artifact.retentionDays, files, rootDirectory: options.directory };
}

// EXTERNAL MODULE: ./build/operations/outcomes.js
var operations_outcomes = __webpack_require__(68734);
// EXTERNAL MODULE: ./build/operations/types.js
var types = __webpack_require__(71578);
;// CONCATENATED MODULE: ./build/operations/api-keys.js











/** The key types the Console accepts, spelled as the reference spells them. */
const GLOBAL_API_KEY_TYPES = ['read-only', 'analyst', 'admin'];
const FLOCK_API_KEY_TYPES = ['read-only', 'canarytoken-deploy', 'breadcrumb-deploy', 'analyst', 'admin'];
const NEW_KEY_OUTPUTS = ['key-id', 'api-key', 'auth-token-type', 'note'];
const LIST_OUTPUTS = ['api-keys', 'count'];
/** What the Python client's configuration file is called when the Console names it nothing usable. */
const API_KEY_FILE_FALLBACK = 'canarytools.config';
/** `auth-token-type`, checked against the types this kind of key may have; undefined when not given. */
function keyTypeInput(inputs, allowed, keyKind) {
    const given = inputs.get('auth-token-type');
    if (given === '')
        return undefined;
    // Case does not matter: the Console itself answers 'Admin' for a key made as 'admin'.
    const value = allowed.find((type) => type.toLowerCase() === given.toLowerCase());
    if (value === undefined) {
        throw new errors/* InputError */.d((0,near_miss/* unknownNameMessage */.lG)('auth-token-type', given, `a ${keyKind} type`, allowed));
    }
    return value;
}
function api_keys_text(value) {
    return value === undefined || value === null ? '' : String(value);
}
/** Never the token: a summary is read by everyone with access to the run. */
function keysSummary(heading, keys, notes) {
    return {
        heading,
        columns: ['Key id', 'Type', 'Note', 'Created', 'Created by'],
        rows: keys.map((key) => [api_keys_text(key.key_id), api_keys_text(key.auth_token_type), api_keys_text(key.note), api_keys_text(key.created), api_keys_text(key.created_by)]),
        notes
    };
}
/**
 * Checks that the Console really handed over a key, and masks it. The
 * transport masked every `auth_token` already; registering it here too
 * keeps this guarantee next to the output that carries the key.
 */
function newKey(key, field) {
    if (!key || typeof key.auth_token !== 'string' || key.auth_token === '' || typeof key.key_id !== 'string') {
        throw new Error(`the Console answered "success" without a ${field} holding a key_id and an auth_token; list the keys to see whether one was added`);
    }
    (0,secrets/* registerSecret */.cl)(key.auth_token);
    return key;
}
function newKeyResult(key, heading) {
    return {
        outputs: { 'key-id': key.key_id, 'api-key': key.auth_token, 'auth-token-type': key.auth_token_type, note: key.note },
        summary: keysSummary(heading, [key], [
            'The new key is in the step output api-key (masked in logs): store it as a secret, e.g. with gh secret set.'
        ])
    };
}
/** Listed keys for the `api-keys` output: without their tokens unless the user asked for them. */
function listedKeys(keys, includeSecrets) {
    if (includeSecrets)
        return [...keys];
    return keys.map((key) => (0,secrets/* withoutSecretFields */.Qw)(Object.fromEntries(Object.entries(key).filter(([field]) => field !== 'auth_token'))));
}
function keyList(keys, field) {
    if (!Array.isArray(keys))
        throw new Error(`the Console answered "success" without the ${field} list`);
    return keys;
}
function listResult(keys, includeSecrets, heading) {
    const outputs = { 'api-keys': JSON.stringify(listedKeys(keys, includeSecrets)), count: keys.length };
    return { outputs, summary: { ...keysSummary(heading, keys), empty: 'No API keys.' } };
}
const addApiKeyOperation = (0,types/* defineOperation */.h9)({
    name: 'add-api-key',
    description: 'Creates a Global API key (`auth-token-type`: read-only, analyst or admin) and gives it as the output `api-key`, masked, for the next step to store.',
    backends: types/* CONSOLE_ONLY */.bR,
    backendNote: 'a Canarytokens server has no accounts and no API keys (each token has its own manage auth)',
    requires: ['auth-token-type', 'note'],
    accepts: [],
    outputs: NEW_KEY_OUTPUTS,
    parse(inputs) {
        const authTokenType = keyTypeInput(inputs, GLOBAL_API_KEY_TYPES, 'Global API key');
        // `requires` has caught this already when main runs; kept so parse alone never sends an empty type.
        if (!authTokenType)
            throw new errors/* InputError */.d("Operation 'add-api-key' needs input 'auth-token-type'.");
        return { authTokenType, note: inputs.get('note') };
    },
    async run({ authTokenType, note }, context) {
        const answer = await addApiKey((0,types/* consoleOf */.Fl)(context).transport, authTokenType, note);
        const key = newKey(answer.global_api_key, 'global_api_key');
        context.log.info(`Added Global API key ${key.key_id} (${api_keys_text(key.auth_token_type) || authTokenType}).`);
        return newKeyResult(key, 'Added Global API key');
    }
});
const listApiKeysOperation = (0,types/* defineOperation */.h9)({
    name: 'list-api-keys',
    description: 'Lists the Global API keys as JSON, without their tokens unless `include-secrets: true`.',
    backends: types/* CONSOLE_ONLY */.bR,
    backendNote: 'a Canarytokens server has no accounts and no API keys (each token has its own manage auth)',
    requires: [],
    accepts: ['include-secrets'],
    outputs: LIST_OUTPUTS,
    parse: (inputs) => ({ includeSecrets: (0,build_inputs/* booleanInput */.tE)(inputs, 'include-secrets') }),
    async run({ includeSecrets }, context) {
        const keys = keyList((await listApiKeys((0,types/* consoleOf */.Fl)(context).transport)).global_api_keys, 'global_api_keys');
        context.log.info(`Listed ${keys.length} Global API key${keys.length === 1 ? '' : 's'}.`);
        return listResult(keys, includeSecrets, 'Global API keys');
    }
});
const removeApiKeyOperation = (0,types/* defineOperation */.h9)({
    name: 'remove-api-key',
    description: 'Deletes a Global API key by its `key-id`: anything still using it gets 401 from then on.',
    backends: types/* CONSOLE_ONLY */.bR,
    backendNote: 'a Canarytokens server has no accounts and no API keys (each token has its own manage auth)',
    requires: ['key-id'],
    accepts: [],
    outputs: ['key-id', 'response'],
    parse: (inputs) => ({ keyId: inputs.get('key-id') }),
    async run({ keyId }, context) {
        const { alreadyDone, ...answer } = await removeApiKey((0,types/* consoleOf */.Fl)(context).transport, keyId);
        context.log.info(`Removed Global API key ${keyId}${(0,operations_outcomes/* alreadyDoneSuffix */.wQ)(alreadyDone)}.`);
        return {
            outputs: { 'key-id': keyId, response: alreadyDone ? undefined : JSON.stringify((0,secrets/* withoutSecretFields */.Qw)(answer)) },
            summary: { heading: 'Removed Global API key', columns: ['Key id'], rows: [[keyId]], notes: (0,operations_outcomes/* alreadyDoneNotes */.eQ)(alreadyDone) }
        };
    }
});
const downloadApiKeyOperation = (0,types/* defineOperation */.h9)({
    name: 'download-api-key',
    description: "Writes a Global API key's configuration file for Thinkst's Python client into `path` (owner-only, masked); uploads it with `artifact-name`.",
    backends: types/* CONSOLE_ONLY */.bR,
    backendNote: 'a Canarytokens server has no accounts and no API keys (each token has its own manage auth)',
    requires: ['key-id'],
    accepts: FILE_INPUTS,
    outputs: ['key-id', 'file-path', 'artifact-id', 'artifact-name'],
    parse: async (inputs, env) => ({ keyId: inputs.get('key-id'), file: await parseFileOptions(inputs, env) }),
    async run({ keyId, file }, context) {
        // The file holds the key: masked line by line and written owner-only.
        const saved = await saveDownload(await downloadApiKey((0,types/* consoleOf */.Fl)(context).transport, keyId), file, API_KEY_FILE_FALLBACK, true);
        if (saved.serverFilename && (0,external_node_path_.basename)(saved.path) !== saved.serverFilename) {
            context.log.info(`The Console named the file '${saved.serverFilename}'; saved as '${(0,external_node_path_.basename)(saved.path)}'.`);
        }
        context.log.info(`Wrote the configuration file of key ${keyId} (${saved.bytes} bytes) to ${saved.path}`);
        return {
            outputs: { 'key-id': keyId, 'file-path': saved.path },
            summary: {
                heading: 'Downloaded Global API key configuration',
                columns: ['Key id', 'File'],
                rows: [[keyId, saved.path]],
                notes: ['The file holds the key: it is readable by its owner only. Do not commit it or upload it anywhere public.']
            },
            artifact: artifactRequest(file, [saved.path])
        };
    }
});
/** The real Console takes enable only while the API is on; once off, only its Global Settings page turns it on. */
const API_OFF_HINT = "If the Console's API is turned off, only its Global Settings page can turn it back on.";
const enableApiOperation = (0,types/* defineOperation */.h9)({
    name: 'enable-api',
    description: "Turns on the Console's API.",
    backends: types/* CONSOLE_ONLY */.bR,
    backendNote: 'a Canarytokens server has no accounts and no API keys (each token has its own manage auth)',
    requires: [],
    accepts: [],
    outputs: ['response'],
    parse: () => ({}),
    async run(_params, context) {
        let answer;
        try {
            answer = await enableApi((0,types/* consoleOf */.Fl)(context).transport);
        }
        catch (error) {
            if (error instanceof http_errors/* ApiError */.hD && error.failure === 'unauthorized') {
                throw new http_errors/* ApiError */.hD(`${error.message} ${API_OFF_HINT}`, error.failure, error.status, error.serverMessage, error.attempts);
            }
            throw error;
        }
        context.log.info("Turned on the Console's API.");
        return {
            outputs: { response: JSON.stringify((0,secrets/* withoutSecretFields */.Qw)(answer)) },
            summary: { heading: 'Console API', columns: ['API'], rows: [['enabled']] }
        };
    }
});
const disableApiOperation = (0,types/* defineOperation */.h9)({
    name: 'disable-api',
    description: "Turns off the Console's API: every key, this one included, stops working. Runs only with `confirm: disable-api`.",
    backends: types/* CONSOLE_ONLY */.bR,
    backendNote: 'a Canarytokens server has no accounts and no API keys (each token has its own manage auth)',
    requires: [],
    accepts: ['confirm'],
    outputs: ['response'],
    parse(inputs) {
        const confirm = inputs.get('confirm');
        if (confirm !== 'disable-api') {
            throw new errors/* InputError */.d(`Operation 'disable-api' turns off the API for the whole Console: every API key stops working, and turning it back on may need the Console's Global Settings page. Set input 'confirm: disable-api' to run it${confirm ? `; 'confirm' is '${confirm}'` : ''}.`);
        }
        return {};
    },
    async run(_params, context) {
        const answer = await disableApi((0,types/* consoleOf */.Fl)(context).transport);
        context.log.warning("Turned off the Console's API: every API key now gets refused until it is turned on again.");
        return {
            outputs: { response: JSON.stringify((0,secrets/* withoutSecretFields */.Qw)(answer)) },
            summary: { heading: 'Console API', columns: ['API'], rows: [['disabled']], notes: [API_OFF_HINT] }
        };
    }
});
const addFlockApiKeyOperation = (0,types/* defineOperation */.h9)({
    name: 'add-flock-api-key',
    description: 'Creates a Flock API key for `flock-id` (optional `auth-token-type`: read-only, canarytoken-deploy, breadcrumb-deploy, analyst, admin) and gives it as the output `api-key`, masked.',
    backends: types/* CONSOLE_ONLY */.bR,
    backendNote: 'a Canarytokens server has no accounts and no API keys (each token has its own manage auth)',
    requires: ['flock-id', 'note'],
    accepts: ['auth-token-type'],
    outputs: NEW_KEY_OUTPUTS,
    parse: (inputs) => ({
        flockId: (0,build_inputs/* flockIdInput */.Rq)(inputs),
        note: inputs.get('note'),
        authTokenType: keyTypeInput(inputs, FLOCK_API_KEY_TYPES, 'Flock API key')
    }),
    async run({ flockId, note, authTokenType }, context) {
        const answer = await addFlockApiKey((0,types/* consoleOf */.Fl)(context).transport, flockId, note, authTokenType);
        const key = newKey(answer.flock_api_key, 'flock_api_key');
        context.log.info(`Added Flock API key ${key.key_id} (${api_keys_text(key.auth_token_type) || 'default type'}) for ${flockId}.`);
        return newKeyResult(key, `Added Flock API key for ${flockId}`);
    }
});
const listFlockApiKeysOperation = (0,types/* defineOperation */.h9)({
    name: 'list-flock-api-keys',
    description: "Lists a flock's API keys as JSON, without their tokens unless `include-secrets: true`.",
    backends: types/* CONSOLE_ONLY */.bR,
    backendNote: 'a Canarytokens server has no accounts and no API keys (each token has its own manage auth)',
    requires: ['flock-id'],
    accepts: ['include-secrets'],
    outputs: LIST_OUTPUTS,
    parse: (inputs) => ({ flockId: (0,build_inputs/* flockIdInput */.Rq)(inputs), includeSecrets: (0,build_inputs/* booleanInput */.tE)(inputs, 'include-secrets') }),
    async run({ flockId, includeSecrets }, context) {
        const keys = keyList((await listFlockApiKeys((0,types/* consoleOf */.Fl)(context).transport, flockId)).flock_api_keys, 'flock_api_keys');
        context.log.info(`Listed ${keys.length} Flock API key${keys.length === 1 ? '' : 's'} of ${flockId}.`);
        return listResult(keys, includeSecrets, `Flock API keys of ${flockId}`);
    }
});
const removeFlockApiKeyOperation = (0,types/* defineOperation */.h9)({
    name: 'remove-flock-api-key',
    description: 'Deletes a Flock API key, named by the key itself (`remove-auth-token`, from a secret; masked).',
    backends: types/* CONSOLE_ONLY */.bR,
    backendNote: 'a Canarytokens server has no accounts and no API keys (each token has its own manage auth)',
    requires: ['remove-auth-token'],
    accepts: [],
    outputs: ['response'],
    parse: (inputs) => ({ removeAuthToken: inputs.get('remove-auth-token') }),
    async run({ removeAuthToken }, context) {
        const { alreadyDone, ...answer } = await removeFlockApiKey((0,types/* consoleOf */.Fl)(context).transport, removeAuthToken);
        context.log.info(`Removed the Flock API key${(0,operations_outcomes/* alreadyDoneSuffix */.wQ)(alreadyDone)}.`);
        return {
            outputs: { response: alreadyDone ? undefined : JSON.stringify((0,secrets/* withoutSecretFields */.Qw)(answer)) },
            summary: {
                heading: 'Removed Flock API key',
                columns: ['Key', 'Result'],
                rows: [['the key given in remove-auth-token', 'removed']],
                notes: (0,operations_outcomes/* alreadyDoneNotes */.eQ)(alreadyDone)
            }
        };
    }
});
const API_KEY_OPERATIONS = [
    addApiKeyOperation,
    listApiKeysOperation,
    removeApiKeyOperation,
    downloadApiKeyOperation,
    enableApiOperation,
    disableApiOperation,
    addFlockApiKeyOperation,
    listFlockApiKeysOperation,
    removeFlockApiKeyOperation
];

// EXTERNAL MODULE: ./build/backends/console/canarytokens.js
var canarytokens = __webpack_require__(17442);
// EXTERNAL MODULE: ./build/operations/kinds.js
var kinds = __webpack_require__(59240);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./build/backends/console/index.js
var backends_console = __webpack_require__(97586);
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
    if (!(backend instanceof backends_console/* ConsoleBackend */.O))
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
/** The unknown placeholder names in `template` (checked before any request). */
function unknownPlaceholders(template) {
    return [...template.matchAll(PLACEHOLDER)].map((match) => match[1]).filter((name) => !isPlaceholder(name));
}
/**
 * Fills the placeholders of a memo. `where` names the input or manifest
 * entry for the error. An unknown placeholder, or one this run has no value
 * for, is an InputError naming it: a memo must never say less than asked.
 */
function renderMemo(template, context, where) {
    const unknown = unknownPlaceholders(template);
    if (unknown.length > 0) {
        throw new errors/* InputError */.d(`${where} uses the unknown placeholder${unknown.length > 1 ? 's' : ''} ${unknown.map((name) => `{${name}}`).join(', ')}; known: ${MEMO_PLACEHOLDERS.map((name) => `{${name}}`).join(', ')}.`);
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
    return (0,build_inputs/* checkMemoLength */.jR)(renderMemo(inputs.get('memo'), context, "Input 'memo'"), "Input 'memo'");
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
    if (reuse && (0,build_inputs/* chosenBackend */.fn)(inputs) === 'canarytokens-server')
        throw new errors/* InputError */.d(NO_REUSE_ON_SERVER);
}
const FILE_OUTPUTS = ['file-path', 'artifact-id', 'artifact-name'];
const AWS_ID_OUTPUTS = ['access-key-id', 'secret-access-key'];
/** The Console parameters that have inputs of their own (so `extra-params` may not set them). */
const NAMED_PARAMETERS = new Set([...build_inputs/* INPUT_NAMES */.Qh.map(build_inputs/* consoleParameter */.RY), 'exe', 'doc', 'pdf']);
/** Outputs describing a token. Secret fields never go to `token` or `response`; aws-id keys have outputs of their own. */
function tokenOutputs(token, response = token.answer) {
    // The token's own key and the page that holds it: masked before they can be printed (the outputs carry them).
    (0,secrets/* registerSecret */.cl)(token.manageAuth);
    (0,secrets/* registerSecret */.cl)(token.manageUrl);
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
        response: response === undefined ? undefined : JSON.stringify((0,secrets/* withoutSecretFields */.Qw)(response))
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
    if (!(0,kinds/* isKnownKind */.mT)(kind, backend)) {
        throw new errors/* InputError */.d((0,kinds/* unknownKindMessage */.O3)(kind, backend));
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
    const rule = (0,kinds/* kindRuleOn */.gZ)(kind, backend);
    const onServer = backend === 'canarytokens-server';
    for (const [input, why] of Object.entries(kinds/* REFUSED_INPUTS */.j$)) {
        if (inputs.get(input))
            throw new errors/* InputError */.d(why);
    }
    for (const input of rule.requires ?? []) {
        if (!inputs.get(input))
            throw new errors/* InputError */.d(`Kind '${kind}' needs input '${input}'.`);
    }
    for (const [input, owners] of (0,kinds/* kindSpecificInputs */.As)(backend)) {
        if (inputs.get(input) && !owners.includes(kind)) {
            throw new errors/* InputError */.d(`Input '${input}' applies to kind ${owners.map((owner) => `'${owner}'`).join(' or ')} only, not '${kind}'.`);
        }
    }
    if (onServer) {
        // Inputs the Console's kinds take that a Canarytokens server has no use for.
        const consoleOnly = [...(0,kinds/* kindSpecificInputs */.As)('console').keys()].filter((input) => !(0,kinds/* kindSpecificInputs */.As)(backend).has(input));
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
        const given = kinds/* AWS_AUTOMATION_INPUTS */.qQ.filter((input) => inputs.get(input));
        if (inputs.get('aws-session-token') && given.length === 0) {
            throw new errors/* InputError */.d(`Input 'aws-session-token' goes with temporary AWS credentials: set ${kinds/* AWS_AUTOMATION_INPUTS */.qQ.join(', ')} too.`);
        }
        if (given.length > 0 && given.length < kinds/* AWS_AUTOMATION_INPUTS */.qQ.length) {
            const missing = kinds/* AWS_AUTOMATION_INPUTS */.qQ.filter((input) => !inputs.get(input));
            throw new errors/* InputError */.d(`Kind 'aws-s3' with AWS automation needs ${kinds/* AWS_AUTOMATION_INPUTS */.qQ.join(', ')}; missing: ${missing.join(', ')}.`);
        }
    }
    const files = {};
    if (rule.upload) {
        const userPath = inputs.get(rule.upload.input);
        if (userPath)
            files[rule.upload.part] = await (0,publish_files/* readableFileInside */.RX)(env.workspace, userPath, rule.upload.input, onServer ? MAX_SERVER_UPLOAD_BYTES : MAX_UPLOAD_BYTES);
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
    return Object.fromEntries(names.filter((name) => inputs.get(name)).map((name) => [(0,build_inputs/* consoleParameter */.RY)(name), inputs.get(name)]));
}
/** The kind-specific inputs that become plain create parameters. */
const CREATE_PARAMETER_INPUTS = ['flock-id', ...build_inputs/* PLAIN_CREATE_INPUTS */.g5];
/** Every input that describes "a token to create" (besides kind and memo): create takes them all, a seed manifest entry most. */
const TOKEN_REQUEST_INPUTS = [
    ...CREATE_PARAMETER_INPUTS,
    // Read only to be refused with the reason (checkKindRules), not ignored with a warning.
    ...Object.keys(kinds/* REFUSED_INPUTS */.j$),
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
async function parseTokenRequest(inputs, memo, env, backend = (0,build_inputs/* chosenBackend */.fn)(inputs)) {
    const kind = requireKind(inputs, backend);
    if (backend === 'canarytokens-server')
        return parseServerTokenRequest(kind, inputs, memo, env);
    (0,build_inputs/* flockIdInput */.Rq)(inputs);
    const extra = await (0,build_inputs/* extraParamsInput */.dU)(inputs, NAMED_PARAMETERS);
    const files = await checkKindRules(kind, inputs, extra, env);
    const browserScanner = (0,build_inputs/* optionalBoolean */.Jz)(inputs, 'browser-scanner-enabled');
    const { flock_id: flockId, ...params } = { ...extra, ...namedParams(inputs, CREATE_PARAMETER_INPUTS) };
    if (browserScanner !== undefined)
        params.browser_scanner_enabled = browserScanner;
    return { kind, memo, flockId: typeof flockId === 'string' ? flockId : undefined, params, files };
}
/** Refuses a memo longer than a Canarytokens server takes (it counts characters as Python does: code points). */
function checkServerMemoLength(memo, where) {
    const length = Array.from(memo).length;
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
    const extra = await (0,build_inputs/* extraParamsInput */.dU)(inputs, NAMED_PARAMETERS);
    const files = await checkKindRules(kind, inputs, extra, env, 'canarytokens-server');
    const params = { ...extra };
    for (const [input, parameter] of Object.entries(kinds/* SERVER_PARAMETERS */.V1)) {
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
    if ((0,kinds/* isKnownKind */.mT)(kind, backend) && !(0,kinds/* kindRuleOn */.gZ)(kind, backend).file) {
        throw new errors/* InputError */.d(`Kind '${kind}' has no file to download${backend === 'console' ? '' : ' on a Canarytokens server'}; ${what} works with ${(0,kinds/* fileKindsOn */.bU)(backend).join(', ')}.`);
    }
}
async function downloadInto(token, options, context) {
    const kind = token.kind;
    const backend = context.backend.name;
    const credentials = (0,kinds/* isKnownKind */.mT)(kind, backend) && (0,kinds/* kindRuleOn */.gZ)(kind, backend).credentials === true;
    const saved = await saveDownload(await context.backend.download(token), options, `canarytoken-${token.id}`, credentials);
    if (saved.serverFilename && (0,external_node_path_.basename)(saved.path) !== saved.serverFilename) {
        context.log.info(`${backend === 'console' ? 'The Console' : 'The server'} named the file '${saved.serverFilename}'; saved as '${(0,external_node_path_.basename)(saved.path)}'.`);
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
const createOperation = (0,types/* defineOperation */.h9)({
    name: 'create-canarytoken',
    description: 'Mints a Canarytoken of any kind (`memo` may use placeholders such as `{repository}`); `reuse: true` returns an existing token with the same kind, memo and flock instead; with `download: true` also writes its file (and uploads it with `artifact-name`).',
    backends: types/* EVERY_BACKEND */.Jn,
    requires: ['kind', 'memo'],
    accepts: [...TOKEN_REQUEST_INPUTS, 'download', ...FILE_INPUTS, 'reuse', 'alert-email', 'alert-webhook'],
    outputs: [...TOKEN_OUTPUTS, 'reused', ...FILE_OUTPUTS, ...AWS_ID_OUTPUTS],
    async parse(inputs, env) {
        const backend = (0,build_inputs/* chosenBackend */.fn)(inputs);
        const reuse = (0,build_inputs/* booleanInput */.tE)(inputs, 'reuse');
        refuseReuseOnServer(inputs, reuse);
        (0,build_inputs/* requireAlertTarget */.Jj)(inputs, 'create-canarytoken');
        const request = await parseTokenRequest(inputs, memoInput(inputs), env, backend);
        const kind = request.kind;
        const download = (0,build_inputs/* booleanInput */.tE)(inputs, 'download');
        if (download)
            refuseKindWithoutFile(kind, "'download: true'", backend);
        if (!download)
            refuseFileInputsWithoutDownload(inputs);
        const options = download ? await parseFileOptions(inputs, env) : undefined;
        // Kinds whose file always has the same name: that target is checked now too, before the token is made.
        const fixedName = FIXED_FILE_NAMES[kind];
        if (options && !options.filename && fixedName)
            await (0,publish_files/* checkWritableTarget */.cA)((0,external_node_path_.join)(options.directory, fixedName), fixedName, 'path');
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
    return { canarytoken: inputs.get('canarytoken'), manageAuth: inputs.get('manage-auth') || undefined };
}
/** The token as the backend is told about it. */
function refOf({ canarytoken, manageAuth }) {
    return manageAuth ? { id: canarytoken, manageAuth } : { id: canarytoken };
}
const fetchOperation = (0,types/* defineOperation */.h9)({
    name: 'fetch-canarytoken',
    description: 'Reads one Canarytoken: its memo, hostname, URL, kind and state.',
    backends: types/* EVERY_BACKEND */.Jn,
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
const updateOperation = (0,types/* defineOperation */.h9)({
    name: 'update-canarytoken',
    description: "Replaces a Canarytoken's memo.",
    backends: types/* CONSOLE_ONLY */.bR,
    backendNote: "a Canarytokens server cannot change a token's memo (its /edit route edits AWS infrastructure tokens only)",
    requires: ['canarytoken', 'memo'],
    accepts: [],
    outputs: TOKEN_OUTPUTS,
    parse: (inputs) => ({ ...parseCanarytoken(inputs), memo: memoInput(inputs) }),
    async run({ canarytoken, memo }, context) {
        const token = await (0,types/* consoleOf */.Fl)(context).updateMemo({ id: canarytoken }, memo);
        context.log.info(`Updated the memo of ${canarytoken}.`);
        return { outputs: tokenOutputs(token), summary: tokenSummary('Updated Canarytoken memo', token) };
    }
});
/** enable/disable share a shape: change the state, then read the token back to report it. */
function stateOperation(name, description, enabled, heading) {
    return (0,types/* defineOperation */.h9)({
        name,
        description,
        backends: types/* EVERY_BACKEND */.Jn,
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
const deleteOperation = (0,types/* defineOperation */.h9)({
    name: 'delete-canarytoken',
    description: 'Deletes a Canarytoken; `clear-incidents: true` also clears its incidents (the Console refuses otherwise; a Canarytokens server deletes the history with the token).',
    backends: types/* EVERY_BACKEND */.Jn,
    requires: ['canarytoken'],
    accepts: ['clear-incidents'],
    outputs: ['canarytoken', 'response'],
    parse: (inputs) => {
        const clearIncidents = (0,build_inputs/* booleanInput */.tE)(inputs, 'clear-incidents');
        if (clearIncidents && (0,build_inputs/* chosenBackend */.fn)(inputs) === 'canarytokens-server') {
            throw new errors/* InputError */.d("Input 'clear-incidents' is the Console's: a Canarytokens server deletes a token's history with the token. Remove it.");
        }
        return { ...parseCanarytoken(inputs), clearIncidents };
    },
    async run(params, context) {
        const { canarytoken, clearIncidents } = params;
        const { alreadyDone } = await context.backend.delete(refOf(params), { clearIncidents });
        context.log.info(`Deleted ${canarytoken}${(0,operations_outcomes/* alreadyDoneSuffix */.wQ)(alreadyDone)}.`);
        return {
            // What the server answered a delete with (the Console: result success; a Canarytokens server: message success).
            outputs: { canarytoken, response: alreadyDone ? undefined : JSON.stringify(context.backend.name === 'console' ? { result: 'success' } : { message: 'success' }) },
            summary: {
                heading: 'Deleted Canarytoken',
                columns: ['Canarytoken', 'Incidents cleared'],
                rows: [[canarytoken, String(clearIncidents)]],
                notes: (0,operations_outcomes/* alreadyDoneNotes */.eQ)(alreadyDone)
            }
        };
    }
});
const downloadOperation = (0,types/* defineOperation */.h9)({
    name: 'download-canarytoken',
    description: "Writes a Canarytoken's file (document, PDF, credentials, ...) into `path`; uploads it with `artifact-name`.",
    backends: types/* EVERY_BACKEND */.Jn,
    requires: ['canarytoken'],
    accepts: FILE_INPUTS,
    outputs: [...TOKEN_OUTPUTS, ...FILE_OUTPUTS],
    parse: async (inputs, env) => ({ ...parseCanarytoken(inputs), file: await parseFileOptions(inputs, env) }),
    async run({ file, ...params }, context) {
        // Fetching first tells us the kind, so a credential file is masked as one.
        const token = await context.backend.fetch(refOf(params));
        // A kind the server cannot make a file for: say so, without sending a download it will refuse.
        refuseKindWithoutFile(token.kind, 'download-canarytoken', context.backend.name);
        if (context.backend.name === 'canarytokens-server' && (0,kinds/* isKnownKind */.mT)(token.kind, 'canarytokens-server') && (0,kinds/* kindRule */.pm)(token.kind).server?.answerOnly) {
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
const removeS3Operation = (0,types/* defineOperation */.h9)({
    name: 'remove-s3-canarytoken',
    description: 'Removes an AWS S3 Canarytoken from your AWS account (optionally deleting its buckets).',
    backends: types/* CONSOLE_ONLY */.bR,
    backendNote: 'a Canarytokens server makes no AWS S3 tokens',
    requires: ['canarytoken', 'aws-access-key', 'aws-secret-key', 'aws-region'],
    accepts: ['aws-session-token', 'delete-buckets', 's3-source-bucket'],
    outputs: ['canarytoken', 'response'],
    parse(inputs) {
        const deleteBuckets = (0,build_inputs/* booleanInput */.tE)(inputs, 'delete-buckets');
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
        const { alreadyDone, ...answer } = await (0,canarytokens/* removeS3Canarytoken */.W4)((0,types/* consoleOf */.Fl)(context).transport, {
            canarytoken: params.canarytoken,
            aws_access_key: params.awsAccessKey,
            aws_secret_key: params.awsSecretKey,
            aws_region: params.awsRegion,
            aws_session_token: params.awsSessionToken,
            delete_buckets: params.deleteBuckets || undefined,
            s3_source_bucket: params.s3SourceBucket
        });
        context.log.info(`Removed the AWS S3 Canarytoken ${params.canarytoken}${(0,operations_outcomes/* alreadyDoneSuffix */.wQ)(alreadyDone)}.`);
        return {
            outputs: { canarytoken: params.canarytoken, response: alreadyDone ? undefined : JSON.stringify((0,secrets/* withoutSecretFields */.Qw)(answer)) },
            summary: {
                heading: 'Removed AWS S3 Canarytoken',
                columns: ['Canarytoken', 'Region', 'Buckets deleted'],
                rows: [[params.canarytoken, params.awsRegion, String(params.deleteBuckets)]],
                notes: (0,operations_outcomes/* alreadyDoneNotes */.eQ)(alreadyDone)
            }
        };
    }
});
const deleteApeeperOperation = (0,types/* defineOperation */.h9)({
    name: 'delete-apeeper-factory',
    description: 'Deletes an Apeeper Canarytoken factory by its hash.',
    backends: types/* CONSOLE_ONLY */.bR,
    backendNote: 'a Canarytokens server has no Canarytoken factories',
    requires: ['hash'],
    accepts: [],
    outputs: ['response'],
    parse: (inputs) => ({ hash: inputs.get('hash') }),
    async run({ hash }, context) {
        const { alreadyDone, ...answer } = await (0,canarytokens/* deleteApeeperFactory */.o8)((0,types/* consoleOf */.Fl)(context).transport, hash);
        context.log.info(`Deleted the Apeeper factory ${hash}${(0,operations_outcomes/* alreadyDoneSuffix */.wQ)(alreadyDone)}.`);
        return {
            outputs: { response: alreadyDone ? undefined : JSON.stringify(answer) },
            summary: { heading: 'Deleted Apeeper factory', columns: ['Hash'], rows: [[hash]], notes: (0,operations_outcomes/* alreadyDoneNotes */.eQ)(alreadyDone) }
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

// EXTERNAL MODULE: ./build/operations/bounded-pool.js
var bounded_pool = __webpack_require__(33389);
;// CONCATENATED MODULE: ./build/operations/id-set.js
/**
 * The ids a listing has read, packed: each id's UTF-8 bytes (after a 2-byte
 * length) in one growing buffer, found through an open-addressing table of
 * their offsets. A Console that pages by offset can show a token twice, so
 * a walk must know every id it has read; a Set of strings keeps a string
 * and an entry per id on the heap (about 10 MiB of peak RSS at 100,000
 * tokens, most of what a listing keeps), this about a third of it, and the
 * collector never walks it. Exact: ids are compared byte for byte, the hash
 * only says where to look.
 */
class IdSet {
    bytes = Buffer.allocUnsafe(INITIAL_BYTES);
    used = 0;
    /** Offset of an entry in `bytes`, or -1; a power of two long, at most half full. */
    slots = new Int32Array(INITIAL_SLOTS).fill(-1);
    count = 0;
    /** Ids too long for a 2-byte length (none a Console makes). */
    long = new Set();
    get size() {
        return this.count + this.long.size;
    }
    /** Adds `id`; false when it was there already. */
    add(id) {
        const length = Buffer.byteLength(id);
        if (length > MAX_PACKED_BYTES) {
            if (this.long.has(id))
                return false;
            this.long.add(id);
            return true;
        }
        this.reserve(HEADER_BYTES + length);
        // Written after the last entry first: found, it is simply not kept.
        const start = this.used + HEADER_BYTES;
        this.bytes.write(id, start, 'utf8');
        const hash = hashOf(this.bytes, start, length);
        const mask = this.slots.length - 1;
        for (let slot = hash & mask;; slot = (slot + 1) & mask) {
            const offset = this.slots[slot];
            if (offset === -1) {
                this.bytes.writeUInt16LE(length, this.used);
                this.slots[slot] = this.used;
                this.used = start + length;
                this.count++;
                if (this.count * 2 > this.slots.length)
                    this.rehash(this.slots.length * 2);
                return true;
            }
            if (this.bytes.readUInt16LE(offset) === length && this.bytes.compare(this.bytes, start, start + length, offset + HEADER_BYTES, offset + HEADER_BYTES + length) === 0)
                return false;
        }
    }
    reserve(extra) {
        if (this.used + extra <= this.bytes.length)
            return;
        const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + extra));
        this.bytes.copy(grown, 0, 0, this.used);
        this.bytes = grown;
    }
    rehash(size) {
        const slots = new Int32Array(size).fill(-1);
        const mask = size - 1;
        for (let offset = 0; offset < this.used;) {
            const length = this.bytes.readUInt16LE(offset);
            let slot = hashOf(this.bytes, offset + HEADER_BYTES, length) & mask;
            while (slots[slot] !== -1)
                slot = (slot + 1) & mask;
            slots[slot] = offset;
            offset += HEADER_BYTES + length;
        }
        this.slots = slots;
    }
}
const HEADER_BYTES = 2;
const MAX_PACKED_BYTES = 0xffff;
const INITIAL_BYTES = 16 * 1024;
const INITIAL_SLOTS = 1024;
/** FNV-1a over the bytes (32 bits, non-negative). */
function hashOf(bytes, start, length) {
    let hash = 0x811c9dc5;
    for (let index = start; index < start + length; index++)
        hash = Math.imul(hash ^ bytes[index], 0x01000193);
    return hash >>> 0;
}

// EXTERNAL MODULE: ./build/operations/canarytoken-filter.js
var canarytoken_filter = __webpack_require__(35293);
// EXTERNAL MODULE: ./build/publish/summary.js
var publish_summary = __webpack_require__(23552);
// EXTERNAL MODULE: ./build/publish/tokens-file.js
var tokens_file = __webpack_require__(68211);
;// CONCATENATED MODULE: ./build/operations/cleanup.js












function listedToken(token) {
    return {
        canarytoken: token.id,
        kind: token.kind,
        memo: token.memo,
        flock_id: token.flockId,
        hostname: token.hostname,
        url: token.url,
        enabled: token.enabled,
        created: token.created === undefined ? undefined : String(token.created.getTime() / 1000),
        created_printable: token.created?.toISOString(),
        triggered_count: token.triggeredCount
    };
}
/**
 * Walks the Console's pages (narrowed by what the Console can filter) and
 * yields, as each page arrives, the tokens every filter lets through: a
 * listing of any size holds a page at a time, and the caller keeps only
 * what it needs (list-canarytokens writes the matches to its file as they
 * come; cleanup keeps the matches it must change). `walk` counts as it goes.
 */
async function* matchingTokens(console, filter, log, walk) {
    const query = (0,canarytoken_filter/* consoleQuery */.QS)(filter);
    const asked = { flock_id: query.flockId, kind: query.kind, active: query.active, search_string: query.searchString };
    const narrowed = Object.entries(asked).filter(([, value]) => value !== undefined);
    log.info(narrowed.length > 0
        ? `Searching Canarytokens by ${narrowed.map(([name, value]) => `${name}=${String(value)}`).join(', ')}; every filter is checked here too.`
        : 'Listing every Canarytoken; the filters are checked here.');
    // A Console that pages by offset could show a token twice: it is counted and changed once.
    const seen = new IdSet();
    for await (const page of console.pages(query)) {
        walk.pages++;
        for (const token of page.tokens) {
            if (!seen.add(token.id))
                continue;
            walk.read++;
            if ((0,canarytoken_filter/* matchesFilter */.yy)(filter, token)) {
                walk.matched++;
                yield listedToken(token);
            }
            else if (filter.createdBefore && token.created === undefined)
                walk.undated++;
        }
    }
    if (walk.undated > 0)
        log.warning(`${(0,operations_outcomes/* counted */.hS)(walk.undated, 'Canarytoken')} ${walk.undated === 1 ? 'has' : 'have'} no readable creation time; 'created-before' leaves them out.`);
    const steps = filter.memoPattern?.steps?.();
    if (steps !== undefined)
        log.debug(`memo-pattern: ${(0,operations_outcomes/* counted */.hS)(walk.read, 'memo')} matched in ${steps} glob steps.`);
    log.info(`Read ${(0,operations_outcomes/* counted */.hS)(walk.read, 'Canarytoken')} in ${(0,operations_outcomes/* counted */.hS)(walk.pages, 'page')}; ${walk.matched} ${walk.matched === 1 ? 'matches' : 'match'} ${(0,canarytoken_filter/* describeFilter */.GT)(filter)}.`);
}
const newWalk = () => ({ read: 0, pages: 0, matched: 0, undated: 0 });
/** Every match, kept (cleanup changes them after the walk, so that max-changes is checked before any change). */
async function findMatches(console, filter, log) {
    const walk = newWalk();
    const matched = [];
    for await (const token of matchingTokens(console, filter, log, walk))
        matched.push(token);
    return { matched, read: walk.read };
}
/** Passes `items` on, keeping the summary rows of the first MAX_SUMMARY_ROWS (all the job summary shows). */
async function* keepingSummaryRows(items, rows, row) {
    for await (const item of items) {
        if (rows.length < publish_summary/* MAX_SUMMARY_ROWS */.ok)
            rows.push(row(item));
        yield item;
    }
}
function createdText(record) {
    if (record.created_printable)
        return record.created_printable;
    const seconds = Number.parseFloat(record.created ?? '');
    return Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString() : '';
}
/** Memos can be 10,000 characters: the summary shows their start. */
function shortMemo(memo) {
    // By character (code point), so an emoji is never cut in half.
    const characters = Array.from(memo);
    return characters.length > 120 ? `${characters.slice(0, 117).join('')}...` : memo;
}
function tokenRow(record) {
    return [
        record.canarytoken,
        record.kind,
        shortMemo(record.memo ?? ''),
        createdText(record),
        String(record.triggered_count ?? ''),
        String(record.enabled ?? '')
    ];
}
const TOKEN_COLUMNS = ['Canarytoken', 'Kind', 'Memo', 'Created', 'Triggered', 'Enabled'];
/** The inputs that upload the token list as a workflow artifact. */
const LIST_ARTIFACT_INPUTS = ['artifact-name', 'retention-days'];
function listArtifact(artifact, list) {
    return artifact ? { ...artifact, files: [list.path], rootDirectory: (0,external_node_path_.dirname)(list.path) } : undefined;
}
const listOperation = (0,types/* defineOperation */.h9)({
    name: 'list-canarytokens',
    description: 'Lists Canarytokens page by page, narrowed by `memo-pattern`, `kind`, `flock-id`, `created-before`, `triggered` and `enabled` (all optional); the whole list goes to the file `tokens-file` names (uploaded with `artifact-name`), and to `tokens` while it fits in an output.',
    backends: types/* CONSOLE_ONLY */.bR,
    backendNote: 'the Canarytokens server cannot list tokens',
    requires: [],
    accepts: [...canarytoken_filter/* FILTER_INPUTS */.BY, ...LIST_ARTIFACT_INPUTS],
    outputs: ['tokens', 'tokens-file', 'count', 'artifact-id', 'artifact-name'],
    parse: async (inputs, env) => ({ filter: await (0,canarytoken_filter/* parseCanarytokenFilter */.Tw)(inputs, Date.now()), artifact: parseArtifactOptions(inputs, env) }),
    async run({ filter, artifact }, context) {
        const walk = newWalk();
        const rows = [];
        const matches = keepingSummaryRows(matchingTokens((0,types/* consoleOf */.Fl)(context), filter, context.log, walk), rows, tokenRow);
        const list = await (0,tokens_file/* writeTokenList */.Rw)(context.env.runnerTemp, 'list-canarytokens', matches, context.log);
        const { matched, read, pages } = walk;
        return {
            outputs: { ...list.outputs, count: matched },
            summary: {
                heading: `Canarytokens (${matched})`,
                columns: TOKEN_COLUMNS,
                rows,
                totalRows: matched,
                notes: [`${matched} of ${(0,operations_outcomes/* counted */.hS)(read, 'Canarytoken')} read (${(0,operations_outcomes/* counted */.hS)(pages, 'page')}) ${matched === 1 ? 'matches' : 'match'} ${(0,canarytoken_filter/* describeFilter */.GT)(filter)}.`, list.note],
                empty: 'No Canarytokens matched.',
                fullList: list.fullList
            },
            artifact: listArtifact(artifact, list)
        };
    }
});
const CLEANUP_ACTIONS = ['disable', 'delete'];
const PAST = { disable: 'disabled', delete: 'deleted' };
const capitalized = (text) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
async function parseCleanup(inputs, nowMs) {
    const action = inputs.get('action');
    if (!CLEANUP_ACTIONS.includes(action)) {
        throw new errors/* InputError */.d(`Input 'action' must be ${CLEANUP_ACTIONS.join(' or ')}${action ? `, not '${action}'` : ''}.`);
    }
    const filter = await (0,canarytoken_filter/* parseCanarytokenFilter */.Tw)(inputs, nowMs);
    const clearIncidents = (0,build_inputs/* booleanInput */.tE)(inputs, 'clear-incidents');
    if (clearIncidents && action !== 'delete') {
        throw new errors/* InputError */.d("Input 'clear-incidents' applies to 'action: delete' only; disabling keeps a token's incidents.");
    }
    (0,canarytoken_filter/* requireFilterOrAll */.OZ)(filter, inputs, 'cleanup-canarytokens');
    return {
        action: action,
        filter,
        clearIncidents,
        dryRun: (0,build_inputs/* booleanInput */.tE)(inputs, 'dry-run'),
        maxChanges: (0,build_inputs/* integerInput */.$A)(inputs, 'max-changes', { min: 1, max: 1_000_000, fallback: Number(build_inputs/* INPUT_DEFAULTS */.WJ['max-changes']) }),
        concurrency: (0,bounded_pool/* concurrencyInput */.ei)(inputs)
    };
}
/** The summary lists failures first: they are what a reader must see if the table is cut. */
const OUTCOME_ORDER = { failed: 0, changed: 1, 'dry-run': 1, skipped: 2 };
async function cleanupResult(params, context, outcomes, read, notes, failure) {
    const count = (outcome) => outcomes.filter((item) => item.outcome === outcome).length;
    const [changed, skipped, failed, planned] = [count('changed'), count('skipped'), count('failed'), count('dry-run')];
    const list = await (0,tokens_file/* writeTokenList */.Rw)(context.env.runnerTemp, 'cleanup-canarytokens', outcomes, context.log);
    const heading = params.dryRun
        ? `Dry run: would ${params.action} ${planned} of ${(0,operations_outcomes/* counted */.hS)(outcomes.length, 'matched Canarytoken')}`
        : `${capitalized(PAST[params.action])} ${changed} of ${(0,operations_outcomes/* counted */.hS)(outcomes.length, 'matched Canarytoken')}`;
    // Rows for what the summary shows only.
    const rows = [...outcomes]
        .sort((a, b) => OUTCOME_ORDER[a.outcome] - OUTCOME_ORDER[b.outcome])
        .slice(0, publish_summary/* MAX_SUMMARY_ROWS */.ok)
        .map((item) => [...tokenRow(item), item.outcome, item.message]);
    return {
        outputs: { 'matched-count': outcomes.length, 'changed-count': changed, 'failed-count': failed, ...list.outputs },
        summary: {
            heading,
            columns: [...TOKEN_COLUMNS, 'Outcome', 'Message'],
            rows,
            totalRows: outcomes.length,
            empty: 'No Canarytokens matched.',
            notes: [
                `Filters: ${(0,canarytoken_filter/* describeFilter */.GT)(params.filter)}. ${outcomes.length} of ${(0,operations_outcomes/* counted */.hS)(read, 'Canarytoken')} read matched.`,
                `Changed ${changed}, skipped ${skipped}, failed ${failed}${params.dryRun ? `, would ${params.action} ${planned} (dry run: nothing was changed)` : ''}.`,
                ...notes,
                list.note
            ],
            fullList: list.fullList
        },
        artifact: listArtifact(params.artifact, list),
        failure
    };
}
const cleanupOperation = (0,types/* defineOperation */.h9)({
    name: 'cleanup-canarytokens',
    description: 'Disables or deletes (`action`) every Canarytoken matching the filters, `concurrency` at a time; `dry-run` changes nothing, and more matches than `max-changes` stop the run before any change.',
    backends: types/* CONSOLE_ONLY */.bR,
    backendNote: 'the Canarytokens server cannot list tokens',
    requires: ['action'],
    accepts: [...canarytoken_filter/* FILTER_INPUTS */.BY, 'all', 'clear-incidents', 'dry-run', 'max-changes', 'concurrency', ...LIST_ARTIFACT_INPUTS],
    outputs: ['matched-count', 'changed-count', 'failed-count', 'tokens', 'tokens-file', 'artifact-id', 'artifact-name'],
    parse: async (inputs, env) => ({ ...(await parseCleanup(inputs, Date.now())), artifact: parseArtifactOptions(inputs, env) }),
    async run(params, context) {
        const { log } = context;
        const console = (0,types/* consoleOf */.Fl)(context);
        const { matched, read } = await findMatches(console, params.filter, log);
        const outcomes = matched.map((record) => params.action === 'disable' && record.enabled === false
            ? { ...record, outcome: 'skipped', message: 'already disabled' }
            : { ...record, outcome: 'dry-run', message: `would ${params.action}` });
        const toChange = outcomes.filter((item) => item.outcome === 'dry-run');
        if (toChange.length > params.maxChanges) {
            const reason = `${(0,operations_outcomes/* counted */.hS)(toChange.length, 'Canarytoken')} would be ${PAST[params.action]}, more than max-changes (${params.maxChanges})`;
            if (params.dryRun) {
                const note = `A real run would stop here: ${reason}. Narrow the filters or raise 'max-changes'.`;
                log.warning(note);
                return cleanupResult(params, context, outcomes, read, [note]);
            }
            for (const item of toChange)
                Object.assign(item, { outcome: 'skipped', message: `not ${PAST[params.action]}: over max-changes` });
            const failure = `${reason}; nothing was changed. Check the filters with 'dry-run: true', or raise 'max-changes'.`;
            return cleanupResult(params, context, outcomes, read, [failure], failure);
        }
        if (params.dryRun) {
            log.info(`Dry run: would ${params.action} ${(0,operations_outcomes/* counted */.hS)(toChange.length, 'Canarytoken')}; nothing was changed.`);
            return cleanupResult(params, context, outcomes, read, []);
        }
        log.info(`${params.action === 'delete' ? 'Deleting' : 'Disabling'} ${(0,operations_outcomes/* counted */.hS)(toChange.length, 'Canarytoken')}, ${params.concurrency} at a time.`);
        await (0,bounded_pool/* changeEach */.aq)(toChange, params.concurrency, async (item) => {
            if (params.action === 'disable') {
                await console.setAlerting({ id: item.canarytoken }, false);
                return 'disabled';
            }
            const { alreadyDone } = await console.delete({ id: item.canarytoken }, { clearIncidents: params.clearIncidents });
            return `deleted${(0,operations_outcomes/* alreadyDoneSuffix */.wQ)(alreadyDone)}`;
        }, {
            // Gone between listing and deleting (another run, or a person): the goal holds.
            gone: (error) => (params.action === 'delete' && (0,http_errors/* isNotFound */.c4)(error) ? 'already deleted' : undefined),
            failed: (item, message) => log.info(`Could not ${params.action} ${item.canarytoken}: ${message}`)
        });
        const failed = toChange.filter((item) => item.outcome === 'failed').length;
        const changed = toChange.filter((item) => item.outcome === 'changed').length;
        log.info(`${capitalized(PAST[params.action])} ${changed} of ${(0,operations_outcomes/* counted */.hS)(outcomes.length, 'matched Canarytoken')}; ${failed} failed.`);
        const failure = failed > 0 ? `${failed} of ${(0,operations_outcomes/* counted */.hS)(toChange.length, 'Canarytoken')} could not be ${PAST[params.action]} (the file named by the 'tokens-file' output and the job summary say why for each).` : undefined;
        return cleanupResult(params, context, outcomes, read, [], failure);
    }
});
const CLEANUP_OPERATIONS = [listOperation, cleanupOperation];

// EXTERNAL MODULE: ./build/operations/incidents.js
var incidents = __webpack_require__(10940);
// EXTERNAL MODULE: ./build/publish/markdown.js
var markdown = __webpack_require__(11379);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
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
        const match = /^[ \t]*([^=:#;\s][^=:]*?)[ \t]*[=:][ \t]*(.*?)[ \t]*$/.exec(line);
        if (match)
            values[match[1]] ??= match[2];
    }
    return values;
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
        // wx: never through a file (or symlink) that appeared meanwhile.
        const handle = await (0,promises_.open)(path, external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_CREAT | external_node_fs_.constants.O_EXCL, 0o600);
        try {
            await handle.writeFile(bytes);
        }
        finally {
            await handle.close();
        }
        return { role, path, createdFile: true, createdFolders: folders.reverse(), appendedBytes: bytes.length, appendedSha256: sha256(bytes) };
    }
    // A blank line between the last section and ours, and a line end first when the file lacks one.
    const separator = existing === '' ? '' : existing.endsWith('\n') ? newline : newline + newline;
    const bytes = Buffer.from(separator + block, 'latin1');
    // Appended in place: the file keeps its owner, mode and any symlink pointing to it.
    await (0,promises_.appendFile)(path, bytes);
    return { role, path, createdFile: false, createdFolders: [], appendedBytes: bytes.length, appendedSha256: sha256(bytes) };
}
/** Removes what `appendProfile` added; deletes the file when the action created it and it is empty again. */
async function aws_shared_files_removeProfile(planted, profile) {
    const removal = { outcome: 'not-found', deletedFile: false };
    const bytes = await readFile(planted.path).catch((error) => {
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
        await unlink(planted.path);
        removal.deletedFile = true;
    }
    else if (typeof remaining === 'number') {
        // Truncated in place: the bytes before it are never rewritten.
        await truncate(planted.path, remaining);
    }
    else {
        await writeFile(planted.path, Buffer.from(remaining, 'latin1'));
    }
    return removal;
}
/**
 * Removes the folders the action created, deepest first, each only when it
 * is empty (rmdir, never recursive): a folder something else now uses stays,
 * and so do its parents.
 */
async function aws_shared_files_removeCreatedFolders(folders) {
    const removed = [];
    const blocked = new Set();
    for (const folder of [...new Set(folders)].sort((a, b) => b.length - a.length)) {
        if ([...blocked].some((inner) => inner.startsWith(`${folder}${sep}`)))
            continue;
        try {
            await rmdir(folder);
            removed.push(folder);
        }
        catch (error) {
            if (error.code !== 'ENOENT')
                blocked.add(folder);
        }
    }
    return removed;
}

;// CONCATENATED MODULE: ./build/operations/runner-canary-state.js

/**
 * What plant-runner-canaries hands to its post step. It travels through
 * `core.saveState` (the runner's GITHUB_STATE file) and comes back as the
 * `STATE_runner-canary` variable of the post step: never through files of
 * our own. It holds no Console secret: not the keys, not the auth token (the
 * post step reads that from its inputs again, as the runner passes them).
 *
 * On a Canarytokens server it holds one: the token's manage auth, which the
 * post step needs to read the token's history and which exists nowhere else
 * (the server made it during the step; no input can carry it). State is the
 * one channel that reaches this action's post step only: not the
 * environment, outputs or files that later steps (and what they install)
 * can read. Both steps mask it before anything could print it.
 *
 * This module imports nothing but node:path: the post entry reads the key
 * before deciding to load anything else.
 */
const RUNNER_CANARY_STATE = 'runner-canary';
const ROLES = (/* unused pure expression or super */ null && (['credentials', 'config']));
function isPlantedFile(value) {
    const file = value;
    return (typeof file === 'object' &&
        file !== null &&
        ROLES.includes(file.role) &&
        typeof file.path === 'string' &&
        isAbsolute(file.path) &&
        typeof file.createdFile === 'boolean' &&
        Array.isArray(file.createdFolders) &&
        file.createdFolders.every((folder) => typeof folder === 'string' && isAbsolute(folder)) &&
        Number.isSafeInteger(file.appendedBytes) &&
        typeof file.appendedSha256 === 'string' &&
        /^[0-9a-f]{64}$/.test(file.appendedSha256));
}
/** The saved state, checked field by field: a state that does not parse is refused whole, nothing is touched. */
function parseRunnerCanaryState(text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        throw new Error(`the state the main step saved (${RUNNER_CANARY_STATE}) is not JSON`);
    }
    const valid = typeof value === 'object' &&
        value !== null &&
        value.version === 1 &&
        typeof value.canarytoken === 'string' &&
        value.canarytoken !== '' &&
        typeof value.memo === 'string' &&
        typeof value.profile === 'string' &&
        typeof value.check === 'boolean' &&
        typeof value.remove === 'boolean' &&
        (value.onConsoleError === 'warn' || value.onConsoleError === 'fail') &&
        Number.isSafeInteger(value.triggeredBefore) &&
        (value.plantedAt === undefined || Number.isSafeInteger(value.plantedAt)) &&
        Array.isArray(value.files) &&
        value.files.every(isPlantedFile) &&
        (value.manageAuth === undefined || (typeof value.manageAuth === 'string' && value.manageAuth !== ''));
    if (!valid)
        throw new Error(`the state the main step saved (${RUNNER_CANARY_STATE}) is not one this version of the action wrote`);
    return value;
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
    const memo = (0,build_inputs/* checkMemoLength */.jR)(renderMemo(template || DEFAULT_RUNNER_CANARY_MEMO, runContext(), where), where);
    return (0,build_inputs/* chosenBackend */.fn)(inputs) === 'canarytokens-server' ? checkServerMemoLength(memo, where) : memo;
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
    (0,secrets/* registerSecret */.cl)(token.manageAuth);
    (0,secrets/* registerSecret */.cl)(token.manageUrl);
    if (keys) {
        (0,secrets/* registerSecret */.cl)(keys.accessKeyId);
        (0,secrets/* registerSecret */.cl)(keys.secretAccessKey);
    }
    if (!token.id || !keys) {
        throw new http_errors/* ApiError */.hD(`the answer of ${backend.description} for the aws-id Canarytoken ${token.id} holds no AWS keys`, 'result');
    }
    return { token, reused, keys };
}
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
const plantRunnerCanariesOperation = (0,types/* defineOperation */.h9)({
    name: 'plant-runner-canaries',
    tripwire: true,
    description: "Plants a Canarytoken AWS key on the runner itself: mints an `aws-id` token whose memo names the run, writes it as profile `aws-profile` to the AWS credentials and config files (never over an existing profile), and checks it when the job ends (the post step fails the job if it was used, then removes the profile). A Console outage warns and plants nothing unless `on-console-error: fail`.",
    backends: types/* EVERY_BACKEND */.Jn,
    requires: [],
    accepts: ['memo', 'flock-id', 'reuse', 'aws-profile', 'aws-region', 'export-env', 'on-console-error', 'check-on-exit', 'keep-credentials', 'alert-email', 'alert-webhook'],
    outputs: PLANTED_OUTPUTS,
    async parse(inputs) {
        const onServer = (0,build_inputs/* chosenBackend */.fn)(inputs) === 'canarytokens-server';
        if (onServer && inputs.get('flock-id'))
            throw new errors/* InputError */.d("Input 'flock-id' is the Console's: a Canarytokens server has no flocks. Remove it.");
        refuseReuseOnServer(inputs, (0,build_inputs/* booleanInput */.tE)(inputs, 'reuse'));
        (0,build_inputs/* requireAlertTarget */.Jj)(inputs, 'plant-runner-canaries');
        const params = {
            memo: memoFor(inputs),
            flockId: onServer ? undefined : (0,build_inputs/* flockIdInput */.Rq)(inputs),
            reuse: (0,build_inputs/* booleanInput */.tE)(inputs, 'reuse'),
            profile: profileInput(inputs),
            region: regionInput(inputs),
            exportEnv: (0,build_inputs/* booleanInput */.tE)(inputs, 'export-env'),
            onConsoleError: onConsoleErrorInput(inputs),
            check: (0,build_inputs/* booleanInput */.tE)(inputs, 'check-on-exit', true),
            remove: !(0,build_inputs/* booleanInput */.tE)(inputs, 'keep-credentials'),
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
            const reason = (0,http_errors/* reasonWithAttempts */.ny)(error);
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
            check: params.check,
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
                    params.check
                        ? 'When the job ends, the post step fails the job if these credentials were used during it.'
                        : `The post step does not check the token (check-on-exit: false); its alerts come from ${serverOf(context.backend, false)}.`,
                    params.remove ? 'The post step then removes the profile again.' : 'The profile stays on the runner (keep-credentials: true).'
                ]
            },
            failure
        };
        if (files.length > 0 && (params.check || params.remove))
            result.state = { [RUNNER_CANARY_STATE]: JSON.stringify(state) };
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
    const bounded = (text) => truncateCodePoints(visibleControls(text), 200);
    return (`${incident.created.toISOString()} from ${bounded(incident.srcHost) || 'an unknown address'}` +
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
        if (isNotFound(error)) {
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
async function runnerCanaryPost(state, connect, log) {
    const result = {};
    registerSecret(state.manageAuth);
    if (state.check) {
        const backend = connect();
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
                        unread = reasonWithAttempts(error);
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
                        ? seen.map((incident) => [...row, incident.created.toISOString(), incident.srcHost, incident.event ?? '', incident.userAgent ?? ''])
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
            const message = `Could not check runner canary ${state.canarytoken}: ${reasonWithAttempts(error)}. Its alerts still come from ${serverOf(backend, false)}.`;
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
                log.warning(`Could not remove AWS profile '${state.profile}' from ${file.path}: ${reasonWithAttempts(error)}. Remove its section by hand.`);
            }
        }
        const folders = await removeCreatedFolders(state.files.flatMap((file) => file.createdFolders));
        if (folders.length > 0)
            log.info(`Deleted ${folders.join(', ')} (the action had created ${folders.length === 1 ? 'it' : 'them'}).`);
    }
    return result;
}

;// CONCATENATED MODULE: ./build/operations/seed-manifest.js








/**
 * AWS keys do not belong in a file in the repository; `aws-region` and
 * `aws-session-token` serve only them (aws-s3's automated bucket creation),
 * so they are refused with them. An entry may set every other create input.
 */
const NOT_IN_A_MANIFEST = ['aws-access-key', 'aws-secret-key', 'aws-session-token', 'aws-region'];
const NOT_IN_A_MANIFEST_REASON = 'AWS credentials do not belong in a file in the repository, and aws-region and aws-session-token serve only them (the automated bucket creation of aws-s3). ' +
    'Create such a token with create-canarytoken, its keys from secrets; a manifest entry of kind aws-s3 takes s3-source-bucket and s3-log-bucket only';
const ENTRY_INPUTS = TOKEN_REQUEST_INPUTS.filter((input) => !NOT_IN_A_MANIFEST.includes(input));
const ENTRY_KEYS = new Set(['name', 'kind', 'memo', 'file', 'template', ...ENTRY_INPUTS]);
const MANIFEST_KEYS = new Set(['flock-id', 'tokens']);
/** Used in outputs and in template placeholders, so kept plain. */
const ENTRY_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const MAX_MANIFEST_BYTES = 1024 * 1024;
const MAX_TEMPLATE_BYTES = 10 * 1024 * 1024;
/** Enough for any release; a bound keeps a mistaken manifest from minting thousands. */
const MAX_ENTRIES = 100;
/** `{{ canarytoken.<name>.<field> }}` */
const TEMPLATE_PLACEHOLDER = /\{\{\s*canarytoken\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_]+)\s*\}\}/g;
/** Anything that starts like a placeholder, to catch malformed ones. */
const PLACEHOLDER_START = /\{\{\s*canarytoken\b[^}]*\}?\}?/g;
/** The memo an entry gets when it names none: the build it was placed in, so an alert says which build leaked. */
const DEFAULT_MEMO = '{repository}@{short_sha} run {run_id}';
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** Entry errors say which entry: the one thing a reader of a long manifest needs. */
function entryError(name, problem) {
    // The shared kind rules speak of inputs; in a manifest they are keys of the entry.
    const text = problem.replace(/\b[Ii]nput '/g, "key '").replace(/\.$/, '');
    return new errors/* InputError */.d(`Manifest entry '${name}': ${text}${text.endsWith('?') ? '' : '.'}`);
}
/** ` (did you mean 'file'?)` for a key one typo away from a known one. */
function guessed(key, known) {
    const guess = (0,near_miss/* nearMiss */.bi)(key, [...known]);
    return guess === undefined ? '' : ` (did you mean '${guess}'?)`;
}
function scalarText(value) {
    if (value === undefined || value === null)
        return undefined;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
        return String(value).trim();
    return undefined;
}
/** An entry's keys read like the create inputs, so the create rules check them unchanged. */
function entryReader(entry, defaults, stringifyYaml) {
    return {
        get(name) {
            const value = entry[name];
            if (name === 'extra-params' && isRecord(value))
                return stringifyYaml(value).trim();
            return scalarText(value) ?? defaults[name] ?? '';
        }
    };
}
async function pathInside(env, name, key, userPath) {
    try {
        return await (0,publish_files/* resolveInside */.LI)(env.workspace, userPath, key);
    }
    catch (error) {
        if (error instanceof errors/* InputError */.d)
            throw entryError(name, `'${key}' must point inside the workspace; '${userPath}' leads outside it`);
        throw error;
    }
}
function stringList(value) {
    if (typeof value === 'string')
        return [value];
    if (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string'))
        return value;
    return undefined;
}
/**
 * Reads and checks the whole manifest before any request: known kinds and
 * their rules, unique names, one token per kind + memo + flock, `file` and
 * `template` paths inside the workspace (symlinks included), memo
 * placeholders known and filled, template placeholders naming entries.
 */
async function readManifest(manifestPath, env, context, backend = 'console') {
    const path = await (0,publish_files/* readableFileInside */.RX)(env.workspace, manifestPath, 'manifest', MAX_MANIFEST_BYTES);
    // Loaded here, not at start-up: only seeding (and extra-params) read YAML.
    const { parse: parseYaml, stringify: stringifyYaml } = await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 38815, 19));
    let document;
    const source = await (0,promises_.readFile)(path, 'utf8');
    try {
        document = parseYaml(source);
    }
    catch (error) {
        throw new errors/* InputError */.d(`Input 'manifest': ${manifestPath} is not valid YAML (${(0,build_inputs/* yamlErrorReason */.kB)(error, source)}).`);
    }
    if (!isRecord(document))
        throw new errors/* InputError */.d(`Input 'manifest': ${manifestPath} must be a mapping with a 'tokens' list.`);
    for (const key of Object.keys(document)) {
        if (!MANIFEST_KEYS.has(key)) {
            throw new errors/* InputError */.d(`Input 'manifest': unknown key '${key}' at the top of ${manifestPath}${guessed(key, MANIFEST_KEYS)}; known: ${[...MANIFEST_KEYS].join(', ')}.`);
        }
    }
    const tokens = document.tokens;
    if (!Array.isArray(tokens) || tokens.length === 0)
        throw new errors/* InputError */.d(`Input 'manifest': ${manifestPath} needs a non-empty 'tokens' list.`);
    if (tokens.length > MAX_ENTRIES)
        throw new errors/* InputError */.d(`Input 'manifest': ${manifestPath} has ${tokens.length} entries; at most ${MAX_ENTRIES} are seeded in one step.`);
    const defaultFlock = document['flock-id'];
    if (defaultFlock !== undefined && typeof defaultFlock !== 'string')
        throw new errors/* InputError */.d(`Input 'manifest': 'flock-id' must be a flock id such as flock:default.`);
    if (typeof defaultFlock === 'string') {
        try {
            (0,build_inputs/* flockIdInput */.Rq)((0,build_inputs/* inputsFrom */.WK)({ 'flock-id': defaultFlock }));
        }
        catch (error) {
            if (error instanceof errors/* InputError */.d)
                throw new errors/* InputError */.d(error.message.replace(/^Input 'flock-id'/, `Input 'manifest': 'flock-id' at the top of ${manifestPath}`));
            throw error;
        }
    }
    const defaults = defaultFlock ? { 'flock-id': defaultFlock } : {};
    const entries = [];
    const names = new Set();
    const identities = new Map();
    const writtenFiles = new Map();
    const templatePaths = new Map();
    for (const [index, raw] of tokens.entries()) {
        if (!isRecord(raw))
            throw new errors/* InputError */.d(`Input 'manifest': entry ${index + 1} of 'tokens' must be a mapping with name and kind.`);
        const name = typeof raw.name === 'string' ? raw.name : '';
        if (!ENTRY_NAME.test(name)) {
            throw new errors/* InputError */.d(`Input 'manifest': entry ${index + 1} needs a 'name' of letters, digits, '-' and '_' (starting with a letter or digit)${name ? `, not '${name}'` : ''}.`);
        }
        if (names.has(name))
            throw entryError(name, 'the name is used by another entry; names must be unique');
        names.add(name);
        for (const key of Object.keys(raw)) {
            if (NOT_IN_A_MANIFEST.includes(key))
                throw entryError(name, `key '${key}' is refused in a manifest: ${NOT_IN_A_MANIFEST_REASON}`);
            if (!ENTRY_KEYS.has(key))
                throw entryError(name, `unknown key '${key}'${guessed(key, ENTRY_KEYS)}; known: ${[...ENTRY_KEYS].join(', ')}`);
        }
        for (const key of Object.keys(raw)) {
            const value = raw[key];
            if (key === 'template' || (key === 'extra-params' && isRecord(value)))
                continue;
            if (scalarText(value) === undefined)
                throw entryError(name, `'${key}' must be a single value`);
        }
        const where = raw.memo === undefined ? `Manifest entry '${name}': the default memo` : `Manifest entry '${name}': 'memo'`;
        const memo = (0,build_inputs/* checkMemoLength */.jR)(raw.memo === undefined ? `${renderMemo(DEFAULT_MEMO, context, where)}: ${name}` : renderMemo(String(raw.memo), context, where), where);
        if (!memo.trim())
            throw entryError(name, "'memo' must not be empty");
        // The same parser as create-canarytoken's inputs: an entry cannot accept what the input refuses.
        let request;
        try {
            request = await parseTokenRequest(entryReader(raw, defaults, stringifyYaml), memo, env, backend);
        }
        catch (error) {
            if (error instanceof errors/* InputError */.d)
                throw entryError(name, error.message);
            throw error;
        }
        const { kind, flockId } = request;
        const rule = (0,kinds/* kindRuleOn */.gZ)(kind, backend);
        const identity = JSON.stringify([kind, flockId ?? '', memo]);
        const twin = identities.get(identity);
        if (twin)
            throw entryError(name, `it has the same kind, flock and memo as entry '${twin}', so both would be one token; give one a different memo`);
        identities.set(identity, name);
        const entry = { name, kind, memo, request, templates: [] };
        if (raw.file !== undefined) {
            if (!rule.file)
                throw entryError(name, `kind '${kind}' has no file to write; 'file' works with ${(0,kinds/* fileKindsOn */.bU)(backend).join(', ')}`);
            const shown = String(raw.file);
            entry.file = await pathInside(env, name, 'file', shown);
            const problem = await (0,publish_files/* unwritableTarget */.fy)(entry.file);
            if (problem)
                throw entryError(name, `'file' ${shown} ${problem}`);
            entry.fileShown = shown;
            const other = writtenFiles.get(entry.file);
            if (other)
                throw entryError(name, `'file' ${shown} is also written by entry '${other}'`);
            writtenFiles.set(entry.file, name);
        }
        if (raw.template !== undefined) {
            const list = stringList(raw.template);
            if (!list)
                throw entryError(name, "'template' must be a path or a list of paths");
            for (const shown of list) {
                const absolute = await pathInside(env, name, 'template', shown);
                const known = templatePaths.get(absolute) ?? { shown, names: [] };
                known.names.push(name);
                templatePaths.set(absolute, known);
                entry.templates.push(absolute);
            }
        }
        entries.push(entry);
    }
    const templates = [];
    for (const [path, { shown, names: owners }] of templatePaths) {
        const owner = owners[0];
        if (writtenFiles.has(path))
            throw entryError(owner, `'template' ${shown} is also the 'file' of entry '${writtenFiles.get(path)}'`);
        // Filled in place: a link to the template would be read through, then refused at the write, after minting.
        const problem = await (0,publish_files/* unwritableTarget */.fy)(path);
        if (problem)
            throw entryError(owner, `'template' ${shown} ${problem}`);
        try {
            await (0,publish_files/* readableFileInside */.RX)(env.workspace, shown, 'template', MAX_TEMPLATE_BYTES);
        }
        catch (error) {
            if (error instanceof errors/* InputError */.d)
                throw entryError(owner, `'template' ${shown}: ${error.message.replace(/^Input 'template': /, '')}`);
            throw error;
        }
        const content = await (0,promises_.readFile)(path, 'utf8');
        const used = new Set();
        for (const match of content.matchAll(TEMPLATE_PLACEHOLDER)) {
            const referenced = match[1];
            if (!names.has(referenced))
                throw entryError(owner, `'template' ${shown} uses ${match[0]}, but no entry is named '${referenced}'`);
            used.add(referenced);
        }
        for (const match of content.matchAll(PLACEHOLDER_START)) {
            if (!new RegExp(TEMPLATE_PLACEHOLDER.source).test(match[0])) {
                throw entryError(owner, `'template' ${shown} has a malformed placeholder '${match[0].slice(0, 60)}'; write {{ canarytoken.<name>.<field> }}`);
            }
        }
        if (used.size === 0)
            throw entryError(owner, `'template' ${shown} holds no {{ canarytoken.<name>.<field> }} placeholder`);
        templates.push({ path, shown, content, names: used });
    }
    return { entries, templates };
}

;// CONCATENATED MODULE: ./build/operations/seed.js
















/** Marks an entry failed with its reason; the first reason stays (a later one is usually a consequence). */
function markFailed(state, message) {
    if (state.outcome === 'failed')
        return;
    state.outcome = 'failed';
    state.message = message;
}
/** What was at `path` before we write there: its bytes, or nothing. Refuses anything but a regular file. */
async function previousContent(path) {
    const info = await (0,promises_.lstat)(path).catch(() => undefined);
    if (!info)
        return undefined;
    if (!info.isFile())
        throw new Error(`${path} exists and is not a regular file; not overwriting it`);
    return (0,promises_.readFile)(path);
}
/** Writes an entry's file: aws-id credentials from the token itself, other kinds downloaded. */
async function writeEntryFile(backend, entry, token) {
    const path = entry.file;
    const previous = await previousContent(path);
    const options = { directory: (0,external_node_path_.dirname)(path), filename: (0,external_node_path_.basename)(path) };
    const credentials = (0,kinds/* kindRuleOn */.gZ)(entry.kind, backend.name).credentials === true;
    const rendered = token.kind === 'aws-id' ? token.renders?.['aws-id'] : undefined;
    if (rendered) {
        // Masked before it is on disk, where a later step could print it.
        (0,secrets/* registerCredentialText */.SF)(rendered);
        await (0,publish_files/* writeFileAtomically */.lo)(options.directory, options.filename, Buffer.from(rendered, 'utf8'), { private: true });
    }
    else {
        await saveDownload(await backend.download(token), options, `canarytoken-${token.id}`, credentials);
    }
    return { path, previous, owner: `entry '${entry.name}'`, private: credentials };
}
/** A token field as template text, and whether it is a secret (masked first). */
function fieldText(token, field) {
    const text = token.fieldValues[field];
    if (text === undefined)
        return undefined;
    const secret = (0,secrets/* findSecretValues */.sD)({ [field]: text }).length > 0;
    if (secret)
        (0,secrets/* registerSecret */.cl)(text);
    return { text, secret };
}
/** Fills every `{{ canarytoken.<name>.<field> }}` of a template and writes it back in place, atomically. */
async function fillTemplate(template, tokens) {
    const problems = [];
    const secretFields = new Set();
    const filled = template.content.replace(TEMPLATE_PLACEHOLDER, (text, name, field) => {
        const token = tokens.get(name);
        const value = token ? fieldText(token, field) : undefined;
        if (value === undefined) {
            problems.push(token ? `the ${token.kind} Canarytoken of entry '${name}' has no field '${field}'` : `entry '${name}' has no Canarytoken`);
            return text;
        }
        if (value.secret)
            secretFields.add(field);
        return value.text;
    });
    if (problems.length > 0)
        throw new Error(`template ${template.shown}: ${[...new Set(problems)].join('; ')}`);
    const previous = Buffer.from(template.content, 'utf8');
    // A file that now holds a secret field is owner-only (0600); a template that was owner-only stays so.
    const wasOwnerOnly = ((await (0,promises_.lstat)(template.path)).mode & 0o077) === 0;
    const ownerOnly = wasOwnerOnly || secretFields.size > 0;
    await (0,publish_files/* writeFileAtomically */.lo)((0,external_node_path_.dirname)(template.path), (0,external_node_path_.basename)(template.path), Buffer.from(filled, 'utf8'), { private: ownerOnly });
    return { path: template.path, previous, owner: `template ${template.shown}`, private: wasOwnerOnly, secretFields: [...secretFields] };
}
/** Puts back what this run changed on disk; says what it could not. */
async function restoreFiles(written, log) {
    const problems = [];
    for (const file of written) {
        try {
            if (file.previous)
                await (0,publish_files/* writeFileAtomically */.lo)((0,external_node_path_.dirname)(file.path), (0,external_node_path_.basename)(file.path), file.previous, { private: file.private });
            else
                await (0,promises_.rm)(file.path, { force: true });
            log.info(`${file.previous ? 'Restored' : 'Removed'} ${file.path} (${file.owner}).`);
        }
        catch (error) {
            problems.push(`${file.path} (${file.owner}) could not be ${file.previous ? 'restored' : 'removed'}: ${(0,errors/* errorMessage */.g)(error)}`);
        }
    }
    return problems;
}
/** Deletes the tokens this run minted; a token that could not be deleted is named, never hidden. */
async function deleteMinted(states, concurrency, context) {
    const minted = states.filter((state) => state.made && !state.made.reused);
    const problems = [];
    await (0,bounded_pool/* mapWithConcurrency */.WS)(minted, concurrency, async (state) => {
        const id = state.made.token.id;
        try {
            const { alreadyDone } = await context.backend.delete({ id, manageAuth: state.made.token.manageAuth });
            state.rollback = alreadyDone ? 'already deleted' : 'deleted again';
            context.log.info(`Deleted ${id} (entry '${state.entry.name}') again.`);
        }
        catch (error) {
            state.rollback = 'not deleted';
            state.rollbackMessage = (0,errors/* errorMessage */.g)(error);
            problems.push(`Canarytoken ${id} (entry '${state.entry.name}') is left on the Console: it could not be deleted (${(0,errors/* errorMessage */.g)(error)}); delete it with delete-canarytoken`);
        }
    });
    return problems;
}
/** The row's outcome, then what a rollback did to its token: "failed: <why>; deleted again (rollback)". */
function outcomeText(state) {
    const outcome = state.message ? `${state.outcome}: ${state.message}` : state.outcome;
    switch (state.rollback) {
        case 'deleted again':
            return `${outcome}; deleted again (rollback)`;
        case 'already deleted':
            return `${outcome}; deleted again (rollback; an earlier attempt had already deleted it)`;
        case 'not deleted':
            return `${outcome}; rollback could not delete it: ${state.rollbackMessage ?? 'unknown reason'}`;
        default:
            return outcome;
    }
}
async function seedResult(params, context, states, notes, failure, artifactFiles = []) {
    // Every token that is on the Console after this run: made, and not deleted again by a rollback.
    const existing = states.filter((state) => state.made && (state.rollback === undefined || state.rollback === 'not deleted'));
    const listed = existing.map(({ entry, made }) => {
        const token = made.token;
        const row = { canarytoken: token.id, kind: token.kind, hostname: token.hostname, url: token.url, memo: token.memo, file: entry.file, reused: made?.reused ?? false };
        return { name: entry.name, row, manageAuth: token.manageAuth };
    });
    const tokens = Object.fromEntries(listed.map(({ name, row }) => [name, row]));
    // A Canarytokens server's manage auth per token goes to the tokens-file (owner-only), never to the 'tokens' output.
    const withAuth = listed.some(({ manageAuth }) => manageAuth);
    const fileValue = withAuth ? Object.fromEntries(listed.map(({ name, row, manageAuth }) => [name, manageAuth ? { ...row, manage_auth: manageAuth } : row])) : tokens;
    const createdCount = existing.filter((state) => !state.made?.reused).length;
    const reusedCount = existing.filter((state) => state.made?.reused).length;
    const order = (state) => (state.outcome === 'failed' || state.rollback === 'not deleted' ? 0 : state.rollback || state.outcome === 'not run' ? 1 : 2);
    const failedCount = states.filter((state) => state.outcome === 'failed').length;
    for (const { manageAuth } of listed)
        (0,secrets/* registerSecret */.cl)(manageAuth);
    const list = await (0,tokens_file/* writeTokenList */.Rw)(context.env.runnerTemp, 'seed-canarytokens', fileValue, context.log, withAuth ? { withoutSecrets: tokens } : {});
    return {
        outputs: { ...list.outputs, count: existing.length, 'created-count': createdCount, 'reused-count': reusedCount },
        summary: {
            heading: failure ? 'Seeding Canarytokens failed' : `Seeded ${(0,operations_outcomes/* counted */.hS)(states.length, 'Canarytoken')}`,
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
                list.note,
                ...(withAuth ? ["Each token's manage auth (its key on the Canarytokens server) is in the tokens-file only, as `manage_auth`; keep that file secret."] : [])
            ],
            fullList: list.fullList
        },
        artifact: !failure && params.artifact && artifactFiles.length > 0 ? { ...params.artifact, files: artifactFiles, rootDirectory: commonDirectory(artifactFiles) } : undefined,
        failure
    };
}
/** The deepest folder holding every file: the artifact keeps their layout below it. */
function commonDirectory(files) {
    let common = (0,external_node_path_.dirname)(files[0]);
    while (!files.every((file) => file.startsWith(common.endsWith('/') ? common : `${common}/`)))
        common = (0,external_node_path_.dirname)(common);
    return common;
}
async function runSeed(params, context) {
    const { manifest, concurrency, log } = { ...params, log: context.log };
    const states = manifest.entries.map((entry) => ({ entry, outcome: 'not run', message: '' }));
    log.info(`Seeding ${(0,operations_outcomes/* counted */.hS)(states.length, 'Canarytoken')}, ${concurrency} at a time${params.reuse ? ', reusing tokens that already carry their memo' : ''}.`);
    await (0,bounded_pool/* mapWithConcurrency */.WS)(states, concurrency, async (state) => {
        try {
            state.made = await createOrReuse(context.backend, state.entry.request, params.reuse);
            const token = state.made.token;
            state.outcome = state.made.reused ? 'reused' : 'created';
            log.info(`${state.made.reused ? 'Reused' : 'Created'} ${token.kind} Canarytoken ${token.id} for entry '${state.entry.name}'${token.hostname ? ` (${token.hostname})` : ''}.`);
        }
        catch (error) {
            markFailed(state, (0,errors/* errorMessage */.g)(error));
            log.info(`Entry '${state.entry.name}' failed: ${(0,errors/* errorMessage */.g)(error)}`);
        }
    });
    const failures = states.filter((state) => state.outcome === 'failed').map((state) => `entry '${state.entry.name}': ${state.message}`);
    const written = [];
    // Files only when every token exists, or when the user keeps what succeeded.
    if (failures.length === 0 || params.keepOnFailure) {
        const withFile = states.filter((state) => state.made && state.entry.file);
        await (0,bounded_pool/* mapWithConcurrency */.WS)(withFile, concurrency, async (state) => {
            try {
                written.push(await writeEntryFile(context.backend, state.entry, state.made.token));
                log.info(`Wrote ${state.entry.file} (entry '${state.entry.name}').`);
            }
            catch (error) {
                markFailed(state, `its file ${state.entry.fileShown}: ${(0,errors/* errorMessage */.g)(error)}`);
                failures.push(`entry '${state.entry.name}': its file ${state.entry.fileShown}: ${(0,errors/* errorMessage */.g)(error)}`);
            }
        });
        const tokens = new Map(states.filter((state) => state.made).map((state) => [state.entry.name, state.made.token]));
        for (const template of manifest.templates) {
            try {
                const filled = await fillTemplate(template, tokens);
                written.push(filled);
                const secrets = filled.secretFields ?? [];
                log.info(`Filled the placeholders of ${template.shown}${secrets.length > 0 ? `; it now holds secret fields (${secrets.join(', ')}), so it is owner-only (mode 0600)` : ''}.`);
            }
            catch (error) {
                failures.push((0,errors/* errorMessage */.g)(error));
                for (const state of states.filter((item) => item.entry.templates.includes(template.path)))
                    markFailed(state, (0,errors/* errorMessage */.g)(error));
            }
        }
    }
    if (failures.length === 0) {
        const downloaded = states.filter((state) => state.entry.file).map((state) => state.entry.file);
        return seedResult(params, context, states, [], undefined, downloaded);
    }
    const notes = [];
    let left = [];
    if (params.keepOnFailure) {
        notes.push('keep-on-failure: true, so the tokens and files this run made were kept.');
    }
    else {
        const fileProblems = await restoreFiles(written, log);
        const tokenProblems = await deleteMinted(states, concurrency, context);
        left = [...tokenProblems, ...fileProblems];
        notes.push('Every token this run minted was deleted again and every file it wrote removed or put back (reused tokens were kept).', ...left);
    }
    const failedCount = states.filter((state) => state.outcome === 'failed').length;
    const failure = `${failedCount} of ${(0,operations_outcomes/* counted */.hS)(states.length, 'entry', 'entries')} failed: ${failures.join('; ')}. ` +
        (params.keepOnFailure
            ? 'The tokens and files made for the other entries were kept (keep-on-failure: true).'
            : left.length > 0
                ? `Rolling back left something behind: ${left.join('; ')}.`
                : 'Tokens this run minted were deleted again and the files it wrote removed.');
    return seedResult(params, context, states, notes, failure);
}
const seedOperation = (0,types/* defineOperation */.h9)({
    name: 'seed-canarytokens',
    description: 'Creates every Canarytoken a YAML `manifest` lists, `concurrency` at a time, reusing tokens that already carry their memo; writes their files and fills `{{ canarytoken.<name>.<field> }}` in templates; all or nothing unless `keep-on-failure: true`.',
    backends: types/* EVERY_BACKEND */.Jn,
    requires: ['manifest'],
    accepts: ['reuse', 'keep-on-failure', 'concurrency', 'artifact-name', 'retention-days', 'alert-email', 'alert-webhook'],
    outputs: ['tokens', 'tokens-file', 'count', 'created-count', 'reused-count', 'artifact-id', 'artifact-name'],
    async parse(inputs, env) {
        const backend = (0,build_inputs/* chosenBackend */.fn)(inputs);
        const concurrency = (0,bounded_pool/* concurrencyInput */.ei)(inputs);
        // On by default on the Console; a Canarytokens server cannot list tokens, so there it is off, and refused when asked for.
        const reuse = (0,build_inputs/* booleanInput */.tE)(inputs, 'reuse', backend === 'console');
        refuseReuseOnServer(inputs, reuse);
        (0,build_inputs/* requireAlertTarget */.Jj)(inputs, 'seed-canarytokens');
        const keepOnFailure = (0,build_inputs/* booleanInput */.tE)(inputs, 'keep-on-failure');
        const artifact = parseArtifactOptions(inputs, env);
        const manifest = await readManifest(inputs.get('manifest'), env, runContext(), backend);
        return { manifest, reuse, keepOnFailure, concurrency, artifact };
    },
    run: runSeed
});
const SEED_OPERATIONS = [seedOperation];

;// CONCATENATED MODULE: ./build/operations/index.js









/**
 * THE operation table: name -> inputs it needs and reads, outputs it sets,
 * and its handler. The dispatcher, validation, action.yml (checked by a
 * test) and the README (generated) all come from here.
 *
 * Next step for start-up (issue 17; proposed, not built, so that rows being
 * added on other branches merge as they are): load only the chosen
 * operation's family. Every row stays where it is, whole (name, description,
 * backends, requires, accepts, outputs, parse, run); what changes is how the
 * step reaches it:
 * - a generated `operations/table.generated.ts` holds each row's metadata
 *   and the family module it lives in (`{ name, family: 'canarytokens',
 *   backends, backendNote, requires, accepts, outputs }`), written by a script
 *   from these rows after tsc (like `npm run readme`), with a test that fails,
 *   naming the command, when it is stale;
 * - main.ts checks the inputs against that metadata (findOperation,
 *   checkRequiredInputs, checkBackend, ignoredInputs: the same functions, fed
 *   metadata), then `await FAMILIES[row.family]()`, one `import()` per family
 *   module, so ncc makes each family a chunk and a step compiles only its own;
 *   the real row (parse, run) is found in it by name;
 * - this OPERATIONS array stays for the tests, action.yml and README checks.
 * Today the whole table is 0.24 MB of the 0.75 MB loaded at start-up (undici's
 * Agent is most of the rest); a family chunk would be a fraction of it.
 */
const OPERATIONS = [...CANARYTOKEN_OPERATIONS, ...API_KEY_OPERATIONS, ...CLEANUP_OPERATIONS, ...SEED_OPERATIONS, ...RUNNER_CANARY_OPERATIONS, ...incidents/* INCIDENT_OPERATIONS */.oU];
const OPERATION_NAMES = OPERATIONS.map((operation) => operation.name);
function findOperation(name) {
    const operation = OPERATIONS.find((candidate) => candidate.name === name);
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

;// CONCATENATED MODULE: ./build/http/server-url.js

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
        throw new errors/* InputError */.d(`Input '${input}' is not a valid URL. ${help}`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new errors/* InputError */.d(`Input '${input}' must use https, not ${url.protocol.replace(':', '')}. ${help}`);
    }
    if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
        throw new errors/* InputError */.d(`Input '${input}' must use https: ${rules.secret} would cross the network in clear text. Plain http is allowed only to loopback hosts (localhost, 127.0.0.1, [::1]).`);
    }
    if (url.username || url.password) {
        throw new errors/* InputError */.d(`Input '${input}' must not carry credentials; ${rules.credentialsHint}. ${help}`);
    }
    if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
        throw new errors/* InputError */.d(`Input '${input}' must be ${rules.whose} address only, without a path, query or fragment. ${help}`);
    }
    if (!isValidHostname(url.hostname)) {
        throw new errors/* InputError */.d(`Input '${input}' has a host name that is not valid. ${help}`);
    }
    return new URL(url.origin);
}

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
        if (!isValidHostname(hostname)) {
            throw new errors/* InputError */.d(`Input 'console' is not a Console hash or domain name. ${CONSOLE_HELP}`);
        }
        return new URL(`https://${hostname.toLowerCase()}`);
    }
    return resolveOrigin(input, {
        input: 'console',
        whose: "the Console's",
        secret: 'the auth token',
        credentialsHint: "pass the token in 'auth-token'",
        help: CONSOLE_HELP
    });
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./node_modules/undici/lib/dispatcher/agent.js
var agent = __webpack_require__(57405);
// EXTERNAL MODULE: ./node_modules/undici/lib/api/api-request.js
var api_request = __webpack_require__(14043);
;// CONCATENATED MODULE: ./build/http/undici-parts.js


/**
 * The transport's HTTP client: undici's Agent and its `request`, loaded
 * file by file instead of through undici's index, which also loads fetch,
 * WebSocket, EventSource, the cache, the mock agents and every interceptor
 * (two thirds of the package) on every start of every step. What runs is
 * the same code: undici's index only re-exports these files, and its
 * `request(url, options)` is this `request` called on `options.dispatcher`
 * with the origin and path taken from the URL, as here.
 */

function request(url, options) {
    const { dispatcher, ...rest } = options;
    return api_request.call(dispatcher, { ...rest, origin: url.origin, path: `${url.pathname}${url.search}` });
}
/** undici's FormData, loaded only when a file goes along (uploads). */
async function formData() {
    const { FormData } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 35910, 19));
    return new FormData();
}

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
    return (code === 'UND_ERR_HEADERS_TIMEOUT' ||
        code === 'UND_ERR_BODY_TIMEOUT' ||
        code === 'UND_ERR_CONNECT_TIMEOUT' ||
        error?.name === 'TimeoutError');
}
/** Failures to connect at all: the request never left, so nothing can have happened on the Console. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'EHOSTDOWN', 'UND_ERR_CONNECT_TIMEOUT']);
/** The request never reached the Console: no connection, no name, or a TLS handshake that failed. */
function neverSent(code) {
    return code !== undefined && (NOT_SENT_CODES.has(code) || code === 'ENOTFOUND' || /CERT|^ERR_TLS_|^ERR_SSL_|^UNABLE_TO_/.test(code));
}
/**
 * Connection failures worth another attempt. Not among them: a name that
 * does not resolve (ENOTFOUND: a wrong 'console' input, better said at once)
 * and TLS failures (a certificate problem is not flakiness).
 */
const RETRYABLE_CODES = new Set([...NOT_SENT_CODES, 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'UND_ERR_SOCKET']);
/** Statuses that say "later": rate limiting and a gateway or Console that is briefly unavailable. */
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);
/** What a connection error code means, in words a user can act on. */
function explainCode(code, input) {
    if (code === 'ENOTFOUND')
        return `the name does not resolve; check '${input}'`;
    if (code === 'EAI_AGAIN')
        return 'the name could not be resolved just now (DNS)';
    if (code === 'ECONNREFUSED')
        return `the connection was refused; check '${input}' and that nothing blocks the port`;
    if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'ENETDOWN' || code === 'EHOSTDOWN')
        return 'no route to the host';
    if (code === 'UND_ERR_CONNECT_TIMEOUT')
        return 'the connection was not accepted in time';
    if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE' || code === 'ECONNABORTED')
        return 'the connection was closed by the other end';
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
function networkError(error, timeoutMs, dialect, target, elsewhere = false) {
    if (error instanceof http_errors/* ApiError */.hD)
        return error;
    if (isTimeout(error)) {
        return new http_errors/* ApiError */.hD(`${target && elsewhere ? target.origin : dialect.serverName} did not answer within ${timeoutMs / 1000} s (raise 'timeout-seconds' if it is slow)`, 'timeout');
    }
    const code = errorCode(error);
    const explanation = code ? explainCode(code, dialect.serverInput) : undefined;
    const detail = code ? (explanation ? `${code}: ${explanation}` : code) : (0,errors/* errorMessage */.g)(error);
    // The origin only: a signed storage URL's query is a credential.
    const where = target ? target.origin : dialect.serverName;
    const what = code && !neverSent(code) ? `the connection to ${where} broke` : `could not reach ${where}`;
    return new http_errors/* ApiError */.hD(`${what} (${detail})`, 'network');
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
/** An attempt that failed before or while the request travelled (no answer to judge). */
function failedInTransit(error, timeoutMs, dialect, target, elsewhere = false) {
    const code = errorCode(error);
    const mapped = networkError(error, timeoutMs, dialect, target, elsewhere);
    const retryable = mapped.failure === 'timeout' || (code !== undefined && RETRYABLE_CODES.has(code));
    const reason = mapped.failure === 'timeout' ? 'timeout' : `connection error ${code ?? ''}`.trim();
    return new FailedAttempt(mapped, retryable ? reason : undefined, !neverSent(code));
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
    if (target.protocol === 'http:' && !isLoopback(target.hostname)) {
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
    dispatcher;
    policy;
    constructor(options) {
        this.options = options;
        this.dispatcher =
            options.dispatcher ?? new agent({ connect: { timeout: options.timeoutMs }, headersTimeout: options.timeoutMs, bodyTimeout: options.timeoutMs });
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
        let text;
        try {
            text = (await readBody(body, MAX_JSON_BYTES)).toString('utf8');
        }
        catch (error) {
            throw failedInTransit(error, this.options.timeoutMs, this.options.dialect, this.options.baseUrl);
        }
        // Parsed once, here: the dialect judges the parsed answer, and the caller gets the same one.
        const parsed = parseAnswer(text);
        const failure = this.options.dialect.errorForAnswer(statusCode, headerValue(headers, 'content-type'), text, headerValue(headers, 'location'), parsed);
        if (failure) {
            if (parsed)
                for (const secret of this.options.findSecrets(parsed.json))
                    this.options.onSecret(secret);
            throw failedAnswer(failure, headerValue(headers, 'retry-after'));
        }
        if (!parsed)
            throw failedAnswer(new http_errors/* ApiError */.hD(`HTTP ${statusCode}: ${describeNonJson(headerValue(headers, 'content-type'), text)}`, 'not-json', statusCode), undefined);
        for (const secret of this.options.findSecrets(parsed.json))
            this.options.onSecret(secret);
        return parsed.json;
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
            answer.body.resume();
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
            throw failedInTransit(error, this.options.timeoutMs, this.options.dialect, url, url.origin !== this.options.baseUrl.origin);
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
    async withRetries(endpoint, attempt, recover) {
        const attempts = this.policy.retries + 1;
        const repeatable = endpoint.repeatable ?? endpoint.method === 'GET';
        const call = `${endpoint.method} ${endpoint.path}`;
        let earlierAttemptMayHaveActed = false;
        for (let number = 1;; number++) {
            try {
                return await this.gated(attempt);
            }
            catch (thrown) {
                if (!(thrown instanceof FailedAttempt))
                    throw thrown;
                const { error } = thrown;
                const final = (message = error.message) => Object.assign(new http_errors/* ApiError */.hD(message, error.failure, error.status, error.serverMessage, number, earlierAttemptMayHaveActed), {
                    tried: `${call} at ${this.options.baseUrl.origin}`
                });
                const retrying = thrown.retryReason !== undefined && number < attempts;
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
                await (this.options.sleep ?? external_node_timers_promises_.setTimeout)(wait);
            }
        }
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
            const form = await formData();
            for (const [name, value] of entries)
                form.set(name, value);
            for (const [name, path] of Object.entries(files)) {
                const type = (0,upload_types/* uploadMimeType */.w)(path);
                if (!type)
                    throw new http_errors/* ApiError */.hD(`cannot tell the MIME type of ${(0,external_node_path_.basename)(path)} from its extension`, 'not-json');
                form.set(name, await (0,external_node_fs_.openAsBlob)(path, { type }), (0,external_node_path_.basename)(path));
            }
            body = form;
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
            return await request(url, {
                method,
                headers,
                body,
                dispatcher: this.dispatcher,
                headersTimeout: this.options.timeoutMs,
                bodyTimeout: this.options.timeoutMs
            });
        }
        catch (error) {
            throw failedInTransit(error, this.options.timeoutMs, this.options.dialect, url, url.origin !== this.options.baseUrl.origin);
        }
    }
    async close() {
        if (!this.options.dispatcher)
            await this.dispatcher.close();
    }
}
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

;// CONCATENATED MODULE: ./build/backends/console/dialect.js


function dialect_describeStatus(status) {
    return `HTTP ${status}`;
}
/** The Console's messages for a key it does not accept (getting-started.md), lower-cased. */
const AUTH_FAILURE_MESSAGES = new Set(['invalid auth_token', 'unauthorized']);
/**
 * Maps an answer to a ApiError, or returns nothing when it is a
 * success. Both the status and the `result` field are checked: the Console
 * has answered errors with 200 and successes' bodies are what callers need.
 */
function errorForAnswer(status, contentType, text, location, parsed) {
    if (status >= 300 && status < 400) {
        const target = location ? location.split('?')[0] : 'no Location';
        return new http_errors/* ApiError */.hD(`${dialect_describeStatus(status)}: the Console redirected to ${target}; redirects are not followed (they would carry the auth token elsewhere). Check the 'console' input.`, 'redirect', status);
    }
    const answer = parsed === undefined ? parseAnswer(text) : parsed;
    if (!answer)
        return new http_errors/* ApiError */.hD(`${dialect_describeStatus(status)}: ${describeNonJson(contentType, text)}`, 'not-json', status);
    const body = answer.json;
    const record = typeof body === 'object' && body !== null ? body : {};
    const message = typeof record.message === 'string' ? record.message : undefined;
    // The reference documents authentication failures by their bodies only (a
    // bad `auth_token` parameter, a bad header), not by status: both are read.
    if (status === 401 || status === 403 || (message !== undefined && AUTH_FAILURE_MESSAGES.has(message.trim().toLowerCase()))) {
        return new http_errors/* ApiError */.hD(`${dialect_describeStatus(status)}: the Console rejected the auth token${message ? ` (${message})` : ''}. Check 'auth-token', that the key may do this, and that the API is on (a disabled API refuses every key until it is enabled again in the Console's Global Settings).`, 'unauthorized', status, message);
    }
    if (status < 200 || status >= 300) {
        return new http_errors/* ApiError */.hD(`${dialect_describeStatus(status)}: ${message ?? 'no message from the Console'}`, 'http-status', status, message);
    }
    if (record.result !== 'success') {
        const result = typeof record.result === 'string' ? `"result": "${record.result}"` : 'no "result" field';
        return new http_errors/* ApiError */.hD(`${dialect_describeStatus(status)}: ${message ?? `the answer had ${result}`}`, 'result', status, message);
    }
    return undefined;
}
/** The Console's ways: the auth token in its header, form bodies, `result` in every answer. */
function consoleDialect(authToken) {
    return {
        serverName: 'the Console',
        serverInput: 'console',
        bodyEncoding: 'form',
        // The token goes in the header only, and the transport sends it to the Console's own origin only.
        authHeaders: () => ({ 'x-canary-auth-token': authToken }),
        errorForAnswer,
        isAnswerRecord: (record) => 'result' in record
    };
}

// EXTERNAL MODULE: ./build/http/gate.js
var gate = __webpack_require__(22530);
;// CONCATENATED MODULE: ./build/backends/canarytokens-server/dialect.js


// How a Canarytokens server answers (thinkst/canarytokens frontend/app.py):
// success is a 2xx JSON answer; its failures come in five shapes, none of
// which is ever a success:
//   400 {"error": "1".."6", "error_message": ...}   (models/common.py response_error)
//   403 {"detail": "Token not found. Invalid `auth` and `token` pair."}
//   422 {"detail": [{"loc": [...], "msg": ...}, ...]}  (FastAPI validation)
//   500 {"message": ...}, 400 {"message": ...}, 503 {"msg": ...}
//   an HTML error page ("500 - Internal Server Error") with status 200.
/** What the create codes mean (models/common.py, app.py api_generate). */
const ERROR_CODES = {
    '1': 'malformed request',
    '2': 'no memo',
    '3': 'webhook',
    '4': 'Azure / credit card',
    '5': 'invalid e-mail address',
    '6': 'blocked e-mail address'
};
function dialect_text(value) {
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
/** The `<title>` of an HTML page, short and on one line. */
function dialect_htmlTitle(body) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(body)?.[1]?.replace(/\s+/g, ' ').trim();
    return title ? title.slice(0, 120) : undefined;
}
/** FastAPI's 422 detail list as one line: `query.auth: field required; body.value: ...`. */
function validationDetail(detail) {
    return detail
        .slice(0, 5)
        .map((item) => {
        const record = (typeof item === 'object' && item !== null ? item : {});
        const where = Array.isArray(record.loc) ? record.loc.map(String).join('.') : '';
        const message = dialect_text(record.msg) ?? 'invalid';
        return where ? `${where}: ${message}` : message;
    })
        .join('; ');
}
/** The server's own reason in an error answer, whichever shape it came in. */
function serverReason(record) {
    const code = dialect_text(record.error);
    const message = dialect_text(record.error_message);
    if (code !== undefined)
        return `error ${code}${ERROR_CODES[code] ? ` (${ERROR_CODES[code]})` : ''}${message ? `: ${message}` : ''}`;
    if (message)
        return message;
    if (Array.isArray(record.detail))
        return validationDetail(record.detail);
    return dialect_text(record.detail) ?? dialect_text(record.message) ?? dialect_text(record.msg);
}
/** Maps an answer of a Canarytokens server to an ApiError, or nothing when it is a success. */
function serverErrorForAnswer(server) {
    return (status, contentType, body, location, given) => {
        const http = `HTTP ${status}`;
        if (status >= 300 && status < 400) {
            const target = location ? location.split('?')[0] : 'no Location';
            return new http_errors/* ApiError */.hD(`${http}: ${server} redirected to ${target}; redirects are not followed (the manage auth would go with them). Check 'canarytokens-server'.`, 'redirect', status);
        }
        // Parsed once by the transport when it can say so; else here.
        const answer = given === undefined ? parseAnswer(body) : given;
        if (!answer) {
            if (/^\s*<(!doctype html|html|head|body)\b/i.test(body)) {
                const title = dialect_htmlTitle(body);
                // The server's error handler renders its page with status 200: never a success.
                return new http_errors/* ApiError */.hD(`${http}: ${server} answered with an HTML page${title ? ` ("${title}")` : ''}, not the API's JSON: the server failed, or 'canarytokens-server' is not a Canarytokens server`, 'not-json', status, title);
            }
            return new http_errors/* ApiError */.hD(`${http}: ${server}: ${describeNonJson(contentType, body)}`, 'not-json', status);
        }
        const parsed = answer.json;
        const record = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : {};
        const reason = serverReason(record);
        if (status === 403) {
            return new http_errors/* ApiError */.hD(`${http}: ${server} refused the token and manage auth pair (${reason ?? 'no message'}). Check 'canarytoken' and 'manage-auth': the token may have been deleted, or the manage auth is another token's.`, 'http-status', status, reason);
        }
        if (status < 200 || status >= 300) {
            return new http_errors/* ApiError */.hD(`${http}: ${server} refused it: ${reason ?? 'no message'}`, 'http-status', status, reason);
        }
        // A 2xx answer that carries an error code is a refusal all the same.
        if (dialect_text(record.error) !== undefined)
            return new http_errors/* ApiError */.hD(`${http}: ${server} refused it: ${reason}`, 'result', status, reason);
        return undefined;
    };
}
/**
 * A Canarytokens server's ways: no auth header (each token's manage auth
 * travels as the server expects it: query parameters for manage, history and
 * download, the JSON body for settings and delete), JSON bodies with
 * Content-Type exactly `application/json`.
 */
function canarytokensServerDialect(origin) {
    const server = `the Canarytokens server at ${origin.origin}`;
    return {
        serverName: server,
        serverInput: 'canarytokens-server',
        bodyEncoding: 'json',
        authHeaders: () => ({}),
        errorForAnswer: serverErrorForAnswer(server),
        // A download that answered JSON instead of a file: any of the error shapes.
        isAnswerRecord: (record) => 'detail' in record || 'error' in record || 'message' in record || 'error_message' in record || 'msg' in record
    };
}

;// CONCATENATED MODULE: ./build/backends/canarytokens-server/endpoints.js
// A Canarytokens server's API as data (thinkst/canarytokens, frontend/app.py).
// Every route lives under one fixed prefix (ROOT_API_ENDPOINT); the same
// paths without it are pages of the web app.
/** frontend/app.py `ROOT_API_ENDPOINT`. */
const API_PREFIX = '/d3aece8093b71007b5ccfedad91ebb11';
/**
 * Create (`api_generate`): read as JSON only when Content-Type is exactly
 * `application/json` (a string comparison), which the transport sends; with
 * a file it goes as multipart, which the server reads as a form.
 */
const GENERATE = { method: 'POST', path: `${API_PREFIX}/generate`, body: 'json' };
/** `api_manage_canarytoken`: FastAPI query parameters `token` and `auth`. */
const MANAGE = { method: 'GET', path: `${API_PREFIX}/manage` };
/** `api_history`: query parameters `token` and `auth`. */
const HISTORY = { method: 'GET', path: `${API_PREFIX}/history` };
/** `api_download`: query parameters `fmt`, `token` and `auth`, no Content-Type (the server reads the query only then). */
const DOWNLOAD = { method: 'GET', path: `${API_PREFIX}/download` };
/** `api_settings_post`: a JSON body `{setting, value, token, auth}`; sets a state, so safe to repeat. */
const SETTINGS = { method: 'POST', path: `${API_PREFIX}/settings`, body: 'json', repeatable: true };
/** `api_delete`: a JSON body `{token, auth}`; a repeat finds the token gone (403). */
const DELETE = { method: 'POST', path: `${API_PREFIX}/delete`, body: 'json', repeatable: true };

// EXTERNAL MODULE: ./build/backends/canarytokens-server/kinds.js
var canarytokens_server_kinds = __webpack_require__(19218);
// EXTERNAL MODULE: ./build/secret-fields.js
var secret_fields = __webpack_require__(97266);
;// CONCATENATED MODULE: ./build/backends/canarytokens-server/records.js


function records_isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function records_text(value) {
    return typeof value === 'string' && value !== '' ? value : undefined;
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
/** The page that manages a token (the web app's route): it holds the manage auth, so it is a secret too. */
function manageUrl(origin, token, auth) {
    return `${origin.origin}/nest/manage/${encodeURIComponent(auth)}/${encodeURIComponent(token)}`;
}
/**
 * `created_at` as the canarydrop stores it: ISO 8601, without a zone
 * (`datetime.utcnow()`), so read as UTC; one with a zone is read as written.
 */
function createdAt(value) {
    const raw = records_text(value);
    if (!raw || !/^\d{4}-\d{2}-\d{2}/.test(raw))
        return undefined;
    const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(raw) ? raw : `${raw.replace(' ', 'T')}Z`;
    // JavaScript reads at most milliseconds: Python writes microseconds.
    const date = new Date(zoned.replace(/(\.\d{3})\d+/, '$1'));
    return Number.isNaN(date.getTime()) ? undefined : date;
}
/** A boolean as pydantic writes one; undefined when it is not one. */
function flag(value) {
    return typeof value === 'boolean' ? value : undefined;
}
function awsKeys(accessKeyId, secretAccessKey, region, output) {
    const id = records_text(accessKeyId)?.trim();
    const secret = records_text(secretAccessKey)?.trim();
    if (!id || !secret)
        return undefined;
    return { accessKeyId: id, secretAccessKey: secret, region: records_text(region), output: records_text(output) };
}
/** Ready-made texts: the WireGuard config and the kubeconfig (decoded from base64). Masked already, as secret fields. */
function renders(kind, fields) {
    const found = {};
    const wgConf = records_text(fields.wg_conf);
    if (kind === 'wireguard' && wgConf)
        found.wireguard = wgConf;
    const kubeconfig = records_text(fields.kubeconfig);
    if (kind === 'kubeconfig' && kubeconfig)
        found.kubeconfig = Buffer.from(kubeconfig, 'base64').toString('utf8');
    return Object.keys(found).length > 0 ? found : undefined;
}
/**
 * The create answer as a record. The server does not echo the memo nor say
 * when it made the token; the memo is the one sent, `created` stays unknown.
 * A new token alerts (creating needs an e-mail address or a webhook).
 */
function createdTokenRecord(origin, answer, memo) {
    const id = records_text(answer.token) ?? '';
    const auth = records_text(answer.auth_token);
    const kind = (0,canarytokens_server_kinds/* actionKind */.JQ)(records_text(answer.token_type) ?? '');
    return {
        id,
        kind,
        memo,
        enabled: true,
        triggeredCount: 0,
        hostname: records_text(answer.hostname),
        url: records_text(answer.token_url),
        manageAuth: auth,
        manageUrl: auth ? manageUrl(origin, id, auth) : undefined,
        awsKeys: kind === 'aws-id' ? awsKeys(answer.aws_access_key_id, answer.aws_secret_access_key, answer.region, answer.output) : undefined,
        renders: renders(kind, answer),
        fieldValues: stringFields(answer),
        details: (0,secret_fields/* withoutSecretFields */.Q)(answer),
        answer: (0,secret_fields/* withoutSecretFields */.Q)(answer)
    };
}
/** The token's id in a canarydrop: `canarytoken` is a Canarytoken object (`{"_value": ...}`) or, read another way, the text. */
function dropToken(drop) {
    const value = drop.canarytoken;
    if (records_isRecord(value))
        return records_text(value._value);
    return records_text(value);
}
/** The hits a canarydrop or a history answer holds. */
function hitsOf(details) {
    return records_isRecord(details) && Array.isArray(details.hits) ? details.hits.filter(records_isRecord) : [];
}
/**
 * The manage answer as a record: `created` from `created_at`, `enabled` when
 * e-mail or webhook alerting is on, the count from the hits kept (the server
 * keeps the last 50).
 */
function managedTokenRecord(origin, answer, ref) {
    const drop = records_isRecord(answer.canarydrop) ? answer.canarydrop : {};
    const id = dropToken(drop) ?? ref.id;
    const auth = records_text(drop.auth) ?? ref.manageAuth;
    const kind = (0,canarytokens_server_kinds/* actionKind */.JQ)(records_text(drop.type) ?? '');
    const email = flag(drop.alert_email_enabled);
    const webhook = flag(drop.alert_webhook_enabled);
    // Top-level fields of ManageResponse (wg_conf, qr_code, ...) beside the canarydrop's own.
    const topLevel = Object.fromEntries(Object.entries(answer).filter(([name, value]) => name !== 'canarydrop' && value !== null));
    const fields = { ...drop, token: id, ...topLevel };
    delete fields.canarytoken;
    const hits = hitsOf(drop.triggered_details);
    return {
        id,
        kind,
        memo: typeof drop.memo === 'string' ? drop.memo : '',
        enabled: email === undefined && webhook === undefined ? undefined : email === true || webhook === true,
        created: createdAt(drop.created_at),
        triggeredCount: records_isRecord(drop.triggered_details) ? hits.length : undefined,
        hostname: records_text(drop.generated_hostname),
        url: records_text(drop.generated_url),
        manageAuth: auth,
        manageUrl: auth ? manageUrl(origin, id, auth) : undefined,
        awsKeys: kind === 'aws-id' ? awsKeys(drop.aws_access_key_id, drop.aws_secret_access_key, drop.aws_region, drop.aws_output) : undefined,
        renders: renders(kind, fields),
        fieldValues: stringFields(fields),
        details: (0,secret_fields/* withoutSecretFields */.Q)({ ...drop, canarytoken: id, triggered_details: { hits: hits.length } }),
        answer: (0,secret_fields/* withoutSecretFields */.Q)(answer)
    };
}
/** An AWS call's names: `additional_info.aws_key_log_data.eventName`, a list. */
function awsEvent(hit) {
    const info = hit.additional_info;
    const log = records_isRecord(info) ? info.aws_key_log_data : undefined;
    const names = records_isRecord(log) ? log.eventName : undefined;
    if (Array.isArray(names))
        return names.filter((name) => typeof name === 'string' && name !== '').join(', ') || undefined;
    return records_text(names);
}
/**
 * One history hit as an incident. The user agent is `user_agent` on aws_keys
 * hits (AWSKeyTokenHit serialises `useragent` by that alias) and `useragent`
 * on the others; each is read first where the server puts it, the other
 * spelling second. The server keeps no incident ids: a hit's id is its time
 * and place in the history.
 */
function incidentRecord(hit, index, token) {
    const kind = token.kind;
    const seconds = typeof hit.time_of_hit === 'number' ? hit.time_of_hit : Number.parseFloat(String(hit.time_of_hit ?? ''));
    const created = Number.isFinite(seconds) ? new Date(seconds * 1000) : new Date(Number.NaN);
    const userAgent = kind === 'aws-id' ? (records_text(hit.user_agent) ?? records_text(hit.useragent)) : (records_text(hit.useragent) ?? records_text(hit.user_agent));
    return {
        id: `${Number.isFinite(seconds) ? seconds : 'unknown'}#${index}`,
        canarytoken: token.id,
        memo: token.memo,
        kind,
        srcHost: records_text(hit.src_ip) ?? '',
        created,
        acknowledged: false,
        event: kind === 'aws-id' ? awsEvent(hit) : records_text(hit.input_channel),
        userAgent
    };
}
/** The history answer's hits, oldest first. */
function historyIncidents(answer, token) {
    const history = records_isRecord(answer.history) ? answer.history : {};
    return hitsOf(history)
        .map((hit, index) => incidentRecord(hit, index, token))
        .sort((a, b) => (a.created.getTime() || 0) - (b.created.getTime() || 0));
}

;// CONCATENATED MODULE: ./build/backends/canarytokens-server/index.js





/** A `data:<type>;base64,<data>` URI's bytes, or undefined when the text is not one. */
function dataUriBytes(text) {
    const match = /^data:[^,;]*(?:;[^,;]*)*;base64,([A-Za-z0-9+/=\s]*)$/.exec(text.trim());
    return match ? Buffer.from(match[1], 'base64') : undefined;
}
function bodyOf(content, filename, contentType) {
    return { body: external_node_stream_.Readable.from([content], { objectMode: false }), filename, contentType, contentLength: content.length };
}
async function readAll(download) {
    const chunks = [];
    for await (const chunk of download.body)
        chunks.push(chunk);
    return Buffer.concat(chunks);
}
/**
 * A Canarytokens server (canarytokens.org or self-hosted) as a backend. It
 * has no accounts: every token has its own key, its manage auth, which goes
 * with every call for it (query parameters for manage, history and download,
 * the JSON body for settings and delete, as thinkst/canarytokens
 * frontend/app.py reads them). It cannot list tokens.
 */
class CanarytokensServerBackend {
    transport;
    origin;
    alerts;
    name = 'canarytokens-server';
    description;
    constructor(transport, origin, alerts = {}) {
        this.transport = transport;
        this.origin = origin;
        this.alerts = alerts;
        this.description = `the Canarytokens server at ${origin.origin}`;
    }
    kindOf(kind) {
        const rule = (0,canarytokens_server_kinds/* serverKind */.CG)(kind);
        if (!rule)
            throw new Error(`${this.description} has no kind '${kind}'`);
        return rule;
    }
    pair(token) {
        if (!token.manageAuth)
            throw new Error(`the Canarytoken ${token.id} on ${this.description} needs its manage auth ('manage-auth')`);
        return { token: token.id, auth: token.manageAuth };
    }
    async create(request) {
        const rule = this.kindOf(request.kind);
        if (!this.alerts.email && !this.alerts.webhook)
            throw new Error(`creating a token on ${this.description} needs 'alert-email' or 'alert-webhook'`);
        const params = {
            ...request.params,
            token_type: rule.type,
            memo: request.memo,
            email: this.alerts.email,
            webhook_url: this.alerts.webhook
        };
        let answer;
        try {
            answer = await this.transport.call(GENERATE, params, request.files);
        }
        catch (error) {
            // The server's error page, with status 200, is also how it answers a webhook on an address it will not POST to.
            if (error instanceof http_errors/* ApiError */.hD && error.failure === 'not-json' && error.status === 200 && this.alerts.webhook) {
                throw new http_errors/* ApiError */.hD(`${error.message} (the server answers this page, among other failures, when 'alert-webhook' resolves to a private or loopback address it refuses to POST to)`, error.failure, error.status, error.serverMessage, error.attempts, error.earlierAttemptMayHaveActed);
            }
            throw error;
        }
        if (typeof answer.token !== 'string' || !answer.token || typeof answer.auth_token !== 'string' || !answer.auth_token) {
            throw new http_errors/* ApiError */.hD(`${this.description} answered the create without a token and its manage auth`, 'result', 200);
        }
        return createdTokenRecord(this.origin, answer, request.memo);
    }
    async fetch(token) {
        const answer = await this.transport.call(MANAGE, this.pair(token));
        return managedTokenRecord(this.origin, answer, token);
    }
    /**
     * The token's file: from the answer that carries it (WireGuard config,
     * kubeconfig, QR code, signed binary), else `GET /download?fmt=`.
     */
    async download(token) {
        const rule = this.kindOf(token.kind);
        const carried = rule.answerFile;
        if (carried) {
            for (const field of carried.fields) {
                const value = token.fieldValues[field];
                if (!value)
                    continue;
                const bytes = carried.encoding === 'text' ? Buffer.from(value, 'utf8') : carried.encoding === 'base64' ? Buffer.from(value, 'base64') : dataUriBytes(value);
                if (bytes)
                    return bodyOf(bytes, carried.filename);
            }
        }
        if (!rule.fmt) {
            throw new Error(`${this.description} gives the file of a ${token.kind} token only in the answer that creates it; create it with 'download: true' (or read the config from the web page at the manage URL)`);
        }
        const download = await this.transport.download(DOWNLOAD, { fmt: rule.fmt, ...this.pair(token) });
        if (rule.answerFile?.encoding !== 'data-uri')
            return download;
        // fmt=qr_code answers the PNG's data URI as text (labelled image/png): the file is the picture it holds.
        const content = await readAll(download);
        const bytes = dataUriBytes(content.toString('latin1'));
        return bodyOf(bytes ?? content, download.filename ?? rule.answerFile.filename, download.contentType);
    }
    /** E-mail and webhook alerting off; on again for each that has a recipient. */
    async setAlerting(token, enabled) {
        const pair = this.pair(token);
        let settings = ['email_enable', 'webhook_enable'];
        if (enabled) {
            const current = await this.transport.call(MANAGE, pair);
            const drop = (typeof current.canarydrop === 'object' && current.canarydrop !== null ? current.canarydrop : {});
            settings = [
                ...(typeof drop.alert_email_recipient === 'string' && drop.alert_email_recipient ? ['email_enable'] : []),
                ...(typeof drop.alert_webhook_url === 'string' && drop.alert_webhook_url ? ['webhook_enable'] : [])
            ];
            if (settings.length === 0)
                throw new Error(`the Canarytoken ${token.id} has neither an e-mail address nor a webhook to alert on ${this.description}`);
        }
        for (const setting of settings) {
            const answer = await this.transport.call(SETTINGS, { setting, value: enabled ? 'on' : 'off', ...pair });
            if (answer.message !== 'success') {
                throw new http_errors/* ApiError */.hD(`${this.description} answered the ${setting} setting without "message": "success"`, 'result', 200, typeof answer.message === 'string' ? answer.message : undefined);
            }
        }
    }
    async delete(token) {
        try {
            const answer = await this.transport.call(DELETE, this.pair(token));
            if (answer.message !== 'success') {
                throw new http_errors/* ApiError */.hD(`${this.description} answered the delete without "message": "success"`, 'result', 200, typeof answer.message === 'string' ? answer.message : undefined);
            }
            return { alreadyDone: false };
        }
        catch (error) {
            // A repeat of a delete the server may have carried out finds the token gone (403).
            if ((0,http_errors/* wasDoneByEarlierAttempt */.EE)(error))
                return { alreadyDone: true };
            throw error;
        }
    }
    /** The token's history hits, oldest first (the server keeps the last 50). */
    async *incidents(token) {
        const answer = await this.transport.call(HISTORY, this.pair(token));
        const record = managedTokenRecord(this.origin, { canarydrop: answer.canarydrop }, token);
        yield* historyIncidents(answer, record);
    }
    close() {
        return this.transport.close();
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
        if (!input.includes('.') || !isValidHostname(input))
            throw new errors/* InputError */.d(`Input 'canarytokens-server' is not a domain name or URL. ${SERVER_HELP}`);
        return new URL(`https://${input.toLowerCase()}`);
    }
    return resolveOrigin(input, {
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
/**
 * A log line starting with `::` is a command to the runner, and info lines
 * carry text from the Console (hostnames, memos, messages): a hostile answer
 * must not be able to issue one (`::stop-commands::` would switch off the
 * masks we add later). The other levels are commands already, which
 * @actions/core escapes.
 */
function defuseCommands(message) {
    return message.replace(/(^|[\r\n])(\s*)::/g, '$1$2: :');
}
/** Every line we log passes through `redact`, debug lines included. */
const log = {
    info: (message) => actions_core/* info */.pq(defuseCommands((0,secrets/* redact */.E$)(message))),
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
 * credentials, timeout-seconds, retries) now, sending nothing; opens the
 * backend when called.
 */
function backendConnection(inputs) {
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
            open: () => new CanarytokensServerBackend(new HttpTransport({ ...transport, baseUrl: origin, dialect: canarytokensServerDialect(origin) }), origin, alerts)
        };
    }
    for (const input of SERVER_ONLY_INPUTS) {
        if (inputs.get(input)) {
            throw new errors/* InputError */.d(`Input '${input}' is for a Canarytokens server ('canarytokens-server'); the Canary Console does not use it. Remove it, or set 'canarytokens-server' instead of 'console'.`);
        }
    }
    const baseUrl = resolveConsoleUrl(inputs.get('console'));
    (0,secrets/* checkSecretInput */.pK)('auth-token', inputs.get('auth-token'));
    const transport = transportOptions(inputs);
    return {
        name: 'console',
        open: () => new backends_console/* ConsoleBackend */.O(new HttpTransport({ ...transport, baseUrl, dialect: consoleDialect(inputs.get('auth-token')) }), baseUrl)
    };
}
/** What every backend's transport shares: timeouts, retries, the one adaptive gate, masking, the log. */
function transportOptions(inputs) {
    const timeoutSeconds = (0,build_inputs/* integerInput */.$A)(inputs, 'timeout-seconds', { min: 1, max: 3600, fallback: 30 }) ?? 30;
    const retries = (0,build_inputs/* integerInput */.$A)(inputs, 'retries', { min: 0, max: 10, fallback: DEFAULT_RETRY_POLICY.retries }) ?? DEFAULT_RETRY_POLICY.retries;
    return {
        timeoutMs: timeoutSeconds * 1000,
        retry: { retries },
        // Bulk operations send many requests at once; a Console that throttles slows all of them down.
        gate: new gate/* AdaptiveConcurrency */.w({ onChange: log.info }),
        userAgent: `canary-console-action/${ACTION_VERSION}`,
        onSecret: secrets/* registerSecret */.cl,
        findSecrets: (body) => (0,secrets/* findSecretValues */.sD)(body),
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
        operation = findOperation(inputs.get('operation'));
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
        const backend = connection.open();
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
/* harmony export */   au: () => (/* binding */ didYouMean),
/* harmony export */   bi: () => (/* binding */ nearMiss),
/* harmony export */   lG: () => (/* binding */ unknownNameMessage)
/* harmony export */ });
/* unused harmony export nearMisses */
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
 * of the name). Undefined when nothing is that close.
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
        const edits = distance(wanted, squashed(name));
        if (edits <= 2 && edits * 3 < Math.max(wanted.length, 3) && (!best || edits < best.edits))
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

/***/ 33389:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WS: () => (/* binding */ mapWithConcurrency),
/* harmony export */   aq: () => (/* binding */ changeEach),
/* harmony export */   ei: () => (/* binding */ concurrencyInput)
/* harmony export */ });
/* unused harmony exports CONSOLE_CONCURRENCY, CANARYTOKENS_SERVER_CONCURRENCY */
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58175);
/* harmony import */ var _http_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(42602);
/* harmony import */ var _http_gate_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(22530);




/** `concurrency` when it is not set, against the Console. */
const CONSOLE_CONCURRENCY = 20;
/**
 * `concurrency` when it is not set, against a Canarytokens server:
 * canarytokens.org is a free service others share, so a seed goes gently
 * (set `concurrency` higher against a server of your own).
 */
const CANARYTOKENS_SERVER_CONCURRENCY = 2;
/** The `concurrency` input: how many items a bulk operation works on at once (the gate may allow fewer). */
function concurrencyInput(inputs) {
    const fallback = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .chosenBackend */ .fn)(inputs) === 'canarytokens-server' ? CANARYTOKENS_SERVER_CONCURRENCY : CONSOLE_CONCURRENCY;
    return (0,_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .integerInput */ .$A)(inputs, 'concurrency', { min: 1, max: _http_gate_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_CONCURRENCY */ .f, fallback });
}
/**
 * Runs `work` on every item with at most `concurrency` at once, in order of
 * the items, and resolves with the results in the same order once all are
 * done. `work` must not throw (it returns the outcome, failures included), so
 * one failure never stops the others. A dozen lines did not earn a dependency.
 */
async function mapWithConcurrency(items, concurrency, work) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await work(items[index], index);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
    return results;
}
/**
 * Changes every item, `concurrency` at a time, recording each outcome on
 * it: `changed` with what `change` says it did, `skipped` when it was
 * already gone, `failed` with the reason (and its attempts). A refused auth
 * token refuses every request: after the first refusal no new request is
 * started, and the items left are `failed` as "not tried", so every item is
 * reported and none is silently left out.
 */
async function changeEach(items, concurrency, change, options = {}) {
    let refusedBy;
    await mapWithConcurrency(items, concurrency, async (item) => {
        if (refusedBy) {
            Object.assign(item, { outcome: 'failed', message: `not tried: ${refusedBy}` });
            return;
        }
        try {
            Object.assign(item, { outcome: 'changed', message: await change(item) });
        }
        catch (error) {
            const gone = options.gone?.(error);
            if (gone !== undefined) {
                Object.assign(item, { outcome: 'skipped', message: gone });
                return;
            }
            const message = (0,_http_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .reasonWithAttempts */ .ny)(error);
            if (error instanceof _http_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiError */ .hD && error.failure === 'unauthorized')
                refusedBy ??= message;
            Object.assign(item, { outcome: 'failed', message });
            options.failed?.(item, message);
        }
    });
}


/***/ }),

/***/ 35293:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BY: () => (/* binding */ FILTER_INPUTS),
/* harmony export */   GT: () => (/* binding */ describeFilter),
/* harmony export */   Lj: () => (/* binding */ memoPatternInput),
/* harmony export */   OZ: () => (/* binding */ requireFilterOrAll),
/* harmony export */   QS: () => (/* binding */ consoleQuery),
/* harmony export */   Tw: () => (/* binding */ parseCanarytokenFilter),
/* harmony export */   yy: () => (/* binding */ matchesFilter)
/* harmony export */ });
/* unused harmony exports GlobMatcher, isRegexPattern, loadRegexEngine, parseMemoPattern, parseCreatedBefore, hasFilter */
/* harmony import */ var _backends_console_canarytokens_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17442);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(19473);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(58175);
/* harmony import */ var _kinds_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(59240);




/** The inputs a filter is read from. */
const FILTER_INPUTS = ['memo-pattern', 'kind', 'flock-id', 'created-before', 'triggered', 'enabled'];
const REGEX_LITERAL = /^\/(.*)\/([a-z]*)$/s;
/** `g` and `y` make `test` stateful; `d` is of no use here; `v`'s set notation is not RE2's. */
const REGEX_FLAGS = /^[imsu]*$/;
function atomMatches(atom, codePoint) {
    if ('literal' in atom)
        return atom.literal === codePoint;
    if ('any' in atom)
        return true;
    const inside = atom.ranges.some(([low, high]) => codePoint >= low && codePoint <= high);
    return inside !== atom.negated;
}
/**
 * A compiled glob, matched against the whole memo without a regular
 * expression: `*` any run of characters (`/` and line breaks included: memos
 * are not paths), `?` one character, `[abc]`/`[a-z]`/`[!abc]` a class, `\`
 * makes the next character literal. Characters are code points.
 *
 * Matching is the two-pointer wildcard walk: on a mismatch it goes back only
 * to the latest `*` and lets it take one more character, never to an earlier
 * one (every atom takes exactly one character, so the earliest place a part
 * between stars fits is always as good as any later one). Its work is at
 * most (memo length + 1) x (pattern length + 1) steps, whatever the memo,
 * where a translation to a backtracking RegExp (`[\s\S]*` per star) can take
 * minutes on a 10,000-character memo. `steps` counts the work, so tests can
 * check the bound without a clock.
 */
class GlobMatcher {
    glob;
    literalPrefix;
    /** The pattern's length in elements (a class counts as one). */
    length;
    tokens;
    work = 0;
    constructor(glob) {
        this.glob = glob;
        const { tokens, literalPrefix } = compileGlob(glob);
        this.tokens = tokens;
        this.literalPrefix = literalPrefix;
        this.length = tokens.length;
    }
    /** Matching steps taken by every `test` so far. */
    steps() {
        return this.work;
    }
    test(memo) {
        const text = Array.from(memo, (character) => character.codePointAt(0));
        const tokens = this.tokens;
        let t = 0;
        let p = 0;
        let starAt = -1;
        let starText = 0;
        while (t < text.length) {
            this.work++;
            const token = tokens[p];
            if (token && 'star' in token) {
                starAt = p++;
                starText = t;
            }
            else if (token && atomMatches(token, text[t])) {
                t++;
                p++;
            }
            else if (starAt !== -1) {
                p = starAt + 1;
                t = ++starText;
            }
            else {
                return false;
            }
        }
        while (p < tokens.length && 'star' in tokens[p]) {
            this.work++;
            p++;
        }
        return p === tokens.length;
    }
}
function compileGlob(glob) {
    const characters = Array.from(glob);
    const tokens = [];
    let literalPrefix = '';
    let prefixOpen = true;
    for (let index = 0; index < characters.length; index++) {
        const character = characters[index];
        if (character === '*') {
            // `**` is `*`: one star keeps the walk's bound.
            if (!('star' in (tokens.at(-1) ?? {})))
                tokens.push({ star: true });
            prefixOpen = false;
        }
        else if (character === '?') {
            tokens.push({ any: true });
            prefixOpen = false;
        }
        else if (character === '[' && characters.indexOf(']', index + 2) !== -1) {
            const end = characters.indexOf(']', index + 2);
            let body = characters.slice(index + 1, end);
            const negated = body[0] === '!' || body[0] === '^';
            if (negated)
                body = body.slice(1);
            if (body.length === 0)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d(`Input 'memo-pattern' has an empty character class at position ${index + 1}.`);
            const ranges = [];
            for (let at = 0; at < body.length; at++) {
                const low = body[at].codePointAt(0);
                if (body[at + 1] === '-' && at + 2 < body.length) {
                    const high = body[at + 2].codePointAt(0);
                    if (high < low)
                        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d("Input 'memo-pattern' is not a valid glob (Range out of order in character class).");
                    ranges.push([low, high]);
                    at += 2;
                }
                else {
                    ranges.push([low, low]);
                }
            }
            tokens.push({ ranges, negated });
            index = end;
            prefixOpen = false;
        }
        else {
            const literal = character === '\\' && index + 1 < characters.length ? characters[++index] : character;
            tokens.push({ literal: literal.codePointAt(0) });
            if (prefixOpen)
                literalPrefix += literal;
        }
    }
    return { tokens, literalPrefix };
}
/**
 * The word a `^literal...` regular expression pins at the memo's start, if
 * it surely does: no alternation, no case folding, and a last letter that no
 * quantifier makes optional.
 */
function regexSearchString(source, flags) {
    if (!source.startsWith('^') || flags.includes('i') || source.includes('|'))
        return undefined;
    const run = /^[A-Za-z0-9]+/.exec(source.slice(1))?.[0];
    if (!run)
        return undefined;
    const after = source[1 + run.length];
    const word = after === '?' || after === '*' || after === '{' ? run.slice(0, -1) : run;
    return word || undefined;
}
/** Whether a pattern is a regular expression (`/.../flags`), which needs the RE2 engine loaded (loadRegexEngine). */
function isRegexPattern(text) {
    return text.length > 1 && REGEX_LITERAL.test(text);
}
let re2;
/**
 * Loads RE2 (the re2js port: linear-time matching) for regular-expression
 * patterns. Only a run whose `memo-pattern` is a `/regex/` pays for it, and
 * it must be loaded before parseMemoPattern reads one.
 */
async function loadRegexEngine() {
    re2 ??= (await __webpack_require__.e(/* import() */ 856).then(__webpack_require__.bind(__webpack_require__, 2856))).RE2JS;
}
/**
 * A `memo-pattern`: a `/regex/flags` runs on RE2 (RE2's syntax: no
 * backreferences, no lookahead or lookbehind, which are what can make a
 * backtracking engine take exponential time), anything else is a glob.
 */
function parseMemoPattern(text) {
    const literal = REGEX_LITERAL.exec(text);
    if (literal && text.length > 1) {
        const [, source = '', flags = ''] = literal;
        if (!REGEX_FLAGS.test(flags)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d(`Input 'memo-pattern' has regular expression flags '${flags}'; only i, m, s and u apply.`);
        }
        if (source === '')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d("Input 'memo-pattern' is an empty regular expression: write a pattern between the slashes.");
        if (!re2)
            throw new Error('parseMemoPattern: a regular expression needs loadRegexEngine() first');
        let compiled;
        try {
            const bits = (flags.includes('i') ? re2.CASE_INSENSITIVE : 0) | (flags.includes('s') ? re2.DOTALL : 0) | (flags.includes('m') ? re2.MULTILINE : 0);
            compiled = re2.compile(source, bits);
        }
        catch (error) {
            const reason = (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .g)(error).replace(/^error parsing regexp: /, '');
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d(`Input 'memo-pattern' is not a valid RE2 regular expression: ${reason}. Backreferences and lookaround are refused (they can make matching take exponential time); write a glob, or a regular expression without them.`);
        }
        return { text, test: (memo) => compiled.test(memo), searchString: regexSearchString(source, flags) };
    }
    const glob = new GlobMatcher(text);
    return { text, test: (memo) => glob.test(memo), steps: () => glob.steps(), searchString: (0,_backends_console_canarytokens_js__WEBPACK_IMPORTED_MODULE_0__/* .searchStringFor */ .Jv)(glob.literalPrefix) };
}
const AGE_UNITS = { m: 60, h: 3600, d: 86_400, w: 604_800 };
const AGE = /^(\d{1,6})([mhdw])$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;
/**
 * `created-before`: an ISO 8601 date (midnight UTC), date and time (UTC
 * unless it names an offset), or an age before now: `30d`, `12h`, `90m`, `2w`.
 */
function parseCreatedBefore(text, nowMs) {
    const age = AGE.exec(text);
    if (age) {
        const seconds = Number(age[1]) * AGE_UNITS[age[2]];
        return { epochSeconds: Math.floor(nowMs / 1000) - seconds, text };
    }
    const date = ISO_DATE.exec(text);
    const dateTime = ISO_DATE_TIME.exec(text);
    const parts = date ?? dateTime;
    if (parts) {
        const [, year, month, day, hour = '00', minute = '00', second = '00'] = parts.map((part) => part ?? '00');
        // Date.parse would roll 2024-02-30 over to March: check the fields ourselves.
        const fieldsValid = Number(month) >= 1 && Number(month) <= 12 && Number(hour) <= 23 && Number(minute) <= 59 && Number(second) <= 59;
        const daysInMonth = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
        if (fieldsValid && Number(day) >= 1 && Number(day) <= daysInMonth) {
            const zone = dateTime?.[7];
            const normalized = date ? `${text}T00:00:00Z` : `${text.replace(' ', 'T')}${zone ? '' : 'Z'}`;
            const ms = Date.parse(normalized.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
            if (Number.isFinite(ms))
                return { epochSeconds: Math.floor(ms / 1000), text };
        }
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d(`Input 'created-before' must be an ISO date (2024-05-31), a date and time (2024-05-31T12:00:00Z) or an age (30d, 12h, 90m, 2w); '${text}' is none of these.`);
}
/** A `memo-pattern` as every operation reads it: RE2 loaded first when it is a regular expression. */
async function memoPatternInput(text) {
    if (isRegexPattern(text))
        await loadRegexEngine();
    return parseMemoPattern(text);
}
/** Reads the filter inputs; every mistake is an InputError naming the input. `nowMs` fixes "now" for ages. */
async function parseCanarytokenFilter(inputs, nowMs) {
    const filter = {};
    const memoPattern = inputs.get('memo-pattern');
    if (memoPattern)
        filter.memoPattern = await memoPatternInput(memoPattern);
    const kind = inputs.get('kind');
    if (kind) {
        if (!(0,_kinds_js__WEBPACK_IMPORTED_MODULE_2__/* .isKnownKind */ .mT)(kind))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d((0,_kinds_js__WEBPACK_IMPORTED_MODULE_2__/* .unknownKindMessage */ .O3)(kind));
        filter.kind = kind;
    }
    const flockId = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .flockIdInput */ .Rq)(inputs);
    if (flockId)
        filter.flockId = flockId;
    const createdBefore = inputs.get('created-before');
    if (createdBefore)
        filter.createdBefore = parseCreatedBefore(createdBefore, nowMs);
    filter.triggered = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .optionalBoolean */ .Jz)(inputs, 'triggered');
    filter.enabled = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .optionalBoolean */ .Jz)(inputs, 'enabled');
    return filter;
}
function hasFilter(filter) {
    return Object.values(filter).some((value) => value !== undefined);
}
/** Refuses a run with neither a filter nor `all: true`, the explicit "every token" switch. */
function requireFilterOrAll(filter, inputs, operation) {
    if (!(0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .booleanInput */ .tE)(inputs, 'all') && !hasFilter(filter)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d(`Operation '${operation}' needs at least one filter (${FILTER_INPUTS.join(', ')}), or 'all: true' to work on every Canarytoken.`);
    }
}
/** The part of the filter the Console applies itself. */
function consoleQuery(filter) {
    return { flockId: filter.flockId, kind: filter.kind, active: filter.enabled, searchString: filter.memoPattern?.searchString };
}
/**
 * Whether a token passes every filter. Everything is checked here, the
 * Console's part too, so a Console that ignored a parameter cannot widen the
 * match. A field the filter needs but the token lacks never matches.
 */
function matchesFilter(filter, token) {
    if (filter.kind !== undefined && token.kind !== filter.kind)
        return false;
    if (filter.flockId !== undefined && token.flockId !== filter.flockId)
        return false;
    if (filter.enabled !== undefined && token.enabled !== filter.enabled)
        return false;
    if (filter.memoPattern && !filter.memoPattern.test(token.memo))
        return false;
    if (filter.createdBefore) {
        if (token.created === undefined || token.created.getTime() / 1000 >= filter.createdBefore.epochSeconds)
            return false;
    }
    if (filter.triggered !== undefined) {
        const count = token.triggeredCount;
        if (count === undefined || count > 0 !== filter.triggered)
            return false;
    }
    return true;
}
/** The filter in words, for the log and the job summary. */
function describeFilter(filter) {
    const parts = [];
    if (filter.memoPattern)
        parts.push(`memo-pattern ${filter.memoPattern.text}`);
    if (filter.kind)
        parts.push(`kind ${filter.kind}`);
    if (filter.flockId)
        parts.push(`flock-id ${filter.flockId}`);
    if (filter.createdBefore)
        parts.push(`created before ${new Date(filter.createdBefore.epochSeconds * 1000).toISOString()} (${filter.createdBefore.text})`);
    if (filter.triggered !== undefined)
        parts.push(filter.triggered ? 'triggered' : 'never triggered');
    if (filter.enabled !== undefined)
        parts.push(filter.enabled ? 'enabled' : 'disabled');
    return parts.length > 0 ? parts.join(', ') : 'every Canarytoken';
}


/***/ }),

/***/ 10940:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gt: () => (/* binding */ listedIncident),
/* harmony export */   QJ: () => (/* binding */ selectIncidents),
/* harmony export */   e9: () => (/* binding */ describeSelection),
/* harmony export */   kR: () => (/* binding */ parseIncidentSelection),
/* harmony export */   oU: () => (/* binding */ INCIDENT_OPERATIONS),
/* harmony export */   os: () => (/* binding */ shortText),
/* harmony export */   sU: () => (/* binding */ tallyNotes)
/* harmony export */ });
/* unused harmony exports INCIDENT_FILTER_INPUTS, hasIncidentFilter, matchesSelection, INCIDENT_COLUMNS, incidentRow */
/* harmony import */ var _backends_console_incidents_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(60289);
/* harmony import */ var _http_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(42602);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(19473);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(58175);
/* harmony import */ var _near_miss_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(47001);
/* harmony import */ var _publish_summary_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(23552);
/* harmony import */ var _publish_tokens_file_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(68211);
/* harmony import */ var _bounded_pool_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(33389);
/* harmony import */ var _canarytoken_filter_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(35293);
/* harmony import */ var _kinds_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(59240);
/* harmony import */ var _outcomes_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(68734);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(71578);












// Canarytoken incidents: list, acknowledge, delete, and (report-incidents.ts,
// loaded only by that operation) report them as GitHub issues. Canary
// (device) incidents never get here: the backend leaves them out.
/** The inputs that select incidents. */
const INCIDENT_FILTER_INPUTS = ['incident-state', 'canarytoken', 'flock-id', 'memo-pattern', 'kind', 'incidents-since'];
function listedIncident(incident) {
    return {
        id: incident.id,
        canarytoken: incident.canarytoken,
        memo: incident.memo,
        kind: incident.kind,
        src_host: incident.srcHost,
        created: incident.created.toISOString(),
        acknowledged: incident.acknowledged,
        event: incident.event ?? null,
        user_agent: incident.userAgent ?? null
    };
}
/** Token ids as Consoles write them; anything else is a mistake caught before any request. */
const TOKEN_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$/;
function stateInput(inputs, fallback) {
    const raw = inputs.get('incident-state');
    if (raw === '')
        return fallback;
    if (_backends_console_incidents_js__WEBPACK_IMPORTED_MODULE_0__/* .INCIDENT_STATES */ .Eq.includes(raw))
        return raw;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_9__/* .InputError */ .d(`Input 'incident-state' must be one of: ${_backends_console_incidents_js__WEBPACK_IMPORTED_MODULE_0__/* .INCIDENT_STATES */ .Eq.join(', ')}; '${raw}' is not${(0,_near_miss_js__WEBPACK_IMPORTED_MODULE_10__/* .didYouMean */ .au)(raw, _backends_console_incidents_js__WEBPACK_IMPORTED_MODULE_0__/* .INCIDENT_STATES */ .Eq) || '.'}`);
}
/** Reads the selection inputs, every mistake an InputError naming the input; sends nothing. */
async function parseIncidentSelection(inputs, fallbackState) {
    const onServer = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .chosenBackend */ .fn)(inputs) === 'canarytokens-server';
    if (onServer)
        refuseOnServer(inputs);
    const selection = { state: stateInput(inputs, fallbackState), filter: {} };
    if (onServer)
        selection.manageAuth = inputs.get('manage-auth');
    const canarytoken = inputs.get('canarytoken');
    if (canarytoken) {
        if (!TOKEN_ID.test(canarytoken))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_9__/* .InputError */ .d(`Input 'canarytoken' must be a Canarytoken id (letters and digits, as the Console's 'canarytoken' field), not '${canarytoken}'.`);
        selection.canarytoken = canarytoken;
    }
    const memoPattern = inputs.get('memo-pattern');
    if (memoPattern)
        selection.filter.memoPattern = await (0,_canarytoken_filter_js__WEBPACK_IMPORTED_MODULE_6__/* .memoPatternInput */ .Lj)(memoPattern);
    const kind = inputs.get('kind');
    if (kind) {
        const backend = onServer ? 'canarytokens-server' : 'console';
        if (!(0,_kinds_js__WEBPACK_IMPORTED_MODULE_7__/* .isKnownKind */ .mT)(kind, backend))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_9__/* .InputError */ .d((0,_kinds_js__WEBPACK_IMPORTED_MODULE_7__/* .unknownKindMessage */ .O3)(kind, backend));
        selection.filter.kind = kind;
    }
    const flockId = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .flockIdInput */ .Rq)(inputs);
    if (flockId)
        selection.filter.flockId = flockId;
    selection.since = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .integerInput */ .$A)(inputs, 'incidents-since', { min: 0, max: Number.MAX_SAFE_INTEGER });
    return selection;
}
/**
 * A Canarytokens server keeps each token's history apart, read with the
 * token's own key; its hits are never acknowledged and have no update
 * counter, and it has no flocks: what cannot apply is refused before any
 * request, with why.
 */
function refuseOnServer(inputs) {
    if (!inputs.get('canarytoken')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_9__/* .InputError */ .d("On a Canarytokens server, list-incidents needs 'canarytoken' and 'manage-auth': the server keeps each token's history apart and shows it only with the token's own key (it cannot list tokens or incidents across them).");
    }
    if (!inputs.get('manage-auth')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_9__/* .InputError */ .d("On a Canarytokens server, list-incidents needs input 'manage-auth': the token's own key, which the step that created it gave as its 'manage-auth' output.");
    }
    if (inputs.get('incident-state') === 'acknowledged') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_9__/* .InputError */ .d("Input 'incident-state: acknowledged' cannot match on a Canarytokens server: it has no acknowledgement, so every hit in a token's history is unacknowledged. Use unacknowledged (the default) or all.");
    }
    if (inputs.get('incidents-since')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_9__/* .InputError */ .d("Input 'incidents-since' is the Console's (its incidents' updated_id): a Canarytokens server's history has no such counter. Remove it; the history holds at most the last 50 hits.");
    }
    if (inputs.get('flock-id'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_9__/* .InputError */ .d("Input 'flock-id' is the Console's: a Canarytokens server has no flocks. Remove it.");
}
function hasIncidentFilter(selection) {
    return selection.canarytoken !== undefined || selection.since !== undefined || Object.values(selection.filter).some((value) => value !== undefined);
}
/** The selection in words, for the log and the summary. */
function describeSelection(selection) {
    const parts = [`${selection.state} incidents`];
    if (selection.canarytoken)
        parts.push(`of Canarytoken ${selection.canarytoken}`);
    if (selection.filter.memoPattern)
        parts.push(`memo-pattern ${selection.filter.memoPattern.text}`);
    if (selection.filter.kind)
        parts.push(`kind ${selection.filter.kind}`);
    if (selection.filter.flockId)
        parts.push(`flock-id ${selection.filter.flockId}`);
    if (selection.since !== undefined)
        parts.push(`updated after ${selection.since}`);
    return parts.join(', ');
}
/** The incident's token as the filter reads tokens: only the fields an incident carries. */
function tokenOf(incident) {
    return { id: incident.canarytoken, kind: incident.kind, memo: incident.memo, flockId: incident.flockId, fieldValues: {}, details: {} };
}
function matchesSelection(selection, incident) {
    if (selection.canarytoken !== undefined && incident.canarytoken !== selection.canarytoken)
        return false;
    if (selection.state === 'acknowledged' && !incident.acknowledged)
        return false;
    if (selection.state === 'unacknowledged' && incident.acknowledged)
        return false;
    if (selection.since !== undefined && !(incident.updatedId !== undefined && incident.updatedId > selection.since))
        return false;
    return (0,_canarytoken_filter_js__WEBPACK_IMPORTED_MODULE_6__/* .matchesFilter */ .yy)(selection.filter, tokenOf(incident));
}
/**
 * The selected incidents, a page at a time: one token's through the port
 * (`backend.incidents`), else the Console's feed narrowed by what it can
 * filter (flock, incidents_since). Every filter is checked again here.
 */
async function* selectIncidents(context, selection, tally) {
    if (selection.canarytoken !== undefined) {
        tally.pages = 1;
        for await (const incident of context.backend.incidents(selection.manageAuth ? { id: selection.canarytoken, manageAuth: selection.manageAuth } : { id: selection.canarytoken })) {
            tally.read++;
            if (incident.updatedId !== undefined)
                tally.maxUpdatedId = Math.max(tally.maxUpdatedId ?? 0, incident.updatedId);
            if (matchesSelection(selection, incident))
                yield incident;
        }
        return;
    }
    const console = (0,_types_js__WEBPACK_IMPORTED_MODULE_8__/* .consoleOf */ .Fl)(context);
    for await (const page of console.incidentPages({ state: selection.state, flockId: selection.filter.flockId, since: selection.since })) {
        tally.pages++;
        tally.read += page.incidents.length;
        tally.deviceIncidents += page.deviceIncidents;
        tally.unreadable += page.unreadable;
        if (page.maxUpdatedId !== undefined)
            tally.maxUpdatedId = Math.max(tally.maxUpdatedId ?? 0, page.maxUpdatedId);
        for (const incident of page.incidents)
            if (matchesSelection(selection, incident))
                yield incident;
    }
}
function tallyNotes(tally, log) {
    const notes = [];
    if (tally.deviceIncidents > 0)
        notes.push(`${(0,_outcomes_js__WEBPACK_IMPORTED_MODULE_11__/* .counted */ .hS)(tally.deviceIncidents, 'Canary (device) incident')} in the feed ${tally.deviceIncidents === 1 ? 'was' : 'were'} left out: this action handles Canarytoken incidents only.`);
    if (tally.unreadable > 0) {
        const note = `${(0,_outcomes_js__WEBPACK_IMPORTED_MODULE_11__/* .counted */ .hS)(tally.unreadable, 'Canarytoken incident')} had no incident key and could not be read; ${tally.unreadable === 1 ? 'it was' : 'they were'} left out.`;
        log.warning(note);
        notes.push(note);
    }
    return notes;
}
const INCIDENT_COLUMNS = ['Created', 'Canarytoken', 'Memo', 'Kind', 'Source', 'Event', 'User agent', 'Acknowledged'];
/** Memos and user agents can be long: the summary shows their start. */
function shortText(text, length = 120) {
    return text.length > length ? `${text.slice(0, length - 3)}...` : text;
}
function incidentRow(item) {
    return [item.created, item.canarytoken, shortText(item.memo), item.kind, item.src_host, shortText(item.event ?? ''), shortText(item.user_agent ?? ''), String(item.acknowledged)];
}
const INCIDENT_LIST = { output: 'incidents', file: 'incidents-file', noun: 'incident list' };
const listIncidentsOperation = (0,_types_js__WEBPACK_IMPORTED_MODULE_8__/* .defineOperation */ .h9)({
    name: 'list-incidents',
    description: "Lists Canarytoken incidents (`incident-state`: unacknowledged by default, acknowledged or all; Canary device incidents are left out), narrowed by `canarytoken`, `flock-id`, `memo-pattern`, `kind` and `incidents-since`; read page by page, the whole list goes to `incidents-file`, to `incidents` while it fits, and `max-updated-id` is the `incidents-since` of the next run.",
    // On a Canarytokens server: one token's history (`canarytoken` with its `manage-auth`), through the port.
    backends: _types_js__WEBPACK_IMPORTED_MODULE_8__/* .EVERY_BACKEND */ .Jn,
    requires: [],
    accepts: [...INCIDENT_FILTER_INPUTS, 'manage-auth'],
    outputs: ['count', 'incidents', 'incidents-file', 'max-updated-id'],
    parse: async (inputs) => ({ selection: await parseIncidentSelection(inputs, 'unacknowledged') }),
    async run({ selection }, context) {
        const tally = { read: 0, pages: 0, deviceIncidents: 0, unreadable: 0 };
        const rows = [];
        let count = 0;
        context.log.info(`Reading ${describeSelection(selection)} from ${context.backend.description}.`);
        // Streamed into the file as the pages come: memory stays flat at any size; the summary keeps what it can show.
        const items = async function* () {
            for await (const incident of selectIncidents(context, selection, tally)) {
                const item = listedIncident(incident);
                count++;
                if (rows.length < _publish_summary_js__WEBPACK_IMPORTED_MODULE_3__/* .MAX_SUMMARY_ROWS */ .ok)
                    rows.push(incidentRow(item));
                yield item;
            }
        };
        const list = await (0,_publish_tokens_file_js__WEBPACK_IMPORTED_MODULE_4__/* .writeItemList */ .X)(context.env.runnerTemp, 'list-incidents', items(), INCIDENT_LIST, context.log);
        const maxUpdatedId = tally.maxUpdatedId ?? selection.since;
        context.log.info(`Read ${(0,_outcomes_js__WEBPACK_IMPORTED_MODULE_11__/* .counted */ .hS)(tally.read, 'Canarytoken incident')} in ${(0,_outcomes_js__WEBPACK_IMPORTED_MODULE_11__/* .counted */ .hS)(tally.pages, 'page')}; ${count} ${count === 1 ? 'matches' : 'match'}.`);
        return {
            outputs: { ...list.outputs, count, 'max-updated-id': maxUpdatedId === undefined ? undefined : String(maxUpdatedId) },
            summary: {
                heading: `Canarytoken incidents (${count})`,
                columns: INCIDENT_COLUMNS,
                rows,
                totalRows: count,
                empty: 'No Canarytoken incidents matched.',
                notes: [
                    `${count} of ${(0,_outcomes_js__WEBPACK_IMPORTED_MODULE_11__/* .counted */ .hS)(tally.read, 'Canarytoken incident')} read ${count === 1 ? 'matches' : 'match'}: ${describeSelection(selection)}.`,
                    ...tallyNotes(tally, context.log),
                    ...(maxUpdatedId === undefined ? [] : [`Pass 'incidents-since: ${maxUpdatedId}' next time to see only what changed since.`]),
                    list.note
                ],
                fullList: list.fullList
            }
        };
    }
});
const PAST = { acknowledge: 'acknowledged', delete: 'deleted' };
async function parseChange(inputs, operation, fallbackState) {
    const selection = await parseIncidentSelection(inputs, fallbackState);
    if (!(0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .booleanInput */ .tE)(inputs, 'all') && !hasIncidentFilter(selection)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_9__/* .InputError */ .d(`Operation '${operation}' needs at least one filter (canarytoken, flock-id, memo-pattern, kind, incidents-since), or 'all: true' to work on every ${selection.state} Canarytoken incident.`);
    }
    return {
        selection,
        dryRun: (0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .booleanInput */ .tE)(inputs, 'dry-run'),
        maxChanges: (0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .integerInput */ .$A)(inputs, 'max-changes', { min: 1, max: 1_000_000, fallback: Number(_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .INPUT_DEFAULTS */ .WJ['max-changes']) }),
        concurrency: (0,_bounded_pool_js__WEBPACK_IMPORTED_MODULE_5__/* .concurrencyInput */ .ei)(inputs)
    };
}
const OUTCOME_ORDER = { failed: 0, changed: 1, 'dry-run': 1, skipped: 2 };
async function changeResult(action, params, context, outcomes, tally, notes, failure) {
    const count = (outcome) => outcomes.filter((item) => item.outcome === outcome).length;
    const [changed, skipped, failed, planned] = [count('changed'), count('skipped'), count('failed'), count('dry-run')];
    const list = await (0,_publish_tokens_file_js__WEBPACK_IMPORTED_MODULE_4__/* .writeTokenList */ .Rw)(context.env.runnerTemp, `${action}-incidents`, outcomes);
    const listOutputs = { incidents: list.outputs.tokens ?? '', 'incidents-file': list.path };
    const note = list.inOutput
        ? `Every incident's outcome is in the 'incidents' output and in ${list.path} (the 'incidents-file' output).`
        : `Every incident's outcome is in ${list.path} (the 'incidents-file' output); the list is too large for the 'incidents' output, which is empty.`;
    if (!list.inOutput)
        context.log.warning(note);
    const heading = params.dryRun
        ? `Dry run: would ${action} ${planned} of ${(0,_outcomes_js__WEBPACK_IMPORTED_MODULE_11__/* .counted */ .hS)(outcomes.length, 'matched incident')}`
        : `${PAST[action].charAt(0).toUpperCase()}${PAST[action].slice(1)} ${changed} of ${(0,_outcomes_js__WEBPACK_IMPORTED_MODULE_11__/* .counted */ .hS)(outcomes.length, 'matched incident')}`;
    return {
        outputs: { 'matched-count': outcomes.length, 'changed-count': changed, 'failed-count': failed, ...listOutputs },
        summary: {
            heading,
            columns: [...INCIDENT_COLUMNS, 'Outcome', 'Message'],
            rows: [...outcomes].sort((a, b) => OUTCOME_ORDER[a.outcome] - OUTCOME_ORDER[b.outcome]).map((item) => [...incidentRow(item), item.outcome, item.message]),
            empty: 'No Canarytoken incidents matched.',
            notes: [
                `Selected: ${describeSelection(params.selection)}. ${outcomes.length} of ${(0,_outcomes_js__WEBPACK_IMPORTED_MODULE_11__/* .counted */ .hS)(tally.read, 'Canarytoken incident')} read matched.`,
                `Changed ${changed}, skipped ${skipped}, failed ${failed}${params.dryRun ? `, would ${action} ${planned} (dry run: nothing was changed)` : ''}.`,
                ...tallyNotes(tally, context.log),
                ...notes,
                note
            ],
            fullList: `the file named by the 'incidents-file' output (${list.path}) holds them all`
        },
        failure
    };
}
function changeOperation(action, fallbackState, description) {
    const name = `${action}-incidents`;
    return (0,_types_js__WEBPACK_IMPORTED_MODULE_8__/* .defineOperation */ .h9)({
        name,
        description,
        backends: _types_js__WEBPACK_IMPORTED_MODULE_8__/* .CONSOLE_ONLY */ .bR,
        backendNote: 'a Canarytokens server has no incidents to acknowledge or delete',
        requires: [],
        accepts: [...INCIDENT_FILTER_INPUTS, 'all', 'dry-run', 'max-changes', 'concurrency'],
        outputs: ['matched-count', 'changed-count', 'failed-count', 'incidents', 'incidents-file'],
        parse: (inputs) => parseChange(inputs, name, fallbackState),
        async run(params, context) {
            const console = (0,_types_js__WEBPACK_IMPORTED_MODULE_8__/* .consoleOf */ .Fl)(context);
            const tally = { read: 0, pages: 0, deviceIncidents: 0, unreadable: 0 };
            const outcomes = [];
            for await (const incident of selectIncidents(context, params.selection, tally)) {
                const item = listedIncident(incident);
                outcomes.push(action === 'acknowledge' && incident.acknowledged
                    ? { ...item, outcome: 'skipped', message: 'already acknowledged' }
                    : { ...item, outcome: 'dry-run', message: `would ${action}${action === 'delete' && !incident.acknowledged ? ' (acknowledging it first)' : ''}` });
            }
            const toChange = outcomes.filter((item) => item.outcome === 'dry-run');
            context.log.info(`${(0,_outcomes_js__WEBPACK_IMPORTED_MODULE_11__/* .counted */ .hS)(outcomes.length, 'incident')} ${outcomes.length === 1 ? 'matches' : 'match'} ${describeSelection(params.selection)}; ${toChange.length} to ${action}.`);
            if (toChange.length > params.maxChanges) {
                const reason = `${(0,_outcomes_js__WEBPACK_IMPORTED_MODULE_11__/* .counted */ .hS)(toChange.length, 'incident')} would be ${PAST[action]}, more than max-changes (${params.maxChanges})`;
                if (params.dryRun) {
                    const note = `A real run would stop here: ${reason}. Narrow the filters or raise 'max-changes'.`;
                    context.log.warning(note);
                    return changeResult(action, params, context, outcomes, tally, [note]);
                }
                for (const item of toChange)
                    Object.assign(item, { outcome: 'skipped', message: `not ${PAST[action]}: over max-changes` });
                const failure = `${reason}; nothing was changed. Check the filters with 'dry-run: true', or raise 'max-changes'.`;
                return changeResult(action, params, context, outcomes, tally, [failure], failure);
            }
            if (params.dryRun)
                return changeResult(action, params, context, outcomes, tally, []);
            await (0,_bounded_pool_js__WEBPACK_IMPORTED_MODULE_5__/* .changeEach */ .aq)(toChange, params.concurrency, async (item) => {
                if (action === 'acknowledge') {
                    await console.acknowledgeIncident(item.id);
                    return 'acknowledged';
                }
                // The reference's single delete takes acknowledged incidents (canarytools-python refuses others): acknowledge first, as the Console's bulk delete with include_unacknowledged does.
                if (!item.acknowledged)
                    await console.acknowledgeIncident(item.id);
                await console.deleteIncident(item.id);
                return item.acknowledged ? 'deleted' : 'acknowledged, then deleted';
            }, {
                gone: (error) => ((0,_http_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isNotFound */ .c4)(error) ? 'already gone from the Console' : undefined),
                failed: (item, message) => context.log.info(`Could not ${action} incident ${item.id}: ${message}`)
            });
            const failed = toChange.filter((item) => item.outcome === 'failed').length;
            const failure = failed > 0 ? `${failed} of ${(0,_outcomes_js__WEBPACK_IMPORTED_MODULE_11__/* .counted */ .hS)(toChange.length, 'incident')} could not be ${PAST[action]} (the file named by the 'incidents-file' output and the job summary say why for each).` : undefined;
            return changeResult(action, params, context, outcomes, tally, [], failure);
        }
    });
}
const acknowledgeIncidentsOperation = changeOperation('acknowledge', 'unacknowledged', 'Acknowledges every Canarytoken incident the filters select (as list-incidents reads them; a filter or `all: true` is needed), `concurrency` at a time; `dry-run` changes nothing, and more than `max-changes` stop the run before any change. Each outcome is in `incidents-file`.');
const deleteIncidentsOperation = changeOperation('delete', 'acknowledged', 'Deletes the Canarytoken incidents the filters select: acknowledged ones unless `incident-state` says otherwise (as the Console\'s own bulk delete, nothing unreviewed by default); `dry-run`, `max-changes`, `concurrency` and `incidents-file` as for acknowledge-incidents.');
// ------------------------------------------------------------------ report-incidents
/** Loaded only when this operation runs: it is the only one that talks to GitHub (and loads Octokit). */
const reportIncidentsOperation = (0,_types_js__WEBPACK_IMPORTED_MODULE_8__/* .defineOperation */ .h9)({
    name: 'report-incidents',
    description: 'Files one GitHub issue per triggered Canarytoken (its incidents in a table; later incidents as one comment; a new issue, linking the old one, after it was closed), exactly once across reruns, through `github-token` (the job needs `permissions: issues: write`) in `repository`; `max-issues` new issues per run, `acknowledge: true` acknowledges in the Console what is on an issue.',
    backends: _types_js__WEBPACK_IMPORTED_MODULE_8__/* .CONSOLE_ONLY */ .bR,
    backendNote: 'it reads the Console\'s incident feed and acknowledges incidents in it',
    requires: [],
    accepts: [...INCIDENT_FILTER_INPUTS, 'github-token', 'repository', 'labels', 'assignees', 'acknowledge', 'max-issues', 'dry-run'],
    outputs: ['issues-created', 'issues-updated', 'incidents-reported', 'tokens-left', 'issues', 'incidents-file'],
    async parse(inputs) {
        const { parseReport } = await Promise.all(/* import() */[__webpack_require__.e(913), __webpack_require__.e(109)]).then(__webpack_require__.bind(__webpack_require__, 44109));
        return parseReport(inputs, process.env);
    },
    async run(params, context) {
        const { reportIncidents } = await Promise.all(/* import() */[__webpack_require__.e(913), __webpack_require__.e(109)]).then(__webpack_require__.bind(__webpack_require__, 44109));
        return reportIncidents(params, context);
    }
});
const INCIDENT_OPERATIONS = [listIncidentsOperation, acknowledgeIncidentsOperation, deleteIncidentsOperation, reportIncidentsOperation];


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
    mcp: { label: 'MCP server', serverOnly: true, server: { requiresExtraParams: ['mcp_alert_on'], file: 'mcp.json' } },
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
/* harmony export */   wQ: () => (/* binding */ alreadyDoneSuffix)
/* harmony export */ });
/* unused harmony export ALREADY_DONE */
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


/***/ }),

/***/ 71578:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fl: () => (/* binding */ consoleOf),
/* harmony export */   Jn: () => (/* binding */ EVERY_BACKEND),
/* harmony export */   bR: () => (/* binding */ CONSOLE_ONLY),
/* harmony export */   h9: () => (/* binding */ defineOperation)
/* harmony export */ });
/* harmony import */ var _backends_console_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(97586);

/** Erases the parameter type so rows of different types fit one table. */
function defineOperation(operation) {
    return operation;
}
/** Operations only the Console can carry out. */
const CONSOLE_ONLY = ['console'];
/** Operations both servers carry out. */
const EVERY_BACKEND = ['console', 'canarytokens-server'];
/** The Console, for an operation the table marks Console-only (main refuses any other backend before it runs). */
function consoleOf(context) {
    if (!(context.backend instanceof _backends_console_index_js__WEBPACK_IMPORTED_MODULE_0__/* .ConsoleBackend */ .O))
        throw new Error(`this operation needs the Console, not ${context.backend.description}`);
    return context.backend;
}


/***/ }),

/***/ 90263:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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
        const out = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(temporary, { flags: 'wx', mode: options.private ? 0o600 : 0o644 });
        await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_5__.pipeline)(Buffer.isBuffer(content) ? node_stream__WEBPACK_IMPORTED_MODULE_4__.Readable.from([content]) : content, out);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(temporary, destination);
    }
    catch (error) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(temporary, { force: true });
        throw error;
    }
    return destination;
}


/***/ }),

/***/ 11379:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bm: () => (/* binding */ truncateCodePoints),
/* harmony export */   O7: () => (/* binding */ codePointLength),
/* harmony export */   SS: () => (/* binding */ codeSpan),
/* harmony export */   xx: () => (/* binding */ visibleControls)
/* harmony export */ });
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
/** The number of Unicode code points: how GitHub counts a body's length (Ruby's String#length). */
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
const NAMED_ESCAPES = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
/**
 * Control characters (C0, DEL, C1), line and paragraph separators, and the
 * bidirectional and invisible formatting characters that could make text
 * read as something else, as visible escapes (`\n`, `\u202e`).
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
function visibleControls(text) {
    return text.replace(INVISIBLE, (character) => NAMED_ESCAPES[character] ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
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


/***/ }),

/***/ 23552:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Iv: () => (/* binding */ publishSummary),
/* harmony export */   ok: () => (/* binding */ MAX_SUMMARY_ROWS)
/* harmony export */ });
/* unused harmony exports escapeHtml, tableHtml */
/* harmony import */ var _vendor_actions_core_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91194);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5009);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(11379);



/** Rows beyond this are left out of the job summary (it has a size limit), with a note saying so. */
const MAX_SUMMARY_ROWS = 300;
/** Escapes text for the job summary, which is HTML: memos and names come from users and the Console. */
function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
/** A cell of text from outside: HTML-escaped, its control characters (line breaks, bidi overrides) shown as escapes. */
function cell(text) {
    return escapeHtml((0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .visibleControls */ .xx)((0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(text)));
}
/**
 * The section's table as HTML, written here rather than by core.summary's
 * addTable (which leaves an empty cell as an unclosed `<td>`). Columns that
 * are empty in every row are left out: they say nothing.
 */
function tableHtml(columns, rows) {
    const shown = columns.map((_, index) => rows.some((row) => (row[index] ?? '') !== ''));
    const head = columns.filter((_, index) => shown[index]).map((column) => `<th>${escapeHtml(column)}</th>`);
    const body = rows.map((row) => `<tr>${columns.flatMap((_, index) => (shown[index] ? [`<td>${cell(row[index] ?? '')}</td>`] : [])).join('')}</tr>`);
    return `<table><tr>${head.join('')}</tr>${body.join('')}</table>`;
}
/** Writes the section to the job summary; a run without one (a local run) skips it quietly. */
async function publishSummary(section) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    const rows = section.rows.slice(0, MAX_SUMMARY_ROWS);
    const summary = _vendor_actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addHeading(escapeHtml(section.heading), 3);
    // No header row over an empty table: say what the emptiness means.
    if (rows.length === 0)
        summary.addRaw(`<p>${cell(section.empty ?? 'Nothing to show.')}</p>`, true);
    else
        summary.addRaw(tableHtml(section.columns, rows), true);
    const total = Math.max(section.totalRows ?? 0, section.rows.length);
    if (total > rows.length) {
        summary.addRaw(`<p>${total - rows.length} more rows are not shown; ${cell(section.fullList ?? 'the step outputs hold them all')}.</p>`, true);
    }
    for (const note of section.notes ?? [])
        summary.addRaw(`<p>${cell(note)}</p>`, true);
    await summary.write();
}


/***/ }),

/***/ 68211:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rw: () => (/* binding */ writeTokenList),
/* harmony export */   X: () => (/* binding */ writeItemList)
/* harmony export */ });
/* unused harmony exports JOB_OUTPUT_LIMIT_BYTES, TOKENS_OUTPUT_LIMIT_BYTES, outputSize, jsonChunks, asyncJsonChunks */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(57075);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(90263);




/**
 * GitHub's limit: "Outputs can be a maximum of 1 MB per job ... Size is
 * approximated based on UTF-16 encoding" (older wording: "Outputs are
 * Unicode strings, and can be a maximum of 1 MB", per output). 10^6 bytes is
 * inside 1 MB whether MB means 10^6 or 2^20.
 */
const JOB_OUTPUT_LIMIT_BYTES = 1_000_000;
/**
 * The most the `tokens` output takes, counted as GitHub counts (UTF-16, two
 * bytes a code unit): half of a job's limit, so that it fits under both
 * readings and leaves the job room for its other outputs.
 */
const TOKENS_OUTPUT_LIMIT_BYTES = JOB_OUTPUT_LIMIT_BYTES / 2;
/** How GitHub sizes an output: UTF-16, which is what a JavaScript string's length counts. */
function outputSize(text) {
    return text.length * 2;
}
/** Our folder under RUNNER_TEMP (downloads without a `path` go there too). */
const FOLDER = 'canary-console-action';
/**
 * Writes `value` as JSON to a new file in RUNNER_TEMP (atomically, named
 * after the operation so two steps of a job never share one) and decides
 * whether the `tokens` output can hold it too: a big Console's list stays
 * whole in the file at any size, and the output stays within GitHub's limit.
 * With `log`, says where the list went (a warning when `tokens` is empty).
 */
async function writeTokenList(runnerTemp, operation, value, log, options = {}) {
    // `value` may be an async iterable of items (a listing as its pages arrive): written item by item, never held whole.
    return logged(await writeList(runnerTemp, operation, isAsyncIterable(value) ? asyncJsonChunks(value) : jsonChunks(value), TOKEN_NAMES, options), log);
}
const TOKEN_NAMES = { output: 'tokens', file: 'tokens-file', noun: 'token list' };
/**
 * writeTokenList for a list that arrives item by item (a feed read page by
 * page): streamed to the file as the items come, never held whole, with the
 * output set while it fits, as for tokens.
 */
async function writeItemList(runnerTemp, operation, items, names, log) {
    return logged(await writeList(runnerTemp, operation, asyncJsonChunks(items), names), log);
}
function logged(list, log) {
    if (list.warning)
        log?.warning(list.warning);
    else
        log?.info(`Wrote the list to ${list.path}.`);
    return list;
}
async function writeList(runnerTemp, operation, source, names, options = {}) {
    let directory;
    try {
        directory = await (0,_files_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveInside */ .LI)(runnerTemp, FOLDER, names.file);
    }
    catch {
        throw new Error(`${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(runnerTemp, FOLDER)} leads outside RUNNER_TEMP (a symlink?); the ${names.noun} was not written`);
    }
    // Streamed: 100,000 tokens are 35 MB of JSON, which is never held whole (nor twice, as text and bytes).
    let bytes = 0;
    let size = 0;
    const head = [];
    const separate = options.withoutSecrets !== undefined;
    const chunks = async function* () {
        for await (const chunk of source) {
            bytes += Buffer.byteLength(chunk);
            if (!separate) {
                size += outputSize(chunk);
                if (size <= TOKENS_OUTPUT_LIMIT_BYTES)
                    head.push(chunk);
            }
            yield chunk;
        }
    };
    const path = await (0,_files_js__WEBPACK_IMPORTED_MODULE_3__/* .writeFileAtomically */ .lo)(directory, `${operation}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}.json`, node_stream__WEBPACK_IMPORTED_MODULE_2__.Readable.from(chunks(), { highWaterMark: 1 }), { private: separate });
    if (separate) {
        for (const chunk of jsonChunks(options.withoutSecrets)) {
            size += outputSize(chunk);
            if (size <= TOKENS_OUTPUT_LIMIT_BYTES)
                head.push(chunk);
        }
    }
    const inOutput = size <= TOKENS_OUTPUT_LIMIT_BYTES;
    const fullList = `the file named by the '${names.file}' output (${path}) holds them all`;
    if (inOutput) {
        return { outputs: { [names.output]: head.join(''), [names.file]: path }, path, inOutput, fullList, note: `The list is in the '${names.output}' output and in ${path} (the '${names.file}' output).` };
    }
    const shown = `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
    return {
        outputs: { [names.output]: '', [names.file]: path },
        path,
        inOutput,
        fullList,
        note: `The whole list is in ${path} (the '${names.file}' output); at ${shown} it is too large for the '${names.output}' output, which is empty.`,
        warning: `The ${names.noun} is ${shown} of JSON, too large for the '${names.output}' output (GitHub keeps at most 1 MB of outputs per job, counted in UTF-16; ` +
            `'${names.output}' takes at most half of that), so '${names.output}' is empty: read the file named by the '${names.file}' output (${path}).`
    };
}
/** Chunk size when streaming a list. */
const CHUNK_CHARACTERS = 64 * 1024;
function isAsyncIterable(value) {
    return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
/** `JSON.stringify(value)` in pieces: an array item by item, gathered into chunks of about 64 KiB. */
function* jsonChunks(value) {
    if (!Array.isArray(value)) {
        yield JSON.stringify(value) ?? 'null';
        return;
    }
    let chunk = '[';
    for (let index = 0; index < value.length; index++) {
        chunk += `${index > 0 ? ',' : ''}${JSON.stringify(value[index]) ?? 'null'}`;
        if (chunk.length >= CHUNK_CHARACTERS) {
            yield chunk;
            chunk = '';
        }
    }
    yield `${chunk}]`;
}
/** jsonChunks for an array that arrives item by item. */
async function* asyncJsonChunks(items) {
    let chunk = '[';
    let index = 0;
    for await (const item of items) {
        chunk += `${index++ > 0 ? ',' : ''}${JSON.stringify(item) ?? 'null'}`;
        if (chunk.length >= CHUNK_CHARACTERS) {
            yield chunk;
            chunk = '';
        }
    }
    yield `${chunk}]`;
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
 * `alert_webhook_url` (a Slack or Discord webhook lets anyone post to the channel).
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
    'alert_webhook_url'
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
        for (const [key, item] of Object.entries(value)) {
            findSecretValues(item, underSecretField || isSecretField(key, parentKey), found, key);
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

/***/ 5009:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   Qw: () => (/* reexport safe */ _secret_fields_js__WEBPACK_IMPORTED_MODULE_2__.Q),
/* harmony export */   SF: () => (/* binding */ registerCredentialText),
/* harmony export */   cl: () => (/* binding */ registerSecret),
/* harmony export */   pK: () => (/* binding */ checkSecretInput),
/* harmony export */   sD: () => (/* reexport safe */ _secret_fields_js__WEBPACK_IMPORTED_MODULE_2__.s)
/* harmony export */ });
/* unused harmony export SHORTEST_SECRET */
/* harmony import */ var _vendor_actions_core_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91194);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(19473);
/* harmony import */ var _secret_fields_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(97266);


/**
 * Every value that must never be printed goes through here: it is masked with
 * the runner (`::add-mask::`) and remembered so that our own error messages
 * and debug lines can be redacted too (defence in depth: a runner masks only
 * what it was told about, and a local run has no runner at all).
 */
const secrets = new Set();
/** `secrets`, longest first; rebuilt only when a secret is added (listing thousands of aws-id tokens registers thousands). */
let longestFirst;
/** Values shorter than this are not secrets worth masking (and would mask noise). */
const SHORTEST_SECRET = 8;
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
    if (Array.from(trimmed).length < SHORTEST_SECRET || secrets.has(trimmed))
        return;
    secrets.add(trimmed);
    longestFirst = undefined;
    byPrefix = undefined;
    if (/[\r\n]/.test(trimmed))
        registerCredentialText(trimmed);
    else
        _vendor_actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(trimmed);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(`Input '${inputName}' holds a line break or another control character; a secret is one line of visible characters. Store the secret again without it.`);
    }
    if (codes.some((code) => code > 0xff)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(`Input '${inputName}' holds a character an HTTP header cannot carry; check that the secret holds the token and nothing else.`);
    }
    const length = codes.length;
    if (length < SHORTEST_SECRET) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(`Input '${inputName}' is ${length} character${length === 1 ? '' : 's'} long; a real one is longer (at least ${SHORTEST_SECRET}, the shortest value the action masks). Check that the secret holds the whole token.`);
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
        const assignment = /^([^=:]+?)\s*[=:]\s*(.+)$/.exec(line);
        if (assignment) {
            if (SECRET_LINE_NAME.test(assignment[1].trim()))
                registerSecret(assignment[2]);
        }
        else if (BARE_SECRET_LINE.test(line)) {
            registerSecret(line);
        }
    }
}
/**
 * The secrets by their first SHORTEST_SECRET characters, for redacting
 * against many secrets (a listing of thousands of aws-id tokens registers
 * thousands); rebuilt only when a secret is added.
 */
let byPrefix;
/** Below this many secrets, trying each one in turn is as quick as looking them up. */
const MANY_SECRETS = 64;
/** The secrets that occur in `text`: every window of the text looked up by prefix, so the cost goes with the text, not with the number of secrets. */
function secretsIn(text) {
    byPrefix ??= new Map();
    if (byPrefix.size === 0) {
        for (const secret of secrets) {
            const prefix = secret.slice(0, SHORTEST_SECRET);
            const list = byPrefix.get(prefix);
            if (list)
                list.push(secret);
            else
                byPrefix.set(prefix, [secret]);
        }
    }
    const found = new Set();
    for (let index = 0; index + SHORTEST_SECRET <= text.length; index++) {
        for (const secret of byPrefix.get(text.slice(index, index + SHORTEST_SECRET)) ?? []) {
            if (text.startsWith(secret, index))
                found.add(secret);
        }
    }
    return [...found];
}
/** Replaces every registered secret in `text` with `***`. */
function redact(text) {
    let result = text;
    // Longest first, so that a secret containing another is replaced whole.
    longestFirst ??= [...secrets].sort((a, b) => b.length - a.length);
    // With many secrets, only those in the text are tried (in the same order); a text shorter than any secret holds none.
    const candidates = longestFirst.length < MANY_SECRETS ? longestFirst : text.length < SHORTEST_SECRET ? [] : secretsIn(text).sort((a, b) => b.length - a.length);
    for (const secret of candidates) {
        // `includes` first: most lines hold no secret, and it is far cheaper than split/join.
        if (result.includes(secret))
            result = result.split(secret).join('***');
    }
    return result;
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



/***/ })

};
