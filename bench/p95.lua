-- Print the latency percentiles wrk does not show by default, in milliseconds.
done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors %d, non-2xx %d\n", summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
  io.write(string.format("rps %.1f\n", summary.requests / (summary.duration / 1e6)))
  for _, p in pairs({50, 90, 95, 99}) do
    io.write(string.format("p%d %.1f ms\n", p, latency:percentile(p) / 1000))
  end
end
