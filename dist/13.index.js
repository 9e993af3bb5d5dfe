export const id = 13;
export const ids = [13];
export const modules = {

/***/ 25013:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CanarytokensServerBackend: () => (/* binding */ CanarytokensServerBackend),
  dataUriBytes: () => (/* binding */ dataUriBytes)
});

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./build/http/errors.js
var errors = __webpack_require__(42602);
;// CONCATENATED MODULE: ./build/backends/canarytokens-server/endpoints.js
// A Canarytokens server's API as data (thinkst/canarytokens, frontend/app.py).
// Every route lives under one fixed prefix (ROOT_API_ENDPOINT); the same
// paths without it are pages of the web app.
/** frontend/app.py `ROOT_API_ENDPOINT`. */
const API_PREFIX = '/d3aece8093b71007b5ccfedad91ebb11';
/**
 * Create (`api_generate`): read as JSON only when Content-Type is exactly
 * `application/json` (a string comparison), which the transport sends; with
 * a file it goes as multipart, which the server reads as a form.
 */
const GENERATE = { method: 'POST', path: `${API_PREFIX}/generate`, body: 'json' };
/** `api_manage_canarytoken`: FastAPI query parameters `token` and `auth`. */
const MANAGE = { method: 'GET', path: `${API_PREFIX}/manage` };
/** `api_history`: query parameters `token` and `auth`. */
const HISTORY = { method: 'GET', path: `${API_PREFIX}/history` };
/** `api_download`: query parameters `fmt`, `token` and `auth`, no Content-Type (the server reads the query only then). */
const DOWNLOAD = { method: 'GET', path: `${API_PREFIX}/download` };
/** `api_settings_post`: a JSON body `{setting, value, token, auth}`; sets a state, so safe to repeat. */
const SETTINGS = { method: 'POST', path: `${API_PREFIX}/settings`, body: 'json', repeatable: true };
/** `api_delete`: a JSON body `{token, auth}`; a repeat finds the token gone (403). */
const DELETE = { method: 'POST', path: `${API_PREFIX}/delete`, body: 'json', repeatable: true };

// EXTERNAL MODULE: ./build/backends/canarytokens-server/kinds.js
var kinds = __webpack_require__(19218);
// EXTERNAL MODULE: ./build/secret-fields.js
var secret_fields = __webpack_require__(97266);
;// CONCATENATED MODULE: ./build/backends/canarytokens-server/records.js


