export const id = 182;
export const ids = [182];
export const modules = {

/***/ 1182:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPost: () => (/* binding */ runPost)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/command.js
var command = __webpack_require__(9635);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/file-command.js
var file_command = __webpack_require__(2902);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/utils.js
var utils = __webpack_require__(4679);
// EXTERNAL MODULE: external "os"
var external_os_ = __webpack_require__(857);
// EXTERNAL MODULE: external "path"
var external_path_ = __webpack_require__(6928);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/summary.js
var lib_summary = __webpack_require__(1170);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/path-utils.js
var path_utils = __webpack_require__(1631);
;// CONCATENATED MODULE: ./build/vendor/actions-core.js
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
    (0,command/* issueCommand */.L)('add-mask', {}, secret);
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
    (0,command/* issueCommand */.L)('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    (0,command/* issueCommand */.L)('error', (0,utils/* toCommandProperties */.k)(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    (0,command/* issueCommand */.L)('warning', (0,utils/* toCommandProperties */.k)(properties), message instanceof Error ? message.toString() : message);
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
    concurrency: '20',
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
const COMMON_INPUTS = (/* unused pure expression or super */ null && (['operation', 'console', 'auth-token', 'timeout-seconds', 'retries']));
/** Inputs whose values are credentials: masked before anything else runs, never echoed. */
const SECRET_INPUTS = ['auth-token', 'aws-secret-key', 'aws-session-token', 'remove-auth-token', 'github-token'];
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
    throw new errors_InputError(`Input '${name}' must be true or false (as GitHub reads booleans: true, True, TRUE, false, False or FALSE), not '${raw}'.`);
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
        throw new errors_InputError(`Input 'flock-id' must be a flock id, which looks like 'flock:default' or 'flock:<id>', not '${value}'${hint}`);
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
        throw new errors_InputError(`Input '${name}' must be a whole number from ${limits.min} to ${limits.max}, not '${raw}'.`);
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
function inputs_checkMemoLength(memo, where) {
    const length = characterCount(memo);
    if (length > MAX_MEMO_LENGTH) {
        throw new errors_InputError(`${where} is ${length} characters long; the Console accepts at most ${MAX_MEMO_LENGTH}.`);
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
    const first = errorMessage(error).split('\n')[0]?.replace(/:\s*$/, '') ?? '';
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
        throw new InputError(`Input 'extra-params' must be a YAML mapping of Console parameters (${yamlErrorReason(error, raw)}).`);
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

;// CONCATENATED MODULE: ./build/http/errors.js
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

;// CONCATENATED MODULE: ./build/secret-fields.js
// Which fields of a server's JSON answer hold credentials. Pure: backends use
// it at their edge; secrets.ts (the only place that masks) uses it too.
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
    if (Array.from(trimmed).length < SHORTEST_SECRET || secrets.has(trimmed))
        return;
    secrets.add(trimmed);
    longestFirst = undefined;
    byPrefix = undefined;
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
        throw new errors_InputError(`Input '${inputName}' holds a line break or another control character; a secret is one line of visible characters. Store the secret again without it.`);
    }
    if (codes.some((code) => code > 0xff)) {
        throw new errors_InputError(`Input '${inputName}' holds a character an HTTP header cannot carry; check that the secret holds the token and nothing else.`);
    }
    const length = codes.length;
    if (length < SHORTEST_SECRET) {
        throw new errors_InputError(`Input '${inputName}' is ${length} character${length === 1 ? '' : 's'} long; a real one is longer (at least ${SHORTEST_SECRET}, the shortest value the action masks). Check that the secret holds the whole token.`);
    }
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
/** The `memo` input with its placeholders ({repository}, {sha}, ...) filled from the run. */
function memoInput(inputs, context = runContext()) {
    return checkMemoLength(renderMemo(inputs.get('memo'), context, "Input 'memo'"), "Input 'memo'");
}

// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
;// CONCATENATED MODULE: ./build/backends/console/records.js

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
function records_text(value) {
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
    let accessKeyId = records_text(token.access_key_id)?.trim() ?? '';
    let secretAccessKey = records_text(token.secret_access_key)?.trim() ?? '';
    const rendered = token.renders?.['aws-id'];
    if ((!accessKeyId || !secretAccessKey) && typeof rendered === 'string') {
        accessKeyId ||= iniValue(rendered, 'aws_access_key_id') ?? '';
        secretAccessKey ||= iniValue(rendered, 'aws_secret_access_key') ?? '';
    }
    if (!accessKeyId || !secretAccessKey)
        return undefined;
    const region = records_text(token.region) ?? (typeof rendered === 'string' ? iniValue(rendered, 'region') : undefined);
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
        flockId: records_text(token.flock_id),
        hostname: records_text(token.hostname),
        url: records_text(token.url),
        nodeId: records_text(token.node_id),
        awsKeys: token.kind === 'aws-id' ? awsKeys(token) : undefined,
        renders: token.renders && typeof token.renders === 'object' ? stringFields(token.renders) : undefined
    };
}
/** A Console token as the action's record. Its secrets were masked by the transport as the answer arrived. */
function tokenRecord(token) {
    return { ...plainFields(token), fieldValues: stringFields(token), details: withoutSecretFields(token) };
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
        return (this.#details ??= withoutSecretFields(this.#token));
    }
}
/** A token of a listing's page as a record (see ListedRecord). */
function listedRecord(token) {
    return new ListedRecord(token);
}

;// CONCATENATED MODULE: ./build/backends/console/canarytokens.js


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
    return errors_removal(transport.call(CANARYTOKEN_ENDPOINTS.delete, { canarytoken, clear_incidents: clearIncidents ? true : undefined }));
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
            throw new ApiError(`${endpoint.path} answered without a "canarytokens" list`, 'result');
        }
        yield { canarytokens: answer.canarytokens, page, totalResults: answer.total_results };
        const next = answer.cursor?.next;
        if (next === undefined || next === null || next === '')
            return;
        // A Console that hands back a cursor it gave before would have us loop for ever.
        if (seen.has(next))
            throw new ApiError(`${endpoint.path} returned a page cursor it had already given; stopped listing to avoid a loop`, 'result');
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
        if (options.active !== undefined && isEnabled(token) !== options.active)
            continue;
        found.push(token);
    }
    return found;
}

