// Discord-shaped ids (snowflakes) for the fake: a timestamp since the Discord epoch plus a counter,
// so discord.js can derive creation times from them like it does for real ids.
const DISCORD_EPOCH = 1_420_070_400_000n;
let counter = 0n;

export function snowflake(): string {
  counter = (counter + 1n) % 4096n;
  return ((BigInt(Date.now()) - DISCORD_EPOCH) << 22n | counter).toString();
}
