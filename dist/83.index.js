export const id = 83;
export const ids = [83];
export const modules = {

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

/***/ 68211:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rw: () => (/* binding */ writeTokenList),
/* harmony export */   T8: () => (/* binding */ writeTokenBatches),
/* harmony export */   X: () => (/* binding */ writeItemList)
/* harmony export */ });
/* unused harmony exports JOB_OUTPUT_LIMIT_BYTES, TOKENS_OUTPUT_LIMIT_BYTES, outputSize, jsonPieces */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(90263);



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
    // A list that arrives as it is read goes through writeTokenBatches: which of the two a value is, is never guessed from its shape
    // (an async iterable of items would otherwise be taken for batches, and items that are arrays flattened into one list).
    if (isAsyncIterable(value))
        throw new TypeError('writeTokenList takes a list held whole; a list that arrives in batches goes through writeTokenBatches');
    return logged(await writeList(runnerTemp, operation, value, TOKEN_NAMES, options), log);
}
/** writeTokenList for a listing's pages as they arrive (Batches): written as they come, never held whole. */
async function writeTokenBatches(runnerTemp, operation, batches, log) {
    return writeItemList(runnerTemp, operation, batches, TOKEN_NAMES, log);
}
const TOKEN_NAMES = { output: 'tokens', file: 'tokens-file', noun: 'token list' };
/**
 * writeTokenList for a list that arrives in batches (a feed read page by
 * page): streamed to the file as the batches come, never held whole, with the
 * output set while it fits, as for tokens.
 */
