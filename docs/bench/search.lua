-- Typical searches, rotated per request: single words, phrases, boolean queries, a DOI filter (default page: 20 hits with facets).
local queries = {"PCR", "gene%20expression", "%22consistent%20with%22", "drought%20stress", "rice%20AND%20yield",
  "Arabidopsis", "RNA-seq", "transcription%20factor", "salt%20OR%20drought", "PCR&cited=10.1006/meth.2001.1262",
  "wheat&type=mentioning&section=methods", "photosynthesis&yearFrom=2015"}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/search?q=" .. queries[(i % #queries) + 1])
end
done = function(summary, latency, requests)
  for _, p in pairs({50, 95, 99}) do io.write(string.format("p%d %.2f ms\n", p, latency:percentile(p) / 1000)) end
end
