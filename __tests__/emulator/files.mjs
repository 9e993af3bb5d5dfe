// File generators for the Console emulator's /api/v1/canarytoken/download.
// Every file is small but structurally valid (ZIP with correct CRCs, PNG with
// chunk CRCs, a PDF with a correct xref table, real gzip), and mentions the
// token's hostname or URL the way a real Canarytoken file would. Values that
// look random (keys, ids) are derived from the token's key, so downloading the
// same token twice gives the same bytes.
import { createHash } from 'node:crypto'
import { crc32, deflateSync, gzipSync } from 'node:zlib'

/**
 * @typedef {object} GeneratedFile
 * @property {string} filename the name the Console suggests (Content-Disposition)
 * @property {string} contentType
 * @property {Buffer} body
 */

/**
 * @typedef {object} Upload
 * @property {string} filename
 * @property {string} contentType
 * @property {Buffer} data
 */

const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docm: 'application/vnd.ms-word.document.macroEnabled.12',
  xlsm: 'application/vnd.ms-excel.sheet.macroEnabled.12',
  pdf: 'application/pdf',
  png: 'image/png',
  zip: 'application/zip',
  gzip: 'application/gzip',
  text: 'text/plain; charset=utf-8',
  binary: 'application/octet-stream'
}

/** Kinds whose tokens have a downloadable file. */
export const FILE_KINDS = new Set([
  'doc-msword',
  'doc-msexcel',
  'msword-macro',
  'msexcel-macro',
  'pdf-acrobat-reader',
  'qr-code',
  'windows-dir',
  'azure-id',
  'aws-id',
  'slack-api',
  'wireguard',
  'sensitive-cmd',
  'mysql-dump',
  'signed-exe'
])

/**
 * The file for a token, or undefined when its kind has none.
 * @param {Record<string, any>} token a stored Canarytoken
 * @param {Record<string, Upload>} [uploads] files sent when the token was created
 * @returns {GeneratedFile | undefined}
 */
export function fileForToken(token, uploads = {}) {
  const id = token.canarytoken
  const date = new Date(Number(token.created) * 1000)
  switch (token.kind) {
    case 'doc-msword':
      return { filename: `${id}.docx`, contentType: MIME.docx, body: wordDocument(token, date, false) }
    case 'msword-macro':
      return { filename: `${id}.docm`, contentType: MIME.docm, body: wordDocument(token, date, true) }
    case 'doc-msexcel':
      return { filename: `${id}.xlsx`, contentType: MIME.xlsx, body: excelWorkbook(token, date, false) }
    case 'msexcel-macro':
      return { filename: `${id}.xlsm`, contentType: MIME.xlsm, body: excelWorkbook(token, date, true) }
    case 'pdf-acrobat-reader':
      return { filename: `${id}.pdf`, contentType: MIME.pdf, body: pdfDocument(token.url, token.hostname) }
    case 'qr-code':
      return { filename: `${id}.png`, contentType: MIME.png, body: qrLikePng(token.url) }
    case 'windows-dir':
      return { filename: `${id}.zip`, contentType: MIME.zip, body: windowsFolderZip(token, date) }
    case 'azure-id':
      return { filename: `${id}.zip`, contentType: MIME.zip, body: azureIdZip(token, date) }
    case 'aws-id':
      return { filename: 'credentials', contentType: MIME.text, body: Buffer.from(token.renders?.['aws-id'] ?? '', 'utf8') }
    case 'slack-api':
      return { filename: `${id}.txt`, contentType: MIME.text, body: Buffer.from(slackCredentials(token), 'utf8') }
    case 'wireguard':
      return { filename: 'wg0.conf', contentType: MIME.text, body: Buffer.from(token.renders?.wg_conf ?? '', 'utf8') }
    case 'sensitive-cmd':
      return { filename: `${id}.reg`, contentType: MIME.binary, body: Buffer.from(sensitiveCommandReg(token), 'utf8') }
    case 'mysql-dump':
      return { filename: `${id}.sql.gz`, contentType: MIME.gzip, body: gzipSync(mysqlDump(token, date)) }
    case 'signed-exe': {
      const uploaded = uploads.exe?.data
      const body = uploaded && uploaded.subarray(0, 2).toString('latin1') === 'MZ' ? uploaded : executableStub(token.hostname)
      return { filename: `${id}.exe`, contentType: MIME.binary, body }
    }
    default:
      return undefined
  }
}