async function writeItemList(runnerTemp, operation, items, names, log) {
    return logged(await writeList(runnerTemp, operation, items, names), log);
}
function logged(list, log) {
    if (list.warning)
        log?.warning(list.warning);
    else
        log?.info(`Wrote the list to ${list.path}.`);
    return list;
}
async function writeList(runnerTemp, operation, value, names, options = {}) {
    let directory;
    try {
        directory = await (0,_files_js__WEBPACK_IMPORTED_MODULE_2__/* .resolveInside */ .LI)(runnerTemp, FOLDER, names.file);
    }
    catch {
        throw new Error(`${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(runnerTemp, FOLDER)} leads outside RUNNER_TEMP (a symlink?); the ${names.noun} was not written`);
    }
    const separate = options.withoutSecrets !== undefined;
    const output = new OutputHead();
    let bytes = 0;
    const path = await (0,_files_js__WEBPACK_IMPORTED_MODULE_2__/* .writeFileAtomically */ .lo)(directory, `${operation}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}.json`, async (file) => {
        const list = new ListFile(file, separate ? undefined : output);
        await writeJson(list, value);
        bytes = list.bytes;
    }, { private: separate });
    if (separate)
        for (const piece of jsonPieces(options.withoutSecrets))
            output.add(piece);
    const size = output.size;
    const inOutput = size <= TOKENS_OUTPUT_LIMIT_BYTES;
    const fullList = `the file named by the '${names.file}' output (${path}) holds them all`;
    if (inOutput) {
        return { outputs: { [names.output]: output.text(), [names.file]: path }, path, inOutput, fullList, note: `The list is in the '${names.output}' output and in ${path} (the '${names.file}' output).` };
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
function isAsyncIterable(value) {
    return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
/**
 * `JSON.stringify(value)` in pieces: an array's `[`, each item's text with
 * a `,` between them, and `]`; anything else whole. Joined, they are
 * exactly JSON.stringify(value) (an item it would write as `null` is `null`).
 */
function* jsonPieces(value) {
    if (!Array.isArray(value)) {
        yield JSON.stringify(value) ?? 'null';
        return;
    }
    yield '[';
    let first = true;
    for (const item of value) {
        if (!first)
            yield ',';
        first = false;
        yield JSON.stringify(item) ?? 'null';
    }
    yield ']';
}
/** Writes `value` (Batches, or any JSON value) to `list` as one JSON text, piece by piece. */
async function writeJson(list, value) {
    if (!isAsyncIterable(value)) {
        for (const piece of jsonPieces(value))
            if (list.add(piece))
                await list.flush();
        return list.end();
    }
    list.add('[');
    let first = true;
    for await (const batch of value) {
        // An item passed where a batch belongs (a string is iterable too) would be written as its parts.
        if (typeof batch !== 'object' || batch === null || !(Symbol.iterator in batch))
            throw new TypeError('a list written as it arrives must come in batches of items (arrays or other iterables)');
        // Each item's text goes into the file's buffer as it is made: nothing of a batch is gathered.
        for (const item of batch) {
            if (!first && list.add(','))
                await list.flush();
            first = false;
            if (list.add(JSON.stringify(item) ?? 'null'))
                await list.flush();
        }
    }
    if (list.add(']'))
        await list.flush();
    return list.end();
}
/** The start of a list's JSON, for its output while the whole fits (TOKENS_OUTPUT_LIMIT_BYTES, counted as GitHub counts). */
class OutputHead {
    /** UTF-16 bytes of everything added. */
    size = 0;
    /** Undefined once the list is too large for the output (it will be empty). */
    pieces = [];
    add(piece) {
        this.size += outputSize(piece);
        if (this.size > TOKENS_OUTPUT_LIMIT_BYTES)
            this.pieces = undefined;
        else
            this.pieces?.push(piece);
    }
    text() {
        return this.pieces?.join('') ?? '';
    }
}
/** Bytes gathered before a write to the file. */
const FILE_BUFFER_BYTES = 64 * 1024;
/**
 * A list's file, written through two buffers reused from the first write
 * to the last: each piece's text is encoded straight into one while the
 * other is being written (so the listing goes on while the disk works), and
 * 100,000 tokens (36 MB of JSON) never become chunk strings or buffers of
 * their own (a listing's pieces die young; chunks gathered from them did not).
 */
class ListFile {
    file;
    output;
    /** UTF-8 bytes written. */
    bytes = 0;
    buffer = Buffer.allocUnsafeSlow(FILE_BUFFER_BYTES);
    /** The buffer being written, and that write. */
    other = Buffer.allocUnsafeSlow(FILE_BUFFER_BYTES);
    writing = Promise.resolve();
    used = 0;
    /** A piece that may not fit in what is left of the buffer: written by the next flush. */
    pending;
    constructor(file, 
    /** Told every piece, when the output is made from the file's text. */
    output) {
        this.file = file;
        this.output = output;
    }
    /** Adds a piece; true when `flush()` must be awaited before the next one. */
    add(piece) {
        this.output?.add(piece);
        // A UTF-16 code unit takes at most 3 UTF-8 bytes.
        if (this.pending !== undefined || this.used + piece.length * 3 > this.buffer.length) {
            if (this.pending !== undefined)
                throw new Error('ListFile.add: flush() was not awaited');
            this.pending = piece;
            return true;
        }
        this.put(piece);
        return false;
    }
    /** Starts writing what the buffer holds (once the previous write is done) and takes the piece that did not fit. */
    async flush() {
        await this.writing;
        const full = this.buffer.subarray(0, this.used);
        [this.buffer, this.other] = [this.other, this.buffer];
        this.used = 0;
        this.writing = this.writeOut(full);
        const piece = this.pending;
        this.pending = undefined;
        if (piece === undefined)
            return;
        if (piece.length * 3 <= this.buffer.length)
            this.put(piece);
        else {
            // Longer than a buffer: written on its own, after what came before it.
            await this.writing;
            const bytes = Buffer.from(piece, 'utf8');
            this.bytes += bytes.length;
            this.writing = this.writeOut(bytes);
        }
    }
    /** Writes everything added so far; resolves when it is on disk. */
    async end() {
        await this.flush();
        if (this.used > 0)
            await this.flush();
        await this.writing;
    }
    put(piece) {
        const written = this.buffer.write(piece, this.used, 'utf8');
        this.used += written;
        this.bytes += written;
    }
    /** Writes `bytes` after what came before; a failure surfaces where the write is next awaited (and never goes unhandled meanwhile). */
    writeOut(bytes) {
        const write = (async () => {
            for (let offset = 0; offset < bytes.length;)
                offset += (await this.file.write(bytes, offset, bytes.length - offset)).bytesWritten;
        })();
        write.catch(() => undefined);
        return write;
    }
}


/***/ })

};
