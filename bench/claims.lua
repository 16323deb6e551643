-- wrk script for the commands benchmark: each thread walks its own share of the items, claiming
-- all of them, then unclaiming all of them, so that a claim and its unclaim are never in flight together.
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("index", counter)
  table.insert(threads, thread)
end

function init(args)
  items = {}
  local mine = {}
  for line in io.lines(args[1]) do table.insert(items, line) end
  local count = tonumber(args[2])
  for i = index, #items, count do table.insert(mine, items[i]) end
  items = mine
  -- wrk calls request() once on the first thread to check the script, and does not send that
  -- request: start that thread one step back, so that its first item's claim is really sent.
  n = (index == 1) and -1 or 0
  token = args[3]
end

function request()
  local item = items[(n % #items) + 1]
  local action = (math.floor(n / #items) % 2 == 0) and "claim" or "unclaim"
  n = n + 1
  return wrk.format("POST", "/v1/tasks/" .. item .. "/" .. action, { ["authorization"] = "Bearer " .. token })
end
