export const id = 109;
export const ids = [109];
export const modules = {

/***/ 44109:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  parseReport: () => (/* binding */ parseReport),
  reportIncidents: () => (/* binding */ reportIncidents)
});

// EXTERNAL MODULE: ./build/secrets.js + 1 modules
var secrets = __webpack_require__(20847);
// EXTERNAL MODULE: ./build/http/errors.js
var errors = __webpack_require__(42602);
// EXTERNAL MODULE: ./build/errors.js
var build_errors = __webpack_require__(19473);
// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js
var github = __webpack_require__(61351);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(49735);
// EXTERNAL MODULE: ./node_modules/bottleneck/light.js
var light = __webpack_require__(63251);
;// CONCATENATED MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
// pkg/dist-src/index.js


// pkg/dist-src/version.js
var VERSION = "0.0.0-development";

// pkg/dist-src/wrap-request.js
var noop = () => Promise.resolve();
function wrapRequest(state, request, options) {
  return state.retryLimiter.schedule(doRequest, state, request, options);
}
async function doRequest(state, request, options) {
  const { pathname } = new URL(options.url, "http://github.test");
  const isAuth = isAuthRequest(options.method, pathname);
  const isWrite = !isAuth && options.method !== "GET" && options.method !== "HEAD";
  const isSearch = options.method === "GET" && pathname.startsWith("/search/");
  const isGraphQL = pathname.startsWith("/graphql");
  const retryCount = ~~request.retryCount;
  const jobOptions = retryCount > 0 ? { priority: 0, weight: 0 } : {};
  if (state.clustering) {
    jobOptions.expiration = 1e3 * 60;
  }
  if (isWrite || isGraphQL) {
    await state.write.key(state.id).schedule(jobOptions, noop);
  }
  if (isWrite && state.triggersNotification(pathname)) {
    await state.notifications.key(state.id).schedule(jobOptions, noop);
  }
  if (isSearch) {
    await state.search.key(state.id).schedule(jobOptions, noop);
  }
  const req = (isAuth ? state.auth : state.global).key(state.id).schedule(jobOptions, request, options);
  if (isGraphQL) {
    const res = await req;
    if (res.data.errors != null && res.data.errors.some((error) => error.type === "RATE_LIMITED")) {
      const error = Object.assign(new Error("GraphQL Rate Limit Exceeded"), {
        response: res,
        data: res.data
      });
      throw error;
    }
  }
  return req;
}
function isAuthRequest(method, pathname) {
  return method === "PATCH" && // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-a-scoped-access-token
  /^\/applications\/[^/]+\/token\/scoped$/.test(pathname) || method === "POST" && // https://docs.github.com/en/rest/apps/oauth-applications?apiVersion=2022-11-28#reset-a-token
  (/^\/applications\/[^/]+\/token$/.test(pathname) || // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-an-installation-access-token-for-an-app
  /^\/app\/installations\/[^/]+\/access_tokens$/.test(pathname) || // https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
  pathname === "/login/oauth/access_token");
}

// pkg/dist-src/generated/triggers-notification-paths.js
var triggers_notification_paths_default = [
  "/orgs/{org}/invitations",
  "/orgs/{org}/invitations/{invitation_id}",
  "/orgs/{org}/teams/{team_slug}/discussions",
  "/orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments",
  "/repos/{owner}/{repo}/collaborators/{username}",
  "/repos/{owner}/{repo}/commits/{commit_sha}/comments",
  "/repos/{owner}/{repo}/issues",
  "/repos/{owner}/{repo}/issues/{issue_number}/comments",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issue",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority",
  "/repos/{owner}/{repo}/pulls",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies",
  "/repos/{owner}/{repo}/pulls/{pull_number}/merge",
  "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
  "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
  "/repos/{owner}/{repo}/releases",
  "/teams/{team_id}/discussions",
  "/teams/{team_id}/discussions/{discussion_number}/comments"
];

// pkg/dist-src/route-matcher.js
function routeMatcher(paths) {
  const regexes = paths.map(
    (path) => path.split("/").map((c) => c.startsWith("{") ? "(?:.+?)" : c).join("/")
  );
  const regex2 = `^(?:${regexes.map((r) => `(?:${r})`).join("|")})[^/]*$`;
  return new RegExp(regex2, "i");
}

