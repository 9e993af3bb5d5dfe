export const id = 201;
export const ids = [201];
export const modules = {

/***/ 2201:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPost: () => (/* binding */ runPost)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
;// CONCATENATED MODULE: ./build/errors.js
/**
 * An input the user must change. Raised only while inputs are read and
 * validated, always before the first request to the Console.
 */
class errors_InputError extends Error {
    name = 'InputError';
}
/** What went wrong, as one line of text, whatever was thrown. */
function errors_errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
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
function memo_template_runContext(env = process.env, now = new Date()) {
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
function memo_template_renderMemo(template, context, where) {
    const unknown = unknownPlaceholders(template);
    if (unknown.length > 0) {
        throw new errors_InputError(`${where} uses the unknown placeholder${unknown.length > 1 ? 's' : ''} ${unknown.map((name) => `{${name}}`).join(', ')}; known: ${MEMO_PLACEHOLDERS.map((name) => `{${name}}`).join(', ')}.`);
    }
    return template.replace(PLACEHOLDER, (_text, name) => {
        const value = context[name];
        if (value === undefined) {
            const source = PLACEHOLDER_SOURCES[name];
            const hint = name === 'environment' ? ` (set ${source} in the step's env, e.g. to the job's environment name)` : '';
            throw new errors_InputError(`${where} uses {${name}}, but this run has no value for it: ${source} is not set${hint}.`);
        }
        return value;
    });
}

;// CONCATENATED MODULE: ./build/inputs.js



/**
 * Every input the action reads, spelled as in action.yml. A test checks that
 * action.yml declares exactly these, so the two cannot drift apart.
 */
const INPUT_NAMES = (/* unused pure expression or super */ null && ([
    'operation',
    'console',
    'auth-token',
    'timeout-seconds',
    'retries',
    'canarytoken',
    'kind',
    'memo',
    'flock-id',
    'web-image',
    'upload-file',
    'cloned-web',
    's3-source-bucket',
    's3-log-bucket',
    'aws-access-key',
    'aws-secret-key',
    'aws-region',
    'aws-session-token',
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
    'keep-credentials'
]));
/**
 * Defaults as action.yml declares them (a test keeps the two equal). Inputs
 * not listed default to ''; parsers supply their own fallbacks.
 */
const inputs_INPUT_DEFAULTS = {
    'timeout-seconds': '30',
    retries: '3',
    'max-changes': '100',
    concurrency: '20',
    'aws-profile': 'default',
    'export-env': 'false',
    'on-console-error': 'warn',
    'check-on-exit': 'true',
    'keep-credentials': 'false'
};
/** The Console parameter an input stands for: inputs are the API's names in kebab-case. */
function consoleParameter(name) {
    return name.replace(/-/g, '_');
}
/** Inputs every operation reads. */
const COMMON_INPUTS = (/* unused pure expression or super */ null && (['operation', 'console', 'auth-token', 'timeout-seconds', 'retries']));
/** Inputs whose values are credentials: masked before anything else runs, never echoed. */
const SECRET_INPUTS = ['auth-token', 'aws-secret-key', 'aws-session-token', 'remove-auth-token'];
/** The inputs as the runner passes them (`INPUT_<NAME>` variables). */
function actionInputs() {
    return { get: (name) => core/* getInput */.V4(name) };
}
/** Inputs from a plain object: for tests and the demo. */
function inputsFrom(values) {
    return { get: (name) => (values[name] ?? '').trim() };
}
/** Exactly what GitHub's own `core.getBooleanInput` accepts (YAML 1.2 core schema booleans). */
const TRUE_VALUES = ['true', 'True', 'TRUE'];
const FALSE_VALUES = ['false', 'False', 'FALSE'];
/** A boolean input; `undefined` when not set, so callers can tell "false" from "not given". */
function inputs_optionalBoolean(inputs, name) {
    const raw = inputs.get(name);
    if (raw === '')
        return undefined;
    if (TRUE_VALUES.includes(raw))
        return true;
    if (FALSE_VALUES.includes(raw))
        return false;
    throw new errors_InputError(`Input '${name}' must be true or false (as GitHub reads booleans: true, True, TRUE, false, False or FALSE), not '${raw}'.`);
}
/** A flock id as the Console writes them: `flock:default`, `flock:<hex>`. */
const FLOCK_ID = /^flock:[A-Za-z0-9_-]+$/;
/** `flock-id`, checked before any request; undefined when not set. */
function inputs_flockIdInput(inputs) {
    const value = inputs.get('flock-id');
    if (value === '')
        return undefined;
    if (!FLOCK_ID.test(value)) {
        const hint = /^[A-Za-z0-9_-]+$/.test(value) ? `; did you mean 'flock:${value}'?` : '.';
        throw new errors_InputError(`Input 'flock-id' must be a flock id, which looks like 'flock:default' or 'flock:<id>', not '${value}'${hint}`);
    }
    return value;
}
function inputs_booleanInput(inputs, name, fallback = false) {
    return inputs_optionalBoolean(inputs, name) ?? fallback;
}
function inputs_integerInput(inputs, name, limits) {
    const raw = inputs.get(name);
    if (raw === '')
        return limits.fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < limits.min || Number(raw) > limits.max) {
        throw new errors_InputError(`Input '${name}' must be a whole number from ${limits.min} to ${limits.max}, not '${raw}'.`);
    }
    return Number(raw);
}
/** The Console's limit on memos. */
const MAX_MEMO_LENGTH = 10_000;
/** Refuses a memo (after its placeholders are filled) longer than the Console takes. */
function checkMemoLength(memo, where) {
    if (memo.length > MAX_MEMO_LENGTH) {
        throw new errors_InputError(`${where} is ${memo.length} characters long; the Console accepts at most ${MAX_MEMO_LENGTH}.`);
    }
    return memo;
}
/** The `memo` input with its placeholders ({repository}, {sha}, ...) filled from the run. */
function memoInput(inputs, context = runContext()) {
    return checkMemoLength(renderMemo(inputs.get('memo'), context, "Input 'memo'"), "Input 'memo'");
}
/** Console parameter names: what `extra-params` may pass through. */
const PARAMETER_NAME = /^[a-z][a-z0-9_]*$/;
/**
 * `extra-params`: a YAML mapping of further Console parameters, passed as
 * they are, so users are never blocked on a parameter we did not name. A
 * parameter that has an input of its own must be given through that input,
 * so validation and masking see it.
 */
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
        const reason = errorMessage(error).split('\n')[0];
        throw new InputError(`Input 'extra-params' must be a YAML mapping of Console parameters (${reason}).`);
    }
    if (parsed === null || parsed === undefined)
        return {};
    if (typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new InputError("Input 'extra-params' must be a YAML mapping, e.g. 'expiry: 6mo'.");
    }
    const params = {};
    for (const [name, value] of Object.entries(parsed)) {
        if (!PARAMETER_NAME.test(name)) {
            throw new InputError(`Input 'extra-params' has '${name}', which is not a Console parameter name (lower case, digits and _).`);
        }
        if (name === 'auth_token') {
            throw new InputError("Input 'extra-params' must not hold 'auth_token': the action sends the token from 'auth-token' in a header.");
        }
        if (namedParameters.has(name)) {
            throw new InputError(`Input 'extra-params' has '${name}'; use the input '${name.replace(/_/g, '-')}' instead.`);
        }
        if (value !== null && typeof value === 'object') {
            throw new InputError(`Input 'extra-params' value of '${name}' must be a single value, not a list or mapping.`);
        }
        params[name] = value === null ? '' : value;
    }
    return params;
}