;// CONCATENATED MODULE: ./build/backends/console/incidents.js

const INCIDENT_STATES = (/* unused pure expression or super */ null && (['unacknowledged', 'acknowledged', 'all']));
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
            throw new ApiError(`${endpoint.path} answered without an "incidents" list`, 'result');
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
            throw new ApiError(`${endpoint.path} returned a page cursor it had already given; stopped listing to avoid a loop`, 'result');
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

;// CONCATENATED MODULE: ./build/backends/console/index.js




/** The page's tokens as records, one at a time, letting go of each raw token once its record is made (the page is ours alone). */
function* records(tokens) {
    for (let index = 0; index < tokens.length; index++) {
        const token = tokens[index];
        tokens[index] = undefined;
        if (token)
            yield listedRecord(token);
    }
}
/**
 * The Canary Console as a backend: what both servers do, plus what only the
 * Console has (listing and search, memo updates; API keys, flocks and
 * incidents go through `transport` with their own endpoint modules).
 */
class console_ConsoleBackend {
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
        const answer = await createCanarytoken(this.transport, { ...request.params, kind: request.kind, memo: request.memo, flock_id: request.flockId }, request.files, {
            pickAmongSeveral: pick
                ? (tokens) => {
                    const chosen = pick(tokens.map(tokenRecord));
                    return tokens.find((token) => token.canarytoken === chosen.id) ?? tokens[0];
                }
                : undefined
        });
        return { ...tokenRecord(answer.canarytoken), answer: withoutSecretFields(answer) };
    }
    async fetch(token) {
        const answer = await fetchCanarytoken(this.transport, token.id);
        return { ...tokenRecord(answer.token), answer: withoutSecretFields(answer) };
    }
    download(token) {
        return downloadCanarytoken(this.transport, token.id);
    }
    async setAlerting(token, enabled) {
        await (enabled ? enableCanarytoken : disableCanarytoken)(this.transport, token.id);
    }
    async delete(token, options = {}) {
        const answer = await deleteCanarytoken(this.transport, token.id, options.clearIncidents ?? false);
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
        const searchString = searchStringFor(id);
        if (!searchString)
            return undefined;
        for await (const page of canarytokenPages(this.transport, { searchString })) {
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
        const answer = await updateCanarytokenMemo(this.transport, token.id, memo);
        return answer.token ? { ...tokenRecord(answer.token), answer: withoutSecretFields(answer) } : this.fetch(token);
    }
    /** Every page of tokens the Console can narrow to `query`; the caller filters further. */
    async *pages(query = {}) {
        for await (const page of canarytokenPages(this.transport, query))
            yield { tokens: records(page.canarytokens), page: page.page };
    }
    /** The tokens matching every option, each checked here too. */
    async find(options) {
        return (await findCanarytokens(this.transport, options)).map(tokenRecord);
    }
    close() {
        return this.transport.close();
    }
}

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
    if (!(backend instanceof console_ConsoleBackend))
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
        if (isNotFound(error))
            return;
        throw new Error(`another run made the Canarytoken ${winner.id} with this memo at the same time, so ${ownToken ? `the one this run made (${loser})` : loser} ` +
            `should go, but deleting it failed (${errors_errorMessage(error)}); delete ${loser} with delete-canarytoken`);
    }
}

