-- wrk script: curators opening the competency map: the first page, a later page, a direction and a department filter.
-- MAP_PATHS (space-separated) overrides the list, e.g. MAP_PATHS="/Diagnostics/Map" for the bare page alone.
-- Each connection keeps the sign-in cookie the app renews, as a browser does: the app checks a session's security stamp once a
-- minute and then sends a fresh cookie; a client that kept sending the old one would have the check (three queries and a new
-- cookie) made on every request once the cookie is a minute old.
local paths = {}
for p in string.gmatch(os.getenv("MAP_PATHS") or "/Diagnostics/Map", "%S+") do paths[#paths + 1] = p end
local cookie = os.getenv("COOKIE") or ""
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1], { ["Cookie"] = cookie })
end
response = function(status, headers, body)
  local set = headers["Set-Cookie"]
  if set then
    local value = string.match(set, "^nastavnik=([^;]*)")
    if value then cookie = string.gsub(cookie, "nastavnik=[^;]*", "nastavnik=" .. value:gsub("%%", "%%%%"), 1) end
  end
end
done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors %d (non-2xx %d), %.1f req/s\n", summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status,
    summary.requests / (summary.duration / 1e6)))
  for _, p in ipairs({ 50, 90, 95, 99 }) do
    io.write(string.format("p%d %.1f ms\n", p, latency:percentile(p) / 1000))
  end
end
