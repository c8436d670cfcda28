-- POST /users/token/refresh/ {"refresh_token"} from a pool of live refresh tokens.
--   wrk -t1 -c16 -d10s -s bench/wrk/refresh.lua http://127.0.0.1:8080 -- POOL_FILE [THREADS]
-- Refresh tokens are single use and rotate: each request takes the oldest token of its thread's
-- pool and each answer's new refresh_token goes back at the end. POOL_FILE holds one token a
-- line (more than the connection count: every request in flight holds one); thread k of
-- THREADS (default 1; pass wrk's -t) takes every THREADS-th line. When wrk ends, the tokens
-- left are written back to POOL_FILE (those in flight are lost), so a warm-up and the measured
-- run can share one pool. A request finding the pool empty is sent with a dummy token (401)
-- and counted as "starved".
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

local headers = { ["Content-Type"] = "application/json" }
local path

-- per-thread FIFO: pool[head..tail]
pool, head, tail = {}, 1, 0
starved, lost = 0, 0
extra_fields = { "starved", "lost" }

function init(args)
  assert(args[1], "usage: -- POOL_FILE [THREADS]")
  local nthreads = tonumber(args[2] or "1")
  for k, token in ipairs(read_lines(args[1])) do
    if (k - 1) % nthreads == (tid or 0) then
      tail = tail + 1
      pool[tail] = token
    end
  end
  path = prefix() .. "/users/token/refresh/"
  pool_file_name = args[1]
end

function request()
  local token = "starved-pool"
  if head <= tail then
    token = pool[head]
    pool[head] = nil
    head = head + 1
  else
    starved = starved + 1
  end
  return wrk.format("POST", path, headers, '{"refresh_token":"' .. token .. '"}')
end

function response(status, hdrs, body)
  count_status(status)
  local token = body and body:match('"refresh_token"%s*:%s*"([^"]+)"')
  if status >= 200 and status < 300 and token then
    tail = tail + 1
    pool[tail] = token
  else
    lost = lost + 1
  end
end

-- main state: runs after done() printed RESULT; gather what the threads have left
function done_hook(summary)
  local out = {}
  for _, t in ipairs(bench_threads()) do
    local p, h, tl = t:get("pool"), t:get("head"), t:get("tail")
    for k = h, tl do
      if p[k] then out[#out + 1] = p[k] end
    end
  end
  -- the file name is only known in the threads' states; each got the same args
  local file = bench_threads()[1]:get("pool_file_name")
  local f = assert(io.open(file, "w"))
  for _, token in ipairs(out) do f:write(token, "\n") end
  f:close()
  io.write(string.format("POOL left=%d\n", #out))
end