// EXTERNAL MODULE: ./build/operations/runner-canary-state.js
var runner_canary_state = __webpack_require__(9322);
;// CONCATENATED MODULE: ./build/console/errors.js
/**
 * A failed Console call. The message names the HTTP status and the Console's
 * own message; `main` prefixes the operation. It never holds the request's
 * parameters, so no secret can ride along.
 */
class ConsoleApiError extends Error {
    failure;
    status;
    consoleMessage;
    attempts;
    earlierAttemptMayHaveActed;
    name = 'ConsoleApiError';
    constructor(message, failure, status, consoleMessage, attempts = 1, 
    /**
     * An earlier attempt of this call may have been carried out by the
     * Console before its answer was lost: a repeated delete that now finds
     * nothing to delete has done its job.
     */
    earlierAttemptMayHaveActed = false) {
        super(message);
        this.failure = failure;
        this.status = status;
        this.consoleMessage = consoleMessage;
        this.attempts = attempts;
        this.earlierAttemptMayHaveActed = earlierAttemptMayHaveActed;
    }
}
/** The Console's wording for a token or key that does not exist. */
function isNotFound(error) {
    return (error instanceof ConsoleApiError &&
        (error.failure === 'http-status' || error.failure === 'result') &&
        /could not find|not found|does not exist|no such/i.test(error.consoleMessage ?? ''));
}
/** A repeated call that found nothing to act on because an earlier attempt of it already did the job. */
function wasDoneByEarlierAttempt(error) {
    return error instanceof ConsoleApiError && error.earlierAttemptMayHaveActed && isNotFound(error);
}
/** Treats "not found" on a retried removal as done, when an earlier attempt may have done it. */
async function errors_removal(answer) {
    try {
        return await answer;
    }
    catch (error) {
        if (wasDoneByEarlierAttempt(error))
            return { result: 'success', alreadyDone: true };
        throw error;
    }
}

;// CONCATENATED MODULE: ./build/console/canarytokens.js

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
 */
function createCanarytoken(transport, params, files = {}) {
    const since = Date.now() - CLOCK_SKEW_MS;
    const recover = async () => {
        const matches = await findCanarytokens(transport, { kind: params.kind, memoEquals: params.memo, flockId: params.flock_id });
        const recent = matches.filter((token) => !(Number(token.created) * 1000 < since));
        if (recent.length === 0)
            return undefined;
        if (recent.length > 1) {
            const ids = recent.map((token) => token.canarytoken).join(', ');
            throw new Error(`${recent.length} Canarytokens of this kind with this memo were made just now (${ids}); check which to keep`);
        }
        // Read it back whole: a search result need not carry every field (e.g. aws-id keys).
        const { token } = await fetchCanarytoken(transport, recent[0].canarytoken);
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
    return removal(transport.call(CANARYTOKEN_ENDPOINTS.delete, { canarytoken, clear_incidents: clearIncidents ? true : undefined }));
}
function downloadCanarytoken(transport, canarytoken) {
    return transport.download(CANARYTOKEN_ENDPOINTS.download, { canarytoken });
}
/** The reference lists `aws_access_key` twice for this endpoint; it is sent once. */
function removeS3Canarytoken(transport, params) {
    return removal(transport.call(CANARYTOKEN_ENDPOINTS.removeS3, params));
}
function deleteApeeperFactory(transport, hash) {
    return removal(transport.call(CANARYTOKEN_ENDPOINTS.deleteApeeperFactory, { hash }));
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
            throw new ConsoleApiError(`${endpoint.path} answered without a "canarytokens" list`, 'result');
        }
        yield { canarytokens: answer.canarytokens, page, totalResults: answer.total_results };
        const next = answer.cursor?.next;
        if (next === undefined || next === null || next === '')
            return;
        // A Console that hands back a cursor it gave before would have us loop for ever.
        if (seen.has(next))
            throw new ConsoleApiError(`${endpoint.path} returned a page cursor it had already given; stopped listing to avoid a loop`, 'result');
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
function canarytokens_searchStringFor(text) {
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
    const searchString = options.searchString ?? (options.memoEquals !== undefined ? canarytokens_searchStringFor(options.memoEquals) : undefined);
    const found = [];
    for await (const token of listCanarytokens(transport, { flockId: options.flockId, kind: options.kind, active: options.active, searchString })) {
        if (options.memoEquals !== undefined && token.memo !== options.memoEquals)
            continue;
        if (options.kind !== undefined && token.kind !== options.kind)
            continue;
        if (options.flockId !== undefined && token.flock_id !== undefined && token.flock_id !== options.flockId)
            continue;
        if (options.active !== undefined && canarytokens_isEnabled(token) !== options.active)
            continue;
        found.push(token);
    }
    return found;
}
/** `enabled` as a boolean; Consoles have sent it as a boolean and as text. `undefined` when absent. */
function canarytokens_isEnabled(token) {
    const value = token.enabled;
    if (value === true || value === 'true' || value === 'True' || value === 1)
        return true;
    if (value === false || value === 'false' || value === 'False' || value === 0)
        return false;
    return undefined;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
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
        await (0,promises_.writeFile)(planted.path, Buffer.from(remaining, 'latin1'));
    }
    return removal;
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

;// CONCATENATED MODULE: ./build/secrets.js

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
    if (trimmed.length < SHORTEST_SECRET || secrets.has(trimmed))
        return;
    secrets.add(trimmed);
    longestFirst = undefined;
    if (/[\r\n]/.test(trimmed))
        registerCredentialText(trimmed);
    else
        core/* setSecret */.Pq(trimmed);
}
/** Names of `key = value` lines whose values are credentials (AWS, WireGuard, Slack, Python client config...). */
const SECRET_LINE_NAME = /secret|passw|private|token|api_?key|auth|credential|access_key|^key$/i;
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
/** Replaces every registered secret in `text` with `***`. */
function redact(text) {
    let result = text;
    // Longest first, so that a secret containing another is replaced whole.
    longestFirst ??= [...secrets].sort((a, b) => b.length - a.length);
    for (const secret of longestFirst) {
        // `includes` first: most lines hold no secret, and it is far cheaper than split/join.
        if (result.includes(secret))
            result = result.split(secret).join('***');
    }
    return result;
}
/**
 * Field names whose values the Console uses for credentials. Any JSON answer
 * is walked for them, so a new endpoint cannot forget to mask. `factory_auth`
 * (aws-id tokens in paginate and search, factory.md) lets anyone mint tokens.
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
    'token_value'
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
/** A deep copy of a JSON value with every secret field replaced by `***`. */
function withoutSecretFields(value) {
    const strip = (item, parentKey) => {
        if (Array.isArray(item))
            return item.map((child) => strip(child, parentKey));
        if (isRecord(item)) {
            return Object.fromEntries(Object.entries(item).map(([key, child]) => [key, isSecretField(key, parentKey) ? '***' : strip(child, key)]));
        }
        return item;
    };
    return strip(value);
}

