// Citelens extension options: the server URL, and a check that says whether the server answers and accepts
// requests from the extension (CORS).
'use strict';

const DEFAULT_SERVER = 'http://localhost:7070';
const input = document.getElementById('server');
const status = document.getElementById('status');

function say(text, ok) {
  status.hidden = false;
  status.className = ok ? 'ok' : 'bad';
  status.textContent = text;
}

function valid(url) {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && !u.search && !u.hash;
  } catch (e) {
    return false;
  }
}

/**
 * Answers whether the server answers /health and POST /api/tallies, and whether its CORS headers let the extension's
 * origin read the answers. Chromium lets the extension ask any site its content script runs on; Firefox lets users
 * withhold that access, and then only the server's CORS headers make the requests work, so they are checked too.
 */
async function check(base) {
  let health;
  try {
    const res = await fetch(base + '/health', { cache: 'no-store' });
    if (!res.ok) return { ok: false, text: base + ' answered ' + res.status + ' to /health: is it a Citelens server?' };
    if (!allows(res)) return refused(base);
    try { health = await res.json(); } catch (e) { health = null; }
    if (!health || health.status !== 'ok') return { ok: false, text: base + '/health did not say ok: is it a Citelens server?' };
    const t = await fetch(base + '/api/tallies', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '[]'
    });
    if (!t.ok) return { ok: false, text: base + ' answered ' + t.status + ' to POST /api/tallies: is it a Citelens server?' };
    if (!allows(t)) return refused(base);
  } catch (e) {
    // a TypeError is either "unreachable" or "refused by CORS"; an opaque no-cors request tells them apart
    try {
      await fetch(base + '/health', { mode: 'no-cors', cache: 'no-store' });
      return refused(base);
    } catch (e2) {
      return { ok: false, kind: 'unreachable', text: 'Cannot reach ' + base + ': is the server running, and is the address right?' };
    }
  }
  return { ok: true, text: 'Connected to ' + base + ': ' + Number(health.statements).toLocaleString('en') + ' citation statements.' };
}

function allows(res) {
  const origin = res.headers.get('access-control-allow-origin');
  return origin === '*' || origin === location.origin;
}

function refused(base) {
  return { ok: false, kind: 'cors', text: base + ' answers, but refuses requests from this extension\'s origin (' +
    location.origin + '): its CORS headers do not allow it. Citelens servers allow every origin; is a proxy in front of it stripping Access-Control-Allow-Origin?' };
}

chrome.storage.sync.get({ server: DEFAULT_SERVER }).then(({ server }) => { input.value = server; });

document.getElementById('form').addEventListener('submit', async e => {
  e.preventDefault();
  const url = input.value.trim().replace(/\/+$/, '');
  if (!valid(url)) { say('Give the server as http://host:port or https://host, without a path query.', false); return; }
  await chrome.storage.sync.set({ server: url });
  say('Saved. Checking ' + url + '…', true);
  const r = await check(url);
  say(r.ok ? 'Saved. ' + r.text : 'Saved, but: ' + r.text, r.ok);
});

document.getElementById('check').addEventListener('click', async () => {
  const url = input.value.trim().replace(/\/+$/, '');
  if (!valid(url)) { say('Give the server as http://host:port or https://host.', false); return; }
  say('Checking ' + url + '…', true);
  const r = await check(url);
  say(r.text, r.ok);
  status.dataset.kind = r.ok ? 'ok' : (r.kind || 'error');
});
