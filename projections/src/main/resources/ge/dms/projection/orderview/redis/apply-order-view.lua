-- Applies one order view atomically, only if newer than what Redis holds (compare-and-set).
-- Every key name comes from Java (ge.dms.schemas.view.RedisKeys); the script builds none.
-- KEYS, the view's own keys: 1 the order hash, 2 its restaurant's orders, 3 its restaurant's orders in its status,
--       4 its restaurant's board rows, 5 its restaurant's change stream, 6 the dispatcher queue of its status,
--       7 the same without a driver, 8 the dispatcher's board rows, 9 the dispatcher's change stream,
--       10 its driver's active queue, 11 its driver's change stream (10 and 11 only when it has a driver)
-- ARGV: 1 orderId, 2 version, 3 sourceLsn, 4 status, 5 restaurantId, 6 driverId ('' = none),
--       7 createdAt epoch ms (board score), 8 driver queue score (requested delivery epoch ms),
--       9 view JSON, 10 '1' when the order belongs in its driver's active queue, 11 stream MAXLEN,
--       12 source commit epoch ms ('' = unknown), 13 restaurantLsn, 14 driverLsn,
--       15 the board row, stored form ('<commit ms>|<status>|<BoardRow JSON>', BoardRow.stored()),
--       16 the hop trace ('<cdc sent ms>,<streams in ms>,<emitted ms>', HopTrace.stored(); '' = none),
--       17 '1' when the status is open (pending … out_for_delivery: the order is in the dispatcher queue),
--       18 MAXLEN of the dispatcher's change stream,
--       19 the correlation id of the request behind the view (OrderView.requestId; '' = none),
--       20-27 the keys of the view held before, which only Redis knows: RedisKeys templates with the stand-ins
--       '<restaurant>', '<status>', '<driver>' (RedisKeys.RESTAURANT, STATUS, DRIVER): 20 restaurant orders,
--       21 restaurant orders in a status, 22 restaurant board, 23 restaurant changes, 24 dispatcher status,
--       25 dispatcher unassigned, 26 driver active, 27 driver changes,
--       28 '1' for a refill (RedisViewRefill: an empty Redis filled again from the view topic): the view is
--       state put back, not a change, so no stream entry is added, and the hash is marked refill=1; the hot path
--       writing that same version afterwards (a write it had in flight when Redis was emptied) applies it again
--       with its stream entries, so a refill never takes a live change's message away
-- Besides the driver's stream, every applied view is one entry in its restaurant's change stream and one
-- in the dispatcher's (the live boards); the board row's JSON is cut from ARGV[15] after its two prefixes.
-- Returns 1 when applied, 0 when the held view is the same or newer (OrderView.isNewerThan):
-- a higher version wins; at the same version no LSN may go back and one must go forward.
-- Numbers are compared as decimal strings (length, then text): exact for any 64-bit value.
local function cmp(a, b)
  if #a ~= #b then return #a < #b and -1 or 1 end
  if a == b then return 0 end
  return a < b and -1 or 1
end

local id, version, status, restaurant, driver, maxLen = ARGV[1], ARGV[2], ARGV[4], ARGV[5], ARGV[6], ARGV[11]
local refill = ARGV[28] == '1'

local function newer(held)
  local c = cmp(version, held[1])
  if c ~= 0 then return c > 0 end
  local lsns = {{ARGV[3], held[2]}, {ARGV[13], held[6] or '0'}, {ARGV[14], held[7] or '0'}}
  local forward = false
  for _, p in ipairs(lsns) do
    local d = cmp(p[1], p[2])
    if d < 0 then return false end
    if d > 0 then forward = true end
  end
  return forward
end

-- A held key: the template with its stand-in replaced (plain text, no pattern) by the held value.
local function fill(template, standIn, value)
  local from, to = string.find(template, standIn, 1, true)
  return string.sub(template, 1, from - 1) .. value .. string.sub(template, to + 1)
end

