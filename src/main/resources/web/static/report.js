// The report page: how one paper is cited. Metadata, tallies, sections, citing publications per year, statements.
'use strict';
(() => {
  const C = Citelens;
  const $ = id => document.getElementById(id);
  const doi = C.findDoi(location.pathname.replace(/^\/reports\//, ''));
  const PAGE = 25;
  let cursor = null;
  let seq = 0;
  let shown = 0;
  let allStatements = null;
  let feedback = false;
  const panel = C.filterPanel($('filters'), () => { syncTallies(); load(false); });

  function params() {
    const p = C.filterParams(panel.state);
    p.set('sort', $('sort').value);
    return p;
  }

  function exportLinks() {
    for (const [id, format] of [['exportCsv', 'csv'], ['exportJsonl', 'jsonl']]) {
      const p = C.filterParams(panel.state);
      p.set('cited', doi);
      p.set('format', format);
      $(id).href = '/api/export?' + p.toString();
    }
  }

  async function load(append) {
    const mine = ++seq;
    if (!append) { cursor = null; $('list').innerHTML = '<div class="spinner">Loading statements…</div>'; }
    const p = params();
    p.set('limit', String(PAGE));
    p.set('facets', 'true');
    if (append && cursor) p.set('cursor', cursor);
    exportLinks();
    try {
      const body = await C.api('/api/citations/' + doi + '?' + p.toString());
      if (mine !== seq) return;
      cursor = body.items.length ? body.nextCursor : null;
      const cards = body.items.map(it => C.statementCard(it, { feedback })).join('');
      if (append) $('list').insertAdjacentHTML('beforeend', cards);
      else $('list').innerHTML = cards || '<div class="empty">No statement matches these filters. <button type="button" class="linkish" id="clearAll">Clear the filters</button></div>';
      shown = (append ? shown : 0) + body.items.length;
      $('shown').textContent = C.fmt(shown);
      $('total').textContent = C.fmt(body.total);
      $('ofAll').textContent = allStatements != null && body.total !== allStatements ? ' (filtered from ' + C.fmt(allStatements) + ')' : '';
      if (!append) panel.render(body.facets);
      const rest = body.total - shown;
      $('more').hidden = !cursor || rest <= 0;
      $('more').textContent = rest > PAGE ? 'Load ' + PAGE + ' more (' + C.fmt(rest) + ' not shown)' : 'Load the remaining ' + C.fmt(rest);
      const clear = $('clearAll');
      if (clear) clear.addEventListener('click', () => panel.reset());
    } catch (e) {
      if (mine !== seq) return;
      $('list').innerHTML = '<div class="notice warn">' + C.esc(e.message) + '</div>';
    }
  }

  /** When a harvest recorded how many citing works are known, say how many of them the counts come from. */
  function renderCoverage(c) {
    const el = $('coverage');
    if (!c) { el.hidden = true; el.textContent = ''; return; }
    const unread = c.known - c.read;
    el.textContent = 'These counts come from the ' + C.fmt(c.read) + ' of ' + C.fmt(c.known)
      + ' known citing works whose full text was read' + (unread > 0 ? '; ' + C.fmt(unread) + ' could not be read (closed access, PDF only or failed), so their statements are not counted' : '')
      + ' (harvest of ' + String(c.recorded).slice(0, 10) + ').';
    el.hidden = false;
  }

  /** A banner per notice: retractions first in red, corrections and expressions of concern in amber. */
  function renderNotices(notices) {
    const words = { retraction: 'Retracted', correction: 'Corrected', concern: 'Expression of concern' };
    const order = { retraction: 0, concern: 1, correction: 2 };
    const sorted = (notices || []).slice().sort((a, b) => order[a.type] - order[b.type]);
    $('notices').innerHTML = sorted.map(n => '<div class="banner ' + C.esc(n.type) + '" role="note">'
      + '<strong>' + words[n.type] + (n.date ? ' on ' + C.esc(n.date) : '') + '</strong>'
      + (n.url ? ' — <a href="' + C.esc(n.url) + '" rel="noopener">read the notice</a>' : '')
      + (n.reason ? '<span class="why">' + C.esc(n.reason) + '</span>' : '')
      + (n.type === 'retraction' ? '<span class="why">Statements published after the retraction are marked.</span>' : '')
      + '</div>').join('');
  }

  /** Label tiles count statements (click to filter); the grey tiles count publications, and say so. */
  function renderTallies(t) {
    allStatements = t.total;
    const tiles = C.LABELS.map(l => '<button type="button" class="tally ' + l + '" data-label="' + l + '" title="Show only ' + l + ' statements">'
      + '<div class="n">' + C.fmt(t[l]) + '</div><div class="l">' + l + '</div><div class="u">' + (t[l] === 1 ? 'statement' : 'statements') + '</div></button>');
    tiles.push('<div class="tally static"><div class="n">' + C.fmt(t.citingPublications) + '</div><div class="l">citing publications</div>'
      + '<div class="u">with ' + C.fmt(t.total) + ' statements in all</div></div>');
    if (t.selfCitations != null) {
      const from = t.selfCitingPublications != null ? 'from ' + C.fmt(t.selfCitingPublications) + (t.selfCitingPublications === 1 ? ' publication' : ' publications') : '';
      tiles.push('<div class="tally static"><div class="n">' + C.fmt(t.selfCitations) + '</div><div class="l">self-citation statements</div><div class="u">' + from + '</div></div>');
    }
    $('tallies').innerHTML = tiles.join('');
    renderCoverage(t.coverage);
    $('stackbar').innerHTML = t.total ? C.LABELS.filter(l => t[l] > 0).map(l =>
      '<span title="' + l + ': ' + t[l] + '" style="width:' + (100 * t[l] / t.total).toFixed(2) + '%;background:' + C.COLORS[l] + '"></span>').join('') : '';
    $('tallies').querySelectorAll('button.tally').forEach(b => b.addEventListener('click', () => {
      const l = b.dataset.label;
      const only = panel.state.type.size === 1 && panel.state.type.has(l);
      panel.state.type.clear();
      if (!only) panel.state.type.add(l);
      syncTallies();
      load(false);
    }));
  }

  function syncTallies() {
    $('tallies').querySelectorAll('button.tally').forEach(b => b.classList.toggle('active', panel.state.type.has(b.dataset.label)));
  }

  function renderSections(s) {
    if (!s) { $('sections').innerHTML = '<div class="empty">No section data.</div>'; return; }
    const max = Math.max(1, ...C.SECTIONS.map(k => s[k] || 0));
    $('sections').innerHTML = C.SECTIONS.map(k => '<div class="sectionrow"><span class="name">' + k + '</span>'
      + '<span class="bar"><span style="width:' + (100 * (s[k] || 0) / max).toFixed(1) + '%"></span></span><span class="num">' + C.fmt(s[k]) + '</span></div>').join('');
  }

  /** Inline SVG bar chart, one bar per year from the first to the last citing year (gaps shown as zero). */
  function renderYears(perYear) {
    if (!perYear.length) { $('years').innerHTML = '<div class="empty">No dated citing publications.</div>'; return; }
    const byYear = new Map(perYear.map(y => [y.year, y.count]));
    const first = perYear[0].year, last = perYear[perYear.length - 1].year;
    const years = [];
    for (let y = first; y <= last; y++) years.push(y);
    const W = 520, H = 190, padL = 28, padB = 22, padT = 20;
    const max = Math.max(1, ...years.map(y => byYear.get(y) || 0));
    // whole-number gridlines only, each drawn once: with a maximum of 1 the halfway line would repeat "1"
    const ticks = [...new Set([0, Math.round(max / 2), max])];
    const bw = (W - padL) / years.length;
    const step = Math.ceil(years.length / 12);
    let svg = '<svg viewBox="0 0 ' + W + ' ' + H + '" role="img" aria-label="Citing publications per year">';
    for (const v of ticks) {
      const y = padT + (H - padT - padB) * (1 - v / max);
      svg += '<line x1="' + padL + '" x2="' + W + '" y1="' + y + '" y2="' + y + '" stroke="#e3e8ef"/>'
        + '<text class="tick" x="' + (padL - 6) + '" y="' + (y + 3) + '" text-anchor="end">' + v + '</text>';
    }
    years.forEach((y, i) => {
      const n = byYear.get(y) || 0;
      const h = (H - padT - padB) * n / max;
      const width = Math.min(bw * 0.7, 34);
      const mid = padL + i * bw + bw / 2;
      svg += '<rect class="bar" x="' + (mid - width / 2).toFixed(1) + '" y="' + (H - padB - h).toFixed(1) + '" width="' + width.toFixed(1) + '" height="' + h.toFixed(1) + '" rx="3"><title>' + y + ': ' + n + '</title></rect>';
      if (n > 0) svg += '<text x="' + mid.toFixed(1) + '" y="' + (H - padB - h - 4).toFixed(1) + '" text-anchor="middle" class="val">' + n + '</text>';
      if (i % step === 0) svg += '<text x="' + mid.toFixed(1) + '" y="' + (H - 6) + '" text-anchor="middle">' + y + '</text>';
    });
    $('years').innerHTML = svg + '</svg>';
  }

  $('list').addEventListener('submit', async ev => {
    const form = ev.target.closest('form.suggest-form');
    if (!form) return;
    ev.preventDefault();
    const id = form.closest('details').dataset.id;
    const out = form.querySelector('.result');
    form.querySelector('button').disabled = true;
    try {
      await C.suggest(id, form.elements.label.value, form.elements.comment.value);
      out.textContent = 'Thank you: suggestion recorded.';
    } catch (e) {
      out.textContent = e.message;
      form.querySelector('button').disabled = false;
    }
  });

  async function init() {
    if (!doi) { notFound('This address holds no DOI.'); return; }
    try {
      const p = await C.api('/api/papers/' + doi);
      const w = p.work || {};
      document.title = (w.title || doi) + ' — Citelens';
      $('title').textContent = w.title || doi;
      $('meta').innerHTML = [w.firstAuthor ? C.esc(w.firstAuthor) : '', w.journal ? '<i>' + C.esc(w.journal) + '</i>' : '', w.year || '',
        'doi:' + C.esc(doi), '<span class="links" id="workLinks">' + C.externalLinks({ doi, pmcid: w.pmcid, pmid: w.pmid }) + '</span>']
        .filter(Boolean).map(x => '<span>' + x + '</span>').join('');
      $('legend').innerHTML = C.legend();
      renderNotices(p.notices);
      try { feedback = (await C.api('/api/feedback')).suggestions === true; } catch (e) { feedback = false; }
      renderTallies(p.tallies);
      renderSections(p.sections);
      renderYears(p.citingPublicationsPerYear || []);
      load(false);
    } catch (e) {
      notFound(e.status === 404 ? 'No statement in this index cites ' + doi + ' yet.' : e.message);
    }
  }

  function notFound(message) {
    $('title').textContent = doi || 'Unknown paper';
    $('meta').innerHTML = '<div class="notice warn" id="notFound">' + C.esc(message) + ' <a href="/">Search the index</a></div>';
    $('charts').hidden = true;
    $('stackbar').hidden = true;
    $('body').hidden = true;
  }

  $('sort').addEventListener('change', () => load(false));
  $('more').addEventListener('click', () => load(true));
  init();
})();
