export const id = 73;
export const ids = [73];
export const modules = {

/***/ 70073:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_RUNNER_CANARY_MEMO: () => (/* binding */ DEFAULT_RUNNER_CANARY_MEMO),
  DEFAULT_RUNNER_CANARY_REGION: () => (/* binding */ DEFAULT_RUNNER_CANARY_REGION),
  RUNNER_CANARY_OPERATIONS: () => (/* binding */ RUNNER_CANARY_OPERATIONS),
  checkKeyInput: () => (/* binding */ checkKeyInput),
  checkRunnerCanary: () => (/* binding */ checkRunnerCanary),
  plantRunnerCanariesOperation: () => (/* binding */ plantRunnerCanariesOperation),
  refuseToShadowEnvironmentCredentials: () => (/* binding */ refuseToShadowEnvironmentCredentials),
  runnerCanaryPost: () => (/* binding */ runnerCanaryPost)
});

// EXTERNAL MODULE: ./build/publish/markdown.js
var markdown = __webpack_require__(11379);
// EXTERNAL MODULE: ./build/http/errors.js
var errors = __webpack_require__(42602);
// EXTERNAL MODULE: ./build/errors.js
var build_errors = __webpack_require__(19473);
// EXTERNAL MODULE: ./build/secrets.js + 1 modules
var secrets = __webpack_require__(20847);
// EXTERNAL MODULE: ./build/inputs.js
var build_inputs = __webpack_require__(58175);
// EXTERNAL MODULE: ./build/operations/canarytokens.js
var canarytokens = __webpack_require__(94477);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./build/publish/files.js
var files = __webpack_require__(90263);
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
        const pair = iniPair(line);
        if (pair)
            values[pair[0]] ??= pair[1];
    }
    return values;
}
/**
 * One line's `key = value` (or `key: value`): the key before the first `=` or
 * `:`, the value after it, each without the blanks (spaces, tabs) around it;
 * undefined for a blank line, a comment or a line without either. Read by
 * index, not by a regular expression: one with a lazy key before blanks took
 * time quadratic in a line of spaces (a user's own file, but a run must not
 * stall on it).
 */
function iniPair(line) {
    let start = 0;
    while (isBlank(line, start))
        start++;
    const first = line[start];
    if (first === undefined || '=:#;'.includes(first) || /\s/.test(first))
        return undefined;
    let at = start;
    while (at < line.length && line[at] !== '=' && line[at] !== ':')
        at++;
    if (at === line.length)
        return undefined;
    let keyEnd = at;
    while (keyEnd > start && isBlank(line, keyEnd - 1))
        keyEnd--;
    let valueStart = at + 1;
    while (isBlank(line, valueStart))
        valueStart++;
    let valueEnd = line.length;
    while (valueEnd > valueStart && isBlank(line, valueEnd - 1))
        valueEnd--;
    const value = line.slice(valueStart, valueEnd);
    // As the expression read it: `.` takes no line terminator, so a value holding one (a stray \r) was no pair.
    if (/[\r\u2028\u2029]/.test(value))
        return undefined;
    return [line.slice(start, keyEnd), value];
}
function isBlank(line, index) {
    return line[index] === ' ' || line[index] === '\t';
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
        try {
            // wx: never through a file (or symlink) that appeared meanwhile.
            const handle = await (0,promises_.open)(path, external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_CREAT | external_node_fs_.constants.O_EXCL, 0o600);
            try {
                await handle.writeFile(bytes);
            }
            catch (error) {
                // Half a profile (a full disk) is never left behind: the file is ours, it goes.
                await (0,promises_.unlink)(path).catch(() => undefined);
                throw error;
            }
            finally {
                await handle.close();
            }
        }
        catch (error) {
            await removeCreatedFolders(folders);
            throw error;
        }
        return { role, path, createdFile: true, createdFolders: folders.reverse(), appendedBytes: bytes.length, appendedSha256: sha256(bytes) };
    }
    // A blank line between the last section and ours, and a line end first when the file lacks one.
    const separator = existing === '' ? '' : existing.endsWith('\n') ? newline : newline + newline;
    const bytes = Buffer.from(separator + block, 'latin1');
    // Appended in place: the file keeps its owner, mode and any symlink pointing to it.
    try {
        await (0,promises_.appendFile)(path, bytes);
    }
    catch (error) {
        // Half a block (a full disk) would break the file for every AWS tool: cut back to the bytes it had.
        const reason = (thrown) => (thrown instanceof Error ? thrown.message : String(thrown));
        await (0,promises_.truncate)(path, existing.length).catch((undo) => {
            throw new Error(`${reason(error)}; cutting ${path} back to its ${existing.length} bytes failed too (${reason(undo)}): remove the half-written [${profile}] section by hand`);
        });
        throw error;
    }
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
        await replaceFile(planted.path, Buffer.from(remaining, 'latin1'));
    }
    return removal;
}
/**
 * Replaces a file's content all at once: a new file beside the real one (a
 * symlink's target: the link stays), with its mode, renamed over it. A write
 * that fails (a full disk) leaves the file as it was, never cut short: these
 * are the user's own credentials.
 */
