export const id = 586;
export const ids = [586];
export const modules = {

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
    unacknowledged: { method: 'GET', path: '/api/v1/incidents/unacknowledged', repeatable: true, answersList: 'incidents' },
    acknowledged: { method: 'GET', path: '/api/v1/incidents/acknowledged', repeatable: true, answersList: 'incidents' },
    all: { method: 'GET', path: '/api/v1/incidents/all', repeatable: true, answersList: 'incidents' },
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
    const date = seconds === undefined ? undefined : new Date(seconds * 1000);
    // Seconds past what a date holds (year 275760) make an invalid one, which no later step can print.
    return date && !Number.isNaN(date.getTime()) ? date : undefined;
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

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ConsoleBackend: () => (/* binding */ ConsoleBackend)
/* harmony export */ });
/* harmony import */ var _canarytokens_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17442);
/* harmony import */ var _incidents_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(60289);
/* harmony import */ var _secret_fields_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(97266);
/* harmony import */ var _records_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(27528);




/** The page's tokens as records, one at a time, each made as its token is read. */
function* records(tokens) {
    for (const token of tokens)
        if (token)
            yield (0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .listedRecord */ .dg)(token);
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
        for await (const page of (0,_canarytokens_js__WEBPACK_IMPORTED_MODULE_0__/* .canarytokenListing */ .cG)(this.transport, query))
            yield { tokens: records(page.tokens), page: page.page };
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


/***/ })

};
