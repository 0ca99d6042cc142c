// Citelens extension: finding and normalising DOIs, shared by the content script and the popup.
'use strict';

var CitelensDoi = (function () {
  // A DOI as it appears in text and links; the trailing punctuation of a sentence is trimmed afterwards.
  var PATTERN = /\b10\.\d{4,9}\/[^\s"'<>]+/g;

  /** The normalised DOI in a string (lower case, no prefix, no trailing punctuation), or null. */
  function normalize(raw) {
    if (raw == null) return null;
    var s = String(raw).trim();
    if (s.indexOf('%') >= 0) {
      try { s = decodeURIComponent(s); } catch (e) { /* not percent-encoded after all */ }
    }
    PATTERN.lastIndex = 0;
    var m = PATTERN.exec(s);
    PATTERN.lastIndex = 0;
    return m ? clean(m[0]) : null;
  }

  function clean(doi) {
    var d = doi.toLowerCase();
    // keep a closing bracket that closes one opened inside the DOI, e.g. 10.1016/0006-2952(92)90199-7
    while (d.length && '.,;:)]}>\'"'.indexOf(d.charAt(d.length - 1)) >= 0) {
      var last = d.charAt(d.length - 1);
      if (last === ')' && count(d, '(') >= count(d, ')')) break;
      if (last === ']' && count(d, '[') >= count(d, ']')) break;
      d = d.slice(0, -1);
    }
    return d.length > 8 ? d : null;
  }

  function count(s, c) { return s.split(c).length - 1; }

  /** Every DOI in a text with where it ends (to put a badge right after it). */
  function allIn(text) {
    var out = [];
    PATTERN.lastIndex = 0;
    var m;
    while ((m = PATTERN.exec(text)) !== null) {
      var doi = clean(m[0]);
      // the DOI ends where its trimmed form ends (lower-casing does not change the length)
      if (doi) out.push({ doi: doi, end: m.index + doi.length });
    }
    return out;
  }

  /** The DOI a link points at: doi.org links and publisher paths such as /doi/full/10.1111/... */
  function inLink(href) {
    if (!href) return null;
    if (/doi\.org\/10\./i.test(href) || /\/doi\/(?:abs\/|full\/|pdf\/|epdf\/)?10\./i.test(href)) return normalize(href);
    return null;
  }

  return { normalize: normalize, allIn: allIn, inLink: inLink };
})();