// ---------------------------------------------------------------- helpers

/**
 * Stable pseudo-random text derived from a seed (so files are reproducible).
 * @param {string} seed
 * @param {number} length
 * @param {string} alphabet
 */
export function derived(seed, length, alphabet) {
  let out = ''
  let counter = 0
  while (out.length < length) {
    const block = createHash('sha256').update(`${seed}:${counter++}`).digest()
    for (const byte of block) {
      if (out.length === length) break
      out += alphabet[byte % alphabet.length]
    }
  }
  return out
}

/** @param {string} text */
function xmlEscape(text) {
  return String(text).replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c)
}

// ---------------------------------------------------------------- ZIP (stored entries)

/** @param {Date} date */
function dosDateTime(date) {
  const year = Math.max(1980, date.getUTCFullYear())
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2)
  const day = ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate()
  return { time, day }
}

/**
 * A ZIP archive with stored (uncompressed) entries and correct CRC-32s.
 * @param {Array<{ name: string, data: string | Buffer }>} entries
 * @param {Date} [date]
 * @returns {Buffer}
 */
export function zipArchive(entries, date = new Date(Date.UTC(2024, 0, 1))) {
  const { time, day } = dosDateTime(date)
  /** @type {Buffer[]} */
  const locals = []
  /** @type {Buffer[]} */
  const centrals = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8')
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data
    const crc = crc32(data)

    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0) // local file header signature
    local.writeUInt16LE(10, 4) // version needed: 1.0 (stored)
    local.writeUInt16LE(0x0800, 6) // flags: names are UTF-8
    local.writeUInt16LE(0, 8) // method: stored
    local.writeUInt16LE(time, 10)
    local.writeUInt16LE(day, 12)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(data.length, 18) // compressed size
    local.writeUInt32LE(data.length, 22) // uncompressed size
    local.writeUInt16LE(name.length, 26)
    local.writeUInt16LE(0, 28) // extra field length
    locals.push(local, name, data)

    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0) // central directory header signature
    central.writeUInt16LE(20, 4) // version made by
    central.writeUInt16LE(10, 6) // version needed
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(0, 10)
    central.writeUInt16LE(time, 12)
    central.writeUInt16LE(day, 14)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(name.length, 28)
    // extra length, comment length, disk number, internal and external attributes stay 0
    central.writeUInt32LE(offset, 42) // offset of the local header
    centrals.push(central, name)

    offset += local.length + name.length + data.length
  }
  const centralSize = centrals.reduce((sum, part) => sum + part.length, 0)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0) // end of central directory signature
  end.writeUInt16LE(entries.length, 8) // entries on this disk
  end.writeUInt16LE(entries.length, 10) // entries in total
  end.writeUInt32LE(centralSize, 12)
  end.writeUInt32LE(offset, 16) // where the central directory starts
  return Buffer.concat([...locals, ...centrals, end])
}

// ---------------------------------------------------------------- Office documents

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships'
const DOC_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

/**
 * @param {Array<{ id: string, type: string, target: string, external?: boolean }>} rels
 */
