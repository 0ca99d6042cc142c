// Citelens reference check page: posts the manuscript to /api/reference-check and shows a sortable table.
'use strict';

(() => {
  const { esc } = Citelens;
  const $ = id => document.getElementById(id);
  let upload = null; // { name, bytes } of an uploaded file, sent as is (XML stays XML)
  let report = null;
  let sort = { key: 'position', dir: 1 };

  $('file').addEventListener('change', async () => {
    const f = $('file').files[0];
    if (!f) return;
    upload = { name: f.name, bytes: await f.arrayBuffer() };
    $('fileName').textContent = f.name + ' (' + Math.round(f.size / 1024) + ' KB)';
    $('text').value = '';
    run();
  });
  $('text').addEventListener('input', () => { upload = null; $('fileName').textContent = ''; });
  $('form').addEventListener('submit', e => { e.preventDefault(); run(); });

  function body() {
    return upload ? { data: upload.bytes, name: upload.name } : { data: $('text').value, name: 'pasted.txt' };
  }

  async function post(format) {
    const b = body();
    const res = await fetch('/api/reference-check?format=' + format + '&name=' + encodeURIComponent(b.name), {
      method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: b.data
    });
    if (!res.ok) {
      let msg = res.status + ' ' + res.statusText;
      try { const j = await res.json(); if (j.error) msg = j.error.message; } catch (e) { /* not JSON */ }
      throw new Error(msg);
    }
    return format === 'csv' ? res.blob() : res.json();
  }

  async function run() {
    const b = body();
    if (!upload && !String(b.data).trim()) { status('Paste a reference list or upload a manuscript first.', true); return; }
    status('<span class="spinner"></span> Checking references…');
    $('run').disabled = true;
    try {
      report = await post('json');
      status('');
      show();
      const csv = await post('csv');
      $('csv').href = URL.createObjectURL(csv);
    } catch (e) {
      status(esc(e.message), true);
      $('result').hidden = true;
    } finally {
      $('run').disabled = false;
    }
  }

  function status(html, warn) {
    $('status').innerHTML = html ? '<div class="notice' + (warn ? ' warn' : '') + '" id="' + (warn ? 'error' : 'progress') + '">' + html + '</div>' : '';
  }

  function value(item, key) {
    const t = item.tallies || {};
    switch (key) {
      case 'position': return item.position;
      case 'raw': return item.raw.toLowerCase();
      case 'work': return item.work ? (item.work.firstAuthor || '') + ' ' + (item.work.year || '') : '\uffff';
      case 'confidence': return item.status === 'resolved' ? item.confidence : -1;
      case 'own': return item.statements.length;
      default: return t[key] == null ? -1 : t[key];
    }
  }

  function show() {
    const r = report;
    $('result').hidden = false;
    $('summary').innerHTML =
      '<span><b id="nRefs">' + r.references + '</b> references</span>' +
      '<span><b id="nResolved">' + r.resolved + '</b> resolved</span>' +
      '<span><b id="nUnresolved">' + r.unresolved + '</b> unresolved</span>' +
      '<span><b id="nContrasting">' + r.withContrasting + '</b> with contrasting citations</span>' +
      '<span>read as ' + esc(r.format) + (r.labelModel ? ', own statements labelled by ' + esc(r.labelModel) : '') + '</span>';
    const items = r.items.slice().sort((a, b) => {
      const va = value(a, sort.key), vb = value(b, sort.key);
      return (va < vb ? -1 : va > vb ? 1 : a.position - b.position) * sort.dir;
    });
    document.querySelectorAll('#table th').forEach(th => {
      th.setAttribute('aria-sort', th.dataset.key === sort.key ? (sort.dir > 0 ? 'ascending' : 'descending') : 'none');
    });
    $('rows').innerHTML = items.map(row).join('');
  }

  function row(it) {
    const t = it.tallies;
    const w = it.work;
    const work = w
      ? '<a href="/reports/' + esc(w.doi) + '">' + esc(w.title || w.doi) + '</a><span class="hint">' +
        esc([w.firstAuthor, w.year].filter(Boolean).join(', ')) + (w.doi ? ' · ' + esc(w.doi) : '') + '</span>'
      : 'Unresolved' + (it.parsed && it.parsed.doi ? ' <span class="hint">(' + esc(it.parsed.doi) + ' is not in this index)</span>' : '');
    const own = it.statements.map(s => '<span class="badge ' + esc(s.label) + ' own" title="' + esc(s.sentence) + '">' + esc(s.label) + '</span>').join('');
    const n = v => t ? String(v) : '–';
    return '<tr class="' + esc(it.status) + '" data-position="' + it.position + '">' +
      '<td class="num">' + it.position + '</td>' +
      '<td class="raw">' + esc(it.raw) + '</td>' +
      '<td class="resolved-to">' + work + '</td>' +
      '<td class="num">' + (it.status === 'resolved' ? Math.round(it.confidence * 100) + '%' : '–') + '</td>' +
      '<td class="num s">' + n(t && t.supporting) + '</td>' +
      '<td class="num m">' + n(t && t.mentioning) + '</td>' +
      '<td class="num c">' + n(t && t.contrasting) + '</td>' +
      '<td>' + (own || '<span class="hint">–</span>') + '</td></tr>';
  }

  document.querySelectorAll('#table th').forEach(th => th.addEventListener('click', () => {
    const key = th.dataset.key;
    sort = { key, dir: sort.key === key ? -sort.dir : (key === 'position' || key === 'raw' || key === 'work' ? 1 : -1) };
    if (report) show();
  }));
  $('contrastingFirst').addEventListener('click', () => { sort = { key: 'contrasting', dir: -1 }; show(); });
  $('unresolvedFirst').addEventListener('click', () => { sort = { key: 'confidence', dir: 1 }; show(); });
  $('manuscriptOrder').addEventListener('click', () => { sort = { key: 'position', dir: 1 }; show(); });
})();
