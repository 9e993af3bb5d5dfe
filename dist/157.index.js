export const id = 157;
export const ids = [157];
export const modules = {

/***/ 94157:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  API_KEY_OPERATIONS: () => (/* binding */ API_KEY_OPERATIONS),
  FLOCK_API_KEY_TYPES: () => (/* binding */ FLOCK_API_KEY_TYPES),
  GLOBAL_API_KEY_TYPES: () => (/* binding */ GLOBAL_API_KEY_TYPES),
  listedKeys: () => (/* binding */ listedKeys)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./build/http/errors.js
var errors = __webpack_require__(42602);
;// CONCATENATED MODULE: ./build/backends/console/api-keys.js

/**
 * Global API keys and the API switch, on their current paths (the
 * `/api/v1/token/*` ones are deprecated).
 */
const API_KEY_ENDPOINTS = {
    // Not repeatable: a retried add could make a second key.
    add: { method: 'POST', path: '/api/v1/auth_token/add', repeatable: false, answers: 'global_api_key' },
    list: { method: 'GET', path: '/api/v1/auth_token/list', repeatable: true, answersList: 'global_api_keys' },
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
    return (0,errors/* removal */.r2)(transport.call(API_KEY_ENDPOINTS.remove, { key_id: keyId }));
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
    add: { method: 'POST', path: '/api/v1/flock/auth_token/add', repeatable: false, answers: 'flock_api_key' },
    list: { method: 'GET', path: '/api/v1/flock/auth_token/list', repeatable: true, answersList: 'flock_api_keys' },
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
    return (0,errors/* removal */.r2)(transport.call(FLOCK_API_KEY_ENDPOINTS.remove, { remove_auth_token: removeAuthToken }));
}

// EXTERNAL MODULE: ./build/errors.js
var build_errors = __webpack_require__(19473);
// EXTERNAL MODULE: ./build/inputs.js
var build_inputs = __webpack_require__(58175);
// EXTERNAL MODULE: ./build/near-miss.js
var near_miss = __webpack_require__(47001);
// EXTERNAL MODULE: ./build/secrets.js + 1 modules
var secrets = __webpack_require__(20847);
// EXTERNAL MODULE: ./build/operations/file-options.js
var file_options = __webpack_require__(7818);
// EXTERNAL MODULE: ./build/operations/outcomes.js
var outcomes = __webpack_require__(68734);
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
        const flockOnly = FLOCK_API_KEY_TYPES.find((type) => type === given.toLowerCase() && !allowed.includes(type));
        if (flockOnly) {
            throw new build_errors/* InputError */.d(`Input 'auth-token-type': '${flockOnly}' is a Flock API key type; a ${keyKind} is ${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}. For a key limited to one flock, use operation 'add-flock-api-key' with 'flock-id'.`);
        }
        throw new build_errors/* InputError */.d((0,near_miss/* unknownNameMessage */.lG)('auth-token-type', given, `a ${keyKind} type`, allowed));
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
            throw new build_errors/* InputError */.d("Operation 'add-api-key' needs input 'auth-token-type'.");
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
        context.log.info(`Removed Global API key ${keyId}${(0,outcomes/* alreadyDoneSuffix */.wQ)(alreadyDone)}.`);
        return {
            outputs: { 'key-id': keyId, response: alreadyDone ? undefined : JSON.stringify((0,secrets/* withoutSecretFields */.Qw)(answer)) },
            summary: { heading: 'Removed Global API key', columns: ['Key id'], rows: [[keyId]], notes: (0,outcomes/* alreadyDoneNotes */.eQ)(alreadyDone) }
        };
    }
});
const downloadApiKeyOperation = (0,types/* defineOperation */.h9)({
    name: 'download-api-key',
    description: "Writes a Global API key's configuration file for Thinkst's Python client into `path` (owner-only, masked); uploads it with `artifact-name`.",
    backends: types/* CONSOLE_ONLY */.bR,
    backendNote: 'a Canarytokens server has no accounts and no API keys (each token has its own manage auth)',
    requires: ['key-id'],
    accepts: file_options/* FILE_INPUTS */.zN,
    outputs: ['key-id', 'file-path', 'artifact-id', 'artifact-name'],
    parse: async (inputs, env) => ({ keyId: inputs.get('key-id'), file: await (0,file_options/* parseFileOptions */.Qd)(inputs, env) }),
    async run({ keyId, file }, context) {
        // The file holds the key: masked line by line and written owner-only.
        const saved = await (0,file_options/* saveDownload */.YP)(await downloadApiKey((0,types/* consoleOf */.Fl)(context).transport, keyId), file, API_KEY_FILE_FALLBACK, true);
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
            artifact: (0,file_options/* artifactRequest */.ik)(file, [saved.path])
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
            if (error instanceof errors/* ApiError */.hD && error.failure === 'unauthorized') {
                throw new errors/* ApiError */.hD(`${error.message} ${API_OFF_HINT}`, error.failure, error.status, error.serverMessage, error.attempts);
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
            throw new build_errors/* InputError */.d(`Operation 'disable-api' turns off the API for the whole Console: every API key stops working, and turning it back on may need the Console's Global Settings page. Set input 'confirm: disable-api' to run it${confirm ? `; 'confirm' is '${confirm}'` : ''}.`);
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
        context.log.info(`Removed the Flock API key${(0,outcomes/* alreadyDoneSuffix */.wQ)(alreadyDone)}.`);
        return {
            outputs: { response: alreadyDone ? undefined : JSON.stringify((0,secrets/* withoutSecretFields */.Qw)(answer)) },
            summary: {
                heading: 'Removed Flock API key',
                columns: ['Key', 'Result'],
                rows: [['the key given in remove-auth-token', 'removed']],
                notes: (0,outcomes/* alreadyDoneNotes */.eQ)(alreadyDone)
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