function relationships(rels) {
  const items = rels
    .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${xmlEscape(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`)
    .join('')
  return `${XML_HEAD}<Relationships xmlns="${REL_NS}">${items}</Relationships>`
}

/**
 * @param {Record<string, string>} overrides part name -> content type
 * @param {boolean} withBin
 */
function contentTypes(overrides, withBin) {
  const defaults =
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    (withBin ? '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>' : '')
  const parts = Object.entries(overrides)
    .map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`)
    .join('')
  return `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${defaults}${parts}</Types>`
}

/**
 * Stand-in for a VBA project: the OLE compound-file signature, then text.
 * @param {Record<string, any>} token
 */
function vbaProjectStub(token) {
  const signature = Buffer.from('d0cf11e0a1b11ae1', 'hex')
  const text = Buffer.from(`\0Attribute VB_Name = "ThisDocument"\r\nSub AutoOpen()\r\n  ' ping ${token.hostname}\r\nEnd Sub\r\n`, 'latin1')
  return Buffer.concat([signature, Buffer.alloc(24), text])
}

/**
 * A .docx (or .docm) whose document pulls a picture from the token's URL.
 * @param {Record<string, any>} token
 * @param {Date} date
 * @param {boolean} macro
 */
export function wordDocument(token, date, macro) {
  const pictureUrl = `http://${token.hostname}/${token.key}/logo.png`
  const mainType = macro
    ? 'application/vnd.ms-word.document.macroEnabled.main+xml'
    : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'
  const documentXml =
    `${XML_HEAD}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
    '<w:p><w:r><w:t>Confidential: internal use only</w:t></w:r></w:p>' +
    `<w:p><w:fldSimple w:instr=" INCLUDEPICTURE &quot;${xmlEscape(pictureUrl)}&quot; \\d "><w:r><w:t xml:space="preserve"> </w:t></w:r></w:fldSimple></w:p>` +
    '<w:sectPr/></w:body></w:document>'
  /** @type {Array<{ name: string, data: string | Buffer }>} */
  const entries = [
    { name: '[Content_Types].xml', data: contentTypes({ '/word/document.xml': mainType }, macro) },
    { name: '_rels/.rels', data: relationships([{ id: 'rId1', type: `${DOC_REL}/officeDocument`, target: 'word/document.xml' }]) },
    { name: 'word/document.xml', data: documentXml },
    {
      name: 'word/_rels/document.xml.rels',
      data: relationships([
        { id: 'rId1', type: `${DOC_REL}/image`, target: pictureUrl, external: true },
        ...(macro ? [{ id: 'rId2', type: 'http://schemas.microsoft.com/office/2006/relationships/vbaProject', target: 'vbaProject.bin' }] : [])
      ])
    }
  ]
  if (macro) entries.push({ name: 'word/vbaProject.bin', data: vbaProjectStub(token) })
  return zipArchive(entries, date)
}

/**
 * An .xlsx (or .xlsm) with one sheet that links to the token's URL.
 * @param {Record<string, any>} token
 * @param {Date} date
 * @param {boolean} macro
 */
export function excelWorkbook(token, date, macro) {
  const mainType = macro
    ? 'application/vnd.ms-excel.sheet.macroEnabled.main+xml'
    : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'
  const workbookXml =
    `${XML_HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${DOC_REL}">` +
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
  const sheetXml =
    `${XML_HEAD}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${DOC_REL}">` +
    `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Payroll ${xmlEscape(token.hostname)}</t></is></c></row></sheetData>` +
    '<hyperlinks><hyperlink ref="A1" r:id="rId1"/></hyperlinks></worksheet>'
  /** @type {Array<{ name: string, data: string | Buffer }>} */
  const entries = [
    {
      name: '[Content_Types].xml',
      data: contentTypes(
        { '/xl/workbook.xml': mainType, '/xl/worksheets/sheet1.xml': 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml' },
        macro
      )
    },
    { name: '_rels/.rels', data: relationships([{ id: 'rId1', type: `${DOC_REL}/officeDocument`, target: 'xl/workbook.xml' }]) },
    { name: 'xl/workbook.xml', data: workbookXml },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: relationships([
        { id: 'rId1', type: `${DOC_REL}/worksheet`, target: 'worksheets/sheet1.xml' },
        ...(macro ? [{ id: 'rId2', type: 'http://schemas.microsoft.com/office/2006/relationships/vbaProject', target: 'vbaProject.bin' }] : [])
      ])
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml },
    { name: 'xl/worksheets/_rels/sheet1.xml.rels', data: relationships([{ id: 'rId1', type: `${DOC_REL}/hyperlink`, target: token.url, external: true }]) }
  ]
  if (macro) entries.push({ name: 'xl/vbaProject.bin', data: vbaProjectStub(token) })
  return zipArchive(entries, date)
}

// ---------------------------------------------------------------- PDF

/** @param {string} text */
function pdfString(text) {
  return `(${String(text).replace(/[\\()]/g, (c) => `\\${c}`)})`
}

/**
 * A one-page PDF with a link annotation to the token URL and a correct xref table.
 * @param {string} url
 * @param {string} hostname
 */
export function pdfDocument(url, hostname) {
  const content = `BT /F1 14 Tf 72 720 Td ${pdfString('Quarterly report')} Tj ET\nBT /F1 8 Tf 72 40 Td ${pdfString(hostname)} Tj ET\n`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> /Annots [6 0 R] >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Type /Annot /Subtype /Link /Rect [72 700 540 740] /Border [0 0 0] /A << /S /URI /URI ${pdfString(url)} >> >>`
  ]
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n'
  /** @type {number[]} */
  const offsets = []
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(out, 'latin1'))
    out += `${index + 1} 0 obj\n${body}\nendobj\n`
  })
  const xrefAt = Buffer.byteLength(out, 'latin1')
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`
  return Buffer.from(out, 'latin1')
}

// ---------------------------------------------------------------- PNG

/**
 * @param {string} type
 * @param {Buffer} data
 */
function pngChunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(typeAndData))
  return Buffer.concat([length, typeAndData, crc])
}