function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function records_text(value) {
    return typeof value === 'string' && value !== '' ? value : undefined;
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
/** The page that manages a token (the web app's route): it holds the manage auth, so it is a secret too. */
function manageUrl(origin, token, auth) {
    return `${origin.origin}/nest/manage/${encodeURIComponent(auth)}/${encodeURIComponent(token)}`;
}
/**
 * `created_at` as the canarydrop stores it: ISO 8601, without a zone
 * (`datetime.utcnow()`), so read as UTC; one with a zone is read as written.
 */
function createdAt(value) {
    const raw = records_text(value);
    if (!raw || !/^\d{4}-\d{2}-\d{2}/.test(raw))
        return undefined;
    const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(raw) ? raw : `${raw.replace(' ', 'T')}Z`;
    // JavaScript reads at most milliseconds: Python writes microseconds.
    const date = new Date(zoned.replace(/(\.\d{3})\d+/, '$1'));
    return Number.isNaN(date.getTime()) ? undefined : date;
}
/** A boolean as pydantic writes one; undefined when it is not one. */
function flag(value) {
    return typeof value === 'boolean' ? value : undefined;
}
function awsKeys(accessKeyId, secretAccessKey, region, output) {
    const id = records_text(accessKeyId)?.trim();
    const secret = records_text(secretAccessKey)?.trim();
    if (!id || !secret)
        return undefined;
    return { accessKeyId: id, secretAccessKey: secret, region: records_text(region), output: records_text(output) };
}
/** Ready-made texts: the WireGuard config and the kubeconfig (decoded from base64). Masked already, as secret fields. */
function renders(kind, fields) {
    const found = {};
    const wgConf = records_text(fields.wg_conf);
    if (kind === 'wireguard' && wgConf)
        found.wireguard = wgConf;
    const kubeconfig = records_text(fields.kubeconfig);
    if (kind === 'kubeconfig' && kubeconfig)
        found.kubeconfig = Buffer.from(kubeconfig, 'base64').toString('utf8');
    return Object.keys(found).length > 0 ? found : undefined;
}
/**
 * The create answer as a record. The server does not echo the memo nor say
 * when it made the token; the memo is the one sent, `created` stays unknown.
 * A new token alerts (creating needs an e-mail address or a webhook).
 */
function createdTokenRecord(origin, answer, memo) {
    const id = records_text(answer.token) ?? '';
    const auth = records_text(answer.auth_token);
    const kind = (0,kinds/* actionKind */.JQ)(records_text(answer.token_type) ?? '');
    return {
        id,
        kind,
        memo,
        enabled: true,
        triggeredCount: 0,
        hostname: records_text(answer.hostname),
        url: records_text(answer.token_url),
        manageAuth: auth,
        manageUrl: auth ? manageUrl(origin, id, auth) : undefined,
        awsKeys: kind === 'aws-id' ? awsKeys(answer.aws_access_key_id, answer.aws_secret_access_key, answer.region, answer.output) : undefined,
        renders: renders(kind, answer),
        fieldValues: stringFields(answer),
        details: (0,secret_fields/* withoutSecretFields */.Q)(answer),
        answer: (0,secret_fields/* withoutSecretFields */.Q)(answer)
    };
}
/** The token's id in a canarydrop: `canarytoken` is a Canarytoken object (`{"_value": ...}`) or, read another way, the text. */
function dropToken(drop) {
    const value = drop.canarytoken;
    if (isRecord(value))
        return records_text(value._value);
    return records_text(value);
}
/** The hits a canarydrop or a history answer holds. */
function hitsOf(details) {
    return isRecord(details) && Array.isArray(details.hits) ? details.hits.filter(isRecord) : [];
}
/**
 * The manage answer as a record: `created` from `created_at`, `enabled` when
 * e-mail or webhook alerting is on, the count from the hits kept (the server
 * keeps the last 50).
 */
function managedTokenRecord(origin, answer, ref) {
    const drop = isRecord(answer.canarydrop) ? answer.canarydrop : {};
    const id = dropToken(drop) ?? ref.id;
    const auth = records_text(drop.auth) ?? ref.manageAuth;
    const kind = (0,kinds/* actionKind */.JQ)(records_text(drop.type) ?? '');
    const email = flag(drop.alert_email_enabled);
    const webhook = flag(drop.alert_webhook_enabled);
    // Top-level fields of ManageResponse (wg_conf, qr_code, ...) beside the canarydrop's own.
    const topLevel = Object.fromEntries(Object.entries(answer).filter(([name, value]) => name !== 'canarydrop' && value !== null));
    const fields = { ...drop, token: id, ...topLevel };
    delete fields.canarytoken;
    const hits = hitsOf(drop.triggered_details);
    return {
        id,
        kind,
        memo: typeof drop.memo === 'string' ? drop.memo : '',
        enabled: email === undefined && webhook === undefined ? undefined : email === true || webhook === true,
        created: createdAt(drop.created_at),
        triggeredCount: isRecord(drop.triggered_details) ? hits.length : undefined,
        hostname: records_text(drop.generated_hostname),
        url: records_text(drop.generated_url),
        manageAuth: auth,
        manageUrl: auth ? manageUrl(origin, id, auth) : undefined,
        awsKeys: kind === 'aws-id' ? awsKeys(drop.aws_access_key_id, drop.aws_secret_access_key, drop.aws_region, drop.aws_output) : undefined,
        renders: renders(kind, fields),
        fieldValues: stringFields(fields),
        details: (0,secret_fields/* withoutSecretFields */.Q)({ ...drop, canarytoken: id, triggered_details: { hits: hits.length } }),
        answer: (0,secret_fields/* withoutSecretFields */.Q)(answer)
    };
}
/** An AWS call's names: `additional_info.aws_key_log_data.eventName`, a list. */
function awsEvent(hit) {
    const info = hit.additional_info;
    const log = isRecord(info) ? info.aws_key_log_data : undefined;
    const names = isRecord(log) ? log.eventName : undefined;
    if (Array.isArray(names))
        return names.filter((name) => typeof name === 'string' && name !== '').join(', ') || undefined;
    return records_text(names);
}
/**
 * One history hit as an incident. The user agent is `user_agent` on aws_keys
 * hits (AWSKeyTokenHit serialises `useragent` by that alias) and `useragent`
 * on the others; each is read first where the server puts it, the other
 * spelling second. The server keeps no incident ids, but it stores each
 * token's hits keyed by their time as `f"{time_of_hit:.6f}"`
 * (TokenHistory.serialize_for_v2), so no two hits of a token share one: that
 * text is the hit's id, the same from run to run (its place in the history is
 * not: the server keeps the last 50). A hit without a readable time is
 * `unknown#<place>`.
 */
function incidentRecord(hit, index, token) {
    const kind = token.kind;
    const seconds = typeof hit.time_of_hit === 'number' ? hit.time_of_hit : Number.parseFloat(String(hit.time_of_hit ?? ''));
    const created = Number.isFinite(seconds) ? new Date(seconds * 1000) : new Date(Number.NaN);
    const userAgent = kind === 'aws-id' ? (records_text(hit.user_agent) ?? records_text(hit.useragent)) : (records_text(hit.useragent) ?? records_text(hit.user_agent));
    return {
        id: Number.isFinite(seconds) ? seconds.toFixed(6) : `unknown#${index}`,
        canarytoken: token.id,
        memo: token.memo,
        kind,
        srcHost: records_text(hit.src_ip) ?? '',
        created,
        acknowledged: false,
        event: kind === 'aws-id' ? awsEvent(hit) : records_text(hit.input_channel),
        userAgent
    };
}
/** The history answer's hits, oldest first. */
function historyIncidents(answer, token) {
    const history = isRecord(answer.history) ? answer.history : {};
    return hitsOf(history)
        .map((hit, index) => incidentRecord(hit, index, token))
        .sort((a, b) => (a.created.getTime() || 0) - (b.created.getTime() || 0));
}

;// CONCATENATED MODULE: ./build/backends/canarytokens-server/index.js





/** A `data:<type>;base64,<data>` URI's bytes, or undefined when the text is not one. */
function dataUriBytes(text) {
    const match = /^data:[^,;]*(?:;[^,;]*)*;base64,([A-Za-z0-9+/=\s]*)$/.exec(text.trim());
    return match ? Buffer.from(match[1], 'base64') : undefined;
}
function bodyOf(content, filename, contentType) {
    return { body: external_node_stream_.Readable.from([content], { objectMode: false }), filename, contentType, contentLength: content.length };
}
async function readAll(download) {
    const chunks = [];
    for await (const chunk of download.body)
        chunks.push(chunk);
    return Buffer.concat(chunks);
}
/**
 * A Canarytokens server (canarytokens.org or self-hosted) as a backend. It
 * has no accounts: every token has its own key, its manage auth, which goes
 * with every call for it (query parameters for manage, history and download,
 * the JSON body for settings and delete, as thinkst/canarytokens
 * frontend/app.py reads them). It cannot list tokens.
 */
class CanarytokensServerBackend {
    transport;
    origin;
    alerts;
    name = 'canarytokens-server';
    description;
    constructor(transport, origin, alerts = {}) {
        this.transport = transport;
        this.origin = origin;
        this.alerts = alerts;
        this.description = `the Canarytokens server at ${origin.origin}`;
    }
    kindOf(kind) {
        const rule = (0,kinds/* serverKind */.CG)(kind);
        if (!rule)
            throw new Error(`${this.description} has no kind '${kind}'`);
        return rule;
    }
    pair(token) {
        if (!token.manageAuth)
            throw new Error(`the Canarytoken ${token.id} on ${this.description} needs its manage auth ('manage-auth')`);
        return { token: token.id, auth: token.manageAuth };
    }
    async create(request) {
        const rule = this.kindOf(request.kind);
        if (!this.alerts.email && !this.alerts.webhook)
            throw new Error(`creating a token on ${this.description} needs 'alert-email' or 'alert-webhook'`);
        const params = {
            ...request.params,
            token_type: rule.type,
            memo: request.memo,
            email: this.alerts.email,
            webhook_url: this.alerts.webhook
        };
        let answer;
        try {
            answer = await this.transport.call(GENERATE, params, request.files);
        }
        catch (error) {
            // The server's error page, with status 200, is also how it answers a webhook on an address it will not POST to.
            if (error instanceof errors/* ApiError */.hD && error.failure === 'not-json' && error.status === 200 && this.alerts.webhook) {
                throw new errors/* ApiError */.hD(`${error.message} (the server answers this page, among other failures, when 'alert-webhook' resolves to a private or loopback address it refuses to POST to)`, error.failure, error.status, error.serverMessage, error.attempts, error.earlierAttemptMayHaveActed);
            }
            throw error;
        }
        if (typeof answer.token !== 'string' || !answer.token || typeof answer.auth_token !== 'string' || !answer.auth_token) {
            throw new errors/* ApiError */.hD(`${this.description} answered the create without a token and its manage auth`, 'result', 200);
        }
        return createdTokenRecord(this.origin, answer, request.memo);
    }
    async fetch(token) {
        const answer = await this.transport.call(MANAGE, this.pair(token));
        return managedTokenRecord(this.origin, answer, token);
    }
    /**
     * The token's file: from the answer that carries it (WireGuard config,
     * kubeconfig, QR code, signed binary), else `GET /download?fmt=`.
     */
    async download(token) {
        const rule = this.kindOf(token.kind);
        const carried = rule.answerFile;
        if (carried) {
            for (const field of carried.fields) {
                const value = token.fieldValues[field];
                if (!value)
                    continue;
                const bytes = carried.encoding === 'text' ? Buffer.from(value, 'utf8') : carried.encoding === 'base64' ? Buffer.from(value, 'base64') : dataUriBytes(value);
                if (bytes)
                    return bodyOf(bytes, carried.filename);
            }
        }
        if (!rule.fmt) {
            throw new Error(`${this.description} gives the file of a ${token.kind} token only in the answer that creates it; create it with 'download: true' (or read the config from the web page at the manage URL)`);
        }
        const download = await this.transport.download(DOWNLOAD, { fmt: rule.fmt, ...this.pair(token) });
        if (rule.answerFile?.encoding !== 'data-uri')
            return download;
        // fmt=qr_code answers the PNG's data URI as text (labelled image/png): the file is the picture it holds.
        const content = await readAll(download);
        const bytes = dataUriBytes(content.toString('latin1'));
        return bodyOf(bytes ?? content, download.filename ?? rule.answerFile.filename, download.contentType);
    }
    /** E-mail and webhook alerting off; on again for each that has a recipient. */
    async setAlerting(token, enabled) {
        const pair = this.pair(token);
        let settings = ['email_enable', 'webhook_enable'];
        if (enabled) {
            const current = await this.transport.call(MANAGE, pair);
            const drop = (typeof current.canarydrop === 'object' && current.canarydrop !== null ? current.canarydrop : {});
            settings = [
                ...(typeof drop.alert_email_recipient === 'string' && drop.alert_email_recipient ? ['email_enable'] : []),
                ...(typeof drop.alert_webhook_url === 'string' && drop.alert_webhook_url ? ['webhook_enable'] : [])
            ];
            if (settings.length === 0)
                throw new Error(`the Canarytoken ${token.id} has neither an e-mail address nor a webhook to alert on ${this.description}`);
        }
        for (const setting of settings) {
            const answer = await this.transport.call(SETTINGS, { setting, value: enabled ? 'on' : 'off', ...pair });
            if (answer.message !== 'success') {
                throw new errors/* ApiError */.hD(`${this.description} answered the ${setting} setting without "message": "success"`, 'result', 200, typeof answer.message === 'string' ? answer.message : undefined);
            }
        }
    }
    async delete(token) {
        try {
            const answer = await this.transport.call(DELETE, this.pair(token));
            if (answer.message !== 'success') {
                throw new errors/* ApiError */.hD(`${this.description} answered the delete without "message": "success"`, 'result', 200, typeof answer.message === 'string' ? answer.message : undefined);
            }
            return { alreadyDone: false };
        }
        catch (error) {
            // A repeat of a delete the server may have carried out finds the token gone (403).
            if ((0,errors/* wasDoneByEarlierAttempt */.EE)(error))
                return { alreadyDone: true };
            throw error;
        }
    }
    /** The token's history hits, oldest first (the server keeps the last 50). */
    async *incidents(token) {
        const answer = await this.transport.call(HISTORY, this.pair(token));
        const record = managedTokenRecord(this.origin, { canarydrop: answer.canarydrop }, token);
        yield* historyIncidents(answer, record);
    }
    close() {
        return this.transport.close();
    }
}


/***/ }),

