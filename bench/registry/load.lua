-- wrk script: 20 users browsing the registry: first pages, sorted pages, department filter, name searches (with «е» for «ё»).
local paths = {
  "/Staff",
  "/Staff?p=40",
  "/Staff?sort=-exp&p=3",
  "/Staff?dept=%D0%9C%D0%9E%20%D0%BC%D0%B0%D1%82%D0%B5%D0%BC%D0%B0%D1%82%D0%B8%D0%BA%D0%B8",
  "/Staff?q=%D1%81%D0%B5%D0%BC%D0%B5%D0%BD%D0%BE%D0%B2%D0%B0",         -- семенова
  "/Staff?q=%D0%BA%D0%BE%D1%80%D0%BE%D0%BB%D0%B5%D0%B2%20%D0%BF%D0%B5%D1%82%D1%80", -- королев петр
  "/Staff?q=%D0%B0%D0%BB%D0%B5%D0%BD%D0%B0",                         -- алена
  "/api/v1/staff?q=%D0%B8%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2&size=25",     -- иванов (API)
}
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