/**
 * An 8-bit greyscale PNG.
 * @param {number} width
 * @param {number} height
 * @param {(x: number, y: number) => number} pixel grey level 0..255
 * @param {Record<string, string>} [text] tEXt chunks
 */
export function pngImage(width, height, pixel, text = {}) {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 0 // colour type: greyscale
  // compression, filter and interlace methods stay 0
  const raw = Buffer.alloc((width + 1) * height)
  for (let y = 0; y < height; y++) {
    const row = y * (width + 1) // first byte of each row: filter type 0
    for (let x = 0; x < width; x++) raw[row + 1 + x] = pixel(x, y)
  }
  const chunks = [pngChunk('IHDR', ihdr)]
  for (const [keyword, value] of Object.entries(text)) chunks.push(pngChunk('tEXt', Buffer.from(`${keyword}\0${value}`, 'latin1')))
  chunks.push(pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0)))
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), ...chunks])
}

/**
 * A QR-code-looking PNG (finder patterns and modules from the URL's hash). It
 * is not a decodable QR code; the URL travels in a tEXt chunk instead.
 * @param {string} url
 */
export function qrLikePng(url) {
  const modules = 25
  const quiet = 4
  const scale = 6
  const bits = createHash('sha512').update(url).digest()
  /** @param {number} mx @param {number} my */
  const finder = (mx, my) => {
    for (const [ox, oy] of [[0, 0], [modules - 7, 0], [0, modules - 7]]) {
      const dx = mx - (ox ?? 0)
      const dy = my - (oy ?? 0)
      if (dx >= 0 && dx < 7 && dy >= 0 && dy < 7) {
        const ring = Math.min(dx, dy, 6 - dx, 6 - dy)
        return ring !== 1
      }
      if (dx >= -1 && dx <= 7 && dy >= -1 && dy <= 7) return false // separator
    }
    return undefined
  }
  const size = (modules + 2 * quiet) * scale
  return pngImage(
    size,
    size,
    (x, y) => {
      const mx = Math.floor(x / scale) - quiet
      const my = Math.floor(y / scale) - quiet
      if (mx < 0 || my < 0 || mx >= modules || my >= modules) return 255
      const fixed = finder(mx, my)
      const dark = fixed ?? (((bits[(my * modules + mx) % bits.length] ?? 0) >> ((mx + my) % 8)) & 1) === 1
      return dark ? 0 : 255
    },
    { Comment: url }
  )
}

// ---------------------------------------------------------------- archives and text files

/**
 * A folder whose desktop.ini makes Explorer resolve the token hostname.
 * @param {Record<string, any>} token
 * @param {Date} date
 */
function windowsFolderZip(token, date) {
  const ini = `[.ShellClassInfo]\r\nIconResource=\\\\%USERNAME%.%COMPUTERNAME%.%USERDOMAIN%.INI.${token.hostname}\\resource.dll\r\n`
  return zipArchive([{ name: 'Secret Documents/desktop.ini', data: ini }], date)
}

/**
 * An Azure service principal login: a certificate and its configuration.
 * @param {Record<string, any>} token
 * @param {Date} date
 */
