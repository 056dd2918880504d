import {$, el, api, requireRole, boardFeed, firstDataShown, money, when, query, askReason, statusBadge, explain, toast, NewestRows, markPainted, afterPaint} from './common.js';
import {chartsLibrary, drawStatus, drawRevenue, drawDelivery, drawOnTime} from './charts.js';

// Who is signed in is asked beside the first data, not before it (anyone but an admin is sent away meanwhile).
const signedIn = requireRole('dispatch');
const PAGE = 25;
const queue = {cursors: [null], index: 0, rows: new Map(), live: new NewestRows()};

// What each open status lets a dispatcher do (command-api's OrderLifecycle; pick-up and delivery are the driver's).
const ACTIONS = {
  pending: ['confirm', 'cancel'],
  confirmed: ['start-preparing', 'assign', 'cancel'],
  preparing: ['mark-ready', 'assign', 'cancel'],
  ready: ['assign', 'cancel'],
};
const LABELS = {confirm: 'Confirm', 'start-preparing': 'Start preparing', 'mark-ready': 'Mark ready', assign: 'Assign driver', cancel: 'Cancel'};

function filters() {
  return {status: $('#queue-status').value, unassigned: $('#queue-unassigned').checked ? 'true' : undefined,
    restaurantId: $('#queue-restaurant').value, driverId: $('#queue-driver').value, from: $('#queue-from').value, to: $('#queue-to').value};
}

async function loadQueue(reset = true) {
  if (reset) { queue.cursors = [null]; queue.index = 0; }
  const {body} = await api('/api/dispatch/orders' + query({...filters(), limit: PAGE, cursor: queue.cursors[queue.index]}));
  queue.cursors[queue.index + 1] = body.nextCursor;
  queue.rows.clear();
  const rows = queue.index === 0 ? queue.live.newestFirstPage(body.orders, matchesFilters, PAGE) : queue.live.newest(body.orders, matchesFilters);
  $('#queue-rows').replaceChildren(...rows.map(renderRow));
  $('#queue-next').disabled = !body.nextCursor;
  $('#queue-first').disabled = queue.index === 0;
  $('#queue-count').textContent = `page ${queue.index + 1}, ${body.orders.length} orders`;
  firstDataShown();
}

function renderRow(row) {
  const actions = (ACTIONS[row.status] || []).map(action => el('button', {
    type: 'button', class: `${action === 'cancel' ? 'danger' : 'secondary'} action-${action}`,
    onclick: () => act(row, action)}, action === 'assign' && row.driverId ? 'Reassign driver' : LABELS[action]));
  const tr = el('tr', {dataset: {orderId: row.orderId, version: row.version, status: row.status}},
    el('td', {class: 'ref'}, row.reference), el('td', {}, row.restaurantName), el('td', {}, statusBadge(row.status)),
    el('td', {class: 'driver'}, row.driverName || (row.driverId ? `#${row.driverId}` : '—')), el('td', {class: 'num'}, money(row.totalAmount)),
    el('td', {}, when(row.requestedDeliveryAt)), el('td', {}, when(row.createdAt)), el('td', {}, el('div', {class: 'actions'}, actions)));
  queue.rows.set(row.orderId, tr);
  return tr;
}

/**
 * One action, sent with the version this row showed when the dispatcher chose it (If-Match): if
 * someone changed the order meanwhile the command API answers 409 and the page says so and reloads,
 * rather than overwriting their change.
 */
async function act(row, action) {
  const version = row.version;
  let path = `/api/orders/${row.orderId}/${action}`, body;
  if (action === 'cancel') {
    const reason = await askReason(`Cancel ${row.reference}`);
    if (!reason) return;
    body = {reason};
  } else if (action === 'assign') {
    const driverId = await pickDriver(row);
    if (!driverId) return;
    path = `/api/orders/${row.orderId}/assign-driver`;
    body = {driverId: Number(driverId)};
  }
  try {
    await api(path, {method: 'POST', body, version, idempotent: true});
    toast(`${row.reference}: ${LABELS[action].toLowerCase()} done`, 'ok');
  } catch (e) {
    explain(e, () => loadQueue(false));
  }
}

/** The driver picker: every active driver with the orders they carry now. */
async function pickDriver(row) {
  const {body} = await api('/api/drivers' + query({active: true, limit: 200}));
  const select = $('#driver-choice');
  select.replaceChildren(...body.drivers.map(d => el('option', {value: d.driverId, selected: d.driverId === row.driverId},
    `${d.name} — ${d.activeLoad} active`)));
  const dialog = $('#driver-dialog');
  dialog.showModal();
  return new Promise(resolve => dialog.addEventListener('close',
    () => resolve(dialog.returnValue === 'ok' ? select.value : null), {once: true}));
}

