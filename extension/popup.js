// Citelens extension popup: the tallies of the page's own article (from its meta tags) and a link to its report,
// with how many of the page's DOIs the server knows. ?tab=ID names the tab (the tests open the popup as a page).
'use strict';

(async () => {
  const main = document.getElementById('main');
  const { server } = await chrome.storage.sync.get({ server: 'http://localhost:7070' });
  const base = String(server).replace(/\/+$/, '');
  document.getElementById('server').textContent = base;

  const param = new URLSearchParams(location.search).get('tab');
  let tabId = param ? Number(param) : null;
  if (tabId == null) {
    const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
    tabId = tab ? tab.id : null;
  }
  let page = null;
  try {
    page = tabId == null ? null : await chrome.tabs.sendMessage(tabId, { type: 'citelens-page' });
  } catch (e) {
    page = null; // no content script here: a browser page, a PDF viewer, or a page loaded before the extension
  }
  if (!page) {
    show('<p class="muted">Citelens reads web pages (http and https). Reload the page if it was open before the extension was installed.</p>');
    return;
  }
  const pageLine = '<p class="page muted" id="pageDois">' + page.dois + ' DOI' + (page.dois === 1 ? '' : 's') +
    ' on this page, <b id="knownDois">' + page.known + '</b> cited in Citelens.</p>';
  if (page.error) {
    show('<p class="warn" id="error">The Citelens server could not be asked: ' + esc(page.error) +
      '. Check it under <a href="options.html" target="_blank">Server settings</a>.</p>' + pageLine);
    return;
  }
  if (!page.articleDoi) {
    show('<p class="muted" id="noArticle">This page names no article of its own (no citation_doi, dc.identifier or prism.doi meta tag).</p>' + pageLine);
    return;
  }
  let t = page.articleTallies;
  if (!t) {
    try {
      const res = await fetch(base + '/api/tallies/' + page.articleDoi);
      t = res.ok ? await res.json() : null;
    } catch (e) { t = null; }
  }
  if (!t) {
    show('<p class="title" id="articleDoi">' + esc(page.articleDoi) + '</p><p class="muted" id="notCited">No citation statements for this article in the index yet.</p>' + pageLine);
    return;
  }
  show('<p class="title" id="articleDoi">' + esc(page.articleDoi) + '</p>' +
    (t.notices || []).map(n => '<p class="notice ' + esc(n.type) + '" id="notice-' + esc(n.type) + '">' +
      esc({ retraction: 'Retracted', concern: 'Expression of concern', correction: 'Corrected' }[n.type] || n.type) +
      (n.date ? ' on ' + esc(n.date) : '') + '</p>').join('') +
    '<p class="muted">' + t.total + ' citation statements from ' + t.citingPublications + ' citing publications</p>' +
    '<div class="counts">' +
    '<div class="count supporting"><b id="supporting">' + t.supporting + '</b>supporting</div>' +
    '<div class="count mentioning"><b id="mentioning">' + t.mentioning + '</b>mentioning</div>' +
    '<div class="count contrasting"><b id="contrasting">' + t.contrasting + '</b>contrasting</div></div>' +
    '<a class="report" id="report" target="_blank" href="' + esc(base + '/reports/' + page.articleDoi) + '">Open the citation report</a>' +
    pageLine);

  function show(html) { main.innerHTML = html; }
  function esc(s) { return String(s).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c])); }
})();
