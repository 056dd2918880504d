import {$, el, api, requireRole, boardFeed, firstDataShown, money, when, query, askReason, statusBadge, explain, toast, NewestRows} from './common.js';

const me = await requireRole('restaurant');
const restaurantId = me.partyId;
const PAGE = 20;

// ---- board: keyset pages, filters, reference search, live changes ----
const board = {cursors: [null], index: 0, rows: new Map(), live: new NewestRows()};

function filters() {
  return {status: $('#board-status').value, from: $('#board-from').value, to: $('#board-to').value};
}

async function loadBoard(reset = true) {
  if (reset) { board.cursors = [null]; board.index = 0; }
  const text = $('#board-search').value.trim();
  let orders, next = null;
  if (text) {
    // Trigram/substring search on the reference: ranked, one page.
    ({body: {orders}} = await api('/api/orders/search' + query({q: text, limit: 50})));
  } else {
    const {body} = await api(`/api/restaurants/${restaurantId}/orders` + query({...filters(), limit: PAGE, cursor: board.cursors[board.index]}));
    orders = body.orders;
    next = body.nextCursor;
  }
  board.cursors[board.index + 1] = next;
  board.rows.clear();
  $('#board-rows').replaceChildren(...board.live.newest(orders, row => text || matchesFilters(row)).map(renderRow));
  $('#board-rows').dataset.loadedFor = text;
  $('#board-next').disabled = !next;
  $('#board-first').disabled = board.index === 0;
  $('#board-count').textContent = `page ${board.index + 1}, ${orders.length} orders`;
  firstDataShown();
}

function renderRow(row) {
  const tr = el('tr', {dataset: {orderId: row.orderId, version: row.version, status: row.status}},
    el('td', {class: 'ref'}, row.reference), el('td', {}, statusBadge(row.status)), el('td', {class: 'num'}, row.itemCount),
    el('td', {class: 'num'}, money(row.totalAmount)), el('td', {}, when(row.requestedDeliveryAt)), el('td', {}, when(row.createdAt)),
    el('td', {}, el('div', {class: 'actions'}, row.status === 'pending'
      ? el('button', {class: 'danger cancel', type: 'button', onclick: () => cancel(row)}, 'Cancel') : null)));
  board.rows.set(row.orderId, tr);
  return tr;
}

async function cancel(row) {
  const reason = await askReason(`Cancel ${row.reference}`);
  if (!reason) return;
  try {
    await api(`/api/orders/${row.orderId}/cancel`, {method: 'POST', body: {reason}, version: row.version, idempotent: true});
    toast(`${row.reference} cancelled`, 'ok');
  } catch (e) {
    explain(e, () => loadBoard(false));
  }
}

function matchesFilters(row) {
  const f = filters();
  if (f.status && row.status !== f.status) return false;
  if (f.from && row.createdAt < f.from) return false;
  if (f.to && row.createdAt >= f.to) return false;
  return !$('#board-search').value.trim();
}

function applyChange(message) {
  board.live.saw(message);
  const existing = board.rows.get(message.orderId);
  if (message.change === 'moved' || !message.row) {
    existing?.remove();
    board.rows.delete(message.orderId);
    return;
  }
  if (existing && Number(existing.dataset.version) >= message.version) return;
  const fresh = renderRow(message.row);
  fresh.classList.add('flash');
  if (existing) {
    matchesFilters(message.row) ? existing.replaceWith(fresh) : existing.remove();
  } else if (board.index === 0 && matchesFilters(message.row)) {
    $('#board-rows').prepend(fresh); // newest first: a new order goes on top of the first page
  }
}

boardFeed(`/api/restaurants/${restaurantId}/board/events`, {onChange: applyChange, onResync: () => loadBoard(false)});

for (const id of ['#board-status', '#board-from', '#board-to']) $(id).addEventListener('change', () => loadBoard());
let searchTimer;
$('#board-search').addEventListener('input', () => { clearTimeout(searchTimer); searchTimer = setTimeout(() => loadBoard(), 300); });
$('#board-next').addEventListener('click', () => { board.index++; loadBoard(false); });
$('#board-first').addEventListener('click', () => loadBoard());

// ---- new order: catalogue search, quantities, running total ----
const cart = new Map(); // productId -> {product, quantity}
let catalogueCursor = null;

async function loadCatalogue(reset = true) {
  if (reset) catalogueCursor = null;
  const q = $('#catalogue-search').value.trim();
  const {body} = await api('/api/products' + query({q, limit: 30, cursor: catalogueCursor}));
  catalogueCursor = body.nextCursor;
  const rows = body.products.map(p => el('tr', {dataset: {productId: p.productId}},
    el('td', {}, p.name, el('div', {class: 'muted'}, p.category)), el('td', {}, p.unit), el('td', {class: 'num'}, money(p.price)),
    el('td', {class: 'num'}, el('input', {class: 'qty', type: 'number', min: '0', step: p.unit === 'kg' || p.unit === 'l' ? '0.001' : '1',
      value: cart.get(p.productId)?.quantity ?? '', 'aria-label': `quantity of ${p.name}`,
      oninput: e => setQuantity(p, e.target.value)}))));
  reset ? $('#catalogue-rows').replaceChildren(...rows) : $('#catalogue-rows').append(...rows);
  $('#catalogue-more').disabled = !catalogueCursor;
}

function setQuantity(product, value) {
  const quantity = Number(value);
  if (value === '' || !(quantity > 0)) cart.delete(product.productId);
  else cart.set(product.productId, {product, quantity: value});
  let total = 0;
  for (const {product: p, quantity: q} of cart.values()) total += Number(p.price) * Number(q);
  $('#order-total').textContent = money(total);
  $('#order-lines').textContent = cart.size;
  $('#place-order').disabled = cart.size === 0;
}

$('#catalogue-search').addEventListener('input', () => { clearTimeout(searchTimer); searchTimer = setTimeout(() => loadCatalogue(), 300); });
$('#catalogue-more').addEventListener('click', () => loadCatalogue(false));

function defaultDeliveryTime() {
  const t = new Date(Date.now() + 24 * 3600 * 1000);
  t.setHours(10, 0, 0, 0);
  const pad = n => String(n).padStart(2, '0');
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}T${pad(t.getHours())}:${pad(t.getMinutes())}`;
}
$('#order-time').value = defaultDeliveryTime();

$('#order-form').addEventListener('submit', async event => {
  event.preventDefault();
  $('#place-order').disabled = true;
  try {
    const {body} = await api('/api/orders', {method: 'POST', idempotent: true, body: {
      // Numbers, not the inputs' text: the command API takes no "2" for 2.
      items: [...cart.values()].map(({product, quantity}) => ({productId: product.productId, quantity: Number(quantity)})),
      deliveryAddress: $('#order-address').value,
      requestedDeliveryAt: new Date($('#order-time').value).toISOString(),
      notes: $('#order-notes').value || undefined}});
    toast(`Order ${body.reference} placed`, 'ok');
    cart.clear();
    setQuantity({productId: -1}, '');
    await loadCatalogue();
  } catch (e) {
    const fields = e.problem?.errors?.map(f => `${f.field}: ${f.message}`).join('; ');
    toast(fields || e.message, 'error');
  } finally {
    $('#place-order').disabled = cart.size === 0;
  }
});

await Promise.all([loadBoard(), loadCatalogue()]);