function matchesFilters(row) {
  const f = filters();
  if (f.status && row.status !== f.status) return false;
  if (f.unassigned && row.driverId) return false;
  if (f.restaurantId && String(row.restaurantId) !== f.restaurantId) return false;
  if (f.driverId && String(row.driverId) !== f.driverId) return false;
  if (f.from && row.createdAt < f.from) return false;
  return !(f.to && row.createdAt >= f.to);
}

function applyChange(message) {
  queue.live.saw(message);
  const existing = queue.rows.get(message.orderId);
  if (!message.row) {
    existing?.remove();
    queue.rows.delete(message.orderId);
    return;
  }
  if (existing && Number(existing.dataset.version) >= message.version) return;
  const fresh = renderRow(message.row);
  fresh.classList.add('flash');
  if (existing) {
    matchesFilters(message.row) ? existing.replaceWith(fresh) : (existing.remove(), queue.rows.delete(message.orderId));
  } else if (queue.index === 0 && matchesFilters(message.row)) {
    $('#queue-rows').prepend(fresh);
  }
}

boardFeed('/api/dispatch/events', {onChange: applyChange, onResync: () => loadQueue(false)});

for (const id of ['#queue-status', '#queue-unassigned', '#queue-restaurant', '#queue-driver', '#queue-from', '#queue-to']) {
  $(id).addEventListener('change', () => loadQueue());
}
$('#queue-reload').addEventListener('click', () => loadQueue(false));
$('#queue-next').addEventListener('click', () => { queue.index++; loadQueue(false); });
$('#queue-first').addEventListener('click', () => loadQueue());

async function loadParties() {
  const [{body: restaurants}, {body: drivers}] = await Promise.all([
    api('/api/restaurants' + query({limit: 500})), api('/api/drivers' + query({limit: 500}))]);
  for (const select of ['#queue-restaurant', '#analytics-restaurant']) {
    $(select).append(...restaurants.restaurants.map(r => el('option', {value: r.restaurantId}, r.name)));
  }
  $('#queue-driver').append(...drivers.drivers.map(d => el('option', {value: d.driverId}, d.name)));
}

// ---- analytics ----
function tbilisiDay(date) {
  return new Intl.DateTimeFormat('en-CA', {timeZone: 'Asia/Tbilisi'}).format(date); // yyyy-MM-dd
}

async function loadAnalytics() {
  performance.mark('dms:analytics-asked');
  const days = Number($('#analytics-preset').value);
  const to = tbilisiDay(new Date(Date.now() + 24 * 3600 * 1000)); // through today
  const from = tbilisiDay(new Date(Date.now() - (days - 1) * 24 * 3600 * 1000));
  const restaurantId = $('#analytics-restaurant').value;
  const scope = {from, to, restaurantId};
  const [{body: kpis}, {body: revenue}] = await Promise.all([
    api('/api/analytics/kpis' + query(scope)), api('/api/analytics/revenue/daily' + query(scope)), queueShown.then(afterPaint).then(chartsLibrary)]);
  drawStatus(kpis.statusDistribution);
  drawRevenue(revenue.days);
  drawDelivery(kpis.deliveryTime.pickupToDelivery, kpis.deliveryTime.createdToDelivery);
  drawOnTime(kpis.onTime);
  markPainted('dms:charts');
  $('#analytics-figures').textContent = `${from} to ${to} (excl.): ${kpis.orders} orders, revenue ${money(kpis.revenue.total)}, `
    + `${kpis.revenue.deliveredOrders} delivered, on time ${kpis.onTime.onTime}/${kpis.onTime.eligible}`;
  // The CSV export is a plain link: the browser streams it to a file with the session cookie.
  $('#csv-export').href = '/api/analytics/orders.csv' + query({from, to});
}

$('#analytics-preset').addEventListener('change', loadAnalytics);
$('#analytics-restaurant').addEventListener('change', loadAnalytics);

const queueShown = loadQueue();
// A refused load (a signed-out or non-admin caller) only matters once it is known who is signed in: that
// caller is being sent to the sign-in page, and the promise below never settles.
await Promise.all([signedIn, queueShown, loadParties(), loadAnalytics()]).catch(e => signedIn.then(() => { throw e; }));