;// CONCATENATED MODULE: ./build/console/upload-types.js

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
    return UPLOAD_MIME_TYPES[(0,external_node_path_.extname)(path).toLowerCase()];
}

;// CONCATENATED MODULE: ./build/operations/kinds.js


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
    'aws-id': { label: 'AWS API Key', file: 'AWS credentials file', credentials: true },
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
        credentials: true
    },
    'cloned-css': { label: 'CSS cloned site', requiresExtraParams: ['expected_referrer'] },
    'cloned-web': { label: 'Cloned Website', requires: ['cloned-web'] },
    'credit-card': { label: 'Credit Card' },
    dns: { label: 'DNS' },
    'doc-msexcel': { label: 'MS Excel Document', file: '.xlsx' },
    'doc-msword': { label: 'MS Word Document', file: '.docx', upload: { part: 'doc', input: 'upload-file', required: false, extensions: ['.docx'] } },
    'fast-redirect': { label: 'Fast Redirect', requiresExtraParams: ['browser_redirect_url'] },
    http: { label: 'Web Bug', accepts: ['browser-scanner-enabled'] },
    'idp-app': { label: 'IdP App', requiresExtraParams: ['idp_app_type'] },
    'msexcel-macro': { label: 'MS Excel Macro Document', file: '.xlsm' },
    'msword-macro': { label: 'MS Word Macro Document', file: '.docm' },
    'mysql-dump': { label: 'MySQL Dump File', file: '.sql.gz' },
    'pdf-acrobat-reader': { label: 'Acrobat PDF', file: '.pdf', upload: { part: 'pdf', input: 'upload-file', required: false, extensions: ['.pdf'] } },
    pwa: { label: 'Fake App' },
    'qr-code': { label: 'QR Code', file: '.png' },
    'sensitive-cmd': { label: 'Sensitive Command', requiresExtraParams: ['process_name'], file: '.reg' },
    'signed-exe': {
        label: 'Custom Exe/Binary',
        upload: { part: 'exe', input: 'upload-file', required: true, extensions: ['.exe', '.dll'] },
        file: '.exe'
    },
    'slack-api': { label: 'Slack API Key', file: '.txt', credentials: true },
    'slow-redirect': { label: 'Slow Redirect', requiresExtraParams: ['browser_redirect_url'] },
    sql: { label: 'SQL Server', legacy: true },
    svn: { label: 'SVN', legacy: true },
    'web-image': { label: 'Custom Web Image', upload: { part: 'web_image', input: 'web-image', required: true, extensions: IMAGE_EXTENSIONS } },
    'windows-dir': { label: 'Windows Folder', file: '.zip' },
    wireguard: { label: 'WireGuard VPN', file: 'wg0.conf', credentials: true }
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
    for (const extension of rule.upload?.extensions ?? []) {
        if (!UPLOAD_MIME_TYPES[extension])
            throw new Error(`no MIME type for upload extension ${extension}`);
    }
}
const KIND_NAMES = Object.keys(CANARYTOKEN_KINDS);
function kinds_isKnownKind(kind) {
    return Object.hasOwn(CANARYTOKEN_KINDS, kind);
}
/** `Input 'kind' must be one of: ...; 'DNS' is not a Canarytoken kind; did you mean 'dns'?` */
function kinds_unknownKindMessage(kind) {
    if (!kind)
        return `Input 'kind' must be one of: ${KIND_NAMES.join(', ')}.`;
    const guess = didYouMean(kind, KIND_NAMES);
    return `Input 'kind' must be one of: ${KIND_NAMES.join(', ')}; '${kind}' is not a Canarytoken kind${guess || '.'}`;
}
/** A kind's rule, typed as the rule (the table's own literal types differ per kind). */
function kindRule(kind) {
    return CANARYTOKEN_KINDS[kind];
}
/** Inputs that belong to some kinds only, with the kinds they belong to. */
function kindSpecificInputs() {
    const owners = new Map();
    for (const kind of KIND_NAMES) {
        const rule = kindRule(kind);
        const inputs = [...(rule.requires ?? []), ...(rule.accepts ?? []), ...(rule.upload ? [rule.upload.input] : [])];
        for (const input of inputs)
            owners.set(input, [...(owners.get(input) ?? []), kind]);
    }
    return owners;
}
const FILE_KINDS = KIND_NAMES.filter((kind) => kindRule(kind).file !== undefined);

;// CONCATENATED MODULE: ./build/operations/canarytoken-filter.js




/** The inputs a filter is read from. */
const FILTER_INPUTS = (/* unused pure expression or super */ null && (['memo-pattern', 'kind', 'flock-id', 'created-before', 'triggered', 'enabled']));
const REGEX_LITERAL = /^\/(.*)\/([a-z]*)$/s;
/** `g` and `y` make `test` stateful; `d` is of no use here. */
const REGEX_FLAGS = /^[imsuv]*$/;
/**
 * A glob as a RegExp matched against the whole memo: `*` any run of
 * characters (`/` included: memos are not paths), `?` one character,
 * `[abc]`/`[a-z]`/`[!abc]` a class, `\` makes the next character literal.
 * Small enough not to need a library, and the path rules of the usual glob
 * libraries (a `*` that stops at `/`) would be wrong for memos.
 */
