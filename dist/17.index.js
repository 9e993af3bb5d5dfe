export const id = 17;
export const ids = [17];
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

/***/ 12017:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SEED_OPERATIONS: () => (/* binding */ SEED_OPERATIONS),
  seedOperation: () => (/* binding */ seedOperation)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./build/errors.js
var errors = __webpack_require__(19473);
// EXTERNAL MODULE: ./build/inputs.js
var build_inputs = __webpack_require__(58175);
// EXTERNAL MODULE: ./build/operations/canarytokens.js
var canarytokens = __webpack_require__(94477);
// EXTERNAL MODULE: ./build/publish/files.js
var files = __webpack_require__(90263);
// EXTERNAL MODULE: ./build/publish/tokens-file.js
var tokens_file = __webpack_require__(68211);
// EXTERNAL MODULE: ./build/secrets.js + 1 modules
var secrets = __webpack_require__(20847);
// EXTERNAL MODULE: ./build/operations/bounded-pool.js
var bounded_pool = __webpack_require__(33389);
// EXTERNAL MODULE: ./build/operations/outcomes.js
var outcomes = __webpack_require__(68734);
// EXTERNAL MODULE: ./build/operations/reuse.js
var reuse = __webpack_require__(54151);
// EXTERNAL MODULE: ./build/operations/file-options.js
var file_options = __webpack_require__(7818);
// EXTERNAL MODULE: ./build/operations/kinds.js
var kinds = __webpack_require__(59240);
// EXTERNAL MODULE: ./build/near-miss.js
var near_miss = __webpack_require__(47001);
// EXTERNAL MODULE: ./build/text.js
var build_text = __webpack_require__(50977);
// EXTERNAL MODULE: ./build/operations/memo-template.js
var memo_template = __webpack_require__(8792);
;// CONCATENATED MODULE: ./build/operations/seed-manifest.js








/**
 * AWS keys do not belong in a file in the repository; `aws-region` and
 * `aws-session-token` serve only them (aws-s3's automated bucket creation),
 * so they are refused with them. An entry may set every other create input.
 */
const NOT_IN_A_MANIFEST = ['aws-access-key', 'aws-secret-key', 'aws-session-token', 'aws-region'];
const NOT_IN_A_MANIFEST_REASON = 'AWS credentials do not belong in a file in the repository, and aws-region and aws-session-token serve only them (the automated bucket creation of aws-s3). ' +
    'Create such a token with create-canarytoken, its keys from secrets; a manifest entry of kind aws-s3 takes s3-source-bucket and s3-log-bucket only';
