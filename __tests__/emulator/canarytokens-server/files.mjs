// Deterministic file bytes for the Canarytokens server emulator's downloads and
// create answers. Each file is built from the token's own values, so two tokens
// never share bytes, and the same token always gives the same bytes.
// Standard library only. These are stand-ins with the right kind of bytes
// (real ZIP/OOXML containers, a real PDF skeleton, a real PNG, gzip), not
// Thinkst's templates: the emulator never ships their files.
import { createHash } from 'node:crypto'
import { crc32, deflateSync, gzipSync } from 'node:zlib'

/** A fixed timestamp in every ZIP entry (DOS date 2020-01-01 00:00), so the bytes are deterministic. */
const DOS_TIME = 0
const DOS_DATE = ((2020 - 1980) << 9) | (1 << 5) | 1

/**
 * A stored (uncompressed) ZIP archive.
 * @param {Array<[string, string | Buffer]>} entries name and content
 * @returns {Buffer}
 */
export function zip(entries) {
  /** @type {Buffer[]} */
  const parts = []
  /** @type {Buffer[]} */
  const central = []
  let offset = 0
  for (const [name, content] of entries) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8')
    const fileName = Buffer.from(name, 'utf8')
    const crc = crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6) // UTF-8 names
    local.writeUInt16LE(0, 8) // stored
    local.writeUInt16LE(DOS_TIME, 10)
    local.writeUInt16LE(DOS_DATE, 12)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(fileName.length, 26)
    local.writeUInt16LE(0, 28)
    parts.push(local, fileName, data)
    const entry = Buffer.alloc(46)
    entry.writeUInt32LE(0x02014b50, 0)
    entry.writeUInt16LE(20, 4)
    entry.writeUInt16LE(20, 6)
    entry.writeUInt16LE(0x0800, 8)
    entry.writeUInt16LE(0, 10)
    entry.writeUInt16LE(DOS_TIME, 12)
    entry.writeUInt16LE(DOS_DATE, 14)
    entry.writeUInt32LE(crc, 16)
    entry.writeUInt32LE(data.length, 20)
    entry.writeUInt32LE(data.length, 24)
    entry.writeUInt16LE(fileName.length, 28)
    entry.writeUInt32LE(offset, 42)
    central.push(entry, fileName)
    offset += local.length + fileName.length + data.length
  }
  const centralBytes = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(centralBytes.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...parts, centralBytes, end])
}

/** @param {string} text */
const xml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/**
 * A .docx whose footer pulls the token's URL (as Thinkst's template does with an INCLUDEPICTURE field).
 * @param {string} url @param {string | null} snippet
 */
export function docx(url, snippet) {
  return zip([
    ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'],
    ['word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${xml(snippet ?? '')}</w:t></w:r></w:p><w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> INCLUDEPICTURE "${xml(url)}" \\d </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:body></w:document>`]
  ])
}

/** A .xlsx that references the token's URL. @param {string} url @param {string | null} snippet */
export function xlsx(url, snippet) {
  return zip([
    ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'],
    ['xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="${xml(snippet ?? 'Sheet1').slice(0, 31)}" sheetId="1"/></sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="${xml(url)}" TargetMode="External"/></Relationships>`]
  ])
}

/** A PDF skeleton whose action names the token's NX hostname. @param {string} hostname */
export function pdf(hostname) {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R /OpenAction 3 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n3 0 obj << /S /URI /URI (http://${hostname}/) >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    'latin1'
  )
}

/** The Windows folder token's zip: a desktop.ini whose icon lives on the token's hostname. @param {string} hostname */
export function windowsDirZip(hostname) {
  return zip([['My Documents/desktop.ini', `[.ShellClassInfo]\r\nIconResource=\\\\%USERNAME%.%COMPUTERNAME%.%USERDOMAIN%.INI.${hostname}\\resource.dll\r\n`]])
}

/** The MySQL dump, gzipped (the server's `.sql.gz`). @param {string} usage */
export function mysqlDump(usage) {
  return gzipSync(Buffer.from(`-- MySQL dump 10.13\n-- Canarytoken\n${usage}\n`, 'utf8'), { level: 9 })
}

/**
 * A small real PNG (a 21x21 pattern derived from `text`) as a data URI, as segno's png_data_uri answers.
 * It is not a scannable QR code.
 * @param {string} text
 */
export function pngDataUri(text) {
  const size = 21
  const digest = createHash('sha256').update(text).digest()
  const raw = Buffer.alloc((size + 1) * size)
  for (let y = 0; y < size; y++) {
    raw[y * (size + 1)] = 0
    for (let x = 0; x < size; x++) {
      const bit = (digest[(x * size + y) % digest.length] >> ((x + y) % 8)) & 1
      raw[y * (size + 1) + 1 + x] = bit ? 0 : 255
    }
  }
  /** @param {string} type @param {Buffer} data */
  const chunk = (type, data) => {
    const head = Buffer.alloc(8)
    head.writeUInt32BE(data.length, 0)
    head.write(type, 4, 'latin1')
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])), 0)
    return Buffer.concat([head, data, crc])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 0 // greyscale
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0))
  ])
  return `data:image/png;base64,${png.toString('base64')}`
}

