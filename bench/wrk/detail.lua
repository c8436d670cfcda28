-- GET /products/<id>/detail/ cycling over the ids given after "--" (comma-separated).
--   wrk -t1 -c16 -d10s -s bench/wrk/detail.lua http://127.0.0.1:8080 -- 1,2,3
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

local reqs, i = {}, 0

function init(args)
  for _, id in ipairs(split_list(args[1])) do
    reqs[#reqs + 1] = wrk.format("GET", prefix() .. "/products/" .. id .. "/detail/")
  end
  i = tid or 0 -- threads start at different ids
end

function request()
  i = i % #reqs + 1
  return reqs[i]
end
