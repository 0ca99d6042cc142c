// The search page: one box for words, a DOI or "Author Year"; filters with facet counts; paged results.
'use strict';
(() => {
  const C = Citelens;
  const $ = id => document.getElementById(id);
  const AUTHOR_YEAR = /^([\p{L}][\p{L}'’\-]+)(?:\s+et\s+al\.?)?,?\s+((?:19|20)\d{2})[a-z]?$/u;
  let current = { q: '', cited: null };
  const PAGE = 20;
  let cursor = null;
  let seq = 0;
  let shown = 0;
  const panel = C.filterPanel($('filters'), () => run(false));

  function params(withCursor) {
    const p = C.filterParams(panel.state);
    if (current.q) p.set('q', current.q);
    if (current.cited) p.set('cited', current.cited);
    if ($('sort').value) p.set('sort', $('sort').value);
    p.set('limit', String(PAGE));
    if (withCursor && cursor) p.set('cursor', cursor);
    return p;
  }

  function notice(html, cls) {
    $('notices').insertAdjacentHTML('beforeend', '<div class="notice ' + (cls || '') + '">' + html + '</div>');
  }

  async function lookupWorks(text) {
    $('works').innerHTML = '';
    if (!AUTHOR_YEAR.test(text)) return;
    try {
      const body = await C.api('/api/works?q=' + encodeURIComponent(text) + '&limit=5');
      const works = (body.items || body.works || []).filter(w => w.doi);
      $('works').innerHTML = works.map(w => {
        const t = w.tallies || {};
        return '<div class="panel work"><div class="t"><a href="' + C.esc(C.reportUrl(w.doi)) + '"><b>' + C.esc(w.title || w.doi) + '</b></a>'
          + '<div class="ctx" style="font-size:13px;color:var(--muted)">' + C.esc([w.firstAuthor, w.year, w.journal].filter(Boolean).join(' · ')) + '</div></div>'
          + (t.total != null ? '<span class="tag">' + C.fmt(t.total) + ' citation statements</span>' : '')
          + '<a class="btn" href="' + C.esc(C.reportUrl(w.doi)) + '">Report →</a></div>';
      }).join('');
    } catch (e) {
      // the works route belongs to the resolver stage; without it the text search below still answers
    }
  }

  async function run(append) {
    const mine = ++seq;
    if (!append) { cursor = null; $('list').innerHTML = '<div class="spinner">Searching…</div>'; }
    const p = params(append);
    history.replaceState(null, '', '/?' + new URLSearchParams({ q: $('q').value }).toString());
    try {
      const body = await C.api('/api/search?' + p.toString());
      if (mine !== seq) return;
      cursor = body.items.length ? body.nextCursor : null;
      const cards = body.items.map(it => C.statementCard(it, { showCited: !current.cited })).join('');
      if (append) $('list').insertAdjacentHTML('beforeend', cards);
      else $('list').innerHTML = cards || '<div class="empty" id="noResults">No statement matches. Try fewer words, another spelling, or <button type="button" class="linkish" id="clearAll">clear the filters</button>.</div>';
      shown = (append ? shown : 0) + body.items.length;
      $('shown').textContent = C.fmt(shown);
      $('total').textContent = C.fmt(body.total);
      $('totalLabel').textContent = body.total === 1 ? 'statement' : 'statements';
      if (!append) panel.render(body.facets);
      const rest = body.total - shown;
      $('more').hidden = !cursor || rest <= 0;
      $('more').textContent = rest > PAGE ? 'Load ' + PAGE + ' more (' + C.fmt(rest) + ' not shown)' : 'Load the remaining ' + C.fmt(rest);
      const clear = $('clearAll');
      if (clear) clear.addEventListener('click', () => panel.reset());
    } catch (e) {
      if (mine !== seq) return;
      $('list').innerHTML = '<div class="notice warn">' + C.esc(e.message) + '</div>';
      $('more').hidden = true;
    }
  }

  function submit(text) {
    const value = text.trim();
    $('results').hidden = false;
    $('intro').hidden = true;
    $('legend').innerHTML = C.legend();
    $('notices').innerHTML = '';
    const doi = C.findDoi(value);
    if (doi) {
      current = { q: '', cited: doi };
      $('works').innerHTML = '';
      notice('Statements citing <b>' + C.esc(doi) + '</b> <a class="btn primary" id="openReport" href="' + C.esc(C.reportUrl(doi)) + '">Open full report →</a>');
    } else {
      current = { q: value, cited: null };
      lookupWorks(value);
    }
    run(false);
  }

  $('searchForm').addEventListener('submit', e => { e.preventDefault(); submit($('q').value); });
  $('sort').addEventListener('change', () => run(false));
  $('more').addEventListener('click', () => run(true));
  document.querySelectorAll('.examples button').forEach(b => b.addEventListener('click', () => { $('q').value = b.dataset.q; submit(b.dataset.q); }));
  C.api('/health').then(h => { $('stat').textContent = C.fmt(h.statements) + ' statements'; }).catch(() => {});
  const initial = new URLSearchParams(location.search).get('q');
  if (initial) { $('q').value = initial; submit(initial); }
})();
