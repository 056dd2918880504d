-- Applies one product change to the catalogue hot list, only when newer than what Redis holds (by LSN).
-- KEYS[1] = {p}product:{id}
-- ARGV: 1 prefix, 2 product id, 3 lsn, 4 category, 5 listed (1 = active and not deleted), 6 deleted (1/0),
--       7 ProductView JSON, 8 source commit epoch ms (empty when unknown)
local held = redis.call('HGET', KEYS[1], 'lsn')
if held and tonumber(held) >= tonumber(ARGV[3]) then
  return 0
end
local prefix, id = ARGV[1], ARGV[2]
local all = prefix .. 'products:active'
local oldCategory = redis.call('HGET', KEYS[1], 'category')
if oldCategory and oldCategory ~= '' and oldCategory ~= ARGV[4] then
  redis.call('ZREM', prefix .. 'products:active:category:' .. oldCategory, id)
end
local inCategory = prefix .. 'products:active:category:' .. ARGV[4]
if ARGV[5] == '1' then
  redis.call('ZADD', all, id, id)
  redis.call('ZADD', inCategory, id, id)
else
  redis.call('ZREM', all, id)
  redis.call('ZREM', inCategory, id)
end
if ARGV[6] == '1' then
  -- A tombstone: the LSN stays so an older replay of the row cannot list it again.
  redis.call('HDEL', KEYS[1], 'json', 'category', 'active')
  redis.call('HSET', KEYS[1], 'lsn', ARGV[3], 'deleted', '1', 'commitMs', ARGV[8])
else
  redis.call('HSET', KEYS[1], 'json', ARGV[7], 'lsn', ARGV[3], 'category', ARGV[4], 'active', ARGV[5],
    'deleted', '0', 'commitMs', ARGV[8])
end
return 1
