// Shared by every page: same-origin API calls with the session cookie (never a token in script),
// the data's age, the live feed's state, session refresh and sign-out, self-reported load time
// and script errors (POST /web/reports, counted in query-api's /metrics).

const page = document.body.dataset.page;
let firstDataReported = false;

/** Creates an element: el('td', {class: 'x', dataset: {id: 1}}, 'text', child). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export function $(selector) {
  return document.querySelector(selector);
}

function report(body) {
  fetch('/web/reports', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body),
    keepalive: true, credentials: 'same-origin'}).catch(() => {});
}

window.addEventListener('error', e => report({page, kind: 'error', message: `${e.message} at ${e.filename}:${e.lineno}`}));
window.addEventListener('unhandledrejection', e => report({page, kind: 'error', message: `unhandled rejection: ${e.reason}`}));

/** Once per page view, when the first data is on screen: the load time from navigation start. */
export function firstDataShown() {
  if (firstDataReported) return;
  firstDataReported = true;
  report({page, kind: 'load', seconds: performance.now() / 1000});
  markPainted('dms:first-data');
}

/** Settles once the DOM changes made so far have been painted (a task queued from the next frame runs after its paint). */
export function afterPaint() {
  return new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve)));
}

/**
 * A performance mark once what was just put on screen has been painted: how the bench's {@code pages}
 * scenario reads, from the navigation's start, when a user saw the data.
 */
export function markPainted(name) {
  afterPaint().then(() => performance.mark(name));
}

/** Shows how old the data on screen is (the X-Data-Age-Ms of the last answer). */
export function showAge(ms) {
  const badge = $('#data-age');
  if (!badge || ms === null || ms === undefined || Number.isNaN(ms)) return;
  badge.textContent = ms < 1000 ? `data age ${ms} ms` : `data age ${(ms / 1000).toFixed(1)} s`;
  badge.dataset.ageMs = ms;
  badge.classList.toggle('stale', ms > 10000);
}

/** The live feed's state: 'live', 'connecting', 'reconnecting' or 'down'. */
export function liveState(state, detail = '') {
  const badge = $('#live-state');
  if (!badge) return;
  const words = {live: 'live', connecting: 'connecting…', reconnecting: 'reconnecting…', down: 'live feed down'};
  badge.textContent = words[state] + (detail ? ` (${detail})` : '');
  badge.dataset.state = state;
}

export function toast(message, kind = 'info') {
  const box = $('#toasts');
  const item = el('div', {class: `toast ${kind}`, role: 'status'}, message);
  box.prepend(item);
  setTimeout(() => item.remove(), 8000);
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

let refreshing = null;

/** Exchanges the refresh cookie for new cookies; one at a time. */
export function refreshSession() {
  refreshing ??= fetch('/api/session/cookie/refresh', {method: 'POST', credentials: 'same-origin'})
    .then(r => r.ok ? r.json() : null)
    .then(session => {
      if (session) scheduleRefresh(session.expiresIn);
      return session;
    })
    .finally(() => { refreshing = null; });
  return refreshing;
}

let refreshTimer;
function scheduleRefresh(expiresInSeconds) {
  clearTimeout(refreshTimer);
  // A minute before the access cookie expires (at least 10 s from now).
  refreshTimer = setTimeout(refreshSession, Math.max(10, expiresInSeconds - 60) * 1000);
}

/**
 * A same-origin API call. JSON in and out; the session cookie goes with it. A 401 tries one
 * refresh, then sends the user to the sign-in. Throws ApiError (with the problem body) on 4xx/5xx.
 */
export async function api(path, {method = 'GET', body, version, idempotent} = {}, retried = false) {
  const headers = {'Accept': 'application/json'};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (version !== undefined) headers['If-Match'] = `"${version}"`;
  if (idempotent) headers['Idempotency-Key'] = crypto.randomUUID();
  const response = await fetch(path, {method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body)});
  if (response.status === 401 && !retried && await refreshSession()) {
    return api(path, {method, body, version, idempotent}, true);
  }
  if (response.status === 401) {
    location.assign('/?expired=1');
    return new Promise(() => {}); // the page is leaving
  }
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, json);
  const age = response.headers.get('X-Data-Age-Ms');
  if (age !== null) showAge(Number(age));
  return {body: json, headers: response.headers, status: response.status};
}

/** Who is signed in; sends anyone else (or nobody) to the sign-in page. */
export async function requireRole(role) {
  const response = await fetch('/api/me', {credentials: 'same-origin'});
  let me = response.ok ? await response.json() : null;
  if (!me && response.status === 401 && await refreshSession()) {
    const again = await fetch('/api/me', {credentials: 'same-origin'});
    me = again.ok ? await again.json() : null;
  }
  if (!me || (me.role !== role && !(role === 'dispatch' && me.role === 'admin'))) {
    location.assign('/');
    return new Promise(() => {}); // the page is leaving: nothing below should run
  }
  // The access cookie lasts 15 minutes: refresh ahead of it (a page left open stays signed in).
  scheduleRefresh(14 * 60);
  $('#who').textContent = me.role + (me.partyId ? ' ' + me.partyId : '');
  $('#sign-out').addEventListener('click', signOut);
  return me;
}

export async function signOut() {
  await fetch('/api/session', {method: 'DELETE', credentials: 'same-origin'}).catch(() => {});
  location.assign('/');
}