;// CONCATENATED MODULE: ./build/operations/types.js

/** Erases the parameter type so rows of different types fit one table. */
function defineOperation(operation) {
    return operation;
}
/** Operations only the Console can carry out. */
const CONSOLE_ONLY = ['console'];
/** Operations both servers carry out. */
const EVERY_BACKEND = (/* unused pure expression or super */ null && (['console', 'canarytokens-server']));
/** The Console, for an operation the table marks Console-only (main refuses any other backend before it runs). */
function consoleOf(context) {
    if (!(context.backend instanceof ConsoleBackend))
        throw new Error(`this operation needs the Console, not ${context.backend.description}`);
    return context.backend;
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
    return inputs_checkMemoLength(renderMemo(template || DEFAULT_RUNNER_CANARY_MEMO, runContext(), where), where);
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
    if (keys) {
        registerSecret(keys.accessKeyId);
        registerSecret(keys.secretAccessKey);
    }
    if (!token.id || !keys) {
        throw new ApiError(`the answer of ${backend.description} for the aws-id Canarytoken ${token.id} holds no AWS keys`, 'result');
    }
    return { token, reused, keys };
}
/** An error's message as a clause: its own final period goes, so the sentence around it has one. */
function reasonOf(error) {
    const reason = errors_errorMessage(error).replace(/\.+$/, '');
    return error instanceof ApiError && error.attempts > 1 ? `${reason} (after ${error.attempts} attempts)` : reason;
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
    backends: CONSOLE_ONLY,
    requires: [],
    accepts: ['memo', 'flock-id', 'reuse', 'aws-profile', 'aws-region', 'export-env', 'on-console-error', 'check-on-exit', 'keep-credentials'],
    outputs: PLANTED_OUTPUTS,
    async parse(inputs) {
        const params = {
            memo: memoFor(inputs),
            flockId: flockIdInput(inputs),
            reuse: booleanInput(inputs, 'reuse'),
            profile: profileInput(inputs),
            region: regionInput(inputs),
            exportEnv: booleanInput(inputs, 'export-env'),
            onConsoleError: onConsoleErrorInput(inputs),
            check: booleanInput(inputs, 'check-on-exit', true),
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
            const reason = reasonOf(error);
            context.log.warning(`plant-runner-canaries planted no runner canary: ${reason}. The job goes on without one (on-console-error: warn; set it to fail to stop the job instead).`);
            return {
                outputs: {},
                summary: {
                    heading: 'Runner canary not planted',
                    columns: ['Memo', 'Why'],
                    rows: [[params.memo, reason]],
                    notes: ['The Console could not be reached or refused, so this job runs without a runner canary (on-console-error: warn).']
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
                `writing AWS profile '${params.profile}' failed: ${reasonOf(error)}. The Canarytoken ${token.id} was ${reused ? 'reused' : 'created'} and stays on the Console` +
                    (files.length > 0 ? '; the post step removes what was written.' : '.');
        }
        const outputs = {
            canarytoken: token.id,
            memo: token.memo || params.memo,
            'aws-profile': params.profile,
            'credentials-file': params.paths.credentials,
            'access-key-id': keys.accessKeyId,
            reused
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
            files
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
                        : 'The post step does not check the token (check-on-exit: false); its alerts come from the Console.',
                    params.remove ? 'The post step then removes the profile again.' : 'The profile stays on the runner (keep-credentials: true).'
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
        context.log.info(`${reused ? 'Reused' : 'Minted'} runner canary ${token.id} and planted it as AWS profile '${params.profile}' in ${params.paths.credentials} ` +
            `(region ${params.region} in ${params.paths.config})${params.exportEnv ? '; later steps also get it as AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY' : ''}.`);
        return result;
    }
});
const RUNNER_CANARY_OPERATIONS = [plantRunnerCanariesOperation];
/** How far the Console's clock may be behind ours when telling this job's incidents from older ones. */
const runner_canaries_CLOCK_SKEW_MS = 60_000;
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
    const since = state.plantedAt === undefined ? undefined : state.plantedAt - runner_canaries_CLOCK_SKEW_MS;
    const found = [];
    for await (const incident of backend.incidents({ id: state.canarytoken })) {
        if (since === undefined || incident.created.getTime() >= since)
            found.push(incident);
    }
    return found.sort((a, b) => b.created.getTime() - a.created.getTime()).slice(0, MAX_SUMMARY_INCIDENTS);
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
        token = await backend.fetch({ id: state.canarytoken });
        registerSecret(token.awsKeys?.accessKeyId);
        registerSecret(token.awsKeys?.secretAccessKey);
    }
    catch (error) {
        if (isNotFound(error)) {
            return {
                what: 'deleted',
                status: 'deleted during the job',
                error: `Runner canary ${state.canarytoken} was deleted from the Console during this job, so nothing can tell whether anyone used ${planted}. ` +
                    'Someone with a Console key removed the tripwire while the job ran: treat this run as suspect until you know who and why.',
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
                'Rotate every secret the job could reach, check the Console incident for where the call came from, and review what this run installed and ran.',
                'The Canarytoken stays enabled, so copies of the keys still alert.'
            ]
        };
    }
    if (token.enabled === false) {
        return {
            what: 'disabled',
            status: 'disabled during the job',
            error: `Runner canary ${state.canarytoken} was disabled during this job; it was not triggered before that, but a disabled token raises no alert, so nothing can tell whether anyone used ${planted} since. ` +
                'Someone with a Console key turned the tripwire off while the job ran: treat this run as suspect until you know who and why.',
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
    if (state.check) {
        const backend = connect();
        try {
            const found = await checkRunnerCanary(backend, state);
            if (found) {
                let seen = [];
                let unread;
                if (found.what === 'triggered') {
                    try {
                        seen = await incidentsSince(backend, state);
                    }
                    catch (error) {
                        unread = reasonOf(error);
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
            const message = `Could not check runner canary ${state.canarytoken}: ${reasonOf(error)}. Its alerts still come from the Console.`;
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
/** A cell of text from outside: HTML-escaped, its control characters (line breaks, bidi overrides) shown as escapes. */
function cell(text) {
    return escapeHtml(visibleControls(redact(text)));
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
    const summary = lib_summary/* summary */.z.addHeading(escapeHtml(section.heading), 3);
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

;// CONCATENATED MODULE: ./build/backends/console/console-url.js

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
// EXTERNAL MODULE: ./node_modules/undici/lib/dispatcher/agent.js
var agent = __webpack_require__(7405);
// EXTERNAL MODULE: ./node_modules/undici/lib/api/api-request.js
var api_request = __webpack_require__(4043);
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
    const { FormData } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 5910, 19));
    return new FormData();
}

;// CONCATENATED MODULE: ./build/http/upload-types.js

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
    if (error instanceof ApiError)
        return error;
    if (isTimeout(error)) {
        return new ApiError(`${target && elsewhere ? target.origin : dialect.serverName} did not answer within ${timeoutMs / 1000} s (raise 'timeout-seconds' if it is slow)`, 'timeout');
    }
    const code = errorCode(error);
    const explanation = code ? explainCode(code, dialect.serverInput) : undefined;
    const detail = code ? (explanation ? `${code}: ${explanation}` : code) : errors_errorMessage(error);
    // The origin only: a signed storage URL's query is a credential.
    const where = target ? target.origin : dialect.serverName;
    const what = code && !neverSent(code) ? `the connection to ${where} broke` : `could not reach ${where}`;
    return new ApiError(`${what} (${detail})`, 'network');
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
        throw new FailedAttempt(new ApiError(`${describeStatus(status)}: the download was redirected ${why}`, 'redirect', status), undefined, false);
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
        return failure ?? new ApiError(`${describeStatus(status)}: ${dialect.serverName} answered with JSON instead of a file`, 'result', status);
    }
    if (status < 200 || status >= 300)
        return dialect.errorForAnswer(status, contentType, text || content.toString('utf8'));
    if (looksHtml) {
        const title = htmlTitle(text);
        return new ApiError(`${describeStatus(status)}: ${dialect.serverName} answered with an HTML page instead of the file${title ? ` ("${title}")` : ''}`, 'not-json', status, title);
    }
    if (/\bjson\b/i.test(contentType ?? '') && !disposition) {
        return new ApiError(`${describeStatus(status)}: ${describeNonJson(contentType, content.toString('utf8'))}`, 'not-json', status);
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
            throw failedAnswer(new ApiError(`HTTP ${statusCode}: ${describeNonJson(headerValue(headers, 'content-type'), text)}`, 'not-json', statusCode), undefined);
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
                const final = (message = error.message) => new ApiError(message, error.failure, error.status, error.serverMessage, number, earlierAttemptMayHaveActed);
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
                            const reason = errors_errorMessage(check);
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
                const type = uploadMimeType(path);
                if (!type)
                    throw new ApiError(`cannot tell the MIME type of ${(0,external_node_path_.basename)(path)} from its extension`, 'not-json');
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
            throw new ApiError(`the answer was larger than ${limit / 1024 / 1024} MiB`, 'not-json');
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
        return new ApiError(`${dialect_describeStatus(status)}: the Console redirected to ${target}; redirects are not followed (they would carry the auth token elsewhere). Check the 'console' input.`, 'redirect', status);
    }
    const answer = parsed === undefined ? parseAnswer(text) : parsed;
    if (!answer)
        return new ApiError(`${dialect_describeStatus(status)}: ${describeNonJson(contentType, text)}`, 'not-json', status);
    const body = answer.json;
    const record = typeof body === 'object' && body !== null ? body : {};
    const message = typeof record.message === 'string' ? record.message : undefined;
    // The reference documents authentication failures by their bodies only (a
    // bad `auth_token` parameter, a bad header), not by status: both are read.
    if (status === 401 || status === 403 || (message !== undefined && AUTH_FAILURE_MESSAGES.has(message.trim().toLowerCase()))) {
        return new ApiError(`${dialect_describeStatus(status)}: the Console rejected the auth token${message ? ` (${message})` : ''}. Check 'auth-token' and that the key may do this.`, 'unauthorized', status, message);
    }
    if (status < 200 || status >= 300) {
        return new ApiError(`${dialect_describeStatus(status)}: ${message ?? 'no message from the Console'}`, 'http-status', status, message);
    }
    if (record.result !== 'success') {
        const result = typeof record.result === 'string' ? `"result": "${record.result}"` : 'no "result" field';
        return new ApiError(`${dialect_describeStatus(status)}: ${message ?? `the answer had ${result}`}`, 'result', status, message);
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
    info: (message) => info(defuseCommands(redact(message))),
    warning: (message) => warning(redact(message)),
    // Not even redacted when the runner will not show it: the transport logs every request.
    debug: (message) => {
        if (isDebug())
            debug(redact(message));
    }
};
function failureMessage(operationName, error) {
    if (error instanceof errors_InputError)
        return error.message;
    const reason = errors_errorMessage(error);
    if (error instanceof ApiError && error.attempts > 1)
        return `${operationName} failed after ${error.attempts} attempts: ${reason}`;
    return operationName ? `${operationName} failed: ${reason}` : reason;
}
/**
 * Checks the connection inputs (the server, timeout-seconds, retries) now,
 * sending nothing; opens the backend when called.
 */
function backendConnection(inputs) {
    const baseUrl = resolveConsoleUrl(inputs.get('console'));
    checkSecretInput('auth-token', inputs.get('auth-token'));
    const transport = transportOptions(inputs);
    return {
        name: 'console',
        open: () => new console_ConsoleBackend(new HttpTransport({ ...transport, baseUrl, dialect: consoleDialect(inputs.get('auth-token')) }), baseUrl)
    };
}
/** What every backend's transport shares: timeouts, retries, the one adaptive gate, masking, the log. */
function transportOptions(inputs) {
    const timeoutSeconds = integerInput(inputs, 'timeout-seconds', { min: 1, max: 3600, fallback: 30 }) ?? 30;
    const retries = integerInput(inputs, 'retries', { min: 0, max: 10, fallback: DEFAULT_RETRY_POLICY.retries }) ?? DEFAULT_RETRY_POLICY.retries;
    return {
        timeoutMs: timeoutSeconds * 1000,
        retry: { retries },
        // Bulk operations send many requests at once; a Console that throttles slows all of them down.
        gate: new AdaptiveConcurrency({ onChange: log.info }),
        userAgent: `canary-console-action/${ACTION_VERSION}`,
        onSecret: registerSecret,
        findSecrets: (body) => findSecretValues(body),
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
        const result = await runnerCanaryPost(state, backendConnection(inputs).open, log);
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


/***/ })

};
