export const id = 231;
export const ids = [231];
export const modules = {

/***/ 9231:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   canarytokensServerDialect: () => (/* binding */ canarytokensServerDialect),
/* harmony export */   serverErrorForAnswer: () => (/* binding */ serverErrorForAnswer),
/* harmony export */   serverReason: () => (/* binding */ serverReason)
/* harmony export */ });
/* harmony import */ var _http_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2602);
/* harmony import */ var _http_transport_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9692);


// How a Canarytokens server answers (thinkst/canarytokens frontend/app.py):
// success is a 2xx JSON answer; its failures come in five shapes, none of
// which is ever a success:
//   400 {"error": "1".."6", "error_message": ...}   (models/common.py response_error)
//   403 {"detail": "Token not found. Invalid `auth` and `token` pair."}
//   422 {"detail": [{"loc": [...], "msg": ...}, ...]}  (FastAPI validation)
//   500 {"message": ...}, 400 {"message": ...}, 503 {"msg": ...}
//   an HTML error page ("500 - Internal Server Error") with status 200.
/** What the create codes mean (models/common.py, app.py api_generate). */
const ERROR_CODES = {
    '1': 'malformed request',
    '2': 'no memo',
    '3': 'webhook',
    '4': 'Azure / credit card',
    '5': 'invalid e-mail address',
    '6': 'blocked e-mail address'
};
function text(value) {
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
/** The `<title>` of an HTML page, short and on one line. */
function htmlTitle(body) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(body)?.[1]?.replace(/\s+/g, ' ').trim();
    return title ? title.slice(0, 120) : undefined;
}
/** FastAPI's 422 detail list as one line: `query.auth: field required; body.value: ...`. */
function validationDetail(detail) {
    return detail
        .slice(0, 5)
        .map((item) => {
        const record = (typeof item === 'object' && item !== null ? item : {});
        const where = Array.isArray(record.loc) ? record.loc.map(String).join('.') : '';
        const message = text(record.msg) ?? 'invalid';
        return where ? `${where}: ${message}` : message;
    })
        .join('; ');
}
/** The server's own reason in an error answer, whichever shape it came in. */
function serverReason(record) {
    const code = text(record.error);
    const message = text(record.error_message);
    if (code !== undefined)
        return `error ${code}${ERROR_CODES[code] ? ` (${ERROR_CODES[code]})` : ''}${message ? `: ${message}` : ''}`;
    if (message)
        return message;
    if (Array.isArray(record.detail))
        return validationDetail(record.detail);
    return text(record.detail) ?? text(record.message) ?? text(record.msg);
}
/** Maps an answer of a Canarytokens server to an ApiError, or nothing when it is a success. */
function serverErrorForAnswer(server) {
    return (status, contentType, body, location, given) => {
        const http = `HTTP ${status}`;
        if (status >= 300 && status < 400) {
            const target = location ? location.split('?')[0] : 'no Location';
            return new _http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(`${http}: ${server} redirected to ${target}; redirects are not followed (the manage auth would go with them). Check 'canarytokens-server'.`, 'redirect', status);
        }
        // Parsed once by the transport when it can say so; else here.
        const answer = given === undefined ? (0,_http_transport_js__WEBPACK_IMPORTED_MODULE_1__/* .parseAnswer */ .Wp)(body) : given;
        if (!answer) {
            if (/^\s*<(!doctype html|html|head|body)\b/i.test(body)) {
                const title = htmlTitle(body);
                // The server's error handler renders its page with status 200: never a success.
                return new _http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(`${http}: ${server} answered with an HTML page${title ? ` ("${title}")` : ''}, not the API's JSON: the server failed, or 'canarytokens-server' is not a Canarytokens server`, 'not-json', status, title);
            }
            return new _http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(`${http}: ${server}: ${(0,_http_transport_js__WEBPACK_IMPORTED_MODULE_1__/* .describeNonJson */ .x2)(contentType, body)}`, 'not-json', status);
        }
        const parsed = answer.json;
        const record = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : {};
        const reason = (0,_http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .serverWords */ .lZ)(serverReason(record));
        if (status === 403) {
            return new _http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(`${http}: ${server} refused the token and manage auth pair (${reason ?? 'no message'}). Check 'canarytoken' and 'manage-auth': the token may have been deleted, or the manage auth is another token's.`, 'http-status', status, reason);
        }
        if (status < 200 || status >= 300) {
            return new _http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(`${http}: ${server} refused it: ${reason ?? 'no message'}`, 'http-status', status, reason);
        }
        // A 2xx answer that carries an error code is a refusal all the same.
        if (text(record.error) !== undefined)
            return new _http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(`${http}: ${server} refused it: ${reason}`, 'result', status, reason);
        return undefined;
    };
}
/**
 * A Canarytokens server's ways: no auth header (each token's manage auth
 * travels as the server expects it: query parameters for manage, history and
 * download, the JSON body for settings and delete), JSON bodies with
 * Content-Type exactly `application/json`.
 */
function canarytokensServerDialect(origin) {
    const server = `the Canarytokens server at ${origin.origin}`;
    return {
        serverName: server,
        serverInput: 'canarytokens-server',
        bodyEncoding: 'json',
        authHeaders: () => ({}),
        errorForAnswer: serverErrorForAnswer(server),
        // A download that answered JSON instead of a file: any of the error shapes.
        isAnswerRecord: (record) => 'detail' in record || 'error' in record || 'message' in record || 'error_message' in record || 'msg' in record
    };
}


/***/ })

};
