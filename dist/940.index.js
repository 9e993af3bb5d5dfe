export const id = 940;
export const ids = [940];
export const modules = {

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

/***/ 10940:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   INCIDENT_COLUMNS: () => (/* binding */ INCIDENT_COLUMNS),
/* harmony export */   INCIDENT_FILTER_INPUTS: () => (/* binding */ INCIDENT_FILTER_INPUTS),
/* harmony export */   INCIDENT_OPERATIONS: () => (/* binding */ INCIDENT_OPERATIONS),
/* harmony export */   describeSelection: () => (/* binding */ describeSelection),
/* harmony export */   hasIncidentFilter: () => (/* binding */ hasIncidentFilter),
/* harmony export */   incidentRow: () => (/* binding */ incidentRow),
/* harmony export */   listedIncident: () => (/* binding */ listedIncident),
/* harmony export */   matchesSelection: () => (/* binding */ matchesSelection),
/* harmony export */   parseIncidentSelection: () => (/* binding */ parseIncidentSelection),
/* harmony export */   selectIncidentPages: () => (/* binding */ selectIncidentPages),
/* harmony export */   selectIncidents: () => (/* binding */ selectIncidents),
/* harmony export */   shortText: () => (/* binding */ shortText),
/* harmony export */   tallyNotes: () => (/* binding */ tallyNotes)
/* harmony export */ });
/* harmony import */ var _backends_console_incidents_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(60289);
/* harmony import */ var _http_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(42602);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(19473);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(20847);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(50977);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(58175);
/* harmony import */ var _near_miss_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(47001);
/* harmony import */ var _publish_summary_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(23552);
/* harmony import */ var _publish_tokens_file_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(68211);
/* harmony import */ var _bounded_pool_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(33389);
/* harmony import */ var _canarytoken_filter_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(35293);
/* harmony import */ var _kinds_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(59240);
/* harmony import */ var _outcomes_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(68734);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(71578);














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
        created: (0,_text_js__WEBPACK_IMPORTED_MODULE_9__/* .isoTime */ .Ly)(incident.created),
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
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_10__/* .InputError */ .d(`Input 'incident-state' must be one of: ${_backends_console_incidents_js__WEBPACK_IMPORTED_MODULE_0__/* .INCIDENT_STATES */ .Eq.join(', ')}; '${raw}' is not${(0,_near_miss_js__WEBPACK_IMPORTED_MODULE_11__/* .didYouMean */ .au)(raw, _backends_console_incidents_js__WEBPACK_IMPORTED_MODULE_0__/* .INCIDENT_STATES */ .Eq) || '.'}`);
}
/** Reads the selection inputs, every mistake an InputError naming the input; sends nothing. */
async function parseIncidentSelection(inputs, fallbackState) {
    const onServer = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .chosenBackend */ .fn)(inputs) === 'canarytokens-server';
    if (onServer)
        refuseOnServer(inputs);
    const selection = { state: stateInput(inputs, fallbackState), filter: {} };
    if (onServer)
        selection.manageAuth = inputs.get('manage-auth');
    const canarytoken = inputs.get('canarytoken');
    if (canarytoken) {
        if (onServer)
            (0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .serverTokenIdInput */ .UQ)(canarytoken);
        else if (!TOKEN_ID.test(canarytoken))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_10__/* .InputError */ .d(`Input 'canarytoken' must be a Canarytoken id (letters and digits, as the Console's 'canarytoken' field), not '${canarytoken}'.`);
        selection.canarytoken = canarytoken;
    }
    const memoPattern = inputs.get('memo-pattern');
    if (memoPattern)
        selection.filter.memoPattern = await (0,_canarytoken_filter_js__WEBPACK_IMPORTED_MODULE_7__/* .memoPatternInput */ .Lj)(memoPattern);
    const kind = inputs.get('kind');
    if (kind) {
        const backend = onServer ? 'canarytokens-server' : 'console';
        if (!(0,_kinds_js__WEBPACK_IMPORTED_MODULE_8__/* .isKnownKind */ .mT)(kind, backend))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_10__/* .InputError */ .d((0,_kinds_js__WEBPACK_IMPORTED_MODULE_8__/* .unknownKindMessage */ .O3)(kind, backend));
        selection.filter.kind = kind;
    }
    const flockId = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .flockIdInput */ .Rq)(inputs);
    if (flockId)
        selection.filter.flockId = flockId;
    selection.since = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .integerInput */ .$A)(inputs, 'incidents-since', { min: 0, max: Number.MAX_SAFE_INTEGER });
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_10__/* .InputError */ .d("On a Canarytokens server, list-incidents needs 'canarytoken' and 'manage-auth': the server keeps each token's history apart and shows it only with the token's own key (it cannot list tokens or incidents across them).");
    }
    if (!inputs.get('manage-auth')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_10__/* .InputError */ .d("On a Canarytokens server, list-incidents needs input 'manage-auth': the token's own key, which the step that created it gave as its 'manage-auth' output.");
    }
    if (inputs.get('incident-state') === 'acknowledged') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_10__/* .InputError */ .d("Input 'incident-state: acknowledged' cannot match on a Canarytokens server: it has no acknowledgement, so every hit in a token's history is unacknowledged. Use unacknowledged (the default) or all.");
    }
    if (inputs.get('incidents-since')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_10__/* .InputError */ .d("Input 'incidents-since' is the Console's (its incidents' updated_id): a Canarytokens server's history has no such counter. Remove it; the history holds at most the last 50 hits.");
    }
    if (inputs.get('flock-id'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_10__/* .InputError */ .d("Input 'flock-id' is the Console's: a Canarytokens server has no flocks. Remove it.");
}
function hasIncidentFilter(selection) {
    return selection.canarytoken !== undefined || selection.since !== undefined || Object.values(selection.filter).some((value) => value !== undefined);
}
/** The selection in words, for the log and the summary. */
function describeSelection(selection) {
    const parts = [`${selection.state} incidents${selection.canarytoken ? ` of Canarytoken ${selection.canarytoken}` : ''}`];
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
    return (0,_canarytoken_filter_js__WEBPACK_IMPORTED_MODULE_7__/* .matchesFilter */ .yy)(selection.filter, tokenOf(incident));
}
/**
 * The selected incidents, a page at a time: one token's through the port
 * (`backend.incidents`), else the Console's feed narrowed by what it can
 * filter (flock, incidents_since). Every filter is checked again here.
 */
async function* selectIncidents(context, selection, tally) {
    for await (const page of selectIncidentPages(context, selection, tally))
        yield* page;
}
/** Incidents of one token's history passed on together (a Console feed page's size). */
const HISTORY_BATCH = 200;
/** selectIncidents a page at a time (for a listing of any size: a step of an async generator per incident costs more than the incident). */
async function* selectIncidentPages(context, selection, tally) {
    if (selection.canarytoken !== undefined) {
        // One token's history comes one incident at a time (it may be long): passed on in batches of a feed page's size.
        let matches = [];
        for await (const incident of context.backend.incidents(selection.manageAuth ? { id: selection.canarytoken, manageAuth: selection.manageAuth } : { id: selection.canarytoken })) {
            tally.read++;
            if (incident.updatedId !== undefined)
                tally.maxUpdatedId = Math.max(tally.maxUpdatedId ?? 0, incident.updatedId);
            if (matchesSelection(selection, incident))
                matches.push(incident);
            if (matches.length >= HISTORY_BATCH) {
                yield matches;
                matches = [];
            }
        }
        if (matches.length > 0)
            yield matches;
        return;
    }
    const console = (0,_types_js__WEBPACK_IMPORTED_MODULE_12__/* .consoleOf */ .Fl)(context);
    for await (const page of console.incidentPages({ state: selection.state, flockId: selection.filter.flockId, since: selection.since })) {
        tally.pages++;
        tally.read += page.incidents.length;
        tally.deviceIncidents += page.deviceIncidents;
        tally.unreadable += page.unreadable;
        if (page.maxUpdatedId !== undefined)
            tally.maxUpdatedId = Math.max(tally.maxUpdatedId ?? 0, page.maxUpdatedId);
        const matches = page.incidents.filter((incident) => matchesSelection(selection, incident));
        if (matches.length > 0)
            yield matches;
    }
}
function tallyNotes(tally, log) {
    const notes = [];
    if (tally.deviceIncidents > 0)
        notes.push(`${(0,_outcomes_js__WEBPACK_IMPORTED_MODULE_13__/* .counted */ .hS)(tally.deviceIncidents, 'Canary (device) incident')} in the feed ${tally.deviceIncidents === 1 ? 'was' : 'were'} left out: this action handles Canarytoken incidents only.`);
    if (tally.unreadable > 0) {
        const note = `${(0,_outcomes_js__WEBPACK_IMPORTED_MODULE_13__/* .counted */ .hS)(tally.unreadable, 'Canarytoken incident')} had no incident key and could not be read; ${tally.unreadable === 1 ? 'it was' : 'they were'} left out.`;
        log.warning(note);
        notes.push(note);
    }
    return notes;
}
const INCIDENT_COLUMNS = ['Created', 'Canarytoken', 'Memo', 'Kind', 'Source', 'Event', 'User agent', 'Acknowledged'];
/** Memos and user agents can be long: the summary shows their start (its secrets hidden first, whole: a cut across one would leave its start). */
function shortText(text, length = 120) {
    const hidden = (0,_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(text);
    return hidden.length > length ? `${hidden.slice(0, length - 3)}...` : hidden;
}
function incidentRow(item) {
    return [item.created, item.canarytoken, shortText(item.memo), item.kind, item.src_host, shortText(item.event ?? ''), shortText(item.user_agent ?? ''), String(item.acknowledged)];
}
const INCIDENT_LIST = { output: 'incidents', file: 'incidents-file', noun: 'incident list' };
const listIncidentsOperation = (0,_types_js__WEBPACK_IMPORTED_MODULE_12__/* .defineOperation */ .h9)({
    name: 'list-incidents',
    description: "Lists Canarytoken incidents (`incident-state`: unacknowledged by default, acknowledged or all; Canary device incidents are left out), narrowed by `canarytoken`, `flock-id`, `memo-pattern`, `kind` and `incidents-since`; read page by page, the whole list goes to `incidents-file`, to `incidents` while it fits, and `max-updated-id` is the `incidents-since` of the next run.",
    // On a Canarytokens server: one token's history (`canarytoken` with its `manage-auth`), through the port.
    backends: _types_js__WEBPACK_IMPORTED_MODULE_12__/* .EVERY_BACKEND */ .Jn,
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
            for await (const page of selectIncidentPages(context, selection, tally)) {
                const listed = page.map(listedIncident);
                count += listed.length;
                for (let index = 0; index < listed.length && rows.length < _publish_summary_js__WEBPACK_IMPORTED_MODULE_4__/* .MAX_SUMMARY_ROWS */ .ok; index++)
                    rows.push(incidentRow(listed[index]));
                yield listed;
            }
        };
        const list = await (0,_publish_tokens_file_js__WEBPACK_IMPORTED_MODULE_5__/* .writeItemList */ .X)(context.env.runnerTemp, 'list-incidents', items(), INCIDENT_LIST, context.log);
        const maxUpdatedId = tally.maxUpdatedId ?? selection.since;
        const where = selection.canarytoken === undefined ? ` in ${(0,_outcomes_js__WEBPACK_IMPORTED_MODULE_13__/* .counted */ .hS)(tally.pages, 'page')}` : ` of ${selection.canarytoken}'s history`;
        context.log.info(`Read ${(0,_outcomes_js__WEBPACK_IMPORTED_MODULE_13__/* .counted */ .hS)(tally.read, 'Canarytoken incident')}${where}; ${count} ${count === 1 ? 'matches' : 'match'}.`);
        return {
            outputs: { ...list.outputs, count, 'max-updated-id': maxUpdatedId === undefined ? undefined : String(maxUpdatedId) },
            summary: {
                heading: `Canarytoken incidents (${count})`,
                columns: INCIDENT_COLUMNS,
                rows,
                totalRows: count,
                empty: 'No Canarytoken incidents matched.',
                notes: [
                    `${count} of ${(0,_outcomes_js__WEBPACK_IMPORTED_MODULE_13__/* .counted */ .hS)(tally.read, 'Canarytoken incident')} read ${count === 1 ? 'matches' : 'match'}: ${describeSelection(selection)}.`,
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
    if (!(0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .booleanInput */ .tE)(inputs, 'all') && !hasIncidentFilter(selection)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_10__/* .InputError */ .d(`Operation '${operation}' needs at least one filter (canarytoken, flock-id, memo-pattern, kind, incidents-since), or 'all: true' to work on every ${selection.state === 'all' ? '' : `${selection.state} `}Canarytoken incident.`);
    }
    return {
        selection,
        dryRun: (0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .booleanInput */ .tE)(inputs, 'dry-run'),
        maxChanges: (0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .integerInput */ .$A)(inputs, 'max-changes', { min: 1, max: 1_000_000, fallback: Number(_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT_DEFAULTS */ .WJ['max-changes']) }),
        concurrency: (0,_bounded_pool_js__WEBPACK_IMPORTED_MODULE_6__/* .concurrencyInput */ .ei)(inputs)
    };
}
const OUTCOME_ORDER = { failed: 0, changed: 1, 'dry-run': 1, skipped: 2 };
async function changeResult(action, params, context, outcomes, tally, notes, failure) {
    const count = (outcome) => outcomes.filter((item) => item.outcome === outcome).length;
    const [changed, skipped, failed, planned] = [count('changed'), count('skipped'), count('failed'), count('dry-run')];
    let list;
    let unwritten;
    try {
        list = await (0,_publish_tokens_file_js__WEBPACK_IMPORTED_MODULE_5__/* .writeTokenList */ .Rw)(context.env.runnerTemp, `${action}-incidents`, outcomes);
    }
    catch (error) {
        const changedIds = outcomes.filter((item) => item.outcome === 'changed').map((item) => item.id);
        unwritten = (0,_outcomes_js__WEBPACK_IMPORTED_MODULE_13__/* .unwrittenOutcomes */ .oj)({ past: PAST[action], noun: 'incident', changedIds, idName: 'incident key', matched: outcomes.length, failed, dryRun: params.dryRun, reason: (0,_errors_js__WEBPACK_IMPORTED_MODULE_10__/* .errorMessage */ .g)(error), log: context.log });
    }
    const listOutputs = list ? { incidents: list.outputs.tokens ?? '', 'incidents-file': list.path } : {};
    const note = !list
        ? `The outcome list could not be written (${unwritten}); the log names every changed incident.`
        : list.inOutput
            ? `Every incident's outcome is in the 'incidents' output and in ${list.path} (the 'incidents-file' output).`
            : `Every incident's outcome is in ${list.path} (the 'incidents-file' output); the list is too large for the 'incidents' output, which is empty.`;
    if (list && !list.inOutput)
        context.log.warning(note);
    const heading = params.dryRun
        ? `Dry run: would ${action} ${planned} of ${(0,_outcomes_js__WEBPACK_IMPORTED_MODULE_13__/* .counted */ .hS)(outcomes.length, 'matched incident')}`
        : `${PAST[action].charAt(0).toUpperCase()}${PAST[action].slice(1)} ${changed} of ${(0,_outcomes_js__WEBPACK_IMPORTED_MODULE_13__/* .counted */ .hS)(outcomes.length, 'matched incident')}`;
    return {
        outputs: { 'matched-count': outcomes.length, 'changed-count': changed, 'failed-count': failed, ...listOutputs },
        summary: {
            heading,
            columns: [...INCIDENT_COLUMNS, 'Outcome', 'Message'],
            rows: [...outcomes].sort((a, b) => OUTCOME_ORDER[a.outcome] - OUTCOME_ORDER[b.outcome]).map((item) => [...incidentRow(item), item.outcome, item.message]),
            empty: 'No Canarytoken incidents matched.',
            notes: [
                `Selected: ${describeSelection(params.selection)}. ${outcomes.length} of ${(0,_outcomes_js__WEBPACK_IMPORTED_MODULE_13__/* .counted */ .hS)(tally.read, 'Canarytoken incident')} read matched.`,
                `Changed ${changed}, skipped ${skipped}, failed ${failed}${params.dryRun ? `, would ${action} ${planned} (dry run: nothing was changed)` : ''}.`,
                ...tallyNotes(tally, context.log),
                ...notes,
                note
            ],
            fullList: list ? `the file named by the 'incidents-file' output (${list.path}) holds them all` : 'the outcome list could not be written'
        },
        failure: unwritten ? `${unwritten}${failure ? `; ${failure}` : '.'}` : failure
    };
}
function changeOperation(action, fallbackState, description) {
    const name = `${action}-incidents`;
    return (0,_types_js__WEBPACK_IMPORTED_MODULE_12__/* .defineOperation */ .h9)({
        name,
        description,
        backends: _types_js__WEBPACK_IMPORTED_MODULE_12__/* .CONSOLE_ONLY */ .bR,
        backendNote: 'a Canarytokens server has no incidents to acknowledge or delete',
        requires: [],
        accepts: [...INCIDENT_FILTER_INPUTS, 'all', 'dry-run', 'max-changes', 'concurrency'],
        outputs: ['matched-count', 'changed-count', 'failed-count', 'incidents', 'incidents-file'],
        parse: (inputs) => parseChange(inputs, name, fallbackState),
        async run(params, context) {
            const console = (0,_types_js__WEBPACK_IMPORTED_MODULE_12__/* .consoleOf */ .Fl)(context);
            const tally = { read: 0, pages: 0, deviceIncidents: 0, unreadable: 0 };
            const outcomes = [];
            for await (const incident of selectIncidents(context, params.selection, tally)) {
                const item = listedIncident(incident);
                outcomes.push(action === 'acknowledge' && incident.acknowledged
                    ? { ...item, outcome: 'skipped', message: 'already acknowledged' }
                    : { ...item, outcome: 'dry-run', message: `would ${action}${action === 'delete' && !incident.acknowledged ? ' (acknowledging it first)' : ''}` });
            }
            const toChange = outcomes.filter((item) => item.outcome === 'dry-run');
            context.log.info(`${(0,_outcomes_js__WEBPACK_IMPORTED_MODULE_13__/* .counted */ .hS)(outcomes.length, 'incident')} ${outcomes.length === 1 ? 'matches' : 'match'} ${describeSelection(params.selection)}; ${toChange.length} to ${action}.`);
            if (toChange.length > params.maxChanges) {
                const reason = `${(0,_outcomes_js__WEBPACK_IMPORTED_MODULE_13__/* .counted */ .hS)(toChange.length, 'incident')} would be ${PAST[action]}, more than max-changes (${params.maxChanges})`;
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
            await (0,_bounded_pool_js__WEBPACK_IMPORTED_MODULE_6__/* .changeEach */ .aq)(toChange, params.concurrency, async (item) => {
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
            const failure = failed > 0 ? `${failed} of ${(0,_outcomes_js__WEBPACK_IMPORTED_MODULE_13__/* .counted */ .hS)(toChange.length, 'incident')} could not be ${PAST[action]} (the file named by the 'incidents-file' output and the job summary say why for each).` : undefined;
            return changeResult(action, params, context, outcomes, tally, [], failure);
        }
    });
}
const acknowledgeIncidentsOperation = changeOperation('acknowledge', 'unacknowledged', 'Acknowledges every Canarytoken incident the filters select (as list-incidents reads them; a filter or `all: true` is needed), `concurrency` at a time; `dry-run` changes nothing, and more than `max-changes` stop the run before any change. Each outcome is in `incidents-file`.');
const deleteIncidentsOperation = changeOperation('delete', 'acknowledged', 'Deletes the Canarytoken incidents the filters select: acknowledged ones unless `incident-state` says otherwise (as the Console\'s own bulk delete, nothing unreviewed by default); `dry-run`, `max-changes`, `concurrency` and `incidents-file` as for acknowledge-incidents.');
// ------------------------------------------------------------------ report-incidents
/** Loaded only when this operation runs: it is the only one that talks to GitHub (and loads Octokit). */
const reportIncidentsOperation = (0,_types_js__WEBPACK_IMPORTED_MODULE_12__/* .defineOperation */ .h9)({
    name: 'report-incidents',
    description: 'Files one GitHub issue per triggered Canarytoken (its incidents in a table; later incidents as one comment; a new issue, linking the old one, after it was closed), exactly once across reruns, through `github-token` (the job needs `permissions: issues: write`) in `repository`; `max-issues` new issues per run, `acknowledge: true` acknowledges in the Console what is on an issue.',
    backends: _types_js__WEBPACK_IMPORTED_MODULE_12__/* .CONSOLE_ONLY */ .bR,
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


/***/ })

};
