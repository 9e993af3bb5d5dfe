export const id = 304;
export const ids = [304];
export const modules = {

/***/ 8304:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   consoleDialect: () => (/* binding */ consoleDialect),
/* harmony export */   errorForAnswer: () => (/* binding */ errorForAnswer)
/* harmony export */ });
/* harmony import */ var _http_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2602);
/* harmony import */ var _http_transport_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9692);


function describeStatus(status) {
    return `HTTP ${status}`;
}
/** The Console's messages for a key it does not accept (getting-started.md), lower-cased. */
const AUTH_FAILURE_MESSAGES = new Set(['invalid auth_token', 'unauthorized']);
/**
 * Maps an answer to a ApiError, or returns nothing when it is a
 * success. Both the status and the `result` field are checked: the Console
 * has answered errors with 200 and successes' bodies are what callers need.
 */
function errorForAnswer(status, contentType, text, location, parsed, keyInput = 'auth-token') {
    if (status >= 300 && status < 400) {
        const target = location ? location.split('?')[0] : 'no Location';
        return new _http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(`${describeStatus(status)}: the Console redirected to ${target}; redirects are not followed (they would carry the auth token elsewhere). Check the 'console' input.`, 'redirect', status);
    }
    const answer = parsed === undefined ? (0,_http_transport_js__WEBPACK_IMPORTED_MODULE_1__/* .parseAnswer */ .Wp)(text) : parsed;
    if (!answer)
        return new _http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(`${describeStatus(status)}: ${(0,_http_transport_js__WEBPACK_IMPORTED_MODULE_1__/* .describeNonJson */ .x2)(contentType, text)}`, 'not-json', status);
    const body = answer.json;
    const record = typeof body === 'object' && body !== null ? body : {};
    const message = typeof record.message === 'string' ? (0,_http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .serverWords */ .lZ)(record.message) : undefined;
    // The reference documents authentication failures by their bodies only (a
    // bad `auth_token` parameter, a bad header), not by status: both are read.
    if (status === 401 || status === 403 || (message !== undefined && AUTH_FAILURE_MESSAGES.has(message.trim().toLowerCase()))) {
        return new _http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(`${describeStatus(status)}: the Console rejected the auth token${message ? ` (${message})` : ''}. Check '${keyInput}', that the key may do this, and that the API is on (a disabled API refuses every key until it is enabled again in the Console's Global Settings).`, 'unauthorized', status, message);
    }
    if (status < 200 || status >= 300) {
        return new _http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(`${describeStatus(status)}: ${message ?? 'no message from the Console'}`, 'http-status', status, message);
    }
    if (record.result !== 'success') {
        const result = typeof record.result === 'string' ? `"result": "${record.result}"` : 'no "result" field';
        return new _http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(`${describeStatus(status)}: ${message ?? `the answer had ${result}`}`, 'result', status, message);
    }
    return undefined;
}
/**
 * The Console's ways: the auth token in its header, form bodies, `result` in every answer. `keyInput` is the
 * input the key came from, named when the Console refuses it.
 */
function consoleDialect(authToken, keyInput = 'auth-token') {
    return {
        serverName: 'the Console',
        serverInput: 'console',
        bodyEncoding: 'form',
        // The token goes in the header only, and the transport sends it to the Console's own origin only.
        authHeaders: () => ({ 'x-canary-auth-token': authToken }),
        errorForAnswer: (status, contentType, text, location, parsed) => errorForAnswer(status, contentType, text, location, parsed, keyInput),
        isAnswerRecord: (record) => 'result' in record
    };
}


/***/ })

};
