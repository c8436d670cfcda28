-- POST /users/login/ {"username","password"}: one user, or cycling over the users of a file.
--   wrk -t1 -c16 -d10s -s bench/wrk/login.lua http://127.0.0.1:8080 -- USERS_FILE [LINE]
-- USERS_FILE has one "username<TAB>password" per line; with LINE (1-based) only that user logs
-- in, on every request; without it the requests cycle over all of them.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

local reqs, i = {}, 0

function init(args)
  assert(args[1], "usage: -- USERS_FILE [LINE]")
  local lines = read_lines(args[1])
  if args[2] then
    local one = assert(lines[tonumber(args[2])], "no line " .. args[2] .. " in " .. args[1])
    lines = { one }
  end
  for _, line in ipairs(lines) do
    local user, password = line:match("^([^\t]+)\t(.+)$")
    assert(user, "bad line in " .. args[1])
    reqs[#reqs + 1] = wrk.format("POST", prefix() .. "/users/login/",
      { ["Content-Type"] = "application/json" },
      '{"username":' .. json_string(user) .. ',"password":' .. json_string(password) .. '}')
  end
  i = tid or 0
end

function request()
  i = i % #reqs + 1
  return reqs[i]
end