async function replaceFile(path, bytes) {
    const target = await (0,promises_.realpath)(path);
    const { mode, uid, gid } = await (0,promises_.stat)(target);
    await (0,files/* writeFileAtomically */.lo)((0,external_node_path_.dirname)(target), (0,external_node_path_.basename)(target), async (file) => {
        await file.chown(uid, gid).catch(() => undefined);
        await file.chmod(mode & 0o7777);
        await file.writeFile(bytes);
    }, { private: true });
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

// EXTERNAL MODULE: ./build/text.js
var build_text = __webpack_require__(50977);
// EXTERNAL MODULE: ./build/operations/memo-template.js
var memo_template = __webpack_require__(8792);
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

// EXTERNAL MODULE: ./build/operations/reuse.js
var reuse = __webpack_require__(54151);
// EXTERNAL MODULE: ./build/operations/types.js
var types = __webpack_require__(71578);
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
    throw new build_errors/* InputError */.d(`Input 'aws-profile' must be a profile name of letters, digits and . _ @ + - (at most 64, e.g. 'default' or 'ci-canary'); '${raw}' is not.${hint}`);
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
    throw new build_errors/* InputError */.d(`Input 'aws-region' must be an AWS region such as us-east-1 or eu-west-2; '${raw}' is not.${hint}`);
}
function onConsoleErrorInput(inputs) {
    const raw = inputs.get('on-console-error') || 'warn';
    if (raw === 'warn' || raw === 'fail')
        return raw;
    const near = /^warn/i.test(raw) ? 'warn' : /^(fail|error|true)/i.test(raw) ? 'fail' : undefined;
    throw new build_errors/* InputError */.d(`Input 'on-console-error' must be warn or fail; '${raw}' is not.${near ? ` Did you mean '${near}'?` : ''}`);
}
/** The rendered memo; with the default template, an error says that the default is what needs a value. */
function memoFor(inputs) {
    const template = inputs.get('memo');
    const where = template ? "Input 'memo'" : `The default memo '${DEFAULT_RUNNER_CANARY_MEMO}' (set 'memo' to choose your own)`;
    const memo = (0,build_inputs/* checkMemoLength */.jR)((0,memo_template/* renderMemo */.fY)(template || DEFAULT_RUNNER_CANARY_MEMO, (0,memo_template/* runContext */.pO)(), where), where);
    return (0,build_inputs/* chosenBackend */.fn)(inputs) === 'canarytokens-server' ? (0,canarytokens.checkServerMemoLength)(memo, where) : memo;
}
/**
 * Refuses, before any request, a profile that either file already holds: a
 * real credential is never overwritten or shadowed.
 */