const ENTRY_INPUTS = canarytokens.TOKEN_REQUEST_INPUTS.filter((input) => !NOT_IN_A_MANIFEST.includes(input));
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
        return await (0,files/* resolveInside */.LI)(env.workspace, userPath, key);
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
    const path = await (0,files/* readableFileInside */.RX)(env.workspace, manifestPath, 'manifest', MAX_MANIFEST_BYTES);
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
        const memo = (0,build_inputs/* checkMemoLength */.jR)(raw.memo === undefined ? `${(0,memo_template/* renderMemo */.fY)(DEFAULT_MEMO, context, where)}: ${name}` : (0,memo_template/* renderMemo */.fY)(String(raw.memo), context, where), where);
        if (!memo.trim())
            throw entryError(name, "'memo' must not be empty");
        // The same parser as create-canarytoken's inputs: an entry cannot accept what the input refuses.
        let request;
        try {
            request = await (0,canarytokens.parseTokenRequest)(entryReader(raw, defaults, stringifyYaml), memo, env, backend);
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
            const problem = await (0,files/* unwritableTarget */.fy)(entry.file);
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
        const problem = await (0,files/* unwritableTarget */.fy)(path);
        if (problem)
            throw entryError(owner, `'template' ${shown} ${problem}`);
        try {
            await (0,files/* readableFileInside */.RX)(env.workspace, shown, 'template', MAX_TEMPLATE_BYTES);
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

// EXTERNAL MODULE: ./build/operations/types.js
var types = __webpack_require__(71578);
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
        await (0,files/* writeFileAtomically */.lo)(options.directory, options.filename, Buffer.from(rendered, 'utf8'), { private: true });
    }
    else {
        await (0,file_options/* saveDownload */.YP)(await backend.download(token), options, `canarytoken-${token.id}`, credentials);
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
/** Line breaks (U+2028 and U+2029 too) and other control characters: no field value a template takes holds one. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** Fills every `{{ canarytoken.<name>.<field> }}` of a template and writes it back in place, atomically. */
async function fillTemplate(template, tokens) {
    const problems = [];
    const secretFields = new Set();
    const filled = template.content.replace(TEMPLATE_PLACEHOLDER, (text, name, field) => {
        const token = tokens.get(name);
        const value = token ? fieldText(token, field) : undefined;
        if (value === undefined) {
            const meant = token ? (0,near_miss/* nearMiss */.bi)(field, Object.keys(token.fieldValues)) : undefined;
            problems.push(token ? `the ${token.kind} Canarytoken of entry '${name}' has no field '${field}'${meant ? ` (did you mean '${meant}'?)` : ''}` : `entry '${name}' has no Canarytoken`);
            return text;
        }
        if (CONTROL.test(value.text)) {
            problems.push(`the '${field}' of the ${token.kind} Canarytoken of entry '${name}' holds a line break or another control character, which would add lines of the server's choosing to the file; a template gets one line of text`);
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
    await (0,files/* writeFileAtomically */.lo)((0,external_node_path_.dirname)(template.path), (0,external_node_path_.basename)(template.path), Buffer.from(filled, 'utf8'), { private: ownerOnly });
    return { path: template.path, previous, owner: `template ${template.shown}`, private: wasOwnerOnly, secretFields: [...secretFields] };
}
/** Puts back what this run changed on disk; says what it could not. */
async function restoreFiles(written, log) {
    const problems = [];
    for (const file of written) {
        try {
            if (file.previous)
                await (0,files/* writeFileAtomically */.lo)((0,external_node_path_.dirname)(file.path), (0,external_node_path_.basename)(file.path), file.previous, { private: file.private });
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
    let list;
    let unwritten;
    try {
        list = await (0,tokens_file/* writeTokenList */.Rw)(context.env.runnerTemp, 'seed-canarytokens', fileValue, context.log, withAuth ? { withoutSecrets: tokens } : {});
    }
    catch (error) {
        const kept = existing.map(({ entry, made }) => `${entry.name}: ${made?.token.id ?? ''}`).join(', ');
        unwritten =
            `${(0,outcomes/* counted */.hS)(existing.length, 'Canarytoken')} ${existing.length === 1 ? 'is' : 'are'} on ${context.backend.description} after this run (${kept || 'none'}) and the files written stay, ` +
                `but writing the token list failed: ${(0,build_text/* withoutFullStops */.vK)((0,errors/* errorMessage */.g)(error))}.`;
        failure = failure ? `${failure} ${unwritten}` : unwritten;
    }
    return {
        outputs: { ...list?.outputs, count: existing.length, 'created-count': createdCount, 'reused-count': reusedCount },
        summary: {
            heading: failure ? 'Seeding Canarytokens failed' : `Seeded ${(0,outcomes/* counted */.hS)(states.length, 'Canarytoken')}`,
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
                list ? list.note : `The token list could not be written: ${unwritten}`,
                ...(withAuth ? ["Each token's manage auth (its key on the Canarytokens server) is in the tokens-file only, as `manage_auth`; keep that file secret."] : [])
            ],
            fullList: list ? list.fullList : 'the token list could not be written'
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
    log.info(`Seeding ${(0,outcomes/* counted */.hS)(states.length, 'Canarytoken')}, ${concurrency} at a time${params.reuse ? ', reusing tokens that already carry their memo' : ''}.`);
    await (0,bounded_pool/* mapWithConcurrency */.WS)(states, concurrency, async (state) => {
        try {
            state.made = await (0,reuse/* createOrReuse */.eO)(context.backend, state.entry.request, params.reuse);
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
    const failure = 
    // Each reason without its full stop: they are joined into one sentence.
    `${failedCount} of ${(0,outcomes/* counted */.hS)(states.length, 'entry', 'entries')} failed: ${failures.map(build_text/* withoutFullStops */.vK).join('; ')}. ` +
        (params.keepOnFailure
            ? 'The tokens and files made for the other entries were kept (keep-on-failure: true).'
            : left.length > 0
                ? `Rolling back left something behind: ${left.map(build_text/* withoutFullStops */.vK).join('; ')}.`
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
        (0,canarytokens.refuseReuseOnServer)(inputs, reuse);
        (0,build_inputs/* requireAlertTarget */.Jj)(inputs, 'seed-canarytokens');
        const keepOnFailure = (0,build_inputs/* booleanInput */.tE)(inputs, 'keep-on-failure');
        const artifact = (0,file_options/* parseArtifactOptions */.Uh)(inputs, env);
        const manifest = await readManifest(inputs.get('manifest'), env, (0,memo_template/* runContext */.pO)(), backend);
        return { manifest, reuse, keepOnFailure, concurrency, artifact };
    },
    run: runSeed
});
const SEED_OPERATIONS = [seedOperation];


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
