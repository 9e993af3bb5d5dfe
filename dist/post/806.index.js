export const id = 806;
export const ids = [806];
export const modules = {

/***/ 3806:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ConsoleBackend: () => (/* binding */ ConsoleBackend)
});

// EXTERNAL MODULE: ./build/backends/console/canarytokens.js
var canarytokens = __webpack_require__(7442);
// EXTERNAL MODULE: ./build/http/errors.js
var errors = __webpack_require__(2602);
;// CONCATENATED MODULE: ./build/backends/console/incidents.js

const INCIDENT_STATES = (/* unused pure expression or super */ null && (['unacknowledged', 'acknowledged', 'all']));
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
const incidents_text = (value) => (typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined);
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
    return header(event, 'user-agent') ?? incidents_text(event.useragent) ?? incidents_text(event.user_agent);
}
/** The event: its `event_name` (an AWS call), else the request it records (an HTTP token's `url`). */
function eventOf(event) {
    const name = incidents_text(event.event_name);
    if (name)
        return name;
    const method = incidents_text(event.method) ?? incidents_text(event.request_method);
    const url = incidents_text(event.url) ?? incidents_text(event.path);
    return url ? `${method ? `${method} ` : ''}${url}` : undefined;
}
/** Whether the Console incident is a Canarytoken's: an event names a token, or its logtype is a token logtype. */
function isTokenIncident(raw) {
    return eventsOf(raw).some((event) => incidents_text(event.canarytoken) !== undefined) || isTokenLogtype(raw.description?.logtype);
}
/**
 * A token incident as the action's record; undefined when it is not a
 * token's (a Canary's) or has no key. `feed` supplies `acknowledged` when
 * the incident's own field cannot be read: a feed holds only one state.
 */
function incidentRecord(raw, feed) {
    if (!isTokenIncident(raw))
        return undefined;
    const id = incidents_text(raw.id);
    if (!id)
        return undefined;
    const description = raw.description ?? {};
    const events = eventsOf(raw);
    const first = events.find((event) => incidents_text(event.canarytoken) !== undefined) ?? events[0] ?? {};
    // The token that fired, from its event: the incident's node_id is not promised to be the token id.
    const canarytoken = incidents_text(first.canarytoken) ?? '';
    const acknowledged = consoleBoolean(description.acknowledged) ?? (feed === 'acknowledged');
    const created = epochDate(description.created) ?? epochDate(first.timestamp) ?? epochDate(raw.updated_time) ?? new Date(0);
    return {
        id,
        canarytoken,
        memo: typeof description.memo === 'string' ? description.memo : '',
        kind: incidents_text(first.type) ?? incidents_text(first.kind) ?? '',
        srcHost: incidents_text(description.src_host) ?? incidents_text(first.src_host) ?? '',
        created,
        acknowledged,
        event: eventOf(first),
        userAgent: userAgentOf(first),
        updatedId: consoleNumber(raw.updated_id),
        flockId: incidents_text(description.flock_id)
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
            throw new errors/* ApiError */.hD(`${endpoint.path} answered without an "incidents" list`, 'result');
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
            throw new errors/* ApiError */.hD(`${endpoint.path} returned a page cursor it had already given; stopped listing to avoid a loop`, 'result');
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

// EXTERNAL MODULE: ./build/secret-fields.js
var secret_fields = __webpack_require__(7266);
// EXTERNAL MODULE: ./build/backends/console/records.js
var records = __webpack_require__(7528);
;// CONCATENATED MODULE: ./build/backends/console/index.js




/** The page's tokens as records, one at a time, each made as its token is read. */
function* console_records(tokens) {
    for (const token of tokens)
        if (token)
            yield (0,records/* listedRecord */.dg)(token);
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
        const answer = await (0,canarytokens/* createCanarytoken */.U_)(this.transport, { ...request.params, kind: request.kind, memo: request.memo, flock_id: request.flockId }, request.files, {
            pickAmongSeveral: pick
                ? (tokens) => {
                    const chosen = pick(tokens.map(records/* tokenRecord */.pr));
                    return tokens.find((token) => token.canarytoken === chosen.id) ?? tokens[0];
                }
                : undefined
        });
        return { ...(0,records/* tokenRecord */.pr)(answer.canarytoken), answer: (0,secret_fields/* withoutSecretFields */.Q)(answer) };
    }
    async fetch(token) {
        const answer = await (0,canarytokens/* fetchCanarytoken */.YP)(this.transport, token.id);
        return { ...(0,records/* tokenRecord */.pr)(answer.token), answer: (0,secret_fields/* withoutSecretFields */.Q)(answer) };
    }
    download(token) {
        return (0,canarytokens/* downloadCanarytoken */.UK)(this.transport, token.id);
    }
    async setAlerting(token, enabled) {
        await (enabled ? canarytokens/* enableCanarytoken */.hH : canarytokens/* disableCanarytoken */.Ib)(this.transport, token.id);
    }
    async delete(token, options = {}) {
        const answer = await (0,canarytokens/* deleteCanarytoken */.XG)(this.transport, token.id, options.clearIncidents ?? false);
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
        const searchString = (0,canarytokens/* searchStringFor */.Jv)(id);
        if (!searchString)
            return undefined;
        for await (const page of (0,canarytokens/* canarytokenPages */.uB)(this.transport, { searchString })) {
            const found = page.canarytokens.find((candidate) => candidate.canarytoken === id);
            if (found)
                return typeof found.node_id === 'string' && found.node_id !== '' ? found.node_id : undefined;
        }
        return undefined;
    }
    /** Every page of a feed, Canarytoken incidents only (Canary incidents are counted and left out). */
    incidentPages(query) {
        return incidentPages(this.transport, query);
    }
    async acknowledgeIncident(key) {
        await acknowledgeIncident(this.transport, key);
    }
    async deleteIncident(key) {
        await deleteIncident(this.transport, key);
    }
    /** Replaces the memo; the reference documents the updated token in the answer, fetched when a Console leaves it out. */
    async updateMemo(token, memo) {
        const answer = await (0,canarytokens/* updateCanarytokenMemo */.Hk)(this.transport, token.id, memo);
        return answer.token ? { ...(0,records/* tokenRecord */.pr)(answer.token), answer: (0,secret_fields/* withoutSecretFields */.Q)(answer) } : this.fetch(token);
    }
    /** Every page of tokens the Console can narrow to `query`; the caller filters further. */
    async *pages(query = {}) {
        for await (const page of (0,canarytokens/* canarytokenListing */.cG)(this.transport, query))
            yield { tokens: console_records(page.tokens), page: page.page };
    }
    /** The tokens matching every option, each checked here too. */
    async find(options) {
        return (await (0,canarytokens/* findCanarytokens */.yy)(this.transport, options)).map(records/* tokenRecord */.pr);
    }
    close() {
        return this.transport.close();
    }
}


/***/ })

};