async function checkProfileIsFree(paths, profile) {
    if (paths.credentials === paths.config) {
        throw new build_errors/* InputError */.d(`AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE both name ${paths.credentials}; point them at two files.`);
    }
    for (const role of ['credentials', 'config']) {
        const path = paths[role];
        let text;
        try {
            text = await readSharedFile(path);
        }
        catch (error) {
            const reason = error.code ?? (0,build_errors/* errorMessage */.g)(error);
            throw new build_errors/* InputError */.d(`The AWS ${role} file ${path} cannot be read (${reason}); plant-runner-canaries needs to read it to be sure it overwrites nothing.`);
        }
        try {
            await checkWritable(path);
        }
        catch (error) {
            const reason = error.code ?? (0,build_errors/* errorMessage */.g)(error);
            const variable = role === 'credentials' ? 'AWS_SHARED_CREDENTIALS_FILE' : 'AWS_CONFIG_FILE';
            throw new build_errors/* InputError */.d(`The AWS ${role} file ${path} cannot be written (${reason}); point ${variable} at a file the job can write.`);
        }
        const found = text === undefined ? undefined : profileSections(text, role, profile)[0];
        if (found) {
            throw new build_errors/* InputError */.d(`AWS profile '${profile}' already exists in ${path} (as [${found.name}]): plant-runner-canaries never overwrites or shadows a credential. ` +
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
    const { token, reused } = await (0,reuse/* createOrReuse */.eO)(backend, request, params.reuse, { enabledOnly: true });
    const keys = token.awsKeys;
    // A Canarytokens server's key to the token, and the page that holds it: masked before anything could print them.
    (0,secrets/* registerSecret */.cl)(token.manageAuth);
    (0,secrets/* registerSecret */.cl)(token.manageUrl);
    if (keys) {
        (0,secrets/* registerSecret */.cl)(keys.accessKeyId);
        (0,secrets/* registerSecret */.cl)(keys.secretAccessKey);
    }
    if (!token.id || !keys) {
        throw new errors/* ApiError */.hD(`the answer of ${backend.description} for the aws-id Canarytoken ${token.id} holds no AWS keys`, 'result');
    }
    if (!AWS_KEY.test(keys.accessKeyId) || !AWS_KEY.test(keys.secretAccessKey)) {
        throw new errors/* ApiError */.hD(`the answer of ${backend.description} for the aws-id Canarytoken ${token.id} holds AWS keys that are not one line of visible characters, as AWS issues them; nothing was written to the AWS files`, 'result');
    }
    return { token, reused, keys };
}
/**
 * An AWS key as AWS issues them: one word of visible ASCII. Anything else
 * (a line break above all) would write lines of the server's choosing into
 * the runner's ~/.aws/credentials, such as a profile with a `credential_process`
 * that later steps' AWS tools would run.
 */
const AWS_KEY = /^[\x21-\x7e]+$/;
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
    throw new build_errors/* InputError */.d(`Input 'export-env' is true, but the job's environment already holds AWS credentials (${present.join(', ')}); ` +
        'exporting the canary would replace them for every later step. Drop export-env (the profile in the credentials file is planted either way), ' +
        'or plant the runner canary before the step that sets real credentials.');
}
/**
 * `check-auth-token`, the post step's key, refused before any request where it cannot be used: on a Canarytokens
 * server (the post step reads the token with its manage auth) and with `check-on-exit: false` (no check).
 */
function checkCheckKey(inputs, onServer) {
    if (!inputs.get('check-auth-token'))
        return;
    if (onServer) {
        throw new build_errors/* InputError */.d("Input 'check-auth-token' is a Console API key; on a Canarytokens server the post step reads the token with its own manage auth. Remove 'check-auth-token'.");
    }
    if (!(0,build_inputs/* booleanInput */.tE)(inputs, 'check-on-exit', true)) {
        throw new build_errors/* InputError */.d("Input 'check-auth-token' is the key of the post step's check, which 'check-on-exit: false' turns off. Remove one of them.");
    }
    (0,secrets/* checkSecretInput */.pK)('check-auth-token', inputs.get('check-auth-token'));
}
/**
 * The input holding the Console key the post step checks with: `check-auth-token` when it is set (a Flock
 * canarytoken-deploy key in `auth-token` can only create and download, so it cannot read the token back).
 */
function checkKeyInput(inputs) {
    return inputs.get('check-auth-token') ? 'check-auth-token' : 'auth-token';
}
/**
 * Why the post step could not read `token` back with the step's own key, or undefined when it can (or when the
 * reason is an outage, which the post step meets, or not, on its own). Run once the canary is planted, when no
 * `check-auth-token` was given: a Flock canarytoken-deploy key "can only create and download", and how a Console
 * refuses such a key's read is not documented. A refusal reads as one; should it answer "not found", the post
 * step would report a canary deleted during every job that uses the key. Either way, the post step is told not
 * to check, and the step warns now, naming the input that fixes it.
 */
async function cannotReadBack(backend, token) {
    try {
        await backend.fetch({ id: token.id });
        return undefined;
    }
    catch (error) {
        if ((0,errors/* isNotFound */.c4)(error) || (error instanceof errors/* ApiError */.hD && error.failure === 'unauthorized'))
            return (0,errors/* reasonWithWhere */.WW)(error);
        return undefined;
    }
}
/**
 * What to change when the Console refused the check's key (as the dialect reads a refusal: 401, 403, or its
 * message in an answer of 200): the usual cause is a canarytoken-deploy key, which only creates and downloads.
 * Nothing for other failures, or on a Canarytokens server.
 */
function refusedKeyAdvice(error, backend, keyInput) {
    if (backend.name !== 'console' || !(error instanceof errors/* ApiError */.hD) || error.failure !== 'unauthorized')
        return '';
    return keyInput === 'check-auth-token'
        ? " The check needs a key that can read this token and its incidents, such as a Flock read-only key for the token's flock."
        : " If 'auth-token' is a Flock canarytoken-deploy key, it can only create and download: set 'check-auth-token' to a Flock read-only key for the same flock.";
}
const plantRunnerCanariesOperation = (0,types/* defineOperation */.h9)({
    name: 'plant-runner-canaries',
    tripwire: true,
    description: "Plants a Canarytoken AWS key on the runner itself: mints an `aws-id` token whose memo names the run, writes it as profile `aws-profile` to the AWS credentials and config files (never over an existing profile), and checks it when the job ends (the post step fails the job if it was used, then removes the profile). A Console outage warns and plants nothing unless `on-console-error: fail`.",
    backends: types/* EVERY_BACKEND */.Jn,
    requires: [],
    accepts: ['memo', 'flock-id', 'reuse', 'aws-profile', 'aws-region', 'export-env', 'on-console-error', 'check-on-exit', 'check-auth-token', 'keep-credentials', 'alert-email', 'alert-webhook'],
    outputs: PLANTED_OUTPUTS,
    async parse(inputs) {
        const onServer = (0,build_inputs/* chosenBackend */.fn)(inputs) === 'canarytokens-server';
        if (onServer && inputs.get('flock-id'))
            throw new build_errors/* InputError */.d("Input 'flock-id' is the Console's: a Canarytokens server has no flocks. Remove it.");
        (0,canarytokens.refuseReuseOnServer)(inputs, (0,build_inputs/* booleanInput */.tE)(inputs, 'reuse'));
        (0,build_inputs/* requireAlertTarget */.Jj)(inputs, 'plant-runner-canaries');
        checkCheckKey(inputs, onServer);
        const params = {
            memo: memoFor(inputs),
            flockId: onServer ? undefined : (0,build_inputs/* flockIdInput */.Rq)(inputs),
            reuse: (0,build_inputs/* booleanInput */.tE)(inputs, 'reuse'),
            profile: profileInput(inputs),
            region: regionInput(inputs),
            exportEnv: (0,build_inputs/* booleanInput */.tE)(inputs, 'export-env'),
            onConsoleError: onConsoleErrorInput(inputs),
            check: (0,build_inputs/* booleanInput */.tE)(inputs, 'check-on-exit', true),
            probe: !onServer && (0,build_inputs/* booleanInput */.tE)(inputs, 'check-on-exit', true) && !inputs.get('check-auth-token'),
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
            const reason = (0,errors/* reasonWithWhere */.WW)(error);
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
                `writing AWS profile '${params.profile}' failed: ${(0,errors/* reasonWithAttempts */.ny)(error)}. The Canarytoken ${token.id} was ${reused ? 'reused' : 'created'} and stays on ${serverOf(context.backend, false)}` +
                    (files.length > 0 ? '; the post step removes what was written.' : '.');
        }
        const unreadable = !failure && params.probe ? await cannotReadBack(context.backend, token) : undefined;
        if (unreadable) {
            context.log.warning(`Runner canary ${token.id} is planted, but 'auth-token' cannot read it back (${unreadable}), so the post step will not check it. ` +
                `If 'auth-token' is a Flock canarytoken-deploy key, it can only create and download: set 'check-auth-token' to a Flock read-only key for the same flock. Its alerts still come from the Console.`);
        }
        const check = params.check && !unreadable;
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
            check,
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
                    check
                        ? 'When the job ends, the post step fails the job if these credentials were used during it.'
                        : unreadable
                            ? `The post step does not check the token: 'auth-token' cannot read it back (set 'check-auth-token' to a key that can); its alerts come from ${serverOf(context.backend, false)}.`
                            : `The post step does not check the token (check-on-exit: false); its alerts come from ${serverOf(context.backend, false)}.`,
                    params.remove ? 'The post step then removes the profile again.' : 'The profile stays on the runner (keep-credentials: true).'
                ]
            },
            failure
        };
        if (files.length > 0 && (check || params.remove))
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
    const bounded = (text) => (0,markdown/* truncateCodePoints */.Bm)((0,markdown/* visibleControls */.xx)((0,secrets/* redact */.E$)(text)), 200);
    return (`${(0,build_text/* isoTime */.Ly)(incident.created) || 'at an unknown time'} from ${bounded(incident.srcHost) || 'an unknown address'}` +
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
        (0,secrets/* registerSecret */.cl)(token.awsKeys?.accessKeyId);
        (0,secrets/* registerSecret */.cl)(token.awsKeys?.secretAccessKey);
    }
    catch (error) {
        if ((0,errors/* isNotFound */.c4)(error)) {
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
async function runnerCanaryPost(state, connect, log, keyInput = 'auth-token') {
    const result = {};
    (0,secrets/* registerSecret */.cl)(state.manageAuth);
    if (state.check) {
        const backend = await connect();
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
                        unread = (0,errors/* reasonWithWhere */.WW)(error);
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
                        ? seen.map((incident) => [...row, (0,build_text/* isoTime */.Ly)(incident.created), incident.srcHost, incident.event ?? '', incident.userAgent ?? ''])
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
            const message = `Could not check runner canary ${state.canarytoken}: ${(0,errors/* reasonWithWhere */.WW)(error)}.${refusedKeyAdvice(error, backend, keyInput)} Its alerts still come from ${serverOf(backend, false)}.`;
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
                log.warning(`Could not remove AWS profile '${state.profile}' from ${file.path}: ${(0,errors/* reasonWithAttempts */.ny)(error)}. Remove its section by hand.`);
            }
        }
        const folders = await removeCreatedFolders(state.files.flatMap((file) => file.createdFolders));
        if (folders.length > 0)
            log.info(`Deleted ${folders.join(', ')} (the action had created ${folders.length === 1 ? 'it' : 'them'}).`);
    }
    return result;
}


/***/ })

};