/**
 * An SSE feed. The browser sends the cookie, and after a dropped connection reconnects by itself
 * with Last-Event-ID. When it gives up (an error answer such as 503 while Redis is down closes an
 * EventSource for good), the feed shows "down" and opens a new one with backoff, resuming with
 * ?after= the last change it applied, or reloading the list when it had none.
 * Calls onChange(message) for each change and onResync() when the list must be reloaded.
 */
/**
 * The newest version of each order this page has seen on its live feed. A reload reads the read side,
 * which may still be behind the feed (Redis is written first): without this, a row reloaded right after
 * a live change would fall back to the older version, and nothing would ever move it forward again.
 * Bounded: the oldest entries go first once it holds more than {@code limit}.
 */
export class NewestRows {
  constructor(limit = 5000) { this.limit = limit; this.seen = new Map(); }

  /** Remembers a live message ({orderId, version, row}; no row when the order left this board). */
  saw(message) {
    const known = this.seen.get(message.orderId);
    if (known && known.version >= message.version) return;
    this.seen.delete(message.orderId);
    this.seen.set(message.orderId, {version: message.version, row: message.change === 'moved' ? null : message.row || null});
    if (this.seen.size > this.limit) this.seen.delete(this.seen.keys().next().value);
  }

  /**
   * A loaded page's rows, each replaced by a newer one seen live (kept only if it still passes the page's
   * filter), or dropped when it left the board since.
   */
  newest(rows, stillShown) {
    return rows.flatMap(row => {
      const known = this.seen.get(row.orderId);
      if (!known || known.version <= row.version) return [row];
      return known.row && stillShown(known.row) ? [known.row] : [];
    });
  }

  /**
   * As {@link #newest} for a board's first page, newest first ({@code createdAt}, then id), which also gets the
   * orders seen live that the read side does not hold yet: a page reloaded right after a live change must not
   * lose an order the dispatcher has just seen (the read side is written after Redis and may be seconds behind).
   * Only orders that would sort into this page and still pass its filter are added.
   */
  newestFirstPage(rows, stillShown, pageSize) {
    const shown = this.newest(rows, stillShown);
    const ids = new Set(rows.map(row => row.orderId));
    const last = rows.length < pageSize ? null : rows[rows.length - 1];
    const later = (a, b) => a.createdAt === b.createdAt ? b.orderId - a.orderId : (a.createdAt < b.createdAt ? 1 : -1);
    const missing = [...this.seen.entries()]
      .filter(([id, known]) => !ids.has(id) && known.row && stillShown(known.row) && (!last || later(known.row, last) <= 0))
      .map(([, known]) => known.row);
    return missing.length === 0 ? shown : [...shown, ...missing].sort(later).slice(0, Math.max(pageSize, shown.length));
  }
}

export function boardFeed(path, {onChange, onResync}) {
  let lastId = null;
  let attempt = 0;
  const open = () => {
    liveState(attempt === 0 ? 'connecting' : 'reconnecting');
    const source = new EventSource(path + (lastId ? (path.includes('?') ? '&' : '?') + 'after=' + encodeURIComponent(lastId) : ''),
      {withCredentials: true});
    source.addEventListener('open', () => liveState('live'));
    source.addEventListener('hello', () => { attempt = 0; liveState('live'); });
    source.addEventListener('error', () => {
      if (source.readyState !== EventSource.CLOSED) {
        liveState('reconnecting');
        return;
      }
      attempt++;
      const delay = Math.min(15000, 1000 * 2 ** Math.min(attempt - 1, 4)) * (0.75 + Math.random() * 0.5);
      liveState('down', `retry in ${(delay / 1000).toFixed(0)} s`);
      setTimeout(() => {
        if (!lastId) onResync();
        open();
      }, delay);
    });
    source.addEventListener('change', e => {
      const message = JSON.parse(e.data);
      lastId = e.lastEventId || message.cursor || lastId;
      if (message.commitMs) showAge(Math.max(0, Date.now() - message.commitMs));
      onChange(message);
    });
    source.addEventListener('resync', e => {
      lastId = JSON.parse(e.data).cursor || null;
      onResync();
    });
    source.addEventListener('closing', e => {
      const message = JSON.parse(e.data);
      if (message.cursor) lastId = message.cursor;
      liveState('down', message.reason);
    });
  };
  open();
}

export function money(amount) {
  return amount === null || amount === undefined ? '' : Number(amount).toFixed(2) + ' GEL';
}

export function when(iso) {
  return iso ? new Date(iso).toLocaleString('en-GB', {dateStyle: 'short', timeStyle: 'short'}) : '';
}

/** The day inputs' value as the API's from/to (yyyy-MM-dd, Tbilisi days). */
export function dayValue(input) {
  return input.value || undefined;
}

export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '' && value !== false) search.set(key, value);
  }
  const text = search.toString();
  return text ? '?' + text : '';
}

/** Asks for a cancellation reason in the page's dialog; null when dismissed. */
export function askReason(title) {
  const dialog = $('#reason-dialog');
  dialog.querySelector('h3').textContent = title;
  const input = dialog.querySelector('input');
  input.value = '';
  dialog.showModal();
  return new Promise(resolve => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok' && input.value.trim() ? input.value.trim() : null),
      {once: true});
  });
}

/** An order's status as a badge. */
export function statusBadge(status) {
  return el('span', {class: `status ${status}`}, status.replaceAll('_', ' '));
}

/** Explains a refused write; a 409 means someone changed the order first. */
export function explain(error, reload) {
  if (error instanceof ApiError && error.status === 409) {
    toast('Changed meanwhile, reloaded: ' + (error.problem?.detail || ''), 'conflict');
    reload();
    return;
  }
  toast(error.message, 'error');
}
