// Discord-shaped ids (snowflakes) for the fake: a timestamp since the Discord epoch plus a counter,
// so discord.js can derive creation times from them like it does for real ids.
const DISCORD_EPOCH = 1_420_070_400_000n;
let counter = 0n;

export function snowflake(): string {
  counter = (counter + 1n) % 4096n;
  return ((BigInt(Date.now()) - DISCORD_EPOCH) << 22n | counter).toString();
}

/** A guild id that Discord routes to shard `shard` of `shards`: (guild_id >> 22) % shards. */
export function snowflakeForShard(shard: number, shards: number): string {
  const id = BigInt(snowflake());
  const current = Number((id >> 22n) % BigInt(shards));
  return (id + (BigInt((shard - current + shards) % shards) << 22n)).toString();
}
