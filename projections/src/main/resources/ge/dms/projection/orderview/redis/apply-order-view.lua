-- Applies one order view atomically, only if newer than what Redis holds (compare-and-set).
-- KEYS[1]  the order hash ({prefix}order:{id})
-- ARGV: 1 prefix, 2 orderId, 3 version, 4 sourceLsn, 5 status, 6 restaurantId, 7 driverId ('' = none),
--       8 createdAt epoch ms (board score), 9 driver queue score (requested delivery epoch ms),
--       10 view JSON, 11 '1' when the order belongs in its driver's active queue, 12 stream MAXLEN,
--       13 source commit epoch ms ('' = unknown), 14 restaurantLsn, 15 driverLsn,
--       16 the board row, stored form ('<commit ms>|<status>|<BoardRow JSON>', BoardRow.stored()),
--       17 the hop trace ('<cdc sent ms>,<streams in ms>,<emitted ms>', HopTrace.stored(); '' = none),
--       18 '1' when the status is open (pending … out_for_delivery: the order is in the dispatcher queue),
--       19 MAXLEN of the dispatcher's change stream,
--       20 the correlation id of the request behind the view (OrderView.requestId; '' = none)
-- Besides the driver's stream, every applied view is one entry in its restaurant's change stream and one
-- in the dispatcher's (the live boards); the board row's JSON is cut from ARGV[16] after its two prefixes.
-- Returns 1 when applied, 0 when the held view is the same or newer (OrderView.isNewerThan):
-- a higher version wins; at the same version no LSN may go back and one must go forward.
-- Numbers are compared as decimal strings (length, then text): exact for any 64-bit value.
local function cmp(a, b)
  if #a ~= #b then return #a < #b and -1 or 1 end
  if a == b then return 0 end
  return a < b and -1 or 1
end

local function newer(held)
  local c = cmp(ARGV[3], held[1])
  if c ~= 0 then return c > 0 end
  local lsns = {{ARGV[4], held[2]}, {ARGV[14], held[6] or '0'}, {ARGV[15], held[7] or '0'}}
  local forward = false
  for _, p in ipairs(lsns) do
    local d = cmp(p[1], p[2])
    if d < 0 then return false end
    if d > 0 then forward = true end
  end
  return forward
end

local p, id = ARGV[1], ARGV[2]
-- Every stream entry of this view names its request (field requestId), so the live message can.
local function withRequest(fields)
  if ARGV[20] and ARGV[20] ~= '' then
    fields[#fields + 1] = 'requestId'
    fields[#fields + 1] = ARGV[20]
  end
  return fields
end
local held = redis.call('HMGET', KEYS[1], 'version', 'lsn', 'status', 'restaurant', 'driver', 'rlsn', 'dlsn')
if held[1] then
  if not newer(held) then return 0 end
  redis.call('ZREM', p .. 'restaurant:' .. held[4] .. ':status:' .. held[3], id)
  redis.call('ZREM', p .. 'dispatch:status:' .. held[3], id)
  redis.call('ZREM', p .. 'dispatch:unassigned:' .. held[3], id)
  if held[4] ~= ARGV[6] then
    redis.call('ZREM', p .. 'restaurant:' .. held[4] .. ':orders', id)
    redis.call('HDEL', p .. 'restaurant:' .. held[4] .. ':board', id)
    redis.call('XADD', p .. 'restaurant:' .. held[4] .. ':changes', 'MAXLEN', '~', ARGV[12], '*',
      'orderId', id, 'version', ARGV[3], 'change', 'moved', 'commitMs', ARGV[13])
  end
  if held[5] and held[5] ~= '' and held[5] ~= ARGV[7] then
    redis.call('ZREM', p .. 'driver:' .. held[5] .. ':active', id)
    redis.call('XADD', p .. 'driver:' .. held[5] .. ':changes', 'MAXLEN', '~', ARGV[12], '*',
      unpack(withRequest({'orderId', id, 'version', ARGV[3], 'change', 'unassigned', 'commitMs', ARGV[13]})))
  end
end
redis.call('HSET', KEYS[1], 'version', ARGV[3], 'lsn', ARGV[4], 'rlsn', ARGV[14], 'dlsn', ARGV[15],
  'status', ARGV[5], 'restaurant', ARGV[6], 'driver', ARGV[7], 'json', ARGV[10])
redis.call('ZADD', p .. 'restaurant:' .. ARGV[6] .. ':orders', ARGV[8], id)
redis.call('ZADD', p .. 'restaurant:' .. ARGV[6] .. ':status:' .. ARGV[5], ARGV[8], id)
redis.call('HSET', p .. 'restaurant:' .. ARGV[6] .. ':board', id, ARGV[16])
if ARGV[18] == '1' then
  redis.call('ZADD', p .. 'dispatch:status:' .. ARGV[5], ARGV[8], id)
  if ARGV[7] == '' then
    redis.call('ZADD', p .. 'dispatch:unassigned:' .. ARGV[5], ARGV[8], id)
  end
  redis.call('HSET', p .. 'dispatch:board', id, ARGV[16])
else
  redis.call('HDEL', p .. 'dispatch:board', id)
end
local _, prefixEnd = string.find(ARGV[16], '|[^|]*|')
local boardChange = withRequest({'orderId', id, 'version', ARGV[3], 'change', 'upsert', 'status', ARGV[5], 'commitMs', ARGV[13],
  'row', string.sub(ARGV[16], prefixEnd + 1)})
redis.call('XADD', p .. 'restaurant:' .. ARGV[6] .. ':changes', 'MAXLEN', '~', ARGV[12], '*', unpack(boardChange))
redis.call('XADD', p .. 'dispatch:changes', 'MAXLEN', '~', ARGV[19], '*', unpack(boardChange))
if ARGV[7] ~= '' then
  if ARGV[11] == '1' then
    redis.call('ZADD', p .. 'driver:' .. ARGV[7] .. ':active', ARGV[9], id)
  else
    redis.call('ZREM', p .. 'driver:' .. ARGV[7] .. ':active', id)
  end
  local entry = {'XADD', p .. 'driver:' .. ARGV[7] .. ':changes', 'MAXLEN', '~', ARGV[12], '*',
    'orderId', id, 'version', ARGV[3], 'change', 'upsert', 'status', ARGV[5], 'commitMs', ARGV[13], 'view', ARGV[10]}
  if ARGV[17] and ARGV[17] ~= '' then
    entry[#entry + 1] = 'trace'
    entry[#entry + 1] = ARGV[17]
  end
  redis.call(unpack(withRequest(entry)))
end
return 1
