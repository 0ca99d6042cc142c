/*
 * Citelens badge: embed with
 *   <script src="https://citelens.example/badge.js" data-doi="10.1006/meth.2001.1262"></script>
 * (the badge appears where the script stands) or put data-citelens-doi="..." on any element and include the script
 * once. Each badge shows the supporting, mentioning and contrasting counts and links to the work's report. It asks
 * the server that served this script, in one request per 500 DOIs; works nothing cites get no badge. The badge lives
 * in a shadow root, so the page's styles cannot reach it and its styles cannot reach the page.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script && script.src ? new URL(script.src).origin : "";
  if (window.__citelensBadge) { window.__citelensBadge.scan(script); return; }

  var STYLE =
    ":host{display:inline-block;vertical-align:middle;line-height:1;white-space:nowrap}" +
    "a{display:inline-flex;align-items:stretch;border-radius:4px;overflow:hidden;font:600 12px/1 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;text-decoration:none;border:1px solid #d5dbe4;background:#fff}" +
    "span{padding:4px 7px;display:inline-flex;align-items:center;gap:4px}" +
    ".brand{background:#2f5bea;color:#fff}" +
    ".s{color:#1a9a5a}.m{color:#5c6f82}.c{color:#d9480f}" +
    ".n{font-variant-numeric:tabular-nums}" +
    "a:hover{border-color:#2f5bea}";

  function normalize(raw) {
    if (!raw) return null;
    var s = String(raw).trim();
    try { if (s.indexOf("%") >= 0) s = decodeURIComponent(s); } catch (e) { /* keep as written */ }
    var m = /10\.\d{4,9}\/\S+/.exec(s);
    if (!m) return null;
    return m[0].toLowerCase().replace(/[.,;:'"\]}>]+$/, "");
  }

  function hostFor(el) {
    if (el.tagName === "SCRIPT") {
      var span = document.createElement("span");
      span.setAttribute("data-citelens-doi", el.getAttribute("data-doi"));
      el.parentNode.insertBefore(span, el.nextSibling);
      return span;
    }
    return el;
  }

  function render(host, doi, t) {
    host.setAttribute("data-citelens-state", "shown");
    host.setAttribute("data-supporting", t.supporting);
    host.setAttribute("data-mentioning", t.mentioning);
    host.setAttribute("data-contrasting", t.contrasting);
    var root = host.shadowRoot || host.attachShadow({ mode: "open" });
    root.innerHTML = "";
    var style = document.createElement("style");
    style.textContent = STYLE;
    var a = document.createElement("a");
    a.href = base + "/reports/" + doi;
    a.target = "_blank";
    a.rel = "noopener";
    a.title = "Citelens: " + t.supporting + " supporting, " + t.mentioning + " mentioning, " + t.contrasting +
      " contrasting citation statements from " + t.citingPublications + " citing publications";
    a.appendChild(part("brand", "citelens"));
    a.appendChild(part("s", "\u2714 ", t.supporting));
    a.appendChild(part("m", "\u2022 ", t.mentioning));
    a.appendChild(part("c", "\u2716 ", t.contrasting));
    root.appendChild(style);
    root.appendChild(a);
  }

  function part(cls, sign, n) {
    var span = document.createElement("span");
    span.className = cls;
    if (n === undefined) { span.textContent = sign; return span; }
    span.appendChild(document.createTextNode(sign));
    var b = document.createElement("b");
    b.className = "n";
    b.textContent = String(n);
    span.appendChild(b);
    return span;
  }

  function scan(extra) {
    var hosts = [];
    if (extra && extra.getAttribute && extra.getAttribute("data-doi")) hosts.push(hostFor(extra));
    var found = document.querySelectorAll("[data-citelens-doi]:not([data-citelens-state])");
    for (var i = 0; i < found.length; i++) if (hosts.indexOf(found[i]) < 0) hosts.push(found[i]);
    var byDoi = {};
    hosts.forEach(function (h) {
      var doi = normalize(h.getAttribute("data-citelens-doi"));
      h.setAttribute("data-citelens-state", doi ? "loading" : "invalid");
      if (doi) (byDoi[doi] = byDoi[doi] || []).push(h);
    });
    var dois = Object.keys(byDoi);
    for (var start = 0; start < dois.length; start += 500) ask(dois.slice(start, start + 500), byDoi);
  }

  function ask(dois, byDoi) {
    fetch(base + "/api/tallies", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(dois)
    }).then(function (r) { return r.ok ? r.json() : { tallies: {} }; })
      .then(function (body) {
        dois.forEach(function (doi) {
          var t = body.tallies[doi];
          byDoi[doi].forEach(function (h) {
            if (t) render(h, doi, t); else h.setAttribute("data-citelens-state", "unknown");
          });
        });
      })
      .catch(function () {
        dois.forEach(function (doi) { byDoi[doi].forEach(function (h) { h.setAttribute("data-citelens-state", "error"); }); });
      });
  }

  window.__citelensBadge = { scan: scan };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { scan(script); });
  } else {
    scan(script);
  }
})();