function globToRegExp(glob) {
    let source = '';
    let literalPrefix = '';
    let prefixOpen = true;
    for (let index = 0; index < glob.length; index++) {
        const character = glob[index];
        if (character === '*' || character === '?') {
            source += character === '*' ? '[\\s\\S]*' : '[\\s\\S]';
            prefixOpen = false;
        }
        else if (character === '[' && glob.indexOf(']', index + 2) !== -1) {
            const end = glob.indexOf(']', index + 2);
            let body = glob.slice(index + 1, end);
            const negated = body.startsWith('!') || body.startsWith('^');
            if (negated)
                body = body.slice(1);
            if (body === '')
                throw new InputError(`Input 'memo-pattern' has an empty character class at position ${index + 1}.`);
            source += `[${negated ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
            index = end;
            prefixOpen = false;
        }
        else {
            const literal = character === '\\' && index + 1 < glob.length ? glob[++index] : character;
            source += literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
            if (prefixOpen)
                literalPrefix += literal;
        }
    }
    try {
        return { regex: new RegExp(`^${source}$`, 'u'), literalPrefix };
    }
    catch (error) {
        // A class like [z-a]: name it rather than show our translation.
        const reason = errorMessage(error).replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
        throw new InputError(`Input 'memo-pattern' is not a valid glob (${reason}).`);
    }
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
function parseMemoPattern(text) {
    const literal = REGEX_LITERAL.exec(text);
    if (literal && text.length > 1) {
        const [, source = '', flags = ''] = literal;
        if (!REGEX_FLAGS.test(flags)) {
            throw new InputError(`Input 'memo-pattern' has regular expression flags '${flags}'; only i, m, s, u and v apply.`);
        }
        if (source === '')
            throw new InputError("Input 'memo-pattern' is an empty regular expression: write a pattern between the slashes.");
        let regex;
        try {
            regex = new RegExp(source, flags);
        }
        catch (error) {
            const reason = errorMessage(error).replace(/^Invalid regular expression: /, '');
            throw new InputError(`Input 'memo-pattern' is not a valid regular expression: ${reason}.`);
        }
        return { text, regex, searchString: regexSearchString(source, flags) };
    }
    const { regex, literalPrefix } = globToRegExp(text);
    return { text, regex, searchString: searchStringFor(literalPrefix) };
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
    throw new InputError(`Input 'created-before' must be an ISO date (2024-05-31), a date and time (2024-05-31T12:00:00Z) or an age (30d, 12h, 90m, 2w); '${text}' is none of these.`);
}
/** Reads the filter inputs; every mistake is an InputError naming the input. `nowMs` fixes "now" for ages. */
function parseCanarytokenFilter(inputs, nowMs) {
    const filter = {};
    const memoPattern = inputs.get('memo-pattern');
    if (memoPattern)
        filter.memoPattern = parseMemoPattern(memoPattern);
    const kind = inputs.get('kind');
    if (kind) {
        if (!isKnownKind(kind))
            throw new InputError(unknownKindMessage(kind));
        filter.kind = kind;
    }
    const flockId = flockIdInput(inputs);
    if (flockId)
        filter.flockId = flockId;
    const createdBefore = inputs.get('created-before');
    if (createdBefore)
        filter.createdBefore = parseCreatedBefore(createdBefore, nowMs);
    filter.triggered = optionalBoolean(inputs, 'triggered');
    filter.enabled = optionalBoolean(inputs, 'enabled');
    return filter;
}
function hasFilter(filter) {
    return Object.values(filter).some((value) => value !== undefined);
}
/** Refuses a run with neither a filter nor `all: true`, the explicit "every token" switch. */
function requireFilterOrAll(filter, inputs, operation) {
    if (!booleanInput(inputs, 'all') && !hasFilter(filter)) {
        throw new InputError(`Operation '${operation}' needs at least one filter (${FILTER_INPUTS.join(', ')}), or 'all: true' to work on every Canarytoken.`);
    }
}
/** The part of the filter the Console applies itself. */
function consoleQuery(filter) {
    return { flockId: filter.flockId, kind: filter.kind, active: filter.enabled, searchString: filter.memoPattern?.searchString };
}
/** Epoch seconds of `created`; the Console sends it as text. `undefined` when it cannot be read. */
function createdSeconds(token) {
    const value = typeof token.created === 'number' ? token.created : Number.parseFloat(String(token.created ?? ''));
    return Number.isFinite(value) ? value : undefined;
}
function triggeredCount(token) {
    const value = Number(token.triggered_count);
    return token.triggered_count !== undefined && token.triggered_count !== null && Number.isFinite(value) ? value : undefined;
}
/**
 * Whether a token passes every filter. Everything is checked here, the
 * Console's part too, so a Console that ignored a parameter cannot widen the
 * match. A field the filter needs but the token lacks never matches.
 */
function matchesFilter(filter, token) {
    if (filter.kind !== undefined && token.kind !== filter.kind)
        return false;
    if (filter.flockId !== undefined && token.flock_id !== filter.flockId)
        return false;
    if (filter.enabled !== undefined && isEnabled(token) !== filter.enabled)
        return false;
    if (filter.memoPattern && !filter.memoPattern.regex.test(typeof token.memo === 'string' ? token.memo : ''))
        return false;
    if (filter.createdBefore) {
        const created = createdSeconds(token);
        if (created === undefined || created >= filter.createdBefore.epochSeconds)
            return false;
    }
    if (filter.triggered !== undefined) {
        const count = triggeredCount(token);
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

;// CONCATENATED MODULE: ./build/operations/types.js
/** Erases the parameter type so rows of different types fit one table. */
function defineOperation(operation) {
    return operation;
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
    throw new errors_InputError(`Input 'aws-profile' must be a profile name of letters, digits and . _ @ + - (at most 64, e.g. 'default' or 'ci-canary'); '${raw}' is not.${hint}`);
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
    throw new errors_InputError(`Input 'aws-region' must be an AWS region such as us-east-1 or eu-west-2; '${raw}' is not.${hint}`);
}
function onConsoleErrorInput(inputs) {
    const raw = inputs.get('on-console-error') || 'warn';
    if (raw === 'warn' || raw === 'fail')
        return raw;
    const near = /^warn/i.test(raw) ? 'warn' : /^(fail|error|true)/i.test(raw) ? 'fail' : undefined;
    throw new errors_InputError(`Input 'on-console-error' must be warn or fail; '${raw}' is not.${near ? ` Did you mean '${near}'?` : ''}`);
}
/** The rendered memo; with the default template, an error says that the default is what needs a value. */
function memoFor(inputs) {
    const template = inputs.get('memo');
    const where = template ? "Input 'memo'" : `The default memo '${DEFAULT_RUNNER_CANARY_MEMO}' (set 'memo' to choose your own)`;
    return checkMemoLength(memo_template_renderMemo(template || DEFAULT_RUNNER_CANARY_MEMO, memo_template_runContext(), where), where);
}
/**
 * Refuses, before any request, a profile that either file already holds: a
 * real credential is never overwritten or shadowed.
 */
async function checkProfileIsFree(paths, profile) {
    if (paths.credentials === paths.config) {
        throw new errors_InputError(`AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE both name ${paths.credentials}; point them at two files.`);
    }
    for (const role of ['credentials', 'config']) {
        const path = paths[role];
        let text;
        try {
            text = await readSharedFile(path);
        }
        catch (error) {
            const reason = error.code ?? errors_errorMessage(error);
            throw new errors_InputError(`The AWS ${role} file ${path} cannot be read (${reason}); plant-runner-canaries needs to read it to be sure it overwrites nothing.`);
        }
        try {
            await checkWritable(path);
        }
        catch (error) {
            const reason = error.code ?? errors_errorMessage(error);
            const variable = role === 'credentials' ? 'AWS_SHARED_CREDENTIALS_FILE' : 'AWS_CONFIG_FILE';
            throw new errors_InputError(`The AWS ${role} file ${path} cannot be written (${reason}); point ${variable} at a file the job can write.`);
        }
        const found = text === undefined ? undefined : profileSections(text, role, profile)[0];
        if (found) {
            throw new errors_InputError(`AWS profile '${profile}' already exists in ${path} (as [${found.name}]): plant-runner-canaries never overwrites or shadows a credential. ` +
                `Set 'aws-profile' to a profile neither file has (e.g. 'ci-canary').`);
        }
    }
}
/** The token's AWS keys: its `access_key_id` and `secret_access_key`, else its `renders["aws-id"]` block (the reference shows both). */
function awsKeys(token) {
    let accessKeyId = typeof token.access_key_id === 'string' ? token.access_key_id.trim() : '';
    let secretAccessKey = typeof token.secret_access_key === 'string' ? token.secret_access_key.trim() : '';
    const rendered = token.renders?.['aws-id'];
    if ((!accessKeyId || !secretAccessKey) && typeof rendered === 'string') {
        for (const section of iniSections(rendered)) {
            const values = iniValues(rendered, section);
            accessKeyId ||= values.aws_access_key_id ?? '';
            secretAccessKey ||= values.aws_secret_access_key ?? '';
        }
    }
    return accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined;
}
/**
 * An aws-id token for this memo: with `reuse`, the oldest enabled one that
 * has it (a disabled one was retired, e.g. by the 30-day cleanup, and would
 * alert no one); else a new one. Its keys are masked before this returns.
 */
async function mintRunnerCanary(transport, params) {
    let token;
    let reused = false;
    if (params.reuse) {
        const found = await findCanarytokens(transport, { kind: 'aws-id', memoEquals: params.memo, flockId: params.flockId, active: true });
        const [oldest] = found.sort((a, b) => Number(a.created ?? 0) - Number(b.created ?? 0));
        if (oldest) {
            token = (await fetchCanarytoken(transport, oldest.canarytoken)).token;
            reused = true;
        }
    }
    token ??= (await createCanarytoken(transport, { kind: 'aws-id', memo: params.memo, flock_id: params.flockId })).canarytoken;
    const keys = awsKeys(token);
    if (keys) {
        registerSecret(keys.accessKeyId);
        registerSecret(keys.secretAccessKey);
    }
    if (!token?.canarytoken || !keys) {
        throw new ConsoleApiError(`the Console's answer for the aws-id Canarytoken ${token?.canarytoken ?? ''} holds no AWS keys`, 'result');
    }
    return { token, reused, keys };
}
function reasonOf(error) {
    const reason = errors_errorMessage(error);
    return error instanceof ConsoleApiError && error.attempts > 1 ? `${reason} (after ${error.attempts} attempts)` : reason;
}
const PLANTED_OUTPUTS = ['canarytoken', 'memo', 'aws-profile', 'credentials-file', 'access-key-id', 'reused'];
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
    throw new errors_InputError(`Input 'export-env' is true, but the job's environment already holds AWS credentials (${present.join(', ')}); ` +
        'exporting the canary would replace them for every later step. Drop export-env (the profile in the credentials file is planted either way), ' +
        'or plant the runner canary before the step that sets real credentials.');
}
const plantRunnerCanariesOperation = defineOperation({
    name: 'plant-runner-canaries',
    description: "Plants a Canarytoken AWS key on the runner itself: mints an `aws-id` token whose memo names the run, writes it as profile `aws-profile` to the AWS credentials and config files (never over an existing profile), and checks it when the job ends (the post step fails the job if it was used, then removes the profile). A Console outage warns and plants nothing unless `on-console-error: fail`.",
    requires: [],
    accepts: ['memo', 'flock-id', 'reuse', 'aws-profile', 'aws-region', 'export-env', 'on-console-error', 'check-on-exit', 'keep-credentials'],
    outputs: PLANTED_OUTPUTS,
    async parse(inputs) {
        const params = {
            memo: memoFor(inputs),
            flockId: inputs_flockIdInput(inputs),
            reuse: inputs_booleanInput(inputs, 'reuse'),
            profile: profileInput(inputs),
            region: regionInput(inputs),
            exportEnv: inputs_booleanInput(inputs, 'export-env'),
            onConsoleError: onConsoleErrorInput(inputs),
            check: inputs_booleanInput(inputs, 'check-on-exit', true),
            remove: !inputs_booleanInput(inputs, 'keep-credentials'),
            paths: sharedFilePaths()
        };
        if (params.exportEnv)
            refuseToShadowEnvironmentCredentials(process.env);
        await checkProfileIsFree(params.paths, params.profile);
        return params;
    },
    async run(params, context) {
        let minted;
        try {
            minted = await mintRunnerCanary(context.transport, params);
        }
        catch (error) {
            if (params.onConsoleError === 'fail')
                throw error;
            const reason = reasonOf(error);
            context.log.warning(`plant-runner-canaries planted no runner canary: ${reason}. The job goes on without one (on-console-error: warn; set it to fail to stop the job instead).`);
            return {
                outputs: {},
                summary: {
                    heading: 'Runner canary not planted',
                    columns: ['Memo', 'Why'],
                    rows: [[params.memo, reason]],
                    notes: ['The Console could not be reached or refused, so this job runs without a runner canary (`on-console-error: warn`).']
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
                `writing AWS profile '${params.profile}' failed: ${reasonOf(error)}. The Canarytoken ${token.canarytoken} was ${reused ? 'reused' : 'created'} and stays on the Console` +
                    (files.length > 0 ? '; the post step removes what was written.' : '.');
        }
        const outputs = {
            canarytoken: token.canarytoken,
            memo: token.memo ?? params.memo,
            'aws-profile': params.profile,
            'credentials-file': params.paths.credentials,
            'access-key-id': keys.accessKeyId,
            reused
        };
        const state = {
            version: 1,
            canarytoken: token.canarytoken,
            memo: token.memo ?? params.memo,
            profile: params.profile,
            check: params.check,
            remove: params.remove,
            onConsoleError: params.onConsoleError,
            // What the token had already seen: only a rise during this job is this job's alarm (it matters with `reuse`).
            triggeredBefore: triggeredCount(token) ?? 0,
            files
        };
        const result = {
            outputs,
            summary: {
                heading: 'Runner canary planted',
                columns: ['Canarytoken', 'Memo', 'AWS profile', 'Credentials file', 'Config file', 'Region'],
                rows: [[token.canarytoken, state.memo, params.profile, params.paths.credentials, params.paths.config, params.region]],
                notes: [
                    ...(reused ? ['An enabled aws-id Canarytoken with this memo was reused (`reuse: true`); no new token was made.'] : []),
                    params.check
                        ? 'When the job ends, the post step fails the job if these credentials were used during it.'
                        : 'The post step does not check the token (`check-on-exit: false`); its alerts come from the Console.',
                    params.remove ? 'The post step then removes the profile again.' : 'The profile stays on the runner (`keep-credentials: true`).'
                ]
            },
            failure
        };
        if (files.length > 0 && (params.check || params.remove))
            result.state = { [runner_canary_state/* RUNNER_CANARY_STATE */.k]: JSON.stringify(state) };
        if (failure)
            return result;
        if (params.exportEnv) {
            result.environment = { AWS_ACCESS_KEY_ID: keys.accessKeyId, AWS_SECRET_ACCESS_KEY: keys.secretAccessKey, AWS_DEFAULT_REGION: params.region };
        }
        context.log.info(`${reused ? 'Reused' : 'Minted'} runner canary ${token.canarytoken} and planted it as AWS profile '${params.profile}' in ${params.paths.credentials} ` +
            `(region ${params.region} in ${params.paths.config})${params.exportEnv ? '; later steps also get it as AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY' : ''}.`);
        return result;
    }
});
const RUNNER_CANARY_OPERATIONS = [plantRunnerCanariesOperation];
/** What the token says about this job: undefined when it was not used. */
async function compromise(transport, state) {
    let token;
    try {
        token = (await fetchCanarytoken(transport, state.canarytoken)).token;
        const keys = awsKeys(token);
        registerSecret(keys?.accessKeyId);
        registerSecret(keys?.secretAccessKey);
    }
    catch (error) {
        if (isNotFound(error)) {
            return {
                status: 'gone from the Console',
                reason: `is gone from the Console (deleted during the job), so it can no longer vouch for this job`
            };
        }
        throw error;
    }
    const count = triggeredCount(token) ?? 0;
    if (count > state.triggeredBefore) {
        const times = count - state.triggeredBefore;
        return { status: `triggered ${times} time${times === 1 ? '' : 's'}`, reason: `was triggered ${times} time${times === 1 ? '' : 's'} during this job` };
    }
    if (canarytokens_isEnabled(token) === false) {
        return { status: 'disabled', reason: 'was disabled during the job, so it can no longer vouch for this job' };
    }
    return undefined;
}
/**
 * The post step of plant-runner-canaries: (1) with `check`, fetch the token
 * and fail the job when it was triggered (or is gone or disabled); (2) with
 * `remove`, take the profile out of both files, every other byte as it was.
 * The token stays enabled: keys copied during the run still alert later.
 */
async function runnerCanaryPost(state, connect, log) {
    const result = {};
    if (state.check) {
        const transport = connect();
        try {
            const found = await compromise(transport, state);
            if (found) {
                result.failure =
                    `Runner canary ${state.canarytoken} ${found.reason}: the AWS credentials planted in this job (profile '${state.profile}') were used. ` +
                        `Treat this run as compromised: rotate every secret the job could reach and look for what ran in it. Memo: ${state.memo}`;
                result.summary = {
                    heading: 'Runner canary triggered: treat this run as compromised',
                    columns: ['Canarytoken', 'Memo', 'AWS profile', 'State'],
                    rows: [[state.canarytoken, state.memo, state.profile, found.status]],
                    notes: [
                        'The fake AWS credentials this job planted were used while it ran: something in the job (a dependency, an action, a script) read them and called AWS.',
                        'Rotate every secret the job could reach, check the Console incident for where the call came from, and review what this run installed and ran.',
                        'The Canarytoken stays enabled, so copies of the keys still alert.'
                    ]
                };
            }
            else {
                log.info(`Runner canary ${state.canarytoken} was not triggered during this job.`);
            }
        }
        catch (error) {
            const message = `Could not check runner canary ${state.canarytoken}: ${reasonOf(error)}. Its alerts still come from the Console.`;
            if (state.onConsoleError === 'fail')
                result.failure = message;
            else
                log.warning(message);
        }
        finally {
            await transport.close();
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
                log.warning(`Could not remove AWS profile '${state.profile}' from ${file.path}: ${reasonOf(error)}. Remove its section by hand.`);
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
/** Escapes text for the job summary, which is HTML: memos and names come from users and the Console. */
function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
function cell(text) {
    return escapeHtml(redact(text));
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
    const summary = core/* summary */.z.addHeading(escapeHtml(section.heading), 3);
    // No header row over an empty table: say what the emptiness means.
    if (rows.length === 0)
        summary.addRaw(`<p>${cell(section.empty ?? 'Nothing to show.')}</p>`, true);
    else
        summary.addRaw(tableHtml(section.columns, rows), true);
    if (section.rows.length > rows.length) {
        summary.addRaw(`<p>${section.rows.length - rows.length} more rows are not shown; ${cell(section.fullList ?? 'the step outputs hold them all')}.</p>`, true);
    }
    for (const note of section.notes ?? [])
        summary.addRaw(`<p>${cell(note)}</p>`, true);
    await summary.write();
}

;// CONCATENATED MODULE: ./build/console/console-url.js

/** Domain of Thinkst's hosted Consoles; a bare hash means `<hash>.canary.tools`. */
const HOSTED_DOMAIN = 'canary.tools';
/** A Console hash or a DNS label: what a hostname can hold, no more. */
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
const CONSOLE_HELP = "Set 'console' to your Console's hash (1234abcd), its domain (1234abcd.canary.tools) or its https URL (https://1234abcd.canary.tools).";
/**
 * Turns the `console` input into the Console's origin. Only an origin is
 * accepted: a path, query, fragment or credentials would either be ignored or
 * leak, so they are refused rather than guessed at. Plain http is allowed to
 * loopback hosts only (the emulator, local tests).
 */
function resolveConsoleUrl(value) {
    const input = value.trim();
    if (!input)
        throw new errors_InputError(`Input 'console' is required. ${CONSOLE_HELP}`);
    if (!input.includes('://')) {
        // A hash or a bare domain name.
        const hostname = input.includes('.') ? input : `${input}.${HOSTED_DOMAIN}`;
        if (!isValidHostname(hostname)) {
            throw new errors_InputError(`Input 'console' is not a Console hash or domain name. ${CONSOLE_HELP}`);
        }
        return new URL(`https://${hostname.toLowerCase()}`);
    }
    let url;
    try {
        url = new URL(input);
    }
    catch {
        throw new errors_InputError(`Input 'console' is not a valid URL. ${CONSOLE_HELP}`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new errors_InputError(`Input 'console' must use https, not ${url.protocol.replace(':', '')}. ${CONSOLE_HELP}`);
    }
    if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
        throw new errors_InputError(`Input 'console' must use https: the auth token would cross the network in clear text. Plain http is allowed only to loopback hosts (localhost, 127.0.0.1, [::1]).`);
    }
    if (url.username || url.password) {
        throw new errors_InputError(`Input 'console' must not carry credentials; pass the token in 'auth-token'. ${CONSOLE_HELP}`);
    }
    if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
        throw new errors_InputError(`Input 'console' must be the Console's address only, without a path, query or fragment. ${CONSOLE_HELP}`);
    }
    if (!isValidHostname(url.hostname)) {
        throw new errors_InputError(`Input 'console' has a host name that is not valid. ${CONSOLE_HELP}`);
    }
    return new URL(url.origin);
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(6752);
;// CONCATENATED MODULE: ./build/console/transport.js








const DEFAULT_RETRY_POLICY = { retries: 3, baseDelayMs: 1000, maxDelayMs: 30_000, maxRetryAfterMs: 60_000 };
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
function explainCode(code) {
    if (code === 'ENOTFOUND')
        return "the name does not resolve; check 'console'";
    if (code === 'EAI_AGAIN')
        return 'the name could not be resolved just now (DNS)';
    if (code === 'ECONNREFUSED')
        return "the connection was refused; check 'console' and that nothing blocks the port";
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
function networkError(error, timeoutMs, target, elsewhere = false) {
    if (error instanceof ConsoleApiError)
        return error;
    if (isTimeout(error)) {
        return new ConsoleApiError(`${target && elsewhere ? target.origin : 'the Console'} did not answer within ${timeoutMs / 1000} s (raise 'timeout-seconds' if it is slow)`, 'timeout');
    }
    const code = errorCode(error);
    const explanation = code ? explainCode(code) : undefined;
    const detail = code ? (explanation ? `${code}: ${explanation}` : code) : errors_errorMessage(error);
    // The origin only: a signed storage URL's query is a credential.
    const where = target ? target.origin : 'the Console';
    const what = code && !neverSent(code) ? `the connection to ${where} broke` : `could not reach ${where}`;
    return new ConsoleApiError(`${what} (${detail})`, 'network');
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
function failedInTransit(error, timeoutMs, target, elsewhere = false) {
    const code = errorCode(error);
    const mapped = networkError(error, timeoutMs, target, elsewhere);
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
/** The Console's messages for a key it does not accept (getting-started.md), lower-cased. */
const AUTH_FAILURE_MESSAGES = new Set(['invalid auth_token', 'unauthorized']);
/**
 * Maps an answer to a ConsoleApiError, or returns nothing when it is a
 * success. Both the status and the `result` field are checked: the Console
 * has answered errors with 200 and successes' bodies are what callers need.
 */
function errorForAnswer(status, contentType, text, location) {
    if (status >= 300 && status < 400) {
        const target = location ? location.split('?')[0] : 'no Location';
        return new ConsoleApiError(`${describeStatus(status)}: the Console redirected to ${target}; redirects are not followed (they would carry the auth token elsewhere). Check the 'console' input.`, 'redirect', status);
    }
    let body;
    try {
        body = JSON.parse(text);
    }
    catch {
        return new ConsoleApiError(`${describeStatus(status)}: ${describeNonJson(contentType, text)}`, 'not-json', status);
    }
    const record = typeof body === 'object' && body !== null ? body : {};
    const message = typeof record.message === 'string' ? record.message : undefined;
    // The reference documents authentication failures by their bodies only (a
    // bad `auth_token` parameter, a bad header), not by status: both are read.
    if (status === 401 || status === 403 || (message !== undefined && AUTH_FAILURE_MESSAGES.has(message.trim().toLowerCase()))) {
        return new ConsoleApiError(`${describeStatus(status)}: the Console rejected the auth token${message ? ` (${message})` : ''}. Check 'auth-token' and that the key may do this.`, 'unauthorized', status, message);
    }
    if (status < 200 || status >= 300) {
        return new ConsoleApiError(`${describeStatus(status)}: ${message ?? 'no message from the Console'}`, 'http-status', status, message);
    }
    if (record.result !== 'success') {
        const result = typeof record.result === 'string' ? `"result": "${record.result}"` : 'no "result" field';
        return new ConsoleApiError(`${describeStatus(status)}: ${message ?? `the answer had ${result}`}`, 'result', status, message);
    }
    return undefined;
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
function isLoopbackHost(hostname) {
    const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
    return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}
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
        throw new FailedAttempt(new ConsoleApiError(`${describeStatus(status)}: the download was redirected ${why}`, 'redirect', status), undefined, false);
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
    if (target.protocol === 'http:' && !isLoopbackHost(target.hostname)) {
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
function downloadFailure(status, contentType, disposition, content) {
    const head = content.subarray(0, SNIFF_BYTES).toString('utf8').replace(/^\uFEFF/, '').trimStart();
    const looksJson = head.startsWith('{') && content.length <= SNIFF_BYTES;
    const looksHtml = /^<(!doctype html|html|head|body)\b/i.test(head);
    const text = looksJson || looksHtml ? content.toString('utf8') : '';
    let record;
    if (looksJson) {
        try {
            const parsed = JSON.parse(text);
            if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && 'result' in parsed)
                record = parsed;
        }
        catch {
            // not JSON after all: judged below like any other body
        }
    }
    if (record) {
        const failure = errorForAnswer(status, 'application/json', text);
        return failure ?? new ConsoleApiError(`${describeStatus(status)}: the Console answered with JSON instead of a file`, 'result', status);
    }
    if (status < 200 || status >= 300)
        return errorForAnswer(status, contentType, text || content.toString('utf8'));
    if (looksHtml) {
        const title = htmlTitle(text);
        return new ConsoleApiError(`${describeStatus(status)}: the Console answered with an HTML page instead of the file${title ? ` ("${title}")` : ''}`, 'not-json', status, title);
    }
    if (/\bjson\b/i.test(contentType ?? '') && !disposition) {
        return new ConsoleApiError(`${describeStatus(status)}: ${describeNonJson(contentType, content.toString('utf8'))}`, 'not-json', status);
    }
    return undefined;
}
/**
 * The one module that speaks HTTP to the Console: it owns the URL, the auth
 * header, body encoding, timeouts, retries and the mapping of every failure
 * to a ConsoleApiError. It knows nothing of action inputs or of `@actions/core`.
 */
class ConsoleTransport {
    options;
    dispatcher;
    policy;
    constructor(options) {
        this.options = options;
        this.dispatcher =
            options.dispatcher ?? new undici/* Agent */.g6({ connect: { timeout: options.timeoutMs }, headersTimeout: options.timeoutMs, bodyTimeout: options.timeoutMs });
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
            throw failedInTransit(error, this.options.timeoutMs, this.options.baseUrl);
        }
        const failure = errorForAnswer(statusCode, headerValue(headers, 'content-type'), text, headerValue(headers, 'location'));
        if (failure) {
            this.maskSecretsIn(text);
            throw failedAnswer(failure, headerValue(headers, 'retry-after'));
        }
        const parsed = JSON.parse(text);
        for (const secret of this.options.findSecrets(parsed))
            this.options.onSecret(secret);
        return parsed;
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
            throw failedInTransit(error, this.options.timeoutMs, url, url.origin !== this.options.baseUrl.origin);
        }
        const failure = downloadFailure(statusCode, contentType, disposition, content);
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
                const final = (message = error.message) => new ConsoleApiError(message, error.failure, error.status, error.consoleMessage, number, earlierAttemptMayHaveActed);
                const retrying = thrown.retryReason !== undefined && number < attempts;
                if (thrown.mayHaveActed && !repeatable) {
                    if (recover) {
                        // Even when no retry follows: a token the Console made must not be reported as a failure.
                        this.options.logger?.info(`${call}: attempt ${number} of ${attempts} failed (${error.message}); checking whether the Console acted on it.`);
                        let settled;
                        try {
                            settled = await recover(error);
                        }
                        catch (check) {
                            const reason = errors_errorMessage(check);
                            throw final(`${error.message}; the Console may have acted on it, so it was not sent again: ${reason}`);
                        }
                        if (settled !== undefined) {
                            this.options.logger?.info(`${call}: the Console had acted on attempt ${number}; not sending it again.`);
                            return settled;
                        }
                    }
                    else if (retrying) {
                        throw final(`${error.message}; not sent again: the Console may have acted on it, and this call is not safe to repeat`);
                    }
                }
                if (!retrying)
                    throw final();
                earlierAttemptMayHaveActed ||= thrown.mayHaveActed && repeatable;
                const wait = retryDelayMs(this.policy, number, thrown.retryAfter);
                const why = retryAfterMs(thrown.retryAfter) === undefined ? '' : ' (the Console asked for this wait with Retry-After)';
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
        // The token goes in the header only (URLs end up in logs and proxies),
        // and only to the Console's own origin.
        if (url.origin === this.options.baseUrl.origin)
            headers['x-canary-auth-token'] = this.options.authToken;
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
            const form = new undici.FormData();
            for (const [name, value] of entries)
                form.set(name, value);
            for (const [name, path] of Object.entries(files)) {
                const type = uploadMimeType(path);
                if (!type)
                    throw new ConsoleApiError(`cannot tell the MIME type of ${(0,external_node_path_.basename)(path)} from its extension`, 'not-json');
                form.set(name, await (0,external_node_fs_.openAsBlob)(path, { type }), (0,external_node_path_.basename)(path));
            }
            body = form;
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
    /** A GET to a redirect's target: the Console's origin gets the auth header, any other origin nothing but the URL it gave. */
    async get(url, accept) {
        const answer = await this.dispatch(url, 'GET', this.headersFor(url, accept));
        this.options.logger?.debug(`GET ${url.origin}${url.pathname} -> HTTP ${answer.statusCode}`);
        return answer;
    }
    async dispatch(url, method, headers, body) {
        try {
            return await (0,undici/* request */.Em)(url, {
                method,
                headers,
                body,
                dispatcher: this.dispatcher,
                headersTimeout: this.options.timeoutMs,
                bodyTimeout: this.options.timeoutMs
            });
        }
        catch (error) {
            throw failedInTransit(error, this.options.timeoutMs, url, url.origin !== this.options.baseUrl.origin);
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
            throw new ConsoleApiError(`the answer was larger than ${limit / 1024 / 1024} MiB`, 'not-json');
        }
        chunks.push(chunk);
    }
    return Buffer.concat(chunks);
}

;// CONCATENATED MODULE: ./build/operations/bounded-pool.js

/** The most requests bulk operations send at once (Thinkst's own delete_tokens_threaded.py runs 100 workers). */
const MAX_CONCURRENCY = 100;
/** The `concurrency` input: how many items a bulk operation works on at once (the gate may allow fewer). */
function concurrencyInput(inputs) {
    return integerInput(inputs, 'concurrency', { min: 1, max: MAX_CONCURRENCY, fallback: Number(INPUT_DEFAULTS.concurrency) });
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

;// CONCATENATED MODULE: ./build/version.js
// Generated from package.json by scripts/sync-version.mjs (`npm version` runs it): do not edit.
/** Sent in the User-Agent header. */
const ACTION_VERSION = '1.0.0';

;// CONCATENATED MODULE: ./build/runtime.js









// What both entry points share (main.ts for the step, post-main.ts for the
// post step): the log, failure messages and the connection to the Console.
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
    info: (message) => core/* info */.pq(defuseCommands(redact(message))),
    warning: (message) => core/* warning */.$e(redact(message)),
    // Not even redacted when the runner will not show it: the transport logs every request.
    debug: (message) => {
        if (core/* isDebug */._o())
            core/* debug */.Yz(redact(message));
    }
};
function failureMessage(operationName, error) {
    if (error instanceof errors_InputError)
        return error.message;
    const reason = errors_errorMessage(error);
    if (error instanceof ConsoleApiError && error.attempts > 1)
        return `${operationName} failed after ${error.attempts} attempts: ${reason}`;
    return operationName ? `${operationName} failed: ${reason}` : reason;
}
/** Checks the connection inputs (console, timeout-seconds, retries) now; opens the transport when called. */
function consoleConnection(inputs) {
    const baseUrl = resolveConsoleUrl(inputs.get('console'));
    const timeoutSeconds = inputs_integerInput(inputs, 'timeout-seconds', { min: 1, max: 3600, fallback: 30 }) ?? 30;
    const retries = inputs_integerInput(inputs, 'retries', { min: 0, max: 10, fallback: DEFAULT_RETRY_POLICY.retries }) ?? DEFAULT_RETRY_POLICY.retries;
    return () => new ConsoleTransport({
        baseUrl,
        authToken: inputs.get('auth-token'),
        timeoutMs: timeoutSeconds * 1000,
        retry: { retries },
        // Bulk operations send many requests at once; a Console that throttles slows all of them down.
        gate: new AdaptiveConcurrency({ onChange: log.info }),
        userAgent: `canary-console-action/${ACTION_VERSION}`,
        onSecret: registerSecret,
        findSecrets: (body) => findSecretValues(body),
        logger: log
    });
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
        const state = (0,runner_canary_state/* parseRunnerCanaryState */.B)(core/* getState */.Gu(runner_canary_state/* RUNNER_CANARY_STATE */.k));
        const result = await runnerCanaryPost(state, consoleConnection(inputs), log);
        if (result.summary)
            await publishSummary(result.summary);
        if (result.failure)
            core/* setFailed */.C1(redact(result.failure));
    }
    catch (error) {
        if (error instanceof Error && error.stack)
            log.debug(error.stack);
        core/* setFailed */.C1(redact(failureMessage('plant-runner-canaries (post step)', error)));
    }
}


/***/ })

};
