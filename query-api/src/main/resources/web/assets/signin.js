import {$, firstDataShown} from './common.js';

const HOME = {admin: '/dispatch', restaurant: '/restaurant', driver: '/driver'};

// Already signed in (a valid cookie): straight to the screen.
fetch('/api/me', {credentials: 'same-origin'}).then(r => r.ok ? r.json() : null).then(me => {
  if (me && HOME[me.role]) location.replace(HOME[me.role]);
}).catch(() => {});

if (new URLSearchParams(location.search).has('expired')) {
  $('#sign-in-error').textContent = 'Your session ended; sign in again.';
}

$('#sign-in-form').addEventListener('submit', async event => {
  event.preventDefault();
  $('#sign-in-error').textContent = '';
  const response = await fetch('/api/session/cookie', {
    method: 'POST', credentials: 'same-origin', headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({username: $('#username').value, password: $('#password').value})});
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    $('#sign-in-error').textContent = problem?.detail || `sign-in failed (HTTP ${response.status})`;
    return;
  }
  const session = await response.json();
  location.assign(HOME[session.role] || '/');
});

firstDataShown();