// pkg/dist-src/index.js
var regex = routeMatcher(triggers_notification_paths_default);
var triggersNotification = regex.test.bind(regex);
var groups = {};
var createGroups = function(Bottleneck, common) {
  groups.global = new Bottleneck.Group({
    id: "octokit-global",
    maxConcurrent: 10,
    ...common
  });
  groups.auth = new Bottleneck.Group({
    id: "octokit-auth",
    maxConcurrent: 1,
    ...common
  });
  groups.search = new Bottleneck.Group({
    id: "octokit-search",
    maxConcurrent: 1,
    minTime: 2e3,
    ...common
  });
  groups.write = new Bottleneck.Group({
    id: "octokit-write",
    maxConcurrent: 1,
    minTime: 1e3,
    ...common
  });
  groups.notifications = new Bottleneck.Group({
    id: "octokit-notifications",
    maxConcurrent: 1,
    minTime: 3e3,
    ...common
  });
};
function throttling(octokit, octokitOptions) {
  const {
    enabled = true,
    Bottleneck = light,
    id = "no-id",
    timeout = 1e3 * 60 * 2,
    // Redis TTL: 2 minutes
    connection
  } = octokitOptions.throttle || {};
  if (!enabled) {
    return {};
  }
  const common = { timeout };
  if (typeof connection !== "undefined") {
    common.connection = connection;
  }
  const state = Object.assign(
    {
      clustering: connection != null,
      triggersNotification,
      fallbackSecondaryRateRetryAfter: 60,
      retryAfterBaseValue: 1e3,
      id
    },
    octokitOptions.throttle
  );
  if (typeof state.onSecondaryRateLimit !== "function" || typeof state.onRateLimit !== "function") {
    throw new Error(`octokit/plugin-throttling error:
        You must pass the onSecondaryRateLimit and onRateLimit error handlers.
        See https://octokit.github.io/rest.js/#throttling

        const octokit = new Octokit({
          throttle: {
            onSecondaryRateLimit: (retryAfter, options) => {/* ... */},
            onRateLimit: (retryAfter, options) => {/* ... */}
          }
        })
    `);
  }
  let initialized = false;
  const initializeBottleneck = () => {
    if (initialized) {
      return;
    }
    initialized = true;
    if (groups.global == null) {
      createGroups(Bottleneck, common);
    }
    state.global = state.global ?? groups.global;
    state.auth = state.auth ?? groups.auth;
    state.search = state.search ?? groups.search;
    state.write = state.write ?? groups.write;
    state.notifications = state.notifications ?? groups.notifications;
    state.retryLimiter = state.retryLimiter ?? new Bottleneck();
    const events = {};
    const emitter = new Bottleneck.Events(events);
    events.on("secondary-limit", state.onSecondaryRateLimit);
    events.on("rate-limit", state.onRateLimit);
    events.on(
      "error",
      (e) => octokit.log.warn("Error in throttling-plugin limit handler", e)
    );
    state.retryLimiter.on("failed", async function(error, info) {
      const [state2, request, options] = info.args;
      const { pathname } = new URL(options.url, "http://github.test");
      const shouldRetryGraphQL = pathname.startsWith("/graphql") && error.status !== 401;
      if (!(shouldRetryGraphQL || error.status === 403 || error.status === 429)) {
        return;
      }
      const retryCount = ~~request.retryCount;
      request.retryCount = retryCount;
      options.request.retryCount = retryCount;
      const { wantRetry, retryAfter = 0 } = await (async function() {
        if (/\bsecondary rate\b/i.test(error.message)) {
          const retryAfter2 = Number(error.response.headers["retry-after"]) || state2.fallbackSecondaryRateRetryAfter;
          const wantRetry2 = await emitter.trigger(
            "secondary-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        if (error.response.headers != null && error.response.headers["x-ratelimit-remaining"] === "0" || (error.response.data?.errors ?? []).some(
          (error2) => error2.type === "RATE_LIMITED"
        )) {
          const rateLimitReset = new Date(
            ~~error.response.headers["x-ratelimit-reset"] * 1e3
          ).getTime();
          const retryAfter2 = Math.max(
            // Add one second so we retry _after_ the reset time
            // https://docs.github.com/en/rest/overview/resources-in-the-rest-api?apiVersion=2022-11-28#exceeding-the-rate-limit
            Math.ceil((rateLimitReset - Date.now()) / 1e3) + 1,
            0
          );
          const wantRetry2 = await emitter.trigger(
            "rate-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        return {};
      })();
      if (wantRetry) {
        request.retryCount++;
        return retryAfter * state2.retryAfterBaseValue;
      }
    });
  };
  octokit.hook.wrap("request", (request, options) => {
    initializeBottleneck();
    return wrapRequest(state, request, options);
  });
  return {};
}
throttling.VERSION = VERSION;
throttling.triggersNotification = triggersNotification;


;// CONCATENATED MODULE: ./build/github/client.js




/** A GitHub call that failed, with GitHub's own answer. */
class GitHubError extends Error {
    status;
    name = 'GitHubError';
    constructor(message, status) {
        super(message);
        this.status = status;
    }
}
/** The longest primary-limit wait taken; a longer reset fails the step with GitHub's message (the next run goes on). */
const LONGEST_PRIMARY_WAIT_SECONDS = 120;
function issueOf(raw) {
    return {
        number: raw.number,
        title: String(raw.title ?? ''),
        body: typeof raw.body === 'string' ? raw.body : '',
        state: raw.state === 'closed' ? 'closed' : 'open',
        url: String(raw.html_url ?? ''),
        author: raw.user?.login,
        authorIsBot: raw.user?.type === 'Bot',
        labels: Array.isArray(raw.labels) ? raw.labels.map((label) => (typeof label === 'string' ? label : String(label?.name ?? ''))) : []
    };
}
function commentOf(raw) {
    return { id: raw.id, body: typeof raw.body === 'string' ? raw.body : '', author: raw.user?.login, url: String(raw.html_url ?? '') };
}
class GitHubIssues {
    options;
    octokit;
    apiUrl;
    description;
    constructor(options) {
        this.options = options;
        this.apiUrl = new URL(options.apiUrl.replace(/\/+$/, ''));
        this.description = `GitHub at ${this.apiUrl.origin}${this.apiUrl.pathname === '/' ? '' : this.apiUrl.pathname}`;
        const { log } = options;
        const rateLimitRetries = options.rateLimitRetries ?? 3;
        this.octokit = (0,github/* getOctokit */.Q)(options.token, {
            baseUrl: this.apiUrl.href.replace(/\/+$/, ''),
            throttle: {
                onRateLimit: (retryAfter, request, _octokit, retryCount) => {
                    const waiting = retryCount < rateLimitRetries && retryAfter <= LONGEST_PRIMARY_WAIT_SECONDS;
                    log.warning(`GitHub's rate limit was reached (${request.method} ${request.url}); ${waiting ? `waiting ${retryAfter} s as GitHub asks, then trying again` : 'not waiting that long'}.`);
                    return waiting;
                },
                onSecondaryRateLimit: (retryAfter, request, _octokit, retryCount) => {
                    const waiting = retryCount < rateLimitRetries;
                    log.warning(`GitHub's secondary rate limit was hit (${request.method} ${request.url}); ${waiting ? `waiting ${retryAfter} s as GitHub asks, then trying again` : 'giving up on this request'}.`);
                    return waiting;
                }
            },
            retry: { retries: options.retries ?? 2 }
        }, throttling, dist_bundle/* retry */.L);
        // The token goes to this API only: a Link header (or anything else) naming another origin is refused before it is sent.
        this.octokit.hook.before('request', (request) => {
            // Each call counts its own retries: the plugins write retryCount into the request options, which Octokit's
            // defaults share between calls, so a call after a failed one began with that one's count (a 422 sent once
            // read "after 2 attempts"). This hook wraps the plugins, so it runs once per call, before its first attempt.
            request.request = { ...request.request, retryCount: 0 };
            if (!/^https?:\/\//i.test(request.url))
                return;
            const target = new URL(request.url);
            const prefix = this.apiUrl.pathname.replace(/\/+$/, '');
            if (target.origin !== this.apiUrl.origin || !(target.pathname === prefix || target.pathname.startsWith(`${prefix}/`) || prefix === '')) {
                throw new GitHubError(`refused to send the GitHub token to ${target.origin}${target.pathname}: it goes only to ${this.description} (GITHUB_API_URL)`);
            }
        });
    }
    get repo() {
        return this.options.repository;
    }
    /** Runs a call, turning Octokit's failure into one that names what was tried, where, and GitHub's answer. */
    async call(what, work) {
        try {
            return await work();
        }
        catch (error) {
            if (error instanceof GitHubError)
                throw error;
            const status = error.status;
            const response = error.response;
            const data = response?.data;
            const message = typeof data?.message === 'string' ? data.message : (0,build_errors/* errorMessage */.g)(error);
            const details = Array.isArray(data?.errors) ? data.errors.map((item) => (typeof item === 'string' ? item : item?.message ?? `${item?.field ?? ''} ${item?.code ?? ''}`.trim())).filter(Boolean) : [];
            const retried = Number(error.request?.request?.retryCount ?? 0);
            const full = `${message.replace(/\.$/, '')}${details.length > 0 ? ` (${details.join('; ')})` : ''}${retried > 0 ? ` (after ${retried + 1} attempts)` : ''}`;
            throw new GitHubError(`${what} in ${this.repo.owner}/${this.repo.repo} on ${this.description} failed: ${status ? `HTTP ${status}: ` : ''}${full}${hint(status, full)}`, status);
        }
    }
    /**
     * The login the token writes as, when it is a person's token; undefined for
     * an installation token (the job's GITHUB_TOKEN, a GitHub App's), which
     * GitHub does not let read /user: those write as a bot.
     */
    async login() {
        try {
            const answer = await this.octokit.rest.users.getAuthenticated();
            return typeof answer.data.login === 'string' ? answer.data.login : undefined;
        }
        catch (error) {
            if (error.status === 403)
                return undefined;
            return this.call('Reading who the token is', () => Promise.reject(error));
        }
    }
    /** Every issue of the repository, open and closed, oldest first; pull requests (which the listing returns too) are left out. */
    async *issues() {
        const pages = this.octokit.paginate.iterator(this.octokit.rest.issues.listForRepo, { ...this.repo, state: 'all', sort: 'created', direction: 'asc', per_page: 100 });
        const iterator = pages[Symbol.asyncIterator]();
        for (;;) {
            const page = await this.call('Listing the issues', () => iterator.next());
            if (page.done)
                return;
            for (const raw of page.value.data)
                if (!raw.pull_request)
                    yield issueOf(raw);
        }
    }
    /** The newest issues (one page): what overlapping runs may have just written. */
    async recentIssues() {
        const answer = await this.call('Listing the newest issues', () => this.octokit.rest.issues.listForRepo({ ...this.repo, state: 'all', sort: 'created', direction: 'desc', per_page: 100 }));
        return answer.data.filter((raw) => !raw.pull_request).map(issueOf);
    }
    async comments(number) {
        const comments = [];
        const pages = this.octokit.paginate.iterator(this.octokit.rest.issues.listComments, { ...this.repo, issue_number: number, per_page: 100 });
        const iterator = pages[Symbol.asyncIterator]();
        for (;;) {
            const page = await this.call(`Reading the comments of issue #${number}`, () => iterator.next());
            if (page.done)
                return comments;
            for (const raw of page.value.data)
                comments.push(commentOf(raw));
        }
    }
    /** GitHub refused the assignees once: this run's later issues go without them (see createIssue). */
    assigneesRefused = false;
    /**
     * Opens an issue. When GitHub refuses its assignees (422: a login that
     * cannot be assigned, a typo, someone who left), the issue is opened
     * without them, and so is every later one in this run, with one warning
     * that names 'assignees': an alert nobody is assigned to reaches the team,
     * one that is not opened does not. A 422 means nothing was created, so
     * asking again cannot open the issue twice.
     */
    async createIssue(issue) {
        const assignees = this.assigneesRefused ? [] : issue.assignees;
        try {
            const answer = await this.call('Creating an issue', () => this.octokit.rest.issues.create({ ...this.repo, ...issue, assignees }));
            return issueOf(answer.data);
        }
        catch (error) {
            if (!(error instanceof GitHubError) || error.status !== 422 || assignees.length === 0 || !/\bassignees?\b/i.test(error.message))
                throw error;
            this.assigneesRefused = true;
            this.options.log.warning(`${error.message} This issue and every later one in this run are opened without assignees.`);
            const answer = await this.call('Creating an issue', () => this.octokit.rest.issues.create({ ...this.repo, ...issue, assignees: [] }));
            return issueOf(answer.data);
        }
    }
    async updateIssue(number, change) {
        const answer = await this.call(`Updating issue #${number}`, () => this.octokit.rest.issues.update({ ...this.repo, issue_number: number, ...change }));
        return issueOf(answer.data);
    }
    async comment(number, body) {
        const answer = await this.call(`Commenting on issue #${number}`, () => this.octokit.rest.issues.createComment({ ...this.repo, issue_number: number, body }));
        return commentOf(answer.data);
    }
    async updateComment(id, body) {
        const answer = await this.call(`Updating comment ${id}`, () => this.octokit.rest.issues.updateComment({ ...this.repo, comment_id: id, body }));
        return commentOf(answer.data);
    }
}
/** What to check, by GitHub's status. */
function hint(status, message) {
    if (status === 401)
        return ". Check 'github-token': GitHub does not accept it.";
    if (status === 403 && /not accessible|permission/i.test(message))
        return ". The token may not write issues: give the job 'permissions: issues: write', or pass a 'github-token' that may.";
    if (status === 404)
        return ". Check 'repository', and that 'github-token' can see it.";
    if (status === 422 && /\bassignees?\b/i.test(message))
        return ". Check 'assignees': each must be a login that can be assigned issues in the repository (someone with access to it).";
    if (status === 410)
        return '. Issues are turned off in this repository.';
    return '.';
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./build/github/markers.js

// Exactly-once reporting: every issue and comment report-incidents writes
// carries markers, HTML comments GitHub does not render, each a whole line
// of its own:
//
//   <!-- canary-console-action:token <canarytoken id> -->
//   <!-- canary-console-action:incidents <tag> <tag> ... -->
//
// A tag stands for one Console incident key (a hash: keys are ~50
// characters, tags 12, so thousands fit in a body). They are read back
// from the issue listing and the comments, never from search (an index
// that lags minutes behind). Untrusted text is never a line of its own in
// what we write (publish/markdown.ts shows line breaks as escapes inside
// code spans), so an attacker's user agent cannot forge a marker.
const PREFIX = 'canary-console-action';
const TOKEN_MARKER = new RegExp(`^<!-- ${PREFIX}:token ([A-Za-z0-9][A-Za-z0-9_.:-]{0,199}) -->$`, 'm');
const INCIDENTS_MARKER = new RegExp(`^<!-- ${PREFIX}:incidents ([A-Za-z0-9_-]+(?: [A-Za-z0-9_-]+)*) -->$`, 'gm');
/** A Console incident key as a marker tag: 12 characters of its SHA-256 (72 bits; collisions are not a concern at any Console's scale). */
function incidentTag(key) {
    return (0,external_node_crypto_.createHash)('sha256').update(key, 'utf8').digest('base64url').slice(0, 12);
}
function tokenMarker(canarytoken) {
    return `<!-- ${PREFIX}:token ${canarytoken} -->`;
}
/** Marker lines for these tags, at most `perLine` tags a line (lines stay short enough for any editor). */
function incidentMarkers(tags, perLine = 200) {
    const lines = [];
    for (let start = 0; start < tags.length; start += perLine)
        lines.push(`<!-- ${PREFIX}:incidents ${tags.slice(start, start + perLine).join(' ')} -->`);
    return lines;
}
/** Characters the marker lines of `count` tags take (for body budgets). */
function markerLength(count, perLine = 200) {
    const lines = Math.ceil(count / perLine);
    return count * 13 + lines * (`<!-- ${PREFIX}:incidents  -->`.length + 1);
}
/** The token a body's token marker names, if it has one. */
function markedToken(body) {
    return TOKEN_MARKER.exec(body ?? '')?.[1];
}
/** Every incident tag a body's markers name. */
function markedIncidents(body) {
    const tags = [];
    for (const match of (body ?? '').matchAll(INCIDENTS_MARKER))
        tags.push(...match[1].split(' '));
    return tags;
}

// EXTERNAL MODULE: ./build/publish/markdown.js
var markdown = __webpack_require__(11379);
// EXTERNAL MODULE: ./build/text.js
var build_text = __webpack_require__(50977);
;// CONCATENATED MODULE: ./build/github/render.js




// The issues and comments report-incidents writes. Every field from an
// incident or a memo goes through codeSpan (publish/markdown.ts); the rest
// is ours. Bodies stay under GitHub's 65,536 code points with room to spare:
// the newest incidents are shown, the rest counted, and every incident's
// marker is written (continuation comments take what a body cannot).
/**
 * A field from outside as a code span, its secrets hidden first: whole, before
 * the span cuts it short (a cut across a secret would leave its start) or
 * escapes a `|` in it (`\|`, which redacting the body could no longer find).
 */
function codeSpan(untrusted, options) {
    return (0,markdown/* codeSpan */.SS)((0,secrets/* redact */.E$)(untrusted), options);
}
/** GitHub refuses bodies over 65,536 code points; ours stay under this. */
const BODY_BUDGET = 60_000;
/** Rows a table shows at most: a person reads the newest; the Console has them all. */
const MAX_TABLE_ROWS = 50;
/** GitHub's title limit is 256 code points. */
const TITLE_LIMIT = 256;
function issueTitle(token) {
    const kind = codeSpan(token.kind || 'unknown kind', { maxLength: 40 });
    // Shortened until it fits whole: a code span cut short would let the rest of the memo out as markup.
    for (let length = 160; length > 0; length = Math.floor(length * 0.7)) {
        const memo = token.memo ? codeSpan(token.memo, { maxLength: length }) : 'a Canarytoken without memo';
        const title = (0,secrets/* redact */.E$)(`Canarytoken triggered: ${memo} (${kind})`);
        if ((0,markdown/* codePointLength */.O7)(title) <= TITLE_LIMIT)
            return title;
    }
    return (0,markdown/* truncateCodePoints */.Bm)((0,secrets/* redact */.E$)(`Canarytoken triggered (${kind})`), TITLE_LIMIT);
}
function incidentRows(incidents) {
    return incidents.map((incident) => [
        codeSpan((0,build_text/* isoTime */.Ly)(incident.created), { inTable: true }),
        codeSpan(incident.srcHost, { inTable: true, maxLength: 100 }),
        codeSpan(incident.event ?? '', { inTable: true, maxLength: 300 }),
        codeSpan(incident.userAgent ?? '', { inTable: true, maxLength: 300 })
    ].join(' | ')).map((cells) => `| ${cells} |`);
}
const TABLE_HEAD = ['| Time (UTC) | Source address | Event | User agent |', '| --- | --- | --- | --- |'];
/**
 * The table of `incidents` (newest first), as many rows as `budget` and
 * MAX_TABLE_ROWS allow, and a line counting the rest.
 */
function table(incidents, budget) {
    const newest = [...incidents].sort((a, b) => b.created.getTime() - a.created.getTime());
    const rows = incidentRows(newest.slice(0, MAX_TABLE_ROWS));
    const lines = [...TABLE_HEAD];
    let used = (0,markdown/* codePointLength */.O7)(lines.join('\n'));
    let shown = 0;
    for (const row of rows) {
        const size = (0,markdown/* codePointLength */.O7)(row) + 1;
        if (used + size > budget)
            break;
        lines.push(row);
        used += size;
        shown++;
    }
    const rest = incidents.length - shown;
    if (rest > 0)
        lines.push('', `${rest} older incident${rest === 1 ? ' is' : 's are'} not shown here (GitHub limits a body's length); the Console has ${rest === 1 ? 'it' : 'them all'}.`);
    return lines;
}
/** Splits `tags` into what fits a body beside `used` code points, and the rest. */
function fitTags(tags, used) {
    let count = tags.length;
    while (count > 0 && used + markerLength(count) > BODY_BUDGET)
        count = Math.floor(count * 0.9);
    return { fitted: tags.slice(0, count), overflow: tags.slice(count) };
}
/**
 * The body: its text redacted, then the marker lines, redacted apart. The
 * markers are ours (the token's id, hashes of incident keys) and are how the
 * next run finds its issues and knows what is on them, so a text that redact
 * withholds (see secrets.ts) never takes them along, and `tags` are only ever
 * returned for markers written as they are: should redacting change them,
 * nothing is written.
 */
function assemble(lines, tags, leading = []) {
    const content = (0,secrets/* redact */.E$)(lines.join('\n'));
    const markers = [...leading, ...incidentMarkers(tags)].join('\n');
    if (markers === '')
        return `${content}\n`;
    if ((0,secrets/* redact */.E$)(markers) !== markers)
        throw new Error('an issue marker holds a value registered as a secret, so the issue is not written; nothing is acknowledged');
    return `${content}\n\n${markers}`;
}
const FOOTER = '<sub>Filed by canary-console-action from the Console\'s incidents. Everything in code is shown as the Console recorded it: an attacker wrote it.</sub>';
/** A new issue for the token, with its incidents; `follows` is the token's earlier, closed issue. */
function renderIssue(token, incidents, follows) {
    const head = [
        `A Canarytoken fired: ${incidents.length === 1 ? 'one incident' : `${incidents.length} incidents`} on the Console. Someone used or opened what this token guards.`,
        '',
        '| Canarytoken | |',
        '| --- | --- |',
        `| Id | ${codeSpan(token.canarytoken, { inTable: true })} |`,
        `| Kind | ${codeSpan(token.kind, { inTable: true })} |`,
        `| Memo | ${codeSpan(token.memo, { inTable: true, maxLength: 2000 })} |`,
        `| Flock | ${codeSpan(token.flockId ?? '', { inTable: true })} |`,
        `| Console | [${new URL(token.consoleUrl).host}](${new URL(token.consoleUrl).origin}/) |`,
        '',
        ...(follows !== undefined ? [`This token's earlier issue #${follows} was closed; these incidents came after it.`, ''] : []),
        '### Incidents',
        ''
    ];
    return renderWithTable(head, incidents, [tokenMarker(token.canarytoken)]);
}
/** A comment on the token's open issue with its new incidents. */
function renderComment(incidents) {
    const head = [`${incidents.length === 1 ? 'One more incident' : `${incidents.length} more incidents`} on this Canarytoken:`, ''];
    return renderWithTable(head, incidents);
}
function renderWithTable(head, incidents, leading = []) {
    const tags = incidents.map((incident) => incidentTag(incident.id));
    const headSize = (0,markdown/* codePointLength */.O7)([...head, FOOTER, ...leading].join('\n')) + 16;
    // The table takes at most half the body; the markers (every incident's) the rest, as far as they fit.
    const lines = [...head, ...table(incidents, Math.min(BODY_BUDGET / 2, BODY_BUDGET - headSize - markerLength(Math.min(tags.length, 2000)))), '', FOOTER];
    const { fitted, overflow } = fitTags(tags, (0,markdown/* codePointLength */.O7)(lines.join('\n')) + (0,markdown/* codePointLength */.O7)(leading.join('\n')) + 2);
    return { body: assemble(lines, fitted, leading), tags: fitted, overflow };
}
/** A comment that only records more incidents (those a long table counted) for exactly-once reporting. */
function renderContinuation(tags) {
    const lines = [`(${tags.length === 1 ? 'One more incident' : `${tags.length} more incidents`} of the table above, recorded so that no run reports ${tags.length === 1 ? 'it' : 'them'} again.)`];
    const { fitted, overflow } = fitTags(tags, (0,markdown/* codePointLength */.O7)(lines.join('\n')) + 2);
    return { body: assemble(lines, fitted), tags: fitted, overflow };
}
/** What a duplicate issue (two runs overlapped) is left saying: no markers, so nothing reads it as the token's issue. */
function duplicateBody(winner) {
    return `Two runs reported this Canarytoken at the same time; its incidents are on #${winner}. Closed as a duplicate.`;
}
/** What a comment that turned out to repeat an earlier one is left saying (no markers). */
const REPEATED_COMMENT = 'These incidents were already reported above (two runs overlapped).';

// EXTERNAL MODULE: ./build/inputs.js
var build_inputs = __webpack_require__(58175);
// EXTERNAL MODULE: ./build/publish/tokens-file.js
var tokens_file = __webpack_require__(68211);
// EXTERNAL MODULE: ./build/operations/bounded-pool.js
var bounded_pool = __webpack_require__(33389);
// EXTERNAL MODULE: ./build/operations/incidents.js
var incidents = __webpack_require__(10940);
// EXTERNAL MODULE: ./build/operations/outcomes.js
var operations_outcomes = __webpack_require__(68734);
// EXTERNAL MODULE: ./build/operations/types.js
var types = __webpack_require__(71578);
;// CONCATENATED MODULE: ./build/operations/report-incidents.js













const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const REPO_NAME = /^[A-Za-z0-9._-]{1,100}$/;
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/;
function listInput(raw) {
    return [...new Set(raw.split(/[,\n]/).map((item) => item.trim()).filter(Boolean))];
}
/** Checks every input before any request; reads GITHUB_REPOSITORY and GITHUB_API_URL from the runner. */
async function parseReport(inputs, env) {
    const githubToken = inputs.get('github-token');
    if (!githubToken) {
        throw new build_errors/* InputError */.d("Input 'github-token' is empty: report-incidents writes GitHub issues with it. Leave it at its default (the job's GITHUB_TOKEN) and give the job 'permissions: issues: write', or pass a token that may write issues.");
    }
    // Masked by main before this runs; one that cannot be a token (too short to mask, a line break) is never sent.
    (0,secrets/* checkSecretInput */.pK)('github-token', githubToken);
    const repositoryText = inputs.get('repository') || env.GITHUB_REPOSITORY || '';
    const [owner = '', repo = '', ...rest] = repositoryText.split('/');
    if (!repositoryText || rest.length > 0 || !OWNER.test(owner) || !REPO_NAME.test(repo) || repo === '.' || repo === '..') {
        const hint = /^https?:\/\//.test(repositoryText) ? ` Give 'owner/name', not a URL.` : '';
        throw new build_errors/* InputError */.d(`Input 'repository' must be 'owner/name' (e.g. octo-org/octo-repo)${repositoryText ? `, not '${repositoryText}'` : ' (GITHUB_REPOSITORY is not set either)'}.${hint}`);
    }
    const apiText = env.GITHUB_API_URL || 'https://api.github.com';
    let apiUrl;
    try {
        apiUrl = new URL(apiText);
    }
    catch {
        throw new build_errors/* InputError */.d(`GITHUB_API_URL is not a URL ('${apiText}'); the runner sets it to the GitHub API of this workflow.`);
    }
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(apiUrl.hostname);
    if (apiUrl.protocol !== 'https:' && !(apiUrl.protocol === 'http:' && loopback)) {
        throw new build_errors/* InputError */.d(`GITHUB_API_URL must be an https URL (plain http only for loopback hosts), not '${apiUrl.origin}': the GitHub token goes there.`);
    }
    const labels = listInput(inputs.get('labels'));
    for (const label of labels)
        if ((0,build_text/* codePointLength */.O7)(label) > 50)
            throw new build_errors/* InputError */.d(`Input 'labels' has '${label.slice(0, 60)}...', longer than GitHub's 50 characters for a label name.`);
    const assignees = listInput(inputs.get('assignees')).map((login) => login.replace(/^@/, ''));
    for (const login of assignees)
        if (!LOGIN.test(login))
            throw new build_errors/* InputError */.d(`Input 'assignees' must list GitHub logins (letters, digits and -), not '${login}'.`);
    return {
        githubToken,
        apiUrl: apiUrl.href,
        repository: { owner, repo },
        labels,
        assignees,
        acknowledge: (0,build_inputs/* booleanInput */.tE)(inputs, 'acknowledge'),
        maxIssues: (0,build_inputs/* integerInput */.$A)(inputs, 'max-issues', { min: 0, max: 1000, fallback: Number(build_inputs/* INPUT_DEFAULTS */.WJ['max-issues']) }),
        dryRun: (0,build_inputs/* booleanInput */.tE)(inputs, 'dry-run'),
        selection: await (0,incidents.parseIncidentSelection)(inputs, 'unacknowledged')
    };
}
/**
 * Whose markers count: an issue is ours when a GitHub App's bot wrote it
 * (the job's GITHUB_TOKEN writes as github-actions[bot]; an outsider cannot
 * write as a bot) or the token's own user did (a person's token), or a login
 * this run wrote as. Labels prove nothing: an issue template applies its
 * labels to anyone who opens an issue. A comment counts when its issue's
 * author, or one of those logins, wrote it. So nobody outside the team can
 * hide an incident, or draw one to an issue of theirs, with a forged marker.
 */
class Trust {
    logins = new Set(['github-actions[bot]']);
    issue(issue) {
        return issue.authorIsBot || (issue.author !== undefined && this.logins.has(issue.author));
    }
    comment(issue, comment) {
        return comment.author !== undefined && (comment.author === issue.author || this.logins.has(comment.author));
    }
}
async function reportIncidents(params, context) {
    const { log } = context;
    const console = (0,types/* consoleOf */.Fl)(context);
    const tally = { read: 0, pages: 0, deviceIncidents: 0, unreadable: 0 };
    const works = new Map();
    let unattributed = 0;
    log.info(`Reading ${(0,incidents.describeSelection)(params.selection)} from ${console.description}.`);
    for await (const incident of (0,incidents.selectIncidents)(context, params.selection, tally)) {
        if (!/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$/.test(incident.canarytoken)) {
            unattributed++;
            continue;
        }
        let work = works.get(incident.canarytoken);
        if (!work) {
            work = { facts: { canarytoken: incident.canarytoken, kind: incident.kind, memo: incident.memo, flockId: incident.flockId, consoleUrl: console.origin.href }, incidents: [] };
            works.set(incident.canarytoken, work);
        }
        work.incidents.push(incident);
    }
    const notes = (0,incidents.tallyNotes)(tally, log);
    if (unattributed > 0) {
        const note = `${(0,operations_outcomes/* counted */.hS)(unattributed, 'incident')} named no Canarytoken in ${unattributed === 1 ? 'its' : 'their'} events and ${unattributed === 1 ? 'was' : 'were'} not reported.`;
        log.warning(note);
        notes.push(note);
    }
    const selected = [...works.values()].reduce((sum, work) => sum + work.incidents.length, 0);
    log.info(`${(0,operations_outcomes/* counted */.hS)(selected, 'incident')} of ${(0,operations_outcomes/* counted */.hS)(works.size, 'Canarytoken')} selected.`);
    const outcomes = new Map();
    for (const work of works.values()) {
        for (const incident of work.incidents)
            outcomes.set(incident.id, { ...(0,incidents.listedIncident)(incident), outcome: 'failed', issue: null, issue_url: null, acknowledged_now: false, message: 'not reached' });
    }
    const touched = new Map();
    let created = 0;
    let updated = 0;
    let reportedNow = 0;
    let tokensLeft = 0;
    let githubFailure;
    if (works.size > 0) {
        const github = new GitHubIssues({ token: params.githubToken, apiUrl: params.apiUrl, repository: params.repository, log });
        const trust = new Trust();
        try {
            const own = await github.login();
            if (own)
                trust.logins.add(own);
            const threads = await readThreads(github, trust, works);
            for (const work of works.values()) {
                const id = work.facts.canarytoken;
                const thread = threads.get(id) ?? { issues: [], reported: new Set() };
                const latest = thread.issues.at(-1);
                const fresh = work.incidents.filter((incident) => !thread.reported.has(incidentTag(incident.id)));
                const freshIds = new Set(fresh.map((incident) => incident.id));
                for (const incident of work.incidents) {
                    if (freshIds.has(incident.id))
                        continue;
                    const onIssue = thread.issues.find((issue) => issue.state === 'open') ?? latest;
                    Object.assign(outcomes.get(incident.id), { outcome: 'already-reported', issue: onIssue?.number ?? null, issue_url: onIssue?.url ?? null, message: 'already on an issue (an earlier run wrote it)' });
                }
                if (fresh.length === 0)
                    continue;
                const target = latest?.state === 'open' ? latest : undefined;
                if (!target && created >= params.maxIssues) {
                    tokensLeft++;
                    for (const incident of fresh)
                        Object.assign(outcomes.get(incident.id), { outcome: 'left', message: "left for the next run: 'max-issues' new issues were opened already" });
                    continue;
                }
                if (params.dryRun) {
                    for (const incident of fresh) {
                        Object.assign(outcomes.get(incident.id), {
                            outcome: 'dry-run',
                            issue: target?.number ?? null,
                            issue_url: target?.url ?? null,
                            message: target ? `would comment on #${target.number}` : latest ? `would open a new issue after #${latest.number} (closed)` : 'would open an issue'
                        });
                    }
                    if (!target)
                        created++;
                    continue;
                }
                const written = target
                    ? await commentOnIssue(github, trust, target, fresh)
                    : await openIssue(github, trust, work, fresh, params, latest?.number);
                if (written.created)
                    created++;
                else
                    updated++;
                touched.set(written.issue.number, { number: written.issue.number, url: written.issue.url, canarytoken: id });
                thread.issues.push(written.issue);
                for (const incident of fresh) {
                    const tag = incidentTag(incident.id);
                    thread.reported.add(tag);
                    const now = written.tags.has(tag);
                    if (now)
                        reportedNow++;
                    Object.assign(outcomes.get(incident.id), {
                        outcome: now ? 'reported' : 'already-reported',
                        issue: written.issue.number,
                        issue_url: written.issue.url,
                        message: now ? (written.created ? `on new issue #${written.issue.number}` : `in a comment on #${written.issue.number}`) : `already on #${written.issue.number} (another run wrote it at the same time)`
                    });
                }
            }
        }
        catch (error) {
            if (!(error instanceof GitHubError))
                throw error;
            // The step fails with it (the error line): said once, not also as a warning.
            githubFailure = error.message;
            for (const item of outcomes.values())
                if (item.outcome === 'failed' && item.message === 'not reached')
                    item.message = `not written: ${error.message}`;
        }
    }
    if (tokensLeft > 0) {
        const note = `${(0,operations_outcomes/* counted */.hS)(tokensLeft, 'Canarytoken')} with new incidents ${tokensLeft === 1 ? 'waits' : 'wait'} for the next run: this run opened 'max-issues' (${params.maxIssues}) new issues. Their incidents stay unacknowledged.`;
        log.warning(note);
        notes.push(note);
    }
    // Acknowledged only what is on an issue now: written by this run, by an earlier one, or counted by a long table (its markers hold every incident).
    let ackFailed = 0;
    if (params.acknowledge && !params.dryRun) {
        const onIssue = [...outcomes.values()].filter((item) => (item.outcome === 'reported' || item.outcome === 'already-reported') && !item.acknowledged);
        await (0,bounded_pool/* mapWithConcurrency */.WS)(onIssue, 10, async (item) => {
            try {
                await console.acknowledgeIncident(item.id);
                item.acknowledged_now = true;
            }
            catch (error) {
                if ((0,errors/* isNotFound */.c4)(error)) {
                    item.message += '; gone from the Console, nothing to acknowledge';
                    return;
                }
                ackFailed++;
                const reason = (0,build_errors/* errorMessage */.g)(error);
                item.message += `; acknowledging it failed: ${error instanceof errors/* ApiError */.hD && error.attempts > 1 ? `${reason} (after ${error.attempts} attempts)` : reason}`;
            }
        });
        const count = onIssue.filter((item) => item.acknowledged_now).length;
        const acknowledgedNote = count > 0 ? `Acknowledged ${(0,operations_outcomes/* counted */.hS)(count, 'incident')} in the Console, each one on an issue.` : 'Acknowledged no incident in the Console: none of those selected is on an issue yet.';
        log.info(acknowledgedNote);
        notes.push(acknowledgedNote);
    }
    const items = [...outcomes.values()];
    let list;
    let unwritten;
    try {
        list = await (0,tokens_file/* writeTokenList */.Rw)(context.env.runnerTemp, 'report-incidents', items);
    }
    catch (error) {
        unwritten = (0,build_text/* withoutFullStops */.vK)((0,build_errors/* errorMessage */.g)(error));
    }
    if (list && !list.inOutput)
        log.warning(`The incident outcomes are too large for an output; read ${list.path} (the 'incidents-file' output).`);
    const issues = [...touched.values()];
    const listFailure = unwritten
        ? `${params.dryRun ? 'Nothing was written to GitHub or acknowledged (dry run)' : `${(0,operations_outcomes/* counted */.hS)(created, 'issue')} opened and ${updated} updated on GitHub (${issues.map((issue) => issue.url).join(', ') || 'none'}), ${(0,operations_outcomes/* counted */.hS)(items.filter((item) => item.acknowledged_now).length, 'incident')} acknowledged in the Console`}, but writing the list of outcomes failed: ${unwritten}.`
        : undefined;
    const failure = githubFailure
        ? `${githubFailure} Nothing that could not be written was acknowledged; the next run writes the rest, once each.`
        : ackFailed > 0
            ? `${(0,operations_outcomes/* counted */.hS)(ackFailed, 'incident')} could not be acknowledged in the Console (the 'incidents-file' output and the summary say why); they are on their issues, and the next run acknowledges them.`
            : undefined;
    const rows = [...works.values()].map((work) => {
        const mine = work.incidents.map((incident) => outcomes.get(incident.id));
        const issue = mine.find((item) => item.issue !== null);
        const count = (outcome) => mine.filter((item) => item.outcome === outcome).length;
        const parts = [
            count('reported') && `${count('reported')} reported`,
            count('already-reported') && `${count('already-reported')} already on the issue`,
            count('left') && `${count('left')} left for the next run`,
            count('dry-run') && `${count('dry-run')} would be reported`,
            count('failed') && `${count('failed')} not written`
        ].filter(Boolean);
        return [work.facts.canarytoken, (0,incidents.shortText)(work.facts.memo), work.facts.kind, issue?.issue ? `#${issue.issue}` : '', issue?.issue_url ?? '', parts.join(', ')];
    });
    return {
        outputs: {
            'issues-created': params.dryRun ? 0 : created,
            'issues-updated': updated,
            'incidents-reported': reportedNow,
            'tokens-left': tokensLeft,
            issues: JSON.stringify(issues),
            ...(list ? { 'incidents-file': list.path } : {})
        },
        summary: {
            heading: params.dryRun
                ? `Dry run: would open ${(0,operations_outcomes/* counted */.hS)(created, 'issue')} for ${(0,operations_outcomes/* counted */.hS)(works.size, 'triggered Canarytoken')}`
                : `Canarytoken incidents on GitHub: ${created} opened, ${updated} updated, ${reportedNow} incidents reported`,
            columns: ['Canarytoken', 'Memo', 'Kind', 'Issue', 'URL', 'Incidents'],
            rows,
            empty: 'No Canarytoken incidents to report.',
            notes: [
                `Selected: ${(0,incidents.describeSelection)(params.selection)}; ${(0,operations_outcomes/* counted */.hS)(selected, 'incident')} of ${(0,operations_outcomes/* counted */.hS)(works.size, 'Canarytoken')} in ${params.repository.owner}/${params.repository.repo}.`,
                ...(params.dryRun ? ['Dry run: nothing was written to GitHub or acknowledged.'] : []),
                ...notes,
                ...(failure ? [failure] : []),
                list ? `Every incident's outcome is in ${list.path} (the 'incidents-file' output).` : `The outcome list could not be written (${unwritten}).`
            ]
        },
        failure: listFailure ? `${listFailure}${failure ? ` ${failure}` : ''}` : failure
    };
}
/** Each token's issues (from the issue listing, never search) and the incidents their markers name. */
async function readThreads(github, trust, works) {
    const threads = new Map();
    for await (const issue of github.issues()) {
        const token = markedToken(issue.body);
        if (!token || !works.has(token) || !trust.issue(issue))
            continue;
        const thread = threads.get(token) ?? { issues: [], reported: new Set() };
        thread.issues.push(issue);
        threads.set(token, thread);
    }
    for (const thread of threads.values()) {
        thread.issues.sort((a, b) => a.number - b.number);
        for (const issue of thread.issues)
            for (const tag of await issueTags(github, trust, issue))
                thread.reported.add(tag);
    }
    return threads;
}
/** The tags an issue's body and its trusted comments name. */
async function issueTags(github, trust, issue, before) {
    const tags = markedIncidents(issue.body);
    for (const comment of await github.comments(issue.number)) {
        if (before !== undefined && comment.id >= before)
            continue;
        if (trust.comment(issue, comment))
            tags.push(...markedIncidents(comment.body));
    }
    return tags;
}
/** Continuation comments for tags a body could not hold. */
async function writeOverflow(github, issue, rendered, tags) {
    let overflow = rendered.overflow;
    while (overflow.length > 0) {
        const next = renderContinuation(overflow);
        await github.comment(issue.number, next.body);
        for (const tag of next.tags)
            tags.add(tag);
        overflow = next.overflow;
    }
}
async function commentOnIssue(github, trust, issue, fresh) {
    const rendered = renderComment(fresh);
    const comment = await github.comment(issue.number, rendered.body);
    if (comment.author)
        trust.logins.add(comment.author);
    // Another run may have commented with the same incidents meanwhile: the earlier comment keeps them, this one keeps only the rest.
    const earlier = new Set(await issueTags(github, trust, issue, comment.id));
    const mine = fresh.filter((incident) => !earlier.has(incidentTag(incident.id)));
    const tags = new Set();
    if (mine.length === 0) {
        await github.updateComment(comment.id, REPEATED_COMMENT);
        return { issue, created: false, tags };
    }
    if (mine.length < fresh.length) {
        const trimmed = renderComment(mine);
        await github.updateComment(comment.id, trimmed.body);
        for (const tag of trimmed.tags)
            tags.add(tag);
        await writeOverflow(github, issue, trimmed, tags);
        return { issue, created: false, tags };
    }
    for (const tag of rendered.tags)
        tags.add(tag);
    await writeOverflow(github, issue, rendered, tags);
    return { issue, created: false, tags };
}
async function openIssue(github, trust, work, fresh, params, follows) {
    const rendered = renderIssue(work.facts, fresh, follows);
    const issue = await github.createIssue({ title: issueTitle(work.facts), body: rendered.body, labels: params.labels, assignees: params.assignees });
    if (issue.author)
        trust.logins.add(issue.author);
    // Overlapping runs (or a create whose answer was lost and was sent again) may have opened the token's issue twice: the lowest number stays.
    const rivals = (await github.recentIssues()).filter((other) => other.state === 'open' && other.number !== issue.number && other.number > (follows ?? 0) && markedToken(other.body) === work.facts.canarytoken && trust.issue(other));
    const winner = rivals.reduce((lowest, other) => (other.number < (lowest?.number ?? issue.number) ? other : lowest), undefined);
    if (winner) {
        await github.updateIssue(issue.number, { body: duplicateBody(winner.number), state: 'closed', state_reason: 'not_planned' });
        const onWinner = new Set(await issueTags(github, trust, winner));
        const missing = fresh.filter((incident) => !onWinner.has(incidentTag(incident.id)));
        if (missing.length === 0)
            return { issue: winner, created: false, tags: new Set() };
        return commentOnIssue(github, trust, winner, missing);
    }
    const tags = new Set(rendered.tags);
    await writeOverflow(github, issue, rendered, tags);
    return { issue, created: true, tags };
}


/***/ })

};
