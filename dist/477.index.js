export const id = 477;
export const ids = [477];
export const modules = {

/***/ 94477:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CANARYTOKEN_OPERATIONS: () => (/* binding */ CANARYTOKEN_OPERATIONS),
/* harmony export */   CREATE_PARAMETER_INPUTS: () => (/* binding */ CREATE_PARAMETER_INPUTS),
/* harmony export */   MAX_SERVER_MEMO_LENGTH: () => (/* binding */ MAX_SERVER_MEMO_LENGTH),
/* harmony export */   MAX_SERVER_UPLOAD_BYTES: () => (/* binding */ MAX_SERVER_UPLOAD_BYTES),
/* harmony export */   MAX_UPLOAD_BYTES: () => (/* binding */ MAX_UPLOAD_BYTES),
/* harmony export */   NAMED_PARAMETERS: () => (/* binding */ NAMED_PARAMETERS),
/* harmony export */   NO_REUSE_ON_SERVER: () => (/* binding */ NO_REUSE_ON_SERVER),
/* harmony export */   TOKEN_REQUEST_INPUTS: () => (/* binding */ TOKEN_REQUEST_INPUTS),
/* harmony export */   checkKindRules: () => (/* binding */ checkKindRules),
/* harmony export */   checkServerMemoLength: () => (/* binding */ checkServerMemoLength),
/* harmony export */   namedParams: () => (/* binding */ namedParams),
/* harmony export */   parseTokenRequest: () => (/* binding */ parseTokenRequest),
/* harmony export */   refuseReuseOnServer: () => (/* binding */ refuseReuseOnServer),
/* harmony export */   tokenOutputs: () => (/* binding */ tokenOutputs)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var _backends_console_canarytokens_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17442);
/* harmony import */ var _http_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(42602);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(19473);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(20847);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(50977);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(58175);
/* harmony import */ var _publish_files_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(90263);
/* harmony import */ var _file_options_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7818);
/* harmony import */ var _kinds_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(59240);
/* harmony import */ var _outcomes_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(68734);
/* harmony import */ var _reuse_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(54151);
/* harmony import */ var _memo_template_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(8792);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(71578);















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
    if (reuse && (0,_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .chosenBackend */ .fn)(inputs) === 'canarytokens-server')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_10__/* .InputError */ .d(NO_REUSE_ON_SERVER);
}
const FILE_OUTPUTS = ['file-path', 'artifact-id', 'artifact-name'];
const AWS_ID_OUTPUTS = ['access-key-id', 'secret-access-key'];
/** The Console parameters that have inputs of their own (so `extra-params` may not set them). */
const NAMED_PARAMETERS = new Set([..._inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .INPUT_NAMES */ .Qh.map(_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .consoleParameter */ .RY), 'exe', 'doc', 'pdf']);
/** Outputs describing a token. Secret fields never go to `token` or `response`; aws-id keys have outputs of their own. */
function tokenOutputs(token, response = token.answer) {
    // The token's own key and the page that holds it: masked before they can be printed (the outputs carry them).
    (0,_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .registerSecret */ .cl)(token.manageAuth);
    (0,_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .registerSecret */ .cl)(token.manageUrl);
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
        response: response === undefined ? undefined : JSON.stringify((0,_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .withoutSecretFields */ .Qw)(response))
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
    if (!(0,_kinds_js__WEBPACK_IMPORTED_MODULE_7__/* .isKnownKind */ .mT)(kind, backend)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_10__/* .InputError */ .d((0,_kinds_js__WEBPACK_IMPORTED_MODULE_7__/* .unknownKindMessage */ .O3)(kind, backend));
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
    const rule = (0,_kinds_js__WEBPACK_IMPORTED_MODULE_7__/* .kindRuleOn */ .gZ)(kind, backend);
    const onServer = backend === 'canarytokens-server';
    for (const [input, why] of Object.entries(_kinds_js__WEBPACK_IMPORTED_MODULE_7__/* .REFUSED_INPUTS */ .j$)) {
        if (inputs.get(input))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_10__/* .InputError */ .d(why);
    }
    for (const input of rule.requires ?? []) {
        if (!inputs.get(input))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_10__/* .InputError */ .d(`Kind '${kind}' needs input '${input}'.`);
    }
    for (const [input, owners] of (0,_kinds_js__WEBPACK_IMPORTED_MODULE_7__/* .kindSpecificInputs */ .As)(backend)) {
        if (inputs.get(input) && !owners.includes(kind)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_10__/* .InputError */ .d(`Input '${input}' applies to kind ${owners.map((owner) => `'${owner}'`).join(' or ')} only, not '${kind}'.`);
        }
    }
    if (onServer) {
        // Inputs the Console's kinds take that a Canarytokens server has no use for.
        const consoleOnly = [...(0,_kinds_js__WEBPACK_IMPORTED_MODULE_7__/* .kindSpecificInputs */ .As)('console').keys()].filter((input) => !(0,_kinds_js__WEBPACK_IMPORTED_MODULE_7__/* .kindSpecificInputs */ .As)(backend).has(input));
        for (const input of consoleOnly) {
            if (inputs.get(input))
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_10__/* .InputError */ .d(`Input '${input}' is the Console's; a Canarytokens server takes nothing like it for kind '${kind}'. Remove it.`);
        }
        for (const [parameter, input] of Object.entries(SERVER_OWN_PARAMETERS)) {
            if (extra[parameter] !== undefined)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_10__/* .InputError */ .d(`Input 'extra-params' has '${parameter}'; the action sets it from ${input}.`);
        }
    }
    const where = onServer ? 'server' : 'Console';
    for (const parameter of rule.requiresExtraParams ?? []) {
        if (extra[parameter] === undefined || extra[parameter] === '') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_10__/* .InputError */ .d(`Kind '${kind}' needs the ${where} parameter '${parameter}': add it to 'extra-params' (e.g. "${parameter}: ...").`);
        }
    }
    if (kind === 'aws-s3') {
        const given = _kinds_js__WEBPACK_IMPORTED_MODULE_7__/* .AWS_AUTOMATION_INPUTS */ .qQ.filter((input) => inputs.get(input));
        if (inputs.get('aws-session-token') && given.length === 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_10__/* .InputError */ .d(`Input 'aws-session-token' goes with temporary AWS credentials: set ${_kinds_js__WEBPACK_IMPORTED_MODULE_7__/* .AWS_AUTOMATION_INPUTS */ .qQ.join(', ')} too.`);
        }
        if (given.length > 0 && given.length < _kinds_js__WEBPACK_IMPORTED_MODULE_7__/* .AWS_AUTOMATION_INPUTS */ .qQ.length) {
            const missing = _kinds_js__WEBPACK_IMPORTED_MODULE_7__/* .AWS_AUTOMATION_INPUTS */ .qQ.filter((input) => !inputs.get(input));
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_10__/* .InputError */ .d(`Kind 'aws-s3' with AWS automation needs ${_kinds_js__WEBPACK_IMPORTED_MODULE_7__/* .AWS_AUTOMATION_INPUTS */ .qQ.join(', ')}; missing: ${missing.join(', ')}.`);
        }
    }
    const files = {};
    if (rule.upload) {
        const userPath = inputs.get(rule.upload.input);
        if (userPath)
            files[rule.upload.part] = await (0,_publish_files_js__WEBPACK_IMPORTED_MODULE_5__/* .readableFileInside */ .RX)(env.workspace, userPath, rule.upload.input, onServer ? MAX_SERVER_UPLOAD_BYTES : MAX_UPLOAD_BYTES);
        else if (rule.upload.required)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_10__/* .InputError */ .d(`Kind '${kind}' needs input '${rule.upload.input}': the path of the file to send.`);
        if (userPath && !rule.upload.extensions.some((extension) => userPath.toLowerCase().endsWith(extension))) {
            // The part goes with the MIME type of its extension (as the reference's curl -F '...; type=...' does).
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_10__/* .InputError */ .d(`Input '${rule.upload.input}' for kind '${kind}' must name a ${rule.upload.extensions.join(', ')} file, not '${userPath}'.`);
        }
    }
    return files;
}
/** Console parameters from the inputs that map one to one. */
function namedParams(inputs, names) {
    return Object.fromEntries(names.filter((name) => inputs.get(name)).map((name) => [(0,_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .consoleParameter */ .RY)(name), inputs.get(name)]));
}
/** The kind-specific inputs that become plain create parameters. */
const CREATE_PARAMETER_INPUTS = ['flock-id', ..._inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .PLAIN_CREATE_INPUTS */ .g5];
/** Every input that describes "a token to create" (besides kind and memo): create takes them all, a seed manifest entry most. */
const TOKEN_REQUEST_INPUTS = [
    ...CREATE_PARAMETER_INPUTS,
    // Read only to be refused with the reason (checkKindRules), not ignored with a warning.
    ...Object.keys(_kinds_js__WEBPACK_IMPORTED_MODULE_7__/* .REFUSED_INPUTS */ .j$),
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
async function parseTokenRequest(inputs, memo, env, backend = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .chosenBackend */ .fn)(inputs)) {
    const kind = requireKind(inputs, backend);
    if (backend === 'canarytokens-server')
        return parseServerTokenRequest(kind, inputs, memo, env);
    (0,_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .flockIdInput */ .Rq)(inputs);
    const extra = await (0,_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .extraParamsInput */ .dU)(inputs, NAMED_PARAMETERS);
    const files = await checkKindRules(kind, inputs, extra, env);
    const browserScanner = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .optionalBoolean */ .Jz)(inputs, 'browser-scanner-enabled');
    const { flock_id: flockId, ...params } = { ...extra, ...namedParams(inputs, CREATE_PARAMETER_INPUTS) };
    if (browserScanner !== undefined)
        params.browser_scanner_enabled = browserScanner;
    return { kind, memo, flockId: typeof flockId === 'string' ? flockId : undefined, params, files };
}
/** Refuses a memo longer than a Canarytokens server takes (it counts characters as Python does: code points). */
function checkServerMemoLength(memo, where) {
    const length = (0,_text_js__WEBPACK_IMPORTED_MODULE_11__/* .codePointLength */ .O7)(memo);
    if (length > MAX_SERVER_MEMO_LENGTH) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_10__/* .InputError */ .d(`${where} is ${length} characters long; a Canarytokens server accepts at most ${MAX_SERVER_MEMO_LENGTH}.`);
    }
    return memo;
}
/** "A token to create" on a Canarytokens server: no flocks, its own parameter names, its limits. */
async function parseServerTokenRequest(kind, inputs, memo, env) {
    if (inputs.get('flock-id'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_10__/* .InputError */ .d("Input 'flock-id' is the Console's: a Canarytokens server has no flocks. Remove it.");
    checkServerMemoLength(memo, inputs.get('memo') ? "Input 'memo'" : 'The memo');
    const extra = await (0,_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .extraParamsInput */ .dU)(inputs, NAMED_PARAMETERS);
    const files = await checkKindRules(kind, inputs, extra, env, 'canarytokens-server');
    const params = { ...extra };
    for (const [input, parameter] of Object.entries(_kinds_js__WEBPACK_IMPORTED_MODULE_7__/* .SERVER_PARAMETERS */ .V1)) {
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
    if ((0,_kinds_js__WEBPACK_IMPORTED_MODULE_7__/* .isKnownKind */ .mT)(kind, backend) && !(0,_kinds_js__WEBPACK_IMPORTED_MODULE_7__/* .kindRuleOn */ .gZ)(kind, backend).file) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_10__/* .InputError */ .d(`Kind '${kind}' has no file to download${backend === 'console' ? '' : ' on a Canarytokens server'}; ${what} works with ${(0,_kinds_js__WEBPACK_IMPORTED_MODULE_7__/* .fileKindsOn */ .bU)(backend).join(', ')}.`);
    }
}
async function downloadInto(token, options, context) {
    const kind = token.kind;
    const backend = context.backend.name;
    const credentials = (0,_kinds_js__WEBPACK_IMPORTED_MODULE_7__/* .isKnownKind */ .mT)(kind, backend) && (0,_kinds_js__WEBPACK_IMPORTED_MODULE_7__/* .kindRuleOn */ .gZ)(kind, backend).credentials === true;
    const saved = await (0,_file_options_js__WEBPACK_IMPORTED_MODULE_6__/* .saveDownload */ .YP)(await context.backend.download(token), options, `canarytoken-${token.id}`, credentials);
    if (saved.serverFilename && (0,node_path__WEBPACK_IMPORTED_MODULE_0__.basename)(saved.path) !== saved.serverFilename) {
        context.log.info(`${backend === 'console' ? 'The Console' : 'The server'} named the file '${saved.serverFilename}'; saved as '${(0,node_path__WEBPACK_IMPORTED_MODULE_0__.basename)(saved.path)}'.`);
    }
    const [given, sent] = [(0,node_path__WEBPACK_IMPORTED_MODULE_0__.extname)((0,node_path__WEBPACK_IMPORTED_MODULE_0__.basename)(saved.path)).toLowerCase(), (0,node_path__WEBPACK_IMPORTED_MODULE_0__.extname)(saved.serverFilename ?? '').toLowerCase()];
    if (options.filename && given && sent && given !== sent) {
        // A lure named for another type (xlsx bytes as report.docx) opens as nothing, and so never fires.
        context.log.warning(`Input 'filename' ends in ${given}, but ${backend === 'console' ? 'the Console' : 'the server'} sent a ${sent} file ('${saved.serverFilename}'): a lure named for another type may not open as one. Name it with ${sent}.`);
    }
    context.log.info(`Wrote ${saved.bytes} bytes to ${saved.path}`);
    return { path: saved.path, artifact: (0,_file_options_js__WEBPACK_IMPORTED_MODULE_6__/* .artifactRequest */ .ik)(options, [saved.path]) };
}
/** The token exists even though its file did not arrive: say so, so a re-run does not mint another blindly. */
function madeButNotDownloaded(error, canarytoken) {
    const note = `; the Canarytoken ${canarytoken} was created: get its file with download-canarytoken, or delete it`;
    if (error instanceof _http_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ApiError */ .hD) {
        return new _http_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ApiError */ .hD(`${error.message}${note}`, error.failure, error.status, error.serverMessage, error.attempts, error.earlierAttemptMayHaveActed);
    }
    return new Error(`${(0,_errors_js__WEBPACK_IMPORTED_MODULE_10__/* .errorMessage */ .g)(error)}${note}`);
}
const createOperation = (0,_types_js__WEBPACK_IMPORTED_MODULE_12__/* .defineOperation */ .h9)({
    name: 'create-canarytoken',
    description: 'Mints a Canarytoken of any kind (`memo` may use placeholders such as `{repository}`); `reuse: true` returns an existing token with the same kind, memo and flock instead; with `download: true` also writes its file (and uploads it with `artifact-name`).',
    backends: _types_js__WEBPACK_IMPORTED_MODULE_12__/* .EVERY_BACKEND */ .Jn,
    requires: ['kind', 'memo'],
    accepts: [...TOKEN_REQUEST_INPUTS, 'download', ..._file_options_js__WEBPACK_IMPORTED_MODULE_6__/* .FILE_INPUTS */ .zN, 'reuse', 'alert-email', 'alert-webhook'],
    outputs: [...TOKEN_OUTPUTS, 'reused', ...FILE_OUTPUTS, ...AWS_ID_OUTPUTS],
    async parse(inputs, env) {
        const backend = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .chosenBackend */ .fn)(inputs);
        const reuse = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .booleanInput */ .tE)(inputs, 'reuse');
        refuseReuseOnServer(inputs, reuse);
        (0,_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .requireAlertTarget */ .Jj)(inputs, 'create-canarytoken');
        const request = await parseTokenRequest(inputs, (0,_memo_template_js__WEBPACK_IMPORTED_MODULE_9__/* .memoInput */ .Tb)(inputs), env, backend);
        const kind = request.kind;
        const download = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .booleanInput */ .tE)(inputs, 'download');
        if (download)
            refuseKindWithoutFile(kind, "'download: true'", backend);
        if (!download)
            (0,_file_options_js__WEBPACK_IMPORTED_MODULE_6__/* .refuseFileInputsWithoutDownload */ .wU)(inputs);
        const options = download ? await (0,_file_options_js__WEBPACK_IMPORTED_MODULE_6__/* .parseFileOptions */ .Qd)(inputs, env) : undefined;
        // Kinds whose file always has the same name: that target is checked now too, before the token is made.
        const fixedName = FIXED_FILE_NAMES[kind];
        if (options && !options.filename && fixedName)
            await (0,_publish_files_js__WEBPACK_IMPORTED_MODULE_5__/* .checkWritableTarget */ .cA)((0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(options.directory, fixedName), fixedName, 'path');
        return { ...request, download: options, reuse };
    },
    async run({ download, reuse, ...request }, context) {
        const { token, reused } = await (0,_reuse_js__WEBPACK_IMPORTED_MODULE_8__/* .createOrReuse */ .eO)(context.backend, request, reuse);
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
    return { canarytoken: (0,_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .chosenBackend */ .fn)(inputs) === 'canarytokens-server' ? (0,_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .serverTokenIdInput */ .UQ)(canarytoken) : canarytoken, manageAuth: inputs.get('manage-auth') || undefined };
}
/** The token as the backend is told about it. */
function refOf({ canarytoken, manageAuth }) {
    return manageAuth ? { id: canarytoken, manageAuth } : { id: canarytoken };
}
const fetchOperation = (0,_types_js__WEBPACK_IMPORTED_MODULE_12__/* .defineOperation */ .h9)({
    name: 'fetch-canarytoken',
    description: 'Reads one Canarytoken: its memo, hostname, URL, kind and state.',
    backends: _types_js__WEBPACK_IMPORTED_MODULE_12__/* .EVERY_BACKEND */ .Jn,
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
const updateOperation = (0,_types_js__WEBPACK_IMPORTED_MODULE_12__/* .defineOperation */ .h9)({
    name: 'update-canarytoken',
    description: "Replaces a Canarytoken's memo.",
    backends: _types_js__WEBPACK_IMPORTED_MODULE_12__/* .CONSOLE_ONLY */ .bR,
    backendNote: "a Canarytokens server cannot change a token's memo (its /edit route edits AWS infrastructure tokens only)",
    requires: ['canarytoken', 'memo'],
    accepts: [],
    outputs: TOKEN_OUTPUTS,
    parse: (inputs) => ({ ...parseCanarytoken(inputs), memo: (0,_memo_template_js__WEBPACK_IMPORTED_MODULE_9__/* .memoInput */ .Tb)(inputs) }),
    async run({ canarytoken, memo }, context) {
        const token = await (0,_types_js__WEBPACK_IMPORTED_MODULE_12__/* .consoleOf */ .Fl)(context).updateMemo({ id: canarytoken }, memo);
        context.log.info(`Updated the memo of ${canarytoken}.`);
        return { outputs: tokenOutputs(token), summary: tokenSummary('Updated Canarytoken memo', token) };
    }
});
/** enable/disable share a shape: change the state, then read the token back to report it. */
function stateOperation(name, description, enabled, heading) {
    return (0,_types_js__WEBPACK_IMPORTED_MODULE_12__/* .defineOperation */ .h9)({
        name,
        description,
        backends: _types_js__WEBPACK_IMPORTED_MODULE_12__/* .EVERY_BACKEND */ .Jn,
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
const deleteOperation = (0,_types_js__WEBPACK_IMPORTED_MODULE_12__/* .defineOperation */ .h9)({
    name: 'delete-canarytoken',
    description: 'Deletes a Canarytoken; `clear-incidents: true` also clears its incidents (the Console refuses otherwise; a Canarytokens server deletes the history with the token).',
    backends: _types_js__WEBPACK_IMPORTED_MODULE_12__/* .EVERY_BACKEND */ .Jn,
    requires: ['canarytoken'],
    accepts: ['clear-incidents'],
    outputs: ['canarytoken', 'response'],
    parse: (inputs) => {
        const clearIncidents = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .booleanInput */ .tE)(inputs, 'clear-incidents');
        if (clearIncidents && (0,_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .chosenBackend */ .fn)(inputs) === 'canarytokens-server') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_10__/* .InputError */ .d("Input 'clear-incidents' is the Console's: a Canarytokens server deletes a token's history with the token. Remove it.");
        }
        return { ...parseCanarytoken(inputs), clearIncidents };
    },
    async run(params, context) {
        const { canarytoken, clearIncidents } = params;
        const { alreadyDone } = await context.backend.delete(refOf(params), { clearIncidents }).catch((error) => {
            throw clearIncidents || context.backend.name !== 'console' ? error : (0,_http_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .withClearIncidentsHint */ .K8)(error);
        });
        context.log.info(`Deleted ${canarytoken}${(0,_outcomes_js__WEBPACK_IMPORTED_MODULE_13__/* .alreadyDoneSuffix */ .wQ)(alreadyDone)}.`);
        return {
            // What the server answered a delete with (the Console: result success; a Canarytokens server: message success).
            outputs: { canarytoken, response: alreadyDone ? undefined : JSON.stringify(context.backend.name === 'console' ? { result: 'success' } : { message: 'success' }) },
            summary: {
                heading: 'Deleted Canarytoken',
                columns: ['Canarytoken', 'Incidents cleared'],
                rows: [[canarytoken, String(clearIncidents)]],
                notes: (0,_outcomes_js__WEBPACK_IMPORTED_MODULE_13__/* .alreadyDoneNotes */ .eQ)(alreadyDone)
            }
        };
    }
});
const downloadOperation = (0,_types_js__WEBPACK_IMPORTED_MODULE_12__/* .defineOperation */ .h9)({
    name: 'download-canarytoken',
    description: "Writes a Canarytoken's file (document, PDF, credentials, ...) into `path`; uploads it with `artifact-name`.",
    backends: _types_js__WEBPACK_IMPORTED_MODULE_12__/* .EVERY_BACKEND */ .Jn,
    requires: ['canarytoken'],
    accepts: _file_options_js__WEBPACK_IMPORTED_MODULE_6__/* .FILE_INPUTS */ .zN,
    outputs: [...TOKEN_OUTPUTS, ...FILE_OUTPUTS],
    parse: async (inputs, env) => ({ ...parseCanarytoken(inputs), file: await (0,_file_options_js__WEBPACK_IMPORTED_MODULE_6__/* .parseFileOptions */ .Qd)(inputs, env) }),
    async run({ file, ...params }, context) {
        // Fetching first tells us the kind, so a credential file is masked as one.
        const token = await context.backend.fetch(refOf(params));
        // A kind the server cannot make a file for: say so, without sending a download it will refuse.
        refuseKindWithoutFile(token.kind, 'download-canarytoken', context.backend.name);
        if (context.backend.name === 'canarytokens-server' && (0,_kinds_js__WEBPACK_IMPORTED_MODULE_7__/* .isKnownKind */ .mT)(token.kind, 'canarytokens-server') && (0,_kinds_js__WEBPACK_IMPORTED_MODULE_7__/* .kindRule */ .pm)(token.kind).server?.answerOnly) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_10__/* .InputError */ .d(`A Canarytokens server gives the file of a ${token.kind} token only in the answer that makes it: create it with 'download: true' to get the file.`);
        }
        const saved = await downloadInto(token, file, context);
        return {
            outputs: { ...tokenOutputs(token), 'file-path': saved.path },
            summary: tokenSummary('Downloaded Canarytoken file', token, saved.path),
            artifact: saved.artifact
        };
    }
});
const removeS3Operation = (0,_types_js__WEBPACK_IMPORTED_MODULE_12__/* .defineOperation */ .h9)({
    name: 'remove-s3-canarytoken',
    description: 'Removes an AWS S3 Canarytoken from your AWS account (optionally deleting its buckets).',
    backends: _types_js__WEBPACK_IMPORTED_MODULE_12__/* .CONSOLE_ONLY */ .bR,
    backendNote: 'a Canarytokens server makes no AWS S3 tokens',
    requires: ['canarytoken', 'aws-access-key', 'aws-secret-key', 'aws-region'],
    accepts: ['aws-session-token', 'delete-buckets', 's3-source-bucket'],
    outputs: ['canarytoken', 'response'],
    parse(inputs) {
        const deleteBuckets = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .booleanInput */ .tE)(inputs, 'delete-buckets');
        if (deleteBuckets && !inputs.get('s3-source-bucket')) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_10__/* .InputError */ .d("Input 'delete-buckets: true' needs 's3-source-bucket': the bucket that was monitored.");
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
        const { alreadyDone, ...answer } = await (0,_backends_console_canarytokens_js__WEBPACK_IMPORTED_MODULE_1__/* .removeS3Canarytoken */ .W4)((0,_types_js__WEBPACK_IMPORTED_MODULE_12__/* .consoleOf */ .Fl)(context).transport, {
            canarytoken: params.canarytoken,
            aws_access_key: params.awsAccessKey,
            aws_secret_key: params.awsSecretKey,
            aws_region: params.awsRegion,
            aws_session_token: params.awsSessionToken,
            delete_buckets: params.deleteBuckets || undefined,
            s3_source_bucket: params.s3SourceBucket
        });
        context.log.info(`Removed the AWS S3 Canarytoken ${params.canarytoken}${(0,_outcomes_js__WEBPACK_IMPORTED_MODULE_13__/* .alreadyDoneSuffix */ .wQ)(alreadyDone)}.`);
        return {
            outputs: { canarytoken: params.canarytoken, response: alreadyDone ? undefined : JSON.stringify((0,_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .withoutSecretFields */ .Qw)(answer)) },
            summary: {
                heading: 'Removed AWS S3 Canarytoken',
                columns: ['Canarytoken', 'Region', 'Buckets deleted'],
                rows: [[params.canarytoken, params.awsRegion, String(params.deleteBuckets)]],
                notes: (0,_outcomes_js__WEBPACK_IMPORTED_MODULE_13__/* .alreadyDoneNotes */ .eQ)(alreadyDone)
            }
        };
    }
});
const deleteApeeperOperation = (0,_types_js__WEBPACK_IMPORTED_MODULE_12__/* .defineOperation */ .h9)({
    name: 'delete-apeeper-factory',
    description: 'Deletes an Apeeper Canarytoken factory by its hash.',
    backends: _types_js__WEBPACK_IMPORTED_MODULE_12__/* .CONSOLE_ONLY */ .bR,
    backendNote: 'a Canarytokens server has no Canarytoken factories',
    requires: ['hash'],
    accepts: [],
    outputs: ['response'],
    parse: (inputs) => ({ hash: inputs.get('hash') }),
    async run({ hash }, context) {
        const { alreadyDone, ...answer } = await (0,_backends_console_canarytokens_js__WEBPACK_IMPORTED_MODULE_1__/* .deleteApeeperFactory */ .o8)((0,_types_js__WEBPACK_IMPORTED_MODULE_12__/* .consoleOf */ .Fl)(context).transport, hash);
        context.log.info(`Deleted the Apeeper factory ${hash}${(0,_outcomes_js__WEBPACK_IMPORTED_MODULE_13__/* .alreadyDoneSuffix */ .wQ)(alreadyDone)}.`);
        return {
            outputs: { response: alreadyDone ? undefined : JSON.stringify(answer) },
            summary: { heading: 'Deleted Apeeper factory', columns: ['Hash'], rows: [[hash]], notes: (0,_outcomes_js__WEBPACK_IMPORTED_MODULE_13__/* .alreadyDoneNotes */ .eQ)(alreadyDone) }
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


/***/ }),

/***/ 7818:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qd: () => (/* binding */ parseFileOptions),
/* harmony export */   Uh: () => (/* binding */ parseArtifactOptions),
/* harmony export */   YP: () => (/* binding */ saveDownload),
/* harmony export */   ik: () => (/* binding */ artifactRequest),
/* harmony export */   wU: () => (/* binding */ refuseFileInputsWithoutDownload),
/* harmony export */   zN: () => (/* binding */ FILE_INPUTS)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(19473);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(58175);
/* harmony import */ var _publish_files_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(90263);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(20847);






/** The inputs that say where a downloaded file goes and whether it is uploaded. */
const FILE_INPUTS = ['path', 'filename', 'artifact-name', 'retention-days'];
/** Characters GitHub refuses in artifact names. */
const ARTIFACT_NAME_FORBIDDEN = /["<>|*?:\\/\r\n]/;
/** The folder under RUNNER_TEMP that downloads go to when the user names no `path`. */
const DEFAULT_FOLDER = 'canary-console-action';
/** Our folder under RUNNER_TEMP, refused if something (a symlink) leads it elsewhere. */
async function defaultDirectory(runnerTemp) {
    try {
        return await (0,_publish_files_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveInside */ .LI)(runnerTemp, DEFAULT_FOLDER, 'path');
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .d(`The default download folder ${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(runnerTemp, DEFAULT_FOLDER)} leads outside RUNNER_TEMP (a symlink?); set 'path' to a folder in the workspace.`);
    }
}
async function parseFileOptions(inputs, env) {
    const userPath = inputs.get('path');
    const directory = userPath ? await (0,_publish_files_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveInside */ .LI)(env.workspace, userPath, 'path') : await defaultDirectory(env.runnerTemp);
    if (userPath)
        await (0,_publish_files_js__WEBPACK_IMPORTED_MODULE_3__/* .checkWritableFolder */ .B1)(env.workspace, directory, userPath, 'path');
    const filename = inputs.get('filename') ? (0,_publish_files_js__WEBPACK_IMPORTED_MODULE_3__/* .checkUserFilename */ .tC)(inputs.get('filename'), 'filename') : undefined;
    if (filename)
        await (0,_publish_files_js__WEBPACK_IMPORTED_MODULE_3__/* .checkWritableTarget */ .cA)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(directory, filename), userPath ? `${userPath}/${filename}` : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(directory, filename), 'filename');
    const artifact = parseArtifactOptions(inputs, env);
    return artifact ? { directory, filename, artifact } : { directory, filename };
}
/** `artifact-name` and `retention-days`, checked; `undefined` when no artifact is asked for. */
function parseArtifactOptions(inputs, env) {
    const artifactName = inputs.get('artifact-name');
    const retentionDays = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .integerInput */ .$A)(inputs, 'retention-days', { min: 1, max: 90 });
    if (!artifactName) {
        if (retentionDays !== undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .d("Input 'retention-days' applies to artifacts only; set 'artifact-name' too.");
        return undefined;
    }
    if (ARTIFACT_NAME_FORBIDDEN.test(artifactName)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .d(`Input 'artifact-name' must not contain any of " : < > | * ? \\ / or line breaks.`);
    }
    if (!env.artifactRuntime) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .d("Input 'artifact-name' needs the GitHub Actions runner (ACTIONS_RUNTIME_TOKEN or ACTIONS_RESULTS_URL is not set): artifacts can only be uploaded from a workflow run. Leave 'artifact-name' empty to only write the file.");
    }
    return { name: artifactName, retentionDays };
}
/** Refuses file inputs for an operation run without `download: true`. */
function refuseFileInputsWithoutDownload(inputs) {
    for (const name of FILE_INPUTS) {
        if (inputs.get(name))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .d(`Input '${name}' applies to downloads only; set 'download: true' too.`);
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
    const name = options.filename ?? (0,_publish_files_js__WEBPACK_IMPORTED_MODULE_3__/* .safeFilename */ .bj)(download.filename, fallbackName);
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
            (0,_secrets_js__WEBPACK_IMPORTED_MODULE_4__/* .registerCredentialText */ .SF)(content.toString('utf8'));
        const path = await (0,_publish_files_js__WEBPACK_IMPORTED_MODULE_3__/* .writeFileAtomically */ .lo)(options.directory, name, content, { private: true });
        return { path, serverFilename: download.filename, bytes: content.length };
    }
    const path = await (0,_publish_files_js__WEBPACK_IMPORTED_MODULE_3__/* .writeFileAtomically */ .lo)(options.directory, name, download.body);
    return { path, serverFilename: download.filename, bytes: (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(path)).size };
}
function artifactRequest(options, files) {
    if (!options.artifact)
        return undefined;
    return { name: options.artifact.name, retentionDays: options.artifact.retentionDays, files, rootDirectory: options.directory };
}


/***/ }),

/***/ 8792:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Tb: () => (/* binding */ memoInput),
/* harmony export */   fY: () => (/* binding */ renderMemo),
/* harmony export */   pO: () => (/* binding */ runContext)
/* harmony export */ });
/* unused harmony exports MEMO_PLACEHOLDERS, unknownPlaceholders */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(19473);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58175);
/* harmony import */ var _near_miss_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(47001);



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
    const near = (0,_near_miss_js__WEBPACK_IMPORTED_MODULE_1__/* .nearMisses */ .Bz)(name, MEMO_PLACEHOLDERS);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(`${where} uses the unknown placeholder${unknown.length > 1 ? 's' : ''} ${unknown.map(withGuess).join(', ')}; known: ${MEMO_PLACEHOLDERS.map((name) => `{${name}}`).join(', ')}.`);
    }
    return template.replace(PLACEHOLDER, (_text, name) => {
        const value = context[name];
        if (value === undefined) {
            const source = PLACEHOLDER_SOURCES[name];
            const hint = name === 'environment' ? ` (set ${source} in the step's env, e.g. to the job's environment name)` : '';
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(`${where} uses {${name}}, but this run has no value for it: ${source} is not set${hint}.`);
        }
        return value;
    });
}
/** The `memo` input with its placeholders ({repository}, {sha}, ...) filled from the run. */
function memoInput(inputs, context = runContext()) {
    return (0,_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .checkMemoLength */ .jR)(renderMemo(inputs.get('memo'), context, "Input 'memo'"), "Input 'memo'");
}


/***/ }),

/***/ 54151:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   eO: () => (/* binding */ createOrReuse)
/* harmony export */ });
/* unused harmony exports SECOND_LOOK_MS, reuseOrder, reuseWinner */
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58500);
/* harmony import */ var _http_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(42602);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(19473);



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
async function createOrReuse(backend, request, reuse, { enabledOnly = false, wait = node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout } = {}) {
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
        if ((0,_http_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isNotFound */ .c4)(error))
            return;
        throw new Error(`another run made the Canarytoken ${winner.id} with this memo at the same time, so ${ownToken ? `the one this run made (${loser})` : loser} ` +
            `should go, but deleting it failed (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .g)(error)}); delete ${loser} with delete-canarytoken`);
    }
}


/***/ })

};
