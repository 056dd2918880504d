import {$, el, api, requireRole, firstDataShown, liveState, showAge, money, when, statusBadge, explain, toast} from './common.js';

const me = await requireRole('driver');
const driverId = me.partyId;
const ACTIVE = new Set(['confirmed', 'preparing', 'ready', 'out_for_delivery']);
const orders = new Map(); // orderId -> OrderView

/**
 * The live queue over the WebSocket (the cookie authenticates the handshake). The page keeps the
 * cursor of the last message it applied; after a lost connection it reconnects with backoff
 * (0.5 s doubling to 15 s, with jitter) and resumes with ?after=cursor, so the changes it missed
 * are replayed in order. Until the first hello it holds changes back and applies them after the
 * queue is loaded, by version.
 */
const live = {cursor: null, socket: null, attempt: 0, loaded: false, held: [], lastMessage: 0};

function connect() {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const url = `${scheme}://${location.host}/api/drivers/${driverId}/live` + (live.cursor ? `?after=${encodeURIComponent(live.cursor)}` : '');
  liveState(live.attempt === 0 && !live.cursor ? 'connecting' : 'reconnecting');
  const socket = new WebSocket(url);
  live.socket = socket;
  socket.addEventListener('message', e => onMessage(JSON.parse(e.data)));
  socket.addEventListener('close', e => {
    if (live.socket !== socket) return;
    if (e.code === 1008 && /session revoked/.test(e.reason)) { liveState('down', 'signed out'); return; }
    if (e.code === 4401) { location.assign('/?expired=1'); return; }
    scheduleReconnect(e.code === 4403 ? 'not yours' : '');
  });
  socket.addEventListener('error', () => {}); // close follows
}

function scheduleReconnect(detail) {
  live.attempt++;
  const delay = Math.min(15000, 500 * 2 ** Math.min(live.attempt - 1, 5)) * (0.75 + Math.random() * 0.5);
  liveState('reconnecting', detail || `retry in ${(delay / 1000).toFixed(1)} s`);
  setTimeout(connect, delay);
}

async function onMessage(message) {
  live.lastMessage = Date.now();
  switch (message.type) {
    case 'hello':
      live.attempt = 0;
      liveState('live');
      if (!live.cursor) {
        live.cursor = message.cursor;
        await loadQueue();
      }
      break;
    case 'change':
      if (!live.loaded) { live.held.push(message); break; }
      apply(message);
      break;
    case 'resync':
      live.cursor = message.cursor;
      await loadQueue();
      break;
    case 'closing':
      if (message.cursor) live.cursor = message.cursor;
      liveState('reconnecting', message.reason);
      break;
  }
}

function apply(message) {
  live.cursor = message.cursor;
  if (message.commitMs) showAge(Math.max(0, Date.now() - message.commitMs));
  const current = orders.get(message.orderId);
  if (current && current.version >= message.version) return;
  if (message.change === 'unassigned' || !message.order || !ACTIVE.has(message.order.status)) {
    orders.delete(message.orderId);
  } else {
    orders.set(message.orderId, message.order);
  }
  render(message.orderId);
}

async function loadQueue() {
  const {body} = await api(`/api/drivers/${driverId}/deliveries`);
  orders.clear();
  for (const order of body.orders) orders.set(order.orderId, order);
  live.loaded = true;
  const held = live.held.splice(0);
  held.forEach(apply);
  render();
  firstDataShown();
}

function render(changedId) {
  const sorted = [...orders.values()].sort((a, b) => a.requestedDeliveryAt.localeCompare(b.requestedDeliveryAt));
  $('#deliveries').replaceChildren(...sorted.map(order => card(order, order.orderId === changedId)));
  $('#queue-empty').hidden = orders.size > 0;
}

function card(order, changed) {
  const button = order.status === 'ready' ? el('button', {type: 'button', class: 'pick-up', onclick: () => act(order, 'pick-up')}, 'Picked up')
    : order.status === 'out_for_delivery' ? el('button', {type: 'button', class: 'deliver', onclick: () => act(order, 'deliver')}, 'Delivered')
      : el('p', {class: 'muted'}, 'Being prepared');
  return el('article', {class: `card delivery${changed ? ' flash' : ''}`, dataset: {orderId: order.orderId, status: order.status, version: order.version}},
    el('div', {class: 'ref'}, order.reference, ' ', statusBadge(order.status)),
    el('div', {}, order.restaurant?.name || `restaurant ${order.restaurantId}`, ' → ', order.deliveryAddress),
    el('div', {class: 'muted'}, `by ${when(order.requestedDeliveryAt)} · ${order.itemCount} lines · ${money(order.totalAmount)}`),
    order.notes ? el('div', {class: 'muted'}, order.notes) : null,
    button);
}

async function act(order, action) {
  try {
    await api(`/api/orders/${order.orderId}/${action}`, {method: 'POST', version: order.version, idempotent: true});
    toast(`${order.reference}: ${action === 'pick-up' ? 'picked up' : 'delivered'}`, 'ok');
  } catch (e) {
    explain(e, loadQueue);
  }
}

// A connection that died silently (no close seen, e.g. a phone changing networks): the server pings
// every 20 s, so 45 s without any message means it is gone; close it and resume.
setInterval(() => {
  const socket = live.socket;
  if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify({type: 'ping'}));
  if (socket && live.lastMessage && Date.now() - live.lastMessage > 45000) {
    live.lastMessage = Date.now();
    live.socket = null;
    socket.close();
    scheduleReconnect('no answer');
  }
}, 15000);

connect();
