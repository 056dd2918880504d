-- Applies one product change to the catalogue hot list, only when newer than what Redis holds (by LSN).
-- Every key name comes from Java (ge.dms.schemas.view.RedisKeys); the script builds none.
-- KEYS: 1 the product hash, 2 the active products, 3 the active products of the row's category
-- ARGV: 1 product id, 2 lsn, 3 category, 4 listed (1 = active and not deleted), 5 deleted (1/0),
--       6 ProductView JSON, 7 source commit epoch ms (empty when unknown),
--       8 the active products of the category held before, which only Redis knows: a RedisKeys template with
--       the stand-in '<category>' (RedisKeys.CATEGORY)
local held = redis.call('HGET', KEYS[1], 'lsn')
if held and tonumber(held) >= tonumber(ARGV[2]) then
  return 0
end
local id = ARGV[1]
local oldCategory = redis.call('HGET', KEYS[1], 'category')
if oldCategory and oldCategory ~= '' and oldCategory ~= ARGV[3] then
  local from, to = string.find(ARGV[8], '<category>', 1, true)
  redis.call('ZREM', string.sub(ARGV[8], 1, from - 1) .. oldCategory .. string.sub(ARGV[8], to + 1), id)
end
if ARGV[4] == '1' then
  redis.call('ZADD', KEYS[2], id, id)
  redis.call('ZADD', KEYS[3], id, id)
else
  redis.call('ZREM', KEYS[2], id)
  redis.call('ZREM', KEYS[3], id)
end
if ARGV[5] == '1' then
  -- A tombstone: the LSN stays so an older replay of the row cannot list it again.
  redis.call('HDEL', KEYS[1], 'json', 'category', 'active')
  redis.call('HSET', KEYS[1], 'lsn', ARGV[2], 'deleted', '1', 'commitMs', ARGV[7])
else
  redis.call('HSET', KEYS[1], 'json', ARGV[6], 'lsn', ARGV[2], 'category', ARGV[3], 'active', ARGV[4],
    'deleted', '0', 'commitMs', ARGV[7])
end
return 1
