local f = io.open(os.getenv("DOIS_FILE") or "/tmp/dois500.json", "r")
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
done = function(summary, latency, requests)
  for _, p in pairs({50, 95, 99}) do io.write(string.format("p%d %.2f ms\n", p, latency:percentile(p) / 1000)) end
end
