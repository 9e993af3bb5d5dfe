// The kinds a Canarytokens server makes, by the action's name for them
// (the Console's name where the Console has the same kind, the server's own
// otherwise), with the server's name (`TokenTypes`, canarytokens/models/common.py)
// and where the token's file comes from. The action's per-kind input rules
// for the server are in operations/kinds.ts (`server`), which checks that
// both tables name the same kinds.

export interface ServerKind {
  /** The server's `token_type`. */
  type: string
  /** `GET /download?fmt=`: the file the server makes for it (DownloadFmtTypes). */
  fmt?: string
  /**
   * Where the create (or manage) answer carries the file itself: the field,
   * and how it is written (`text`; `base64`; `data-uri`: a `data:...;base64,` URI).
   */
  answerFile?: { fields: readonly string[]; encoding: 'text' | 'base64' | 'data-uri'; filename: string }
}

export const SERVER_KINDS = {
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
} as const satisfies Record<string, ServerKind>

export type ServerKindName = keyof typeof SERVER_KINDS

export function serverKind(kind: string): ServerKind | undefined {
  return Object.hasOwn(SERVER_KINDS, kind) ? (SERVER_KINDS as Record<string, ServerKind>)[kind] : undefined
}

/** The action's name for a server `token_type`; the server's own name when the action has none for it. */
export function actionKind(type: string): string {
  for (const [kind, rule] of Object.entries(SERVER_KINDS)) if (rule.type === type) return kind
  return type
}