function azureIdZip(token, date) {
  const hex = '0123456789abcdef'
  const guid = (/** @type {string} */ seed) => {
    const h = derived(`${token.key}:${seed}`, 32, hex)
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
  }
  const body = derived(`${token.key}:cert`, 64 * 12, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/')
  const lines = body.match(/.{1,64}/g) ?? []
  const pem = `-----BEGIN PRIVATE KEY-----\n${lines.slice(0, 6).join('\n')}\n-----END PRIVATE KEY-----\n-----BEGIN CERTIFICATE-----\n${lines.slice(6).join('\n')}\n-----END CERTIFICATE-----\n`
  const config = {
    appId: guid('app'),
    displayName: `azure-cli-${token.canarytoken.slice(0, 8)}`,
    tenant: guid('tenant'),
    certificate: `${token.canarytoken}.pem`,
    login: `az login --service-principal -u ${guid('app')} -p ${token.canarytoken}.pem --tenant ${guid('tenant')}`
  }
  return zipArchive(
    [
      { name: `${token.canarytoken}.pem`, data: pem },
      { name: 'config.json', data: `${JSON.stringify(config, null, 2)}\n` }
    ],
    date
  )
}

/** @param {Record<string, any>} token */
function slackCredentials(token) {
  const digits = '0123456789'
  const alnum = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
  const bot = `xoxb-${derived(`${token.key}:team`, 12, digits)}-${derived(`${token.key}:bot`, 13, digits)}-${derived(`${token.key}:secret`, 24, alnum)}`
  return `# Slack bot for deploy notifications\nSLACK_BOT_TOKEN=${bot}\nSLACK_CHANNEL=#deploys\n`
}

/** @param {Record<string, any>} token */
function sensitiveCommandReg(token) {
  const processName = token.process_name || 'klist.exe'
  const base = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion'
  return [
    'Windows Registry Editor Version 5.00',
    '',
    `[${base}\\Image File Execution Options\\${processName}]`,
    '"GlobalFlag"=dword:00000200',
    '',
    `[${base}\\SilentProcessExit\\${processName}]`,
    '"ReportingMode"=dword:00000001',
    `"MonitorProcess"="cmd.exe /c start /min nslookup %USERNAME%.%COMPUTERNAME%.CMD.${token.hostname}"`,
    ''
  ].join('\r\n')
}

/**
 * @param {Record<string, any>} token
 * @param {Date} date
 */
function mysqlDump(token, date) {
  const stamp = date.toISOString().replace('T', ' ').slice(0, 19)
  const password = derived(`${token.key}:mysql`, 16, 'abcdefghijklmnopqrstuvwxyz0123456789')
  return [
    '-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)',
    '--',
    '-- Host: db-primary    Database: customers',
    '-- ------------------------------------------------------',
    '-- Server version\t8.0.36',
    '',
    '/*!40101 SET NAMES utf8mb4 */;',
    `SET @replica = CONCAT('CHANGE REPLICATION SOURCE TO SOURCE_HOST=''${token.hostname}'', SOURCE_USER=''repl'', SOURCE_PASSWORD=''${password}'', SOURCE_PORT=3306, SOURCE_CONNECT_RETRY=1');`,
    'PREPARE replica_stmt FROM @replica; EXECUTE replica_stmt; START REPLICA;',
    '',
    'DROP TABLE IF EXISTS `users`;',
    'CREATE TABLE `users` (',
    '  `id` int NOT NULL AUTO_INCREMENT,',
    '  `email` varchar(255) NOT NULL,',
    '  `password_hash` char(60) NOT NULL,',
    '  PRIMARY KEY (`id`)',
    ') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;',
    "INSERT INTO `users` VALUES (1,'admin@example.com','$2b$12$Q9w8e7r6t5y4u3i2o1pAsDfGhJkLzXcVbNm0123456789abcdeFG');",
    '',
    `-- Dump completed on ${stamp}`,
    ''
  ].join('\n')
}

/**
 * A small Windows executable image: DOS header and stub, then a PE header.
 * @param {string} hostname
 */
function executableStub(hostname) {
  const dos = Buffer.alloc(0x80)
  dos.write('MZ', 0, 'latin1')
  dos.writeUInt16LE(0x90, 2) // bytes on last page
  dos.writeUInt16LE(3, 4) // pages
  dos.writeUInt16LE(4, 8) // header paragraphs
  dos.writeUInt16LE(0xffff, 12)
  dos.writeUInt16LE(0xb8, 16)
  dos.writeUInt16LE(0x40, 24)
  dos.writeUInt32LE(0x80, 0x3c) // e_lfanew: the PE header follows the stub
  dos.write('This program cannot be run in DOS mode.\r\r\n$', 0x4e, 'latin1')
  const pe = Buffer.alloc(24)
  pe.write('PE\0\0', 0, 'latin1')
  pe.writeUInt16LE(0x8664, 4) // machine: x86-64
  pe.writeUInt16LE(0, 6) // sections
  pe.writeUInt16LE(0x22, 22) // characteristics: executable, large address aware
  const note = Buffer.from(`\0canarytoken:${hostname}\0`, 'latin1')
  return Buffer.concat([dos, pe, note])
}
