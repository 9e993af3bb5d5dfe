export const id = 204;
export const ids = [204];
export const modules = {

/***/ 37204:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   envelopeText: () => (/* binding */ envelopeText),
/* harmony export */   itemText: () => (/* binding */ itemText),
/* harmony export */   listBounds: () => (/* binding */ listBounds)
/* harmony export */ });
// A listing's answer is one JSON object whose list field holds hundreds of
// items (a page of Canarytokens is about 250 KB). JSON.parse of the whole
// answer builds every item at once, and they live until the last of them is
// read: with a page of them young whenever the garbage collector runs, V8
// keeps doubling its young generation over a long listing (8 -> 32 or 64 MiB
// of peak RSS at 100,000 tokens). Here the answer's bytes are cut, without
// parsing, into the object around the list and the list's items, so that
// each item is parsed on its own when it is read and the page waits as bytes
// outside the JavaScript heap.
//
// Only where the items are is decided here; JSON.parse still reads every
// byte (the object around the list, then each item), so nothing malformed
// gets through: pieces that all parse make an answer that parses, to the
// same value. An answer this cannot cut (not an object, the field missing,
// twice, or not a list) is left to JSON.parse whole.
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_LIST = 0x5b;
const CLOSE_LIST = 0x5d;
/** JSON's whitespace (RFC 8259): space, tab, line feed, carriage return. */
function isWhitespace(byte) {
    return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}
/**
 * Where `field`'s items are in `body`, the UTF-8 bytes of a JSON object, or
 * undefined when the answer is not one this can cut (see the top of this file).
 * The pieces are then parsed by `envelopeText` and `itemText`.
 */
function listBounds(body, field) {
    const scanner = new Scanner(body);
    let bounds;
    let occurrences = 0;
    scanner.skipWhitespace();
    if (!scanner.take(OPEN_OBJECT))
        return undefined;
    scanner.skipWhitespace();
    // `{}`: no list to cut.
    if (scanner.take(CLOSE_OBJECT))
        return undefined;
    for (;;) {
        const keyStart = scanner.position;
        if (!scanner.skipString())
            return undefined;
        const key = keyText(body, keyStart, scanner.position);
        if (key === undefined)
            return undefined;
        scanner.skipWhitespace();
        if (!scanner.take(COLON))
            return undefined;
        scanner.skipWhitespace();
        if (key === field) {
            occurrences++;
            if (body[scanner.position] !== OPEN_LIST)
                return undefined;
            const items = scanner.listItems();
            if (!items)
                return undefined;
            bounds = items;
        }
        else if (!scanner.skipValue())
            return undefined;
        scanner.skipWhitespace();
        if (scanner.take(COMMA)) {
            scanner.skipWhitespace();
            continue;
        }
        if (!scanner.take(CLOSE_OBJECT))
            return undefined;
        break;
    }
    // The same key twice: JSON.parse keeps the last one; rather than follow it, let it decide.
    return occurrences === 1 && scanner.atEnd() ? bounds : undefined;
}
/** The answer with the list emptied (`"field":[]`), as text for JSON.parse. */
function envelopeText(body, bounds) {
    return body.toString('utf8', 0, bounds.open + 1) + body.toString('utf8', bounds.close);
}
/** Item `index`'s text. The cuts fall on ASCII bytes, so decoding a piece gives the same characters as decoding the whole. */
function itemText(body, bounds, index) {
    return body.toString('utf8', bounds.items[2 * index], bounds.items[2 * index + 1]);
}
/** A key's characters: its bytes as they are, or decoded by JSON.parse when it has escapes; undefined when it does not parse. */
function keyText(body, start, end) {
    let escaped = false;
    for (let index = start + 1; index < end - 1 && !escaped; index++)
        escaped = body[index] === BACKSLASH;
    if (!escaped)
        return body.toString('utf8', start + 1, end - 1);
    try {
        const key = JSON.parse(body.toString('utf8', start, end));
        return typeof key === 'string' ? key : undefined;
    }
    catch {
        return undefined;
    }
}
/** Walks JSON's structure (strings, nesting, separators) without reading values; scalars are left for JSON.parse to judge. */
class Scanner {
    body;
    position = 0;
    constructor(body) {
        this.body = body;
    }
    atEnd() {
        this.skipWhitespace();
        return this.position === this.body.length;
    }
    skipWhitespace() {
        while (isWhitespace(this.body[this.position]))
            this.position++;
    }
    take(byte) {
        if (this.body[this.position] !== byte)
            return false;
        this.position++;
        return true;
    }
    /** Past a string starting here (its closing quote: the first one not escaped by a backslash). */
    skipString() {
        if (this.body[this.position] !== QUOTE)
            return false;
        let from = this.position + 1;
        for (;;) {
            const quote = this.body.indexOf(QUOTE, from);
            if (quote === -1)
                return false;
            let backslashes = 0;
            while (this.body[quote - 1 - backslashes] === BACKSLASH)
                backslashes++;
            if (backslashes % 2 === 0) {
                this.position = quote + 1;
                return true;
            }
            from = quote + 1;
        }
    }
    /** Past one value: a string, an object or list with everything inside it, or a scalar (up to the next separator). */
    skipValue() {
        const body = this.body;
        const first = body[this.position];
        if (first === QUOTE)
            return this.skipString();
        if (first !== OPEN_OBJECT && first !== OPEN_LIST) {
            const start = this.position;
            while (this.position < body.length) {
                const byte = body[this.position];
                if (byte === COMMA || byte === CLOSE_OBJECT || byte === CLOSE_LIST || byte === COLON || byte === OPEN_OBJECT || byte === OPEN_LIST || byte === QUOTE || isWhitespace(byte))
                    break;
                this.position++;
            }
            return this.position > start;
        }
        let depth = 0;
        while (this.position < body.length) {
            const byte = body[this.position];
            if (byte === QUOTE) {
                if (!this.skipString())
                    return false;
                continue;
            }
            if (byte === OPEN_OBJECT || byte === OPEN_LIST)
                depth++;
            else if (byte === CLOSE_OBJECT || byte === CLOSE_LIST) {
                depth--;
                if (depth === 0) {
                    this.position++;
                    return true;
                }
            }
            this.position++;
        }
        return false;
    }
    /** The items of the list starting here; the position ends past its `]`. */
    listItems() {
        const open = this.position;
        this.position++;
        const items = [];
        this.skipWhitespace();
        if (this.take(CLOSE_LIST))
            return { open, close: this.position - 1, items };
        for (;;) {
            const start = this.position;
            if (!this.skipValue())
                return undefined;
            items.push(start, this.position);
            this.skipWhitespace();
            if (this.take(COMMA)) {
                this.skipWhitespace();
                continue;
            }
            if (!this.take(CLOSE_LIST))
                return undefined;
            return { open, close: this.position - 1, items };
        }
    }
}


/***/ })

};
