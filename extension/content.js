// Citelens extension content script: finds the DOIs of the page, asks the server (through the service worker) for
// their tallies in batches of 500, and puts a small badge beside each DOI the server knows. Nothing is sent for a
// page without DOIs; unknown DOIs get no badge. Badges live in shadow roots (the page's CSS cannot reach them) and
// are inserted a slice at a time so a page with thousands of DOIs stays responsive.
'use strict';

(function () {
  if (window.__citelensScanned) return;
  window.__citelensScanned = true;

  var MAX_DOIS = 5000;        // distinct DOIs asked per page (10 requests at most)
  var MAX_PLACES = 10000;     // badges per page
  var SLICE = 200;            // badges inserted per animation frame
  var SKIP = { SCRIPT: 1, STYLE: 1, NOSCRIPT: 1, TEXTAREA: 1, INPUT: 1, SELECT: 1, OPTION: 1, TEMPLATE: 1, SVG: 1 };
  var META = ['citation_doi', 'dc.identifier', 'dc.identifier.doi', 'prism.doi', 'bepress_citation_doi', 'doi'];

  var state = { articleDoi: null, dois: [], known: 0, badges: 0, base: null, error: null, done: false };

  /** The page's own article: its meta tags first, then JSON-LD. */
  function articleDoi() {
    var metas = document.querySelectorAll('meta[name], meta[property]');
    for (var k = 0; k < META.length; k++) {
      for (var i = 0; i < metas.length; i++) {
        var name = (metas[i].getAttribute('name') || metas[i].getAttribute('property') || '').toLowerCase();
        if (name === META[k]) {
          var d = CitelensDoi.normalize(metas[i].getAttribute('content'));
          if (d) return d;
        }
      }
    }
    var ld = jsonLdDois();
    return ld.length ? ld[0] : null;
  }

  function jsonLdDois() {
    var out = [];
    var scripts = document.querySelectorAll('script[type="application/ld+json"]');
    for (var i = 0; i < scripts.length; i++) {
      try { walk(JSON.parse(scripts[i].textContent), out, 0); } catch (e) { /* malformed JSON-LD: ignored */ }
    }
    return out;
  }

  function walk(node, out, depth) {
    if (node == null || depth > 8 || out.length > 50) return;
    if (typeof node === 'string') {
      var d = /doi/i.test(node) || /^10\./.test(node) ? CitelensDoi.normalize(node) : null;
      if (d && out.indexOf(d) < 0) out.push(d);
    } else if (Array.isArray(node)) {
      node.forEach(function (n) { walk(n, out, depth + 1); });
    } else if (typeof node === 'object') {
      ['doi', 'identifier', 'sameAs', '@id', 'url', 'value', 'propertyID'].forEach(function (k) {
        if (k in node) walk(node[k], out, depth + 1);
      });
    }
  }

  /** Where to put badges: after links to a DOI, and after DOIs written in the text. */
  function places() {
    var found = [];
    var links = document.querySelectorAll('a[href]');
    for (var i = 0; i < links.length && found.length < MAX_PLACES; i++) {
      var d = CitelensDoi.inLink(links[i].getAttribute('href'));
      if (d) found.push({ kind: 'link', el: links[i], doi: d });
    }
    var walker = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT, {
      acceptNode: function (n) {
        if (n.nodeValue.indexOf('10.') < 0) return NodeFilter.FILTER_REJECT;
        for (var p = n.parentElement; p; p = p.parentElement) {
          if (SKIP[p.tagName.toUpperCase()] || p.isContentEditable) return NodeFilter.FILTER_REJECT;
          if (p.classList && p.classList.contains('citelens-badge')) return NodeFilter.FILTER_REJECT;
          if (p.tagName === 'A' && CitelensDoi.inLink(p.getAttribute('href'))) return NodeFilter.FILTER_REJECT;
        }
        return NodeFilter.FILTER_ACCEPT;
      }
    });
    for (var n = walker.nextNode(); n && found.length < MAX_PLACES; n = walker.nextNode()) {
      CitelensDoi.allIn(n.nodeValue).forEach(function (m) {
        found.push({ kind: 'text', node: n, end: m.end, doi: m.doi });
      });
    }
    return found;
  }

  var NOTICE_WORDS = { retraction: 'Retracted', concern: 'Expression of concern', correction: 'Corrected' };
  var NOTICE_ORDER = { retraction: 0, concern: 1, correction: 2 };

  /** The notice a badge shows: a retraction before an expression of concern before a correction. */
  function gravest(notices) {
    if (!notices || !notices.length) return null;
    return notices.slice().sort(function (x, y) {
      return (NOTICE_ORDER[x.type] === undefined ? 9 : NOTICE_ORDER[x.type]) -
        (NOTICE_ORDER[y.type] === undefined ? 9 : NOTICE_ORDER[y.type]);
    })[0];
  }

  function badge(doi, t, base) {
    var host = document.createElement('span');
    host.className = 'citelens-badge';
    host.setAttribute('data-doi', doi);
    host.setAttribute('data-supporting', t.supporting);
    host.setAttribute('data-mentioning', t.mentioning);
    host.setAttribute('data-contrasting', t.contrasting);
    var notice = gravest(t.notices);
    if (notice) host.setAttribute('data-notice', notice.type);
    // inline and small: never a block, never wider than its text, whatever the page's CSS says of spans
    host.style.setProperty('display', 'inline-block', 'important');
    host.style.setProperty('margin', '0 0 0 4px', 'important');
    host.style.setProperty('vertical-align', 'baseline', 'important');
    host.style.setProperty('line-height', '1', 'important');
    host.style.setProperty('float', 'none', 'important');
    host.style.setProperty('position', 'static', 'important');
    var root = host.attachShadow({ mode: 'open' });
    var style = document.createElement('style');
    style.textContent =
      ':host{all:initial;display:inline-block}' +
      'a{display:inline-flex;gap:0;border:1px solid #d5dbe4;border-radius:4px;overflow:hidden;background:#fff;' +
      'font:600 11px/1 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;text-decoration:none;white-space:nowrap}' +
      'a:hover{border-color:#2f5bea}' +
      'span{padding:2px 5px}' +
      '.s{color:#1a9a5a}.m{color:#5c6f82}.c{color:#d9480f}' +
      '.n{color:#fff;background:#c92a2a}.n.concern,.n.correction{background:#e67700}';
    var a = document.createElement('a');
    a.href = base + '/reports/' + doi;
    a.target = '_blank';
    a.rel = 'noopener';
    a.title = 'Citelens: ' + t.supporting + ' supporting, ' + t.mentioning + ' mentioning, ' + t.contrasting +
      ' contrasting citation statements from ' + t.citingPublications + ' citing publications. Click for the report.';
    if (notice) {
      // a retracted or flagged work says so first: the reader should know before reading any count
      var flag = document.createElement('span');
      flag.className = 'n ' + notice.type;
      flag.textContent = NOTICE_WORDS[notice.type] || notice.type;
      a.appendChild(flag);
      a.title = 'Citelens: ' + (NOTICE_WORDS[notice.type] || notice.type) + (notice.date ? ' on ' + notice.date : '') +
        '. ' + a.title.substring('Citelens: '.length);
    }
    [['s', '\u2714 ', t.supporting], ['m', '\u2022 ', t.mentioning], ['c', '\u2716 ', t.contrasting]].forEach(function (p) {
      var span = document.createElement('span');
      span.className = p[0];
      span.textContent = p[1] + p[2];
      a.appendChild(span);
    });
    root.appendChild(style);
    root.appendChild(a);
    return host;
  }

  /**
   * Inserts the badges a slice per frame, last place first: splitting a text node after its last DOI leaves the
   * offsets of its earlier DOIs valid.
   */
  function insert(found, tallies, base) {
    var known = found.filter(function (p) { return tallies[p.doi]; }).reverse();
    var i = 0;
    function step() {
      var stop = Math.min(known.length, i + SLICE);
      for (; i < stop; i++) {
        var p = known[i];
        var b = badge(p.doi, tallies[p.doi], base);
        if (p.kind === 'link') {
          p.el.parentNode.insertBefore(b, p.el.nextSibling);
        } else if (p.node.parentNode) {
          var rest = p.node.splitText(p.end);
          rest.parentNode.insertBefore(b, rest);
        }
        state.badges++;
      }
      if (i < known.length) requestAnimationFrame(step);
      else finish();
    }
    step();
  }

  function finish() {
    state.done = true;
    document.documentElement.setAttribute('data-citelens', 'done');
  }

  function run() {
    state.articleDoi = articleDoi();
    var found = places();
    var seen = {};
    var dois = [];
    if (state.articleDoi) { seen[state.articleDoi] = true; dois.push(state.articleDoi); }
    jsonLdDois().forEach(function (d) { if (!seen[d]) { seen[d] = true; dois.push(d); } });
    found.forEach(function (p) { if (!seen[p.doi] && dois.length < MAX_DOIS) { seen[p.doi] = true; dois.push(p.doi); } });
    state.dois = dois;
    if (!dois.length) { finish(); return; } // nothing to ask: nothing is sent
    chrome.runtime.sendMessage({ type: 'citelens-tallies', dois: dois }).then(function (r) {
      if (!r || !r.ok) { state.error = r ? r.error : 'no answer'; finish(); return; }
      state.base = r.base;
      state.known = Object.keys(r.tallies).length;
      state.tallies = r.tallies;
      insert(found, r.tallies, r.base);
    }).catch(function (e) { state.error = String(e && e.message || e); finish(); });
  }

  // the popup asks for the page's own article and what was found
  chrome.runtime.onMessage.addListener(function (message, sender, reply) {
    if (!message || message.type !== 'citelens-page') return false;
    reply({
      articleDoi: state.articleDoi,
      articleTallies: state.articleDoi && state.tallies ? state.tallies[state.articleDoi] || null : null,
      dois: state.dois.length, known: state.known, badges: state.badges, base: state.base,
      error: state.error, done: state.done
    });
    return false;
  });

  run();
})();
