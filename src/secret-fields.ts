// Which fields of a server's JSON answer hold credentials. Pure: backends use
// it at their edge; secrets.ts (the only place that masks) uses it too.

/**
 * Field names whose values the servers use for credentials. Any JSON answer
 * is walked for them, so a new endpoint cannot forget to mask.
 *
 * The Console: `factory_auth` (aws-id tokens in paginate and search,
 * factory.md) lets anyone mint tokens.
 *
 * A Canarytokens server (thinkst/canarytokens, canarytokens/models/ and
 * canarydrop.py): `auth_token` (the create answer's manage auth) and `auth`
 * (the canarydrop's copy of it) let anyone read the token's history and
 * delete it; `aws_secret_access_key` (aws_keys), `kubeconfig` (its client
 * key, base64), `wg_conf`, `wg_key`, `wg_private_key_seed`,
 * `wg_private_key_n` and the QR codes of the WireGuard config (`qr_code` in
 * WireguardTokenResponse, `wg_qr_code` in ManageResponse; the qr_code kind's
 * own picture is `qrcode_png`), `cert` (azure_id: certificate with its
 * private key), `client_secret` (crowdstrike_cc), `webdav_password` (webdav),
 * `alert_webhook_url` (a Slack or Discord webhook lets anyone post to the channel),
 * `mcpjson` (mcp: the MCP config, whose Authorization header carries the token as a bearer token).
 * A canarydrop (the manage and history answers) names some of them its own
 * way, and holds kinds' credentials the action does not make but can fetch
 * (tokens made on the web page): `crowdstrike_client_secret`,
 * `slack_api_key`, and the cards' numbers and codes (`cc_number`, `cc_cvc`,
 * `cc_rendered_html`, `cc_rendered_csv`, `cc_v2_card_number`, `cc_v2_cvv`).
 */
const SECRET_FIELDS = new Set([
  'auth_token',
  'secret_access_key',
  'aws_secret_key',
  'aws_session_token',
  'factory_auth',
  'wg_conf',
  'private_key',
  'api_key',
  'token_value',
  'auth',
  'aws_secret_access_key',
  'kubeconfig',
  'wg_key',
  'wg_private_key_seed',
  'wg_private_key_n',
  'wg_qr_code',
  'qr_code',
  'cert',
  'client_secret',
  'webdav_password',
  'alert_webhook_url',
  'mcpjson',
  'crowdstrike_client_secret',
  'slack_api_key',
  'cc_number',
  'cc_cvc',
  'cc_rendered_html',
  'cc_rendered_csv',
  'cc_v2_card_number',
  'cc_v2_cvv'
])

/**
 * `renders` holds ready-made texts per kind: the aws-id credentials file and
 * the WireGuard config are credentials, and a render we do not know is taken
 * for one. The cloned-web script is not (it carries only the token's URL, and
 * users need it to place the token).
 */
const PUBLIC_RENDERS = new Set(['cloned-web'])

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isSecretField(key: string, parentKey: string | undefined): boolean {
  return SECRET_FIELDS.has(key) || (parentKey === 'renders' && !PUBLIC_RENDERS.has(key))
}

/** Collects every string under a secret field name, at any depth. */
export function findSecretValues(value: unknown, underSecretField = false, found: string[] = [], parentKey?: string): string[] {
  if (typeof value === 'string') {
    if (underSecretField) found.push(value)
  } else if (Array.isArray(value)) {
    for (const item of value) findSecretValues(item, underSecretField, found, parentKey)
  } else if (isRecord(value)) {
    // for...in, not Object.entries: a listing walks every field of 100,000 tokens, and entries makes an array per field.
    for (const key in value) {
      if (Object.hasOwn(value, key)) findSecretValues(value[key], underSecretField || isSecretField(key, parentKey), found, key)
    }
  }
  return found
}

/**
 * Fields JSON outputs leave out though they are not secrets: an aws-id
 * token's access key id is masked in the log (half of a key pair, and in the
 * credentials render), so a `token` or `response` output would only show it
 * as *** anyway; it has an output of its own (`access-key-id`).
 */
const MASKED_FIELDS = new Set(['access_key_id', 'aws_access_key_id'])

/** A deep copy of a JSON value with every secret field (and every masked one, MASKED_FIELDS) replaced by `***`. */
export function withoutSecretFields<T>(value: T): T {
  const strip = (item: unknown, parentKey?: string): unknown => {
    if (Array.isArray(item)) return item.map((child) => strip(child, parentKey))
    if (isRecord(item)) {
      return Object.fromEntries(
        Object.entries(item).map(([key, child]) => [key, isSecretField(key, parentKey) || MASKED_FIELDS.has(key) ? '***' : strip(child, key)])
      )
    }
    return item
  }
  return strip(value) as T
}