-- Every stream entry of this view names its request (field requestId), so the live message can.
local function withRequest(fields)
  if ARGV[19] and ARGV[19] ~= '' then
    fields[#fields + 1] = 'requestId'
    fields[#fields + 1] = ARGV[19]
  end
  return fields
end

local held = redis.call('HMGET', KEYS[1], 'version', 'lsn', 'status', 'restaurant', 'driver', 'rlsn', 'dlsn', 'refill')
if held[1] then
  local refilledSame = not refill and held[8] == '1' and cmp(version, held[1]) == 0
  if not refilledSame and not newer(held) then return 0 end
  redis.call('ZREM', fill(fill(ARGV[21], '<restaurant>', held[4]), '<status>', held[3]), id)
  redis.call('ZREM', fill(ARGV[24], '<status>', held[3]), id)
  redis.call('ZREM', fill(ARGV[25], '<status>', held[3]), id)
  if held[4] ~= restaurant then
    redis.call('ZREM', fill(ARGV[20], '<restaurant>', held[4]), id)
    redis.call('HDEL', fill(ARGV[22], '<restaurant>', held[4]), id)
    if not refill then
      redis.call('XADD', fill(ARGV[23], '<restaurant>', held[4]), 'MAXLEN', '~', maxLen, '*',
        'orderId', id, 'version', version, 'change', 'moved', 'commitMs', ARGV[12])
    end
  end
  if held[5] and held[5] ~= '' and held[5] ~= driver then
    redis.call('ZREM', fill(ARGV[26], '<driver>', held[5]), id)
    if not refill then
      redis.call('XADD', fill(ARGV[27], '<driver>', held[5]), 'MAXLEN', '~', maxLen, '*',
        unpack(withRequest({'orderId', id, 'version', version, 'change', 'unassigned', 'commitMs', ARGV[12]})))
    end
  end
end
redis.call('HSET', KEYS[1], 'version', version, 'lsn', ARGV[3], 'rlsn', ARGV[13], 'dlsn', ARGV[14],
  'status', status, 'restaurant', restaurant, 'driver', driver, 'json', ARGV[9], 'refill', refill and '1' or '0')
redis.call('ZADD', KEYS[2], ARGV[7], id)
redis.call('ZADD', KEYS[3], ARGV[7], id)
redis.call('HSET', KEYS[4], id, ARGV[15])
if ARGV[17] == '1' then
  redis.call('ZADD', KEYS[6], ARGV[7], id)
  if driver == '' then
    redis.call('ZADD', KEYS[7], ARGV[7], id)
  end
  redis.call('HSET', KEYS[8], id, ARGV[15])
else
  redis.call('HDEL', KEYS[8], id)
end
local _, prefixEnd = string.find(ARGV[15], '|[^|]*|')
local boardChange = withRequest({'orderId', id, 'version', version, 'change', 'upsert', 'status', status,
  'commitMs', ARGV[12], 'row', string.sub(ARGV[15], prefixEnd + 1)})
if not refill then
  redis.call('XADD', KEYS[5], 'MAXLEN', '~', maxLen, '*', unpack(boardChange))
  redis.call('XADD', KEYS[9], 'MAXLEN', '~', ARGV[18], '*', unpack(boardChange))
end
if driver ~= '' then
  if ARGV[10] == '1' then
    redis.call('ZADD', KEYS[10], ARGV[8], id)
  else
    redis.call('ZREM', KEYS[10], id)
  end
  local entry = {'XADD', KEYS[11], 'MAXLEN', '~', maxLen, '*',
    'orderId', id, 'version', version, 'change', 'upsert', 'status', status, 'commitMs', ARGV[12], 'view', ARGV[9]}
  if ARGV[16] and ARGV[16] ~= '' then
    entry[#entry + 1] = 'trace'
    entry[#entry + 1] = ARGV[16]
  end
  if not refill then
    redis.call(unpack(withRequest(entry)))
  end
end
return 1
