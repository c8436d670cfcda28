-- Shared by every script in this folder; alone it drives a plain GET of the URL:
--   wrk -t1 -c16 -d10s -s bench/wrk/common.lua 'http://127.0.0.1:8080/products/?page_size=20'
--
-- Counts every answer by status in each thread (response() below; a script that defines its
-- own response() calls count_status(status)) and prints one machine-readable line when wrk
-- finishes:
--   RESULT requests=.. duration_us=.. rps=.. p50_us=.. p90_us=.. p99_us=.. max_us=..
--          non2xx=.. connect=.. read=.. write=.. timeout=.. statuses=200:1234,429:56 [extra]
-- non2xx counts status < 200 or >= 300 exactly (wrk's own "errors.status" counts only >= 400);
-- connect/read/write/timeout are wrk's socket errors. Latencies are in microseconds.
-- Scripts may add "key=value" words to the line by filling the table `extra_fields` with
-- names of per-thread numeric globals (summed over threads).
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
bench_dir = dir

local threads = {}
extra_fields = {}

function setup(thread)
  thread:set("tid", #threads)
  threads[#threads + 1] = thread
end

-- per-thread state (each wrk thread runs its own copy of the script)
non2xx = 0
statuses = {}

function count_status(status)
  if status < 200 or status >= 300 then
    non2xx = non2xx + 1
  end
  statuses[status] = (statuses[status] or 0) + 1
end

function response(status, headers, body)
  count_status(status)
end

-- the URL's path prefix, without a trailing slash ("" for http://host:port)
function prefix()
  return (wrk.path or "/"):gsub("%?.*$", ""):gsub("/+$", "")
end

function split_list(s)
  local out = {}
  for v in string.gmatch(s or "", "[^,%s]+") do out[#out + 1] = v end
  assert(#out > 0, "empty list")
  return out
end

function json_string(s)
  return '"' .. s:gsub('[%c"\\]', function(c)
    return string.format("\\u%04x", c:byte())
  end) .. '"'
end

-- lines of a file, without blank ones
function read_lines(path)
  local f = assert(io.open(path, "r"), "cannot read " .. tostring(path))
  local out = {}
  for line in f:lines() do
    line = line:gsub("%s+$", "")
    if line ~= "" then out[#out + 1] = line end
  end
  f:close()
  return out
end

-- a few random hex digits from the kernel (os.time() alone repeats within a second)
function random_hex(bytes)
  local f = io.open("/dev/urandom", "rb")
  local s = f and f:read(bytes) or tostring(os.time())
  if f then f:close() end
  return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end))
end

-- the threads that ran, for done() hooks of other scripts
function bench_threads()
  return threads
end

function done(summary, latency, requests)
  local bad, codes = 0, {}
  local sums = {}
  for _, t in ipairs(threads) do
    bad = bad + (t:get("non2xx") or 0)
    for code, n in pairs(t:get("statuses") or {}) do
      codes[code] = (codes[code] or 0) + n
    end
    for _, name in ipairs(extra_fields) do
      sums[name] = (sums[name] or 0) + (t:get(name) or 0)
    end
  end
  local keys = {}
  for code in pairs(codes) do keys[#keys + 1] = code end
  table.sort(keys)
  local parts = {}
  for _, code in ipairs(keys) do parts[#parts + 1] = code .. ":" .. codes[code] end
  local extra = ""
  for _, name in ipairs(extra_fields) do
    extra = extra .. string.format(" %s=%d", name, sums[name])
  end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d " ..
    "non2xx=%d connect=%d read=%d write=%d timeout=%d statuses=%s%s\n",
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    bad, e.connect, e.read, e.write, e.timeout,
    #parts > 0 and table.concat(parts, ",") or "none", extra))
  if done_hook then done_hook(summary) end
end
