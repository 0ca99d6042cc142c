// Citelens extension service worker: the only place that talks to the Citelens server, so pages never see its
// address and the page's own scripts cannot read the answers. No remote code: it fetches JSON only.
'use strict';

const DEFAULT_SERVER = 'http://localhost:7070';
const BATCH = 500; // the server's limit for POST /api/tallies

async function server() {
  const { server } = await chrome.storage.sync.get({ server: DEFAULT_SERVER });
  return String(server || DEFAULT_SERVER).replace(/\/+$/, '');
}

/** Tallies of many DOIs, asked in batches of at most 500, one batch after another. */
async function tallies(dois) {
  const base = await server();
  const out = {};
  for (let i = 0; i < dois.length; i += BATCH) {
    const res = await fetch(base + '/api/tallies', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(dois.slice(i, i + BATCH))
    });
    if (!res.ok) throw new Error(base + ' answered ' + res.status);
    Object.assign(out, (await res.json()).tallies);
  }
  return { base, tallies: out };
}

chrome.runtime.onMessage.addListener((message, sender, reply) => {
  if (!message || message.type !== 'citelens-tallies' || !Array.isArray(message.dois)) return false;
  tallies(message.dois.filter(d => typeof d === 'string').slice(0, 5000))
    .then(r => reply({ ok: true, base: r.base, tallies: r.tallies }))
    .catch(e => reply({ ok: false, error: String(e && e.message || e) }));
  return true; // the reply comes later
});