/** A registry file that watches `process` and looks up the hostname (msreg.make_canary_msreg's shape). */
export function msreg(hostname, process) {
  const command = `cmd.exe /c start /min powershell.exe -windowstyle hidden -command "$u=$env:username; $c=$env:computername; Resolve-DnsName -Name $c.UN.$u.CMD.${hostname}"`
  const quoted = command.replace(/\\/g, '\\\\').replace(/"/g, '\\"')
  return [
    'Windows Registry Editor Version 5.00',
    '',
    `[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\SilentProcessExit\\${process}]`,
    '"ReportingMode"=dword:00000001',
    `"MonitorProcess"="${quoted}"`,
    '',
    `[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution Options\\${process}]`,
    '"GlobalFlag"=dword:00000200',
    ''
  ].join('\r\n')
}

/** The Windows fake file system's PowerShell script. */
export function fakeFsScript(hostname, root, structure) {
  return `# Canarytoken: Windows fake file system\n$root = '${String(root).replace(/'/g, "''")}'\n$structure = '${String(structure).replace(/'/g, "''")}'\n$alert = '${hostname}'\n# Creates the folders under $root and audits reads with a DNS lookup of $alert\n`
}

/** The kubeconfig (YAML) the server hands out, base64 as the API carries it. @param {string} hostname @param {string} token */
export function kubeconfigBase64(hostname, token) {
  const certificate = createHash('sha512').update(`ca:${token}`).digest('base64')
  const client = createHash('sha512').update(`client:${token}`).digest('base64')
  const key = createHash('sha512').update(`key:${token}`).digest('base64')
  const yaml = `apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: ${certificate}\n    server: https://${hostname}:6443\n  name: kubernetes\ncontexts:\n- context:\n    cluster: kubernetes\n    user: kubernetes-admin\n  name: kubernetes-admin@kubernetes\ncurrent-context: kubernetes-admin@kubernetes\nkind: Config\npreferences: {}\nusers:\n- name: kubernetes-admin\n  user:\n    client-certificate-data: ${client}\n    client-key-data: ${key}\n`
  return Buffer.from(yaml, 'utf8').toString('base64')
}

/** A WireGuard client config (wg.clientConfig's shape). */
export function wireguardConf(token, publicIp) {
  const privateKey = createHash('sha256').update(`wg-private:${token}`).digest('base64')
  const peerKey = createHash('sha256').update(`wg-server:${publicIp}`).digest('base64')
  return `[Interface]\nPrivateKey = ${privateKey}\nAddress = 192.168.1.56/32\nDNS = 8.8.8.8\n\n[Peer]\nPublicKey = ${peerKey}\nAllowedIPs = 10.13.0.0/16\nEndpoint = ${publicIp}:51820\nPersistentKeepalive = 25\n`
}

/** An SVG that loads the token's URL. @param {string} url */
export function svg(url) {
  return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="1" height="1"><image xlink:href="${xml(url)}" width="1" height="1"/></svg>`
}

/** The MCP server definition (make_canary_mcp_json's role). */
export function mcpJson(url, alertOn) {
  // mcp.py make_canary_mcp_json: an MCP server entry whose Authorization header is a bearer token made from the
  // token (a JWE there; here the token URL and alert_on in base64url, not encrypted).
  const bearer = Buffer.from(JSON.stringify({ url, alert_on: alertOn })).toString('base64url')
  return JSON.stringify({ mcpServers: { 'cloud-auth-broker': { type: 'http', url: 'https://mcp.canarytokens.example/mcp', headers: { Authorization: `Bearer ${bearer}` } } } }, null, 2)
}

/** The CSS cloned-site snippet. */
export function clonedSiteCss(url, referrer) {
  return `body { background: url('${url}?r=${encodeURIComponent(referrer)}') !important; }\n`
}

/** The JS cloned-site snippet (Canarydrop.get_cloned_site_javascript's shape). */
export function clonedSiteJs(clonedsite, url) {
  return `\nif (window.location.hostname != "${clonedsite}"\n    && !window.location.hostname.endsWith(".${clonedsite}"))\n{\n    var p = !document.location.protocol.startsWith("http")?"http:":document.location.protocol;\n    var l = location.href;\n    var r = document.referrer;\n    var m = new Image();\n    m.src = p + "//${url}?l=" + encodeURI(l) + "&r=" + encodeURI(r);\n}\n`
}

/** A PEM-like certificate for azure_id. @param {string} token */
export function azureCert(token) {
  const body = createHash('sha512').update(`azure:${token}`).digest('base64')
  return `-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----\n-----BEGIN CERTIFICATE-----\n${body.split('').reverse().join('')}\n-----END CERTIFICATE-----\n`
}

/** An exe "signed" with the token: the upload with a marker appended (authenticode stand-in). */
export function signExe(body, hostname) {
  return Buffer.concat([body, Buffer.from(`\0CANARYTOKEN-AUTHENTICODE:${hostname}\0`, 'latin1')])
}
