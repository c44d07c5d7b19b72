-- wrk script for benchmarks/load/ (measure.py): rotates over many (path, session cookie) pairs, counts
-- every answer that is not 200 as an error (a 302 to the sign-in page is a failure here),
-- stops after a bounded number of requests, and prints one JSON line for measure.py to read.
--
--   MV_REQUESTS=file.tsv MV_MAX=5000 wrk -t1 -c20 -d15s -s rotate.lua http://127.0.0.1:PORT
-- file.tsv: one request per line, "path<TAB>sessionid" (the cookie may be empty), or
-- "path<TAB>sessionid<TAB>body<TAB>content type" for a POST: words a user types travel in a
-- POST body, never in the address. A POST carries a fixed CSRF secret as cookie and header.

local threads = {}
local counter = 0

function setup(thread)
   thread:set("id", counter)
   counter = counter + 1
   table.insert(threads, thread)
end

function init(args)
   requests = {}
   local cookie_name = os.getenv("MV_COOKIE") or "sessionid"
   local host = os.getenv("MV_HOST") or "127.0.0.1"
   for line in io.lines(os.getenv("MV_REQUESTS")) do
      local path, key, body, ctype = line:match("^([^\t]*)\t?([^\t]*)\t?([^\t]*)\t?(.*)$")
      local headers = { Host = host, ["Accept-Language"] = "nb" }
      local cookies = {}
      if key ~= nil and key ~= "" then
         table.insert(cookies, cookie_name .. "=" .. key)
      end
      if body ~= nil and body ~= "" then
         local csrf = "medvandrerbenchmarkcsrfsecret0001"
         table.insert(cookies, "csrftoken=" .. csrf)
         headers["X-CSRFToken"] = csrf
         headers["Content-Type"] = ctype
         headers["Referer"] = "http://" .. host .. "/"
      end
      if #cookies > 0 then headers["Cookie"] = table.concat(cookies, "; ") end
      if body ~= nil and body ~= "" then
         table.insert(requests, wrk.format("POST", path, headers, body))
      else
         table.insert(requests, wrk.format("GET", path, headers))
      end
   end
   index = (id * 7919) % #requests  -- threads start at different places
   limit = tonumber(os.getenv("MV_MAX") or "0") / counter_hint()
   done_count = 0
   not_ok = 0
   statuses = {}
end

function counter_hint()
   return tonumber(os.getenv("MV_THREADS") or "1")
end

function request()
   index = index + 1
   if index > #requests then index = 1 end
   return requests[index]
end

function response(status, headers, body)
   done_count = done_count + 1
   if status ~= 200 then
      not_ok = not_ok + 1
      statuses[status] = (statuses[status] or 0) + 1
   end
   if limit > 0 and done_count >= limit then
      wrk.thread:stop()
   end
end

function done(summary, latency, requests)
   local bad, codes = 0, {}
   for _, thread in ipairs(threads) do
      bad = bad + (thread:get("not_ok") or 0)
      local s = thread:get("statuses")
      if s then
         for code, n in pairs(s) do codes[#codes + 1] = string.format('"%d": %d', code, n) end
      end
   end
   local e = summary.errors
   io.write(string.format(
      'MVRESULT {"requests": %d, "duration_us": %d, "bytes": %d, "p50": %d, "p90": %d, "p95": %d, "p99": %d, ' ..
      '"max": %d, "mean": %.1f, "connect": %d, "read": %d, "write": %d, "timeout": %d, "status": %d, ' ..
      '"not_200": %d, "codes": {%s}}\n',
      summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(90),
      latency:percentile(95), latency:percentile(99), latency.max, latency.mean, e.connect, e.read, e.write,
      e.timeout, e.status, bad, table.concat(codes, ", ")))
end