/***/ 19218:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CG: () => (/* binding */ serverKind),
/* harmony export */   JQ: () => (/* binding */ actionKind),
/* harmony export */   yX: () => (/* binding */ SERVER_KINDS)
/* harmony export */ });
// The kinds a Canarytokens server makes, by the action's name for them
// (the Console's name where the Console has the same kind, the server's own
// otherwise), with the server's name (`TokenTypes`, canarytokens/models/common.py)
// and where the token's file comes from. The action's per-kind input rules
// for the server are in operations/kinds.ts (`server`), which checks that
// both tables name the same kinds.
const SERVER_KINDS = {
    dns: { type: 'dns' },
    http: { type: 'web' },
    'doc-msword': { type: 'ms_word', fmt: 'msword' },
    'doc-msexcel': { type: 'ms_excel', fmt: 'msexcel' },
    'pdf-acrobat-reader': { type: 'adobe_pdf', fmt: 'pdf' },
    'aws-id': { type: 'aws_keys', fmt: 'awskeys' },
    'azure-id': { type: 'azure_id', fmt: 'azure_id' },
    // The download answers the data URI as text labelled image/png (app.py); the create answer's `qrcode_png`, and the manage answer's `qr_code`, are that URI too.
    'qr-code': { type: 'qr_code', fmt: 'qr_code', answerFile: { fields: ['qrcode_png', 'qr_code'], encoding: 'data-uri', filename: 'qr-code.png' } },
    'windows-dir': { type: 'windows_dir', fmt: 'zip' },
    'fast-redirect': { type: 'fast_redirect' },
    'slow-redirect': { type: 'slow_redirect' },
    'cloned-web': { type: 'clonedsite' },
    'cloned-css': { type: 'cssclonedsite', fmt: 'cssclonedsite' },
    'web-image': { type: 'web_image' },
    // The signed binary comes in the create answer only (`file_contents`, a data URI); there is no download format for it.
    'signed-exe': { type: 'signed_exe', answerFile: { fields: ['file_contents'], encoding: 'data-uri', filename: 'signed.exe' } },
    // wg_conf: in the create answer and in the manage answer (not under canarydrop); no download format.
    wireguard: { type: 'wireguard', answerFile: { fields: ['wg_conf'], encoding: 'text', filename: 'wg0.conf' } },
    'sensitive-cmd': { type: 'cmd', fmt: 'cmd' },
    'mysql-dump': { type: 'my_sql', fmt: 'my_sql' },
    'idp-app': { type: 'idp_app' },
    pwa: { type: 'pwa' },
    sql: { type: 'sql_server' },
    svn: { type: 'svn' },
    // Kinds only a Canarytokens server has, by its own names.
    kubeconfig: { type: 'kubeconfig', fmt: 'kubeconfig', answerFile: { fields: ['kubeconfig'], encoding: 'base64', filename: 'kubeconfig' } },
    log4shell: { type: 'log4shell' },
    smtp: { type: 'smtp' },
    webdav: { type: 'webdav' },
    windows_fake_fs: { type: 'windows_fake_fs', fmt: 'windows_fake_fs' },
    mcp: { type: 'mcp', fmt: 'mcp' },
    svg: { type: 'svg', fmt: 'svg' }
};
function serverKind(kind) {
    return Object.hasOwn(SERVER_KINDS, kind) ? SERVER_KINDS[kind] : undefined;
}
/** The action's name for a server `token_type`; the server's own name when the action has none for it. */
function actionKind(type) {
    for (const [kind, rule] of Object.entries(SERVER_KINDS))
        if (rule.type === type)
            return kind;
    return type;
}


/***/ })

};
