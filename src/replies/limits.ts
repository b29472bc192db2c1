// Discord's message limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits
// and the component docs). Replies are built to stay inside them rather than be rejected with a 400.
export const DISCORD_LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  footer: 2048,
  /** Sum of every embed's title, description, field names and values, footer and author name. */
  embedsTotal: 6000,
  buttonsPerRow: 5,
  rows: 5,
  buttonLabel: 80,
  customId: 100,
  commandDescription: 100,
  choiceName: 100,
  choices: 25,
} as const;
