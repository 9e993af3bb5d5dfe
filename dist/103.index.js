export const id = 103;
export const ids = [103];
export const modules = {

/***/ 62103:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   uploadArtifact: () => (/* binding */ uploadArtifact)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);


/**
 * Uploads files as one workflow artifact. `@actions/artifact` (with the
 * Azure SDK behind it) is loaded here, on demand, so operations that upload
 * nothing never pay for it at start-up.
 *
 * A single file is uploaded as itself, not zipped (`skipArchive`), so a
 * user downloads the token file. The artifact then takes the file's name, so
 * the file is staged under the artifact name (keeping its extension).
 */
async function uploadArtifact(request, stagingRoot) {
    const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(913), __webpack_require__.e(315)]).then(__webpack_require__.bind(__webpack_require__, 92315));
    const client = new DefaultArtifactClient();
    const [onlyFile] = request.files;
    if (request.files.length === 1 && onlyFile !== undefined) {
        const extension = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.extname)(onlyFile);
        const name = extension && !request.name.endsWith(extension) ? `${request.name}${extension}` : request.name;
        let file = onlyFile;
        if ((0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(onlyFile) !== name) {
            file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(stagingRoot, 'canary-artifact-')), name);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.copyFile)(onlyFile, file);
        }
        const uploaded = await client.uploadArtifact(name, [file], (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(file, '..'), { retentionDays: request.retentionDays, skipArchive: true });
        return { id: uploaded.id, name, size: uploaded.size };
    }
    const uploaded = await client.uploadArtifact(request.name, request.files, request.rootDirectory, { retentionDays: request.retentionDays });
    return { id: uploaded.id, name: request.name, size: uploaded.size };
}


/***/ })

};
