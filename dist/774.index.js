export const id = 774;
export const ids = [774];
export const modules = {

/***/ 21774:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CLEANUP_OPERATIONS: () => (/* binding */ CLEANUP_OPERATIONS),
  listedToken: () => (/* binding */ listedToken),
  parseCleanup: () => (/* binding */ parseCleanup)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./build/http/errors.js
var errors = __webpack_require__(42602);
// EXTERNAL MODULE: ./build/errors.js
var build_errors = __webpack_require__(19473);
// EXTERNAL MODULE: ./build/inputs.js
var build_inputs = __webpack_require__(58175);
// EXTERNAL MODULE: ./build/operations/bounded-pool.js
var bounded_pool = __webpack_require__(33389);
;// CONCATENATED MODULE: ./build/operations/id-set.js
/**
 * The ids a listing has read, packed: each id's UTF-8 bytes (after a 2-byte
 * length) in fixed blocks of bytes, found through an open-addressing table
 * of their positions. A Console that pages by offset can show a token twice,
 * so a walk must know every id it has read; a Set of strings keeps a string
 * and an entry per id on the heap (about 10 MiB of peak RSS at 100,000
 * tokens, most of what a listing keeps), this about a third of it, and the
 * collector never walks it. Blocks, not one buffer doubled: a doubled
 * buffer's old copies stay allocated until the collector's next full run
 * (4 MiB of them at 100,000 ids). Exact: ids are compared byte for byte, the
 * hash only says where to look.
 */
class IdSet {
    blocks = [];
    /** Bytes of entries in each block before the last (the rest of one is not an entry). */
    filled = [];
    /** Bytes used in the last block. */
    used = BLOCK_BYTES;
    /** Position (block * BLOCK_BYTES + offset) of an entry, or -1; a power of two long, at most half full. */
    slots = new Int32Array(INITIAL_SLOTS).fill(-1);
    count = 0;
    /** Ids too long for a 2-byte length (none a Console makes). */
    long = new Set();
    get size() {
        return this.count + this.long.size;
    }
    /** Adds `id`; false when it was there already. */
    add(id) {
        const length = Buffer.byteLength(id);
        if (length > MAX_PACKED_BYTES) {
            if (this.long.has(id))
                return false;
            this.long.add(id);
            return true;
        }
        const block = this.reserve(HEADER_BYTES + length);
        // Written after the last entry first: found, it is simply not kept.
        const start = this.used + HEADER_BYTES;
        block.write(id, start, 'utf8');
        const hash = hashOf(block, start, length);
        const mask = this.slots.length - 1;
        for (let slot = hash & mask;; slot = (slot + 1) & mask) {
            const position = this.slots[slot];
            if (position === -1) {
                block.writeUInt16LE(length, this.used);
                this.slots[slot] = (this.blocks.length - 1) * BLOCK_BYTES + this.used;
                this.used = start + length;
                this.count++;
                if (this.count * 2 > this.slots.length)
                    this.rehash(this.slots.length * 2);
                return true;
            }
            const other = this.blocks[Math.floor(position / BLOCK_BYTES)];
            const offset = position % BLOCK_BYTES;
            if (other.readUInt16LE(offset) === length && sameBytes(block, start, other, offset + HEADER_BYTES, length))
                return false;
        }
    }
    /** The block with room for `bytes` more after `used`: the last one, or a new one. */
    reserve(bytes) {
        if (this.used + bytes > BLOCK_BYTES) {
            if (this.blocks.length > 0)
                this.filled.push(this.used);
            this.blocks.push(Buffer.allocUnsafeSlow(BLOCK_BYTES));
            this.used = 0;
        }
        return this.blocks[this.blocks.length - 1];
    }
    rehash(size) {
        const slots = new Int32Array(size).fill(-1);
        const mask = size - 1;
        this.blocks.forEach((block, index) => {
            const end = index === this.blocks.length - 1 ? this.used : this.filled[index];
            for (let offset = 0; offset < end;) {
                const length = block.readUInt16LE(offset);
                let slot = hashOf(block, offset + HEADER_BYTES, length) & mask;
                while (slots[slot] !== -1)
                    slot = (slot + 1) & mask;
                slots[slot] = index * BLOCK_BYTES + offset;
                offset += HEADER_BYTES + length;
            }
        });
        this.slots = slots;
    }
}
const HEADER_BYTES = 2;
const MAX_PACKED_BYTES = 0xffff;
/** 256 KiB: room for any packed entry (at most 2 + 65,535 bytes); 8,192 of them before a position leaves an Int32. */
const BLOCK_BYTES = 256 * 1024;
const INITIAL_SLOTS = 1024;
function sameBytes(a, aStart, b, bStart, length) {
    for (let index = 0; index < length; index++)
        if (a[aStart + index] !== b[bStart + index])
            return false;
    return true;
}
/** FNV-1a over the bytes (30 bits, so that it stays a small integer). */
function hashOf(bytes, start, length) {
    let hash = 0x811c9dc5;
    for (let index = start; index < start + length; index++)
        hash = Math.imul(hash ^ bytes[index], 0x01000193);
    return hash & 0x3fffffff;
}

// EXTERNAL MODULE: ./build/operations/outcomes.js
var operations_outcomes = __webpack_require__(68734);
// EXTERNAL MODULE: ./build/operations/canarytoken-filter.js
var canarytoken_filter = __webpack_require__(35293);
// EXTERNAL MODULE: ./build/publish/summary.js
var summary = __webpack_require__(23552);
// EXTERNAL MODULE: ./build/publish/tokens-file.js
var tokens_file = __webpack_require__(68211);
// EXTERNAL MODULE: ./build/operations/file-options.js
var file_options = __webpack_require__(7818);
// EXTERNAL MODULE: ./build/operations/types.js
var types = __webpack_require__(71578);
;// CONCATENATED MODULE: ./build/operations/cleanup.js












function listedToken(token) {
    return {
        canarytoken: token.id,
        kind: token.kind,
        memo: token.memo,
        flock_id: token.flockId,
        hostname: token.hostname,
        url: token.url,
        enabled: token.enabled,
        created: token.created === undefined ? undefined : JSON.stringify(token.created.getTime() / 1000),
        created_printable: token.created?.toISOString(),
        triggered_count: token.triggeredCount
    };
}
/**
 * Walks the Console's pages (narrowed by what the Console can filter) and
 * yields, as each page arrives, the page's tokens that every filter lets
 * through: a listing of any size holds a page at a time, and the caller
 * keeps only what it needs (list-canarytokens writes the matches to its file
 * as they come; cleanup keeps the matches it must change). A page at a time,
 * not a token at a time: each step of an async generator costs promises,
 * and 100,000 tokens through a chain of them was most of a listing's garbage.
 * Each page's matches are made as the caller reads them (read them all
 * before asking for the next page), not gathered first: a page of gathered
 * matches was alive through the garbage collector's every run, which made
 * V8 grow its young generation over a long listing. `walk` counts as it goes.
 */
async function* matchingPages(console, filter, log, walk) {
    const query = (0,canarytoken_filter/* consoleQuery */.QS)(filter);
    const asked = { flock_id: query.flockId, kind: query.kind, active: query.active, search_string: query.searchString };
    const narrowed = Object.entries(asked).filter(([, value]) => value !== undefined);
    log.info(narrowed.length > 0
        ? `Searching Canarytokens by ${narrowed.map(([name, value]) => `${name}=${String(value)}`).join(', ')}; every filter is checked here too.`
        : 'Listing every Canarytoken; the filters are checked here.');
    // A Console that pages by offset could show a token twice: it is counted and changed once.
    const seen = new IdSet();
    function* matchesOf(tokens) {
        for (const token of tokens) {
            if (!seen.add(token.id))
                continue;
            walk.read++;
            if ((0,canarytoken_filter/* matchesFilter */.yy)(filter, token)) {
                walk.matched++;
                yield listedToken(token);
            }
            else if (filter.createdBefore && token.created === undefined)
                walk.undated++;
        }
    }
    for await (const page of console.pages(query)) {
        walk.pages++;
        yield matchesOf(page.tokens);
    }
    if (walk.undated > 0)
        log.warning(`${(0,operations_outcomes/* counted */.hS)(walk.undated, 'Canarytoken')} ${walk.undated === 1 ? 'has' : 'have'} no readable creation time; 'created-before' leaves them out.`);
    const steps = filter.memoPattern?.steps?.();
    if (steps !== undefined)
        log.debug(`memo-pattern: ${(0,operations_outcomes/* counted */.hS)(walk.read, 'memo')} matched in ${steps} glob steps.`);
    log.info(`Read ${(0,operations_outcomes/* counted */.hS)(walk.read, 'Canarytoken')} in ${(0,operations_outcomes/* counted */.hS)(walk.pages, 'page')}; ${walk.matched} ${walk.matched === 1 ? 'matches' : 'match'} ${(0,canarytoken_filter/* describeFilter */.GT)(filter)}.`);
}
const newWalk = () => ({ read: 0, pages: 0, matched: 0, undated: 0 });
/** Every match, kept (cleanup changes them after the walk, so that max-changes is checked before any change). */
async function findMatches(console, filter, log) {
    const walk = newWalk();
    const matched = [];
    for await (const matches of matchingPages(console, filter, log, walk))
        for (const token of matches)
            matched.push(token);
    return { matched, read: walk.read };
}
/** Passes the batches on, keeping the summary rows of the first MAX_SUMMARY_ROWS items (all the job summary shows) as they are read. */
async function* keepingSummaryRows(batches, rows, row) {
    function* keeping(batch) {
        for (const item of batch) {
            if (rows.length < summary/* MAX_SUMMARY_ROWS */.ok)
                rows.push(row(item));
            yield item;
        }
    }
    for await (const batch of batches)
        yield rows.length < summary/* MAX_SUMMARY_ROWS */.ok ? keeping(batch) : batch;
}
function createdText(record) {
    if (record.created_printable)
        return record.created_printable;
    const seconds = Number.parseFloat(record.created ?? '');
    return Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString() : '';
}
/** Memos can be 10,000 characters: the summary shows their start. */
function shortMemo(memo) {
    // By character (code point), so an emoji is never cut in half.
    const characters = Array.from(memo);
    return characters.length > 120 ? `${characters.slice(0, 117).join('')}...` : memo;
}
function tokenRow(record) {
    return [
        record.canarytoken,
        record.kind,
        shortMemo(record.memo ?? ''),
        createdText(record),
        String(record.triggered_count ?? ''),
        String(record.enabled ?? '')
    ];
}
const TOKEN_COLUMNS = ['Canarytoken', 'Kind', 'Memo', 'Created', 'Triggered', 'Enabled'];
/** The inputs that upload the token list as a workflow artifact. */
const LIST_ARTIFACT_INPUTS = ['artifact-name', 'retention-days'];
function listArtifact(artifact, list) {
    return artifact ? { ...artifact, files: [list.path], rootDirectory: (0,external_node_path_.dirname)(list.path) } : undefined;
}
const listOperation = (0,types/* defineOperation */.h9)({
    name: 'list-canarytokens',
    description: 'Lists Canarytokens page by page, narrowed by `memo-pattern`, `kind`, `flock-id`, `created-before`, `triggered` and `enabled` (all optional); the whole list goes to the file `tokens-file` names (uploaded with `artifact-name`), and to `tokens` while it fits in an output.',
    backends: types/* CONSOLE_ONLY */.bR,
    backendNote: 'the Canarytokens server cannot list tokens',
    requires: [],
    accepts: [...canarytoken_filter/* FILTER_INPUTS */.BY, ...LIST_ARTIFACT_INPUTS],
    outputs: ['tokens', 'tokens-file', 'count', 'artifact-id', 'artifact-name'],
    parse: async (inputs, env) => ({ filter: await (0,canarytoken_filter/* parseCanarytokenFilter */.Tw)(inputs, Date.now()), artifact: (0,file_options/* parseArtifactOptions */.Uh)(inputs, env) }),
    async run({ filter, artifact }, context) {
        const walk = newWalk();
        const rows = [];
        const matches = keepingSummaryRows(matchingPages((0,types/* consoleOf */.Fl)(context), filter, context.log, walk), rows, tokenRow);
        const list = await (0,tokens_file/* writeTokenBatches */.T8)(context.env.runnerTemp, 'list-canarytokens', matches, context.log);
        const { matched, read, pages } = walk;
        return {
            outputs: { ...list.outputs, count: matched },
            summary: {
                heading: `Canarytokens (${matched})`,
                columns: TOKEN_COLUMNS,
                rows,
                totalRows: matched,
                notes: [`${matched} of ${(0,operations_outcomes/* counted */.hS)(read, 'Canarytoken')} read (${(0,operations_outcomes/* counted */.hS)(pages, 'page')}) ${matched === 1 ? 'matches' : 'match'} ${(0,canarytoken_filter/* describeFilter */.GT)(filter)}.`, list.note],
                empty: 'No Canarytokens matched.',
                fullList: list.fullList
            },
            artifact: listArtifact(artifact, list)
        };
    }
});
const CLEANUP_ACTIONS = ['disable', 'delete'];
const PAST = { disable: 'disabled', delete: 'deleted' };
const capitalized = (text) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
async function parseCleanup(inputs, nowMs) {
    const action = inputs.get('action');
    if (!CLEANUP_ACTIONS.includes(action)) {
        throw new build_errors/* InputError */.d(`Input 'action' must be ${CLEANUP_ACTIONS.join(' or ')}${action ? `, not '${action}'` : ''}.`);
    }
    const filter = await (0,canarytoken_filter/* parseCanarytokenFilter */.Tw)(inputs, nowMs);
    const clearIncidents = (0,build_inputs/* booleanInput */.tE)(inputs, 'clear-incidents');
    if (clearIncidents && action !== 'delete') {
        throw new build_errors/* InputError */.d("Input 'clear-incidents' applies to 'action: delete' only; disabling keeps a token's incidents.");
    }
    (0,canarytoken_filter/* requireFilterOrAll */.OZ)(filter, inputs, 'cleanup-canarytokens');
    return {
        action: action,
        filter,
        clearIncidents,
        dryRun: (0,build_inputs/* booleanInput */.tE)(inputs, 'dry-run'),
        maxChanges: (0,build_inputs/* integerInput */.$A)(inputs, 'max-changes', { min: 1, max: 1_000_000, fallback: Number(build_inputs/* INPUT_DEFAULTS */.WJ['max-changes']) }),
        concurrency: (0,bounded_pool/* concurrencyInput */.ei)(inputs)
    };
}
/** The summary lists failures first: they are what a reader must see if the table is cut. */
const OUTCOME_ORDER = { failed: 0, changed: 1, 'dry-run': 1, skipped: 2 };
async function cleanupResult(params, context, outcomes, read, notes, failure) {
    const count = (outcome) => outcomes.filter((item) => item.outcome === outcome).length;
    const [changed, skipped, failed, planned] = [count('changed'), count('skipped'), count('failed'), count('dry-run')];
    let list;
    let unwritten;
    try {
        list = await (0,tokens_file/* writeTokenList */.Rw)(context.env.runnerTemp, 'cleanup-canarytokens', outcomes, context.log);
    }
    catch (error) {
        const changedIds = outcomes.filter((item) => item.outcome === 'changed').map((item) => item.canarytoken);
        unwritten = (0,operations_outcomes/* unwrittenOutcomes */.oj)({ past: PAST[params.action], noun: 'Canarytoken', changedIds, idName: 'Canarytoken', matched: outcomes.length, failed, dryRun: params.dryRun, reason: (0,build_errors/* errorMessage */.g)(error), log: context.log });
    }
    const heading = params.dryRun
        ? `Dry run: would ${params.action} ${planned} of ${(0,operations_outcomes/* counted */.hS)(outcomes.length, 'matched Canarytoken')}`
        : `${capitalized(PAST[params.action])} ${changed} of ${(0,operations_outcomes/* counted */.hS)(outcomes.length, 'matched Canarytoken')}`;
    // Rows for what the summary shows only.
    const rows = [...outcomes]
        .sort((a, b) => OUTCOME_ORDER[a.outcome] - OUTCOME_ORDER[b.outcome])
        .slice(0, summary/* MAX_SUMMARY_ROWS */.ok)
        .map((item) => [...tokenRow(item), item.outcome, item.message]);
    return {
        outputs: { 'matched-count': outcomes.length, 'changed-count': changed, 'failed-count': failed, ...list?.outputs },
        summary: {
            heading,
            columns: [...TOKEN_COLUMNS, 'Outcome', 'Message'],
            rows,
            totalRows: outcomes.length,
            empty: 'No Canarytokens matched.',
            notes: [
                `Filters: ${(0,canarytoken_filter/* describeFilter */.GT)(params.filter)}. ${outcomes.length} of ${(0,operations_outcomes/* counted */.hS)(read, 'Canarytoken')} read matched.`,
                `Changed ${changed}, skipped ${skipped}, failed ${failed}${params.dryRun ? `, would ${params.action} ${planned} (dry run: nothing was changed)` : ''}.`,
                ...notes,
                list ? list.note : `The outcome list could not be written (${unwritten}); the log names every changed Canarytoken.`
            ],
            fullList: list ? list.fullList : 'the outcome list could not be written'
        },
        artifact: list ? listArtifact(params.artifact, list) : undefined,
        failure: unwritten ? `${unwritten}${failure ? `; ${failure}` : '.'}` : failure
    };
}
const cleanupOperation = (0,types/* defineOperation */.h9)({
    name: 'cleanup-canarytokens',
    description: 'Disables or deletes (`action`) every Canarytoken matching the filters, `concurrency` at a time; `dry-run` changes nothing, and more matches than `max-changes` stop the run before any change.',
    backends: types/* CONSOLE_ONLY */.bR,
    backendNote: 'the Canarytokens server cannot list tokens',
    requires: ['action'],
    accepts: [...canarytoken_filter/* FILTER_INPUTS */.BY, 'all', 'clear-incidents', 'dry-run', 'max-changes', 'concurrency', ...LIST_ARTIFACT_INPUTS],
    outputs: ['matched-count', 'changed-count', 'failed-count', 'tokens', 'tokens-file', 'artifact-id', 'artifact-name'],
    parse: async (inputs, env) => ({ ...(await parseCleanup(inputs, Date.now())), artifact: (0,file_options/* parseArtifactOptions */.Uh)(inputs, env) }),
    async run(params, context) {
        const { log } = context;
        const console = (0,types/* consoleOf */.Fl)(context);
        const { matched, read } = await findMatches(console, params.filter, log);
        const outcomes = matched.map((record) => params.action === 'disable' && record.enabled === false
            ? { ...record, outcome: 'skipped', message: 'already disabled' }
            : { ...record, outcome: 'dry-run', message: `would ${params.action}` });
        const toChange = outcomes.filter((item) => item.outcome === 'dry-run');
        if (toChange.length > params.maxChanges) {
            const reason = `${(0,operations_outcomes/* counted */.hS)(toChange.length, 'Canarytoken')} would be ${PAST[params.action]}, more than max-changes (${params.maxChanges})`;
            if (params.dryRun) {
                const note = `A real run would stop here: ${reason}. Narrow the filters or raise 'max-changes'.`;
                log.warning(note);
                return cleanupResult(params, context, outcomes, read, [note]);
            }
            for (const item of toChange)
                Object.assign(item, { outcome: 'skipped', message: `not ${PAST[params.action]}: over max-changes` });
            const failure = `${reason}; nothing was changed. Check the filters with 'dry-run: true', or raise 'max-changes'.`;
            return cleanupResult(params, context, outcomes, read, [failure], failure);
        }
        if (params.dryRun) {
            log.info(`Dry run: would ${params.action} ${(0,operations_outcomes/* counted */.hS)(toChange.length, 'Canarytoken')}; nothing was changed.`);
            return cleanupResult(params, context, outcomes, read, []);
        }
        log.info(`${params.action === 'delete' ? 'Deleting' : 'Disabling'} ${(0,operations_outcomes/* counted */.hS)(toChange.length, 'Canarytoken')}, ${params.concurrency} at a time.`);
        await (0,bounded_pool/* changeEach */.aq)(toChange, params.concurrency, async (item) => {
            if (params.action === 'disable') {
                await console.setAlerting({ id: item.canarytoken }, false);
                return 'disabled';
            }
            const { alreadyDone } = await console.delete({ id: item.canarytoken }, { clearIncidents: params.clearIncidents }).catch((error) => {
                throw params.clearIncidents ? error : (0,errors/* withClearIncidentsHint */.K8)(error);
            });
            return `deleted${(0,operations_outcomes/* alreadyDoneSuffix */.wQ)(alreadyDone)}`;
        }, {
            // Gone between listing and deleting (another run, or a person): the goal holds.
            gone: (error) => (params.action === 'delete' && (0,errors/* isNotFound */.c4)(error) ? 'already deleted' : undefined),
            failed: (item, message) => log.info(`Could not ${params.action} ${item.canarytoken}: ${message}`)
        });
        const failed = toChange.filter((item) => item.outcome === 'failed').length;
        const changed = toChange.filter((item) => item.outcome === 'changed').length;
        log.info(`${capitalized(PAST[params.action])} ${changed} of ${(0,operations_outcomes/* counted */.hS)(outcomes.length, 'matched Canarytoken')}; ${failed} failed.`);
        const failure = failed > 0 ? `${failed} of ${(0,operations_outcomes/* counted */.hS)(toChange.length, 'Canarytoken')} could not be ${PAST[params.action]} (the file named by the 'tokens-file' output and the job summary say why for each).` : undefined;
        return cleanupResult(params, context, outcomes, read, [], failure);
    }
});
const CLEANUP_OPERATIONS = [listOperation, cleanupOperation];


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


/***/ })

};
