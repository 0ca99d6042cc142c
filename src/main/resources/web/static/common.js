// Citelens: helpers shared by the search and report pages. Plain ES2020, no build step, no external resources.
'use strict';

const Citelens = (() => {
  const LABELS = ['supporting', 'mentioning', 'contrasting', 'unclassified'];
  const SECTIONS = ['introduction', 'methods', 'results', 'discussion', 'other'];
  const COLORS = { supporting: '#1a9a5a', contrasting: '#d9480f', mentioning: '#5c6f82', unclassified: '#9aa5b1' };
  const DOI_RE = /10\.\d{4,9}\/\S+/i;

  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  /** The DOI inside what a user typed or pasted (doi:, https://doi.org/ prefixes welcome), or null. */
  function findDoi(text) {
    const m = DOI_RE.exec(decodeURIComponent(String(text || '').trim().replace(/%(?![0-9a-f]{2})/gi, '%25')));
    return m ? m[0].replace(/[.,;:]+$/, '').toLowerCase() : null;
  }

  function reportUrl(doi) { return '/reports/' + doi; }

  async function api(path) {
    const res = await fetch(path, { headers: { Accept: 'application/json' } });
    let body = null;
    try { body = await res.json(); } catch (e) { /* not JSON: handled below */ }
    if (!res.ok) {
      const msg = body && body.error ? body.error.message : res.status + ' ' + res.statusText;
      const err = new Error(msg); err.status = res.status; throw err;
    }
    return body;
  }

  /**
   * The store's highlighted sentence keeps only <mark> and <mark class="marker"> from the server; everything else
   * becomes text, so nothing in a statement can inject markup.
   */
  function safeHighlight(html) {
    const doc = new DOMParser().parseFromString('<body>' + html + '</body>', 'text/html');
    const walk = node => Array.from(node.childNodes).map(n => {
      if (n.nodeType === 3) return esc(n.textContent);
      if (n.nodeType === 1 && n.tagName === 'MARK') {
        const cls = n.classList.contains('marker') ? ' class="marker"' : '';
        return '<mark' + cls + '>' + walk(n) + '</mark>';
      }
      return n.nodeType === 1 ? walk(n) : '';
    }).join('');
    return walk(doc.body);
  }

  /** The sentence with its own marker marked, for listings without server highlighting. */
  function markMarker(sentence, marker) {
    const s = String(sentence || '');
    const i = marker ? s.indexOf(marker) : -1;
    if (i < 0) return esc(s);
    return esc(s.slice(0, i)) + '<mark class="marker">' + esc(marker) + '</mark>' + esc(s.slice(i + marker.length));
  }

  function badge(label) {
    const l = LABELS.includes(label) ? label : 'unclassified';
    return '<span class="badge ' + l + '"><span class="dot" style="background:' + COLORS[l] + '"></span>' + l + '</span>';
  }

  /** "Surname et al., year" from the API's citeAs, else built from the authors ({surname, givenNames}). */
  function citeAs(c) {
    if (c.citeAs) return c.citeAs;
    const names = (c.authors || []).map(a => a && a.surname).filter(Boolean);
    if (!names.length) return '';
    const who = names.length > 2 ? names[0] + ' et al.' : names.join(' & ');
    return c.year ? who + ', ' + c.year : who;
  }

  /** Links to an article itself, outside Citelens: doi.org, and Europe PMC and PMC when it has a PMCID (or PMID). */
  function externalLinks(ids) {
    const links = [];
    if (ids.doi) links.push(['https://doi.org/' + ids.doi, 'doi.org']);
    if (ids.pmcid) {
      links.push(['https://europepmc.org/article/PMC/' + ids.pmcid, 'Europe PMC']);
      links.push(['https://pmc.ncbi.nlm.nih.gov/articles/' + ids.pmcid + '/', 'PMC']);
    } else if (ids.pmid) {
      links.push(['https://europepmc.org/article/MED/' + ids.pmid, 'Europe PMC']);
    }
    return links.map(([href, text]) => '<a class="ext" href="' + esc(href) + '" rel="noopener" target="_blank">' + esc(text) + ' ↗</a>').join('');
  }

  /**
   * What the labels and the confidence mean, and that they are machine-made: shown above every list of
   * statements (search results and reports), not only on the empty home page.
   */
  function legend() {
    return '<details class="panel legend" open><summary>What the labels mean <span class="hint">machine-made: a contrasting label is a pointer to read, not a verdict</span></summary>'
      + '<dl>'
      + '<div><dt>' + badge('supporting') + '</dt><dd>the citing authors\' own results agree with the cited work</dd></div>'
      + '<div><dt>' + badge('contrasting') + '</dt><dd>their results or argument disagree with it</dd></div>'
      + '<div><dt>' + badge('mentioning') + '</dt><dd>cited for background or a method, no judgement of its findings (all Methods and Introduction statements)</dd></div>'
      + '</dl><p><b>Confidence</b> is the labeller\'s estimated chance that its label is right, calibrated on held-out labelled statements of this corpus. '
      + 'On statements never trained on, 90% of supporting and 50% of contrasting labels were right; each statement names the model that labelled it. '
      + 'Unclassified: not labelled yet.</p></details>';
  }

  /** One statement card; {@code opts.showCited} adds the cited work (search results). */
  function statementCard(item, opts) {
    const o = opts || {};
    const sentence = item.highlighted ? safeHighlight(item.highlighted) : markMarker(item.sentence, item.marker);
    const c = item.citing || {};
    const w = item.cited || {};
    const citingTitle = esc(c.title || c.doi || 'Untitled article');
    const citingLink = c.doi ? '<a class="title" href="' + esc(reportUrl(c.doi)) + '" title="How this article is cited (Citelens report)">' + citingTitle + '</a>' : '<span class="title">' + citingTitle + '</span>';
    const who = citeAs(c);
    const citingMeta = [c.journal, who ? '' : c.year].filter(Boolean).map(esc).join(' · ');
    const links = externalLinks(c);
    let cited = '';
    if (o.showCited) {
      const t = esc(w.title || w.doi || w.workId || 'unknown work');
      const meta = [w.firstAuthor, w.year].filter(Boolean).map(esc).join(' ');
      cited = '<div><span class="lbl">Cites</span> ' + (w.doi ? '<a href="' + esc(reportUrl(w.doi)) + '">' + t + '</a>' : t) + (meta ? ' <span class="ctx">(' + meta + ')</span>' : '') + '</div>';
    }
    // a curator's label is not the model's guess: its confidence would describe another label
    const conf = typeof item.confidence === 'number' && item.label !== 'unclassified' && item.labelSource !== 'reviewed' ? Math.round(item.confidence * 100) + '% confidence' : '';
    return '<article class="panel statement" data-label="' + esc(item.label) + '">'
      + '<div class="head">' + badge(item.label)
      + (item.section ? '<span class="tag">' + esc(item.section) + '</span>' : '')
      + (item.selfCitation ? '<span class="tag self">self-citation</span>' : '')
      + (item.labelSource === 'reviewed' ? '<span class="tag reviewed" title="A curator reviewed this label (the model said ' + esc(item.modelLabel) + ')">reviewed label</span>' : '')
      + (item.citesRetracted === 'after' ? '<span class="tag retracted" title="Published in a later year than the retraction of the work it cites">cites after retraction</span>' : '')
      + (item.citedRetracted && item.citesRetracted !== 'after' ? '<span class="tag retracted-soft" title="The cited work has since been retracted">cited work retracted</span>' : '')
      + '<span class="conf">' + conf + '</span></div>'
      + '<div class="text">' + (item.before ? '<span class="ctx">' + esc(item.before) + ' </span>' : '')
      + '<span class="sentence">' + sentence + '</span>'
      + (item.after ? '<span class="ctx"> ' + esc(item.after) + '</span>' : '') + '</div>'
      + suggestControl(item, o)
      + '<div class="foot"><div><span class="lbl">From</span> ' + (who ? '<span class="citeas">' + esc(who) + '</span> ' : '') + citingLink
      + (citingMeta ? ' <span class="ctx">— ' + citingMeta + '</span>' : '') + (links ? ' <span class="links">' + links + '</span>' : '') + '</div>' + cited + '</div>'
      + '</article>';
  }

  /** Readers' suggestions so far, and (when the server takes them) a small form to add one. */
  function suggestControl(item, o) {
    const counts = item.suggestions || {};
    const said = LABELS.filter(l => counts[l]).map(l => counts[l] + ' ' + l).join(', ');
    const summary = said ? '<span class="suggested">Readers suggest: ' + esc(said) + '</span>' : '';
    if (!o.feedback) return summary ? '<div class="suggest">' + summary + '</div>' : '';
    const options = LABELS.filter(l => l !== 'unclassified').map(l => '<option value="' + l + '">' + l + '</option>').join('');
    return '<details class="suggest" data-id="' + esc(item.id) + '"><summary>Suggest a label' + summary + '</summary>'
      + '<form class="suggest-form"><select name="label" aria-label="Label">' + options + '</select>'
      + '<input name="comment" maxlength="1000" placeholder="Why (optional)" aria-label="Comment">'
      + '<button class="btn" type="submit">Send</button><span class="result" role="status"></span></form></details>';
  }

  /** Sends a suggestion as JSON (the server refuses form posts and other sites' requests). */
  async function suggest(id, label, comment) {
    const res = await fetch('/api/statements/' + encodeURIComponent(id) + '/feedback', {
      method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ label, comment }), credentials: 'same-origin'
    });
    let body = null;
    try { body = await res.json(); } catch (e) { /* not JSON */ }
    if (!res.ok) throw new Error(body && body.error ? body.error.message : res.status + ' ' + res.statusText);
    return body;
  }

  /**
   * The filter sidebar shared by both pages: label and section checkboxes with facet counts, year range,
   * journal, self-citations. {@code onChange(state)} fires on every change.
   */
  function filterPanel(root, onChange) {
    const state = { type: new Set(), section: new Set(), yearFrom: '', yearTo: '', journal: '', selfCitation: '' };
    function checkboxes(name, values, counts, colored) {
      return values.map(v => {
        const n = counts && counts[v] != null ? counts[v] : (counts ? 0 : '');
        const dot = colored ? '<span class="dot" style="background:' + COLORS[v] + '"></span>' : '';
        const zero = counts && !n && !state[name].has(v) ? ' zero' : '';
        return '<label class="facet' + zero + '"><input type="checkbox" name="' + name + '" value="' + v + '"' + (state[name].has(v) ? ' checked' : '') + '>'
          + dot + '<span class="name">' + v + '</span><span class="count">' + n + '</span></label>';
      }).join('');
    }
    function render(facets) {
      const f = facets || {};
      const journals = Object.entries(f.journal || {}).sort((a, b) => b[1] - a[1]).slice(0, 30);
      if (state.journal && !journals.some(([j]) => j === state.journal)) journals.unshift([state.journal, '']);
      root.innerHTML = '<h3>Label</h3>' + checkboxes('type', LABELS, f.label, true)
        + '<h3>Section</h3>' + checkboxes('section', SECTIONS, f.section, false)
        + '<h3>Citing year</h3><div class="years"><input id="yearFrom" inputmode="numeric" placeholder="from" value="' + esc(state.yearFrom) + '">'
        + '<span>–</span><input id="yearTo" inputmode="numeric" placeholder="to" value="' + esc(state.yearTo) + '"></div>'
        + '<h3>Journal</h3><select id="journal"><option value="">All journals</option>'
        + journals.map(([j, n]) => '<option value="' + esc(j) + '"' + (j === state.journal ? ' selected' : '') + '>' + esc(j) + (n !== '' ? ' (' + n + ')' : '') + '</option>').join('') + '</select>'
        + '<h3>Self-citations</h3><select id="selfCitation">'
        + [['', 'Include'], ['exclude', 'Exclude'], ['only', 'Only self-citations']].map(([v, t]) => '<option value="' + v + '"' + (v === state.selfCitation ? ' selected' : '') + '>' + t + '</option>').join('')
        + '</select><button class="reset" type="button">Clear filters</button>';
      root.querySelectorAll('input[type=checkbox]').forEach(cb => cb.addEventListener('change', () => {
        cb.checked ? state[cb.name].add(cb.value) : state[cb.name].delete(cb.value);
        onChange(state);
      }));
      ['yearFrom', 'yearTo'].forEach(id => root.querySelector('#' + id).addEventListener('change', e => {
        state[id] = e.target.value.trim(); onChange(state);
      }));
      ['journal', 'selfCitation'].forEach(id => root.querySelector('#' + id).addEventListener('change', e => {
        state[id] = e.target.value; onChange(state);
      }));
      root.querySelector('.reset').addEventListener('click', reset);
    }
    function reset() {
      state.type.clear(); state.section.clear(); state.yearFrom = state.yearTo = state.journal = state.selfCitation = '';
      onChange(state);
    }
    return { state, render, reset };
  }

  /** Query-string parameters of the filter state (shared by the listing and the export links). */
  function filterParams(state, params) {
    const p = params || new URLSearchParams();
    if (state.type.size) p.set('type', [...state.type].join(','));
    if (state.section.size) p.set('section', [...state.section].join(','));
    if (/^\d{4}$/.test(state.yearFrom)) p.set('yearFrom', state.yearFrom);
    if (/^\d{4}$/.test(state.yearTo)) p.set('yearTo', state.yearTo);
    if (state.journal) p.set('journal', state.journal);
    if (state.selfCitation) p.set('selfCitation', state.selfCitation);
    return p;
  }

  function fmt(n) { return Number(n || 0).toLocaleString('en-US'); }

  return { LABELS, SECTIONS, COLORS, esc, findDoi, reportUrl, api, suggest, badge, statementCard, filterPanel, filterParams, fmt, citeAs, externalLinks, legend };
})();
