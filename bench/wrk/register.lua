-- POST /users/register/ with a new username and email on every request.
--   wrk -t1 -c16 -d10s -s bench/wrk/register.lua http://127.0.0.1:8080 -- PREFIX
-- Names are PREFIX + random hex drawn at start (so a warm-up and the measured run never
-- collide) + thread + counter; the password is a passphrase that contains neither.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

local base, n = nil, 0
local headers = { ["Content-Type"] = "application/json" }
local password = "velvet harbor quietly 1987"

function init(args)
  base = (args[1] or "bench") .. random_hex(4) .. "t" .. (tid or 0) .. "n"
end

function request()
  n = n + 1
  local user = base .. n
  local body = '{"first_name":"Bench","last_name":"Runner","username":"' .. user ..
    '","email":"' .. user .. '@example.com","password":"' .. password ..
    '","confirm_password":"' .. password .. '"}'
  return wrk.format("POST", prefix() .. "/users/register/", headers, body)
end
