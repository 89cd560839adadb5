-- wrk script: curators opening the competency map: the first page, a later page, a direction and a department filter.
-- MAP_PATHS (space-separated) overrides the list, e.g. MAP_PATHS="/Diagnostics/Map" for the bare page alone.
local paths = {}
for p in string.gmatch(os.getenv("MAP_PATHS") or "/Diagnostics/Map", "%S+") do paths[#paths + 1] = p end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1], { ["Cookie"] = os.getenv("COOKIE") })
end
done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors %d (non-2xx %d), %.1f req/s\n", summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status,
    summary.requests / (summary.duration / 1e6)))
  for _, p in ipairs({ 50, 90, 95, 99 }) do
    io.write(string.format("p%d %.1f ms\n", p, latency:percentile(p) / 1000))
  end
end
