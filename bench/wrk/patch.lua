-- PATCH /products/<id>/update/ {"quantity": n} with the owner's Bearer token, cycling over the ids.
--   wrk -t1 -c16 -d10s -s bench/wrk/patch.lua http://127.0.0.1:8080 -- TOKEN_FILE 1,2,3
-- The access token is read from TOKEN_FILE (so it never shows in a process list).
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

local paths, headers, i = {}, nil, 0

function init(args)
  assert(args[1] and args[2], "usage: -- TOKEN_FILE IDS")
  local token = read_lines(args[1])[1]
  headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
  for _, id in ipairs(split_list(args[2])) do
    paths[#paths + 1] = prefix() .. "/products/" .. id .. "/update/"
  end
  i = tid or 0
end

function request()
  i = i + 1
  return wrk.format("PATCH", paths[(i - 1) % #paths + 1], headers,
                    '{"quantity":' .. (i % 1000) .. '}')
end
