// Whom a passage quotes, when the sources stage says so: a post that quotes another outlet at length
// credits that outlet for the quoted stretch only, passage by passage (`quoting`). Read here, in one
// place, so replies can say it without depending on how the sources stage spells it.

export function quotedOutlet(passage: object): string | undefined {
  const quoting: unknown = (passage as { quoting?: unknown }).quoting;
  if (typeof quoting === 'string') return quoting.trim() || undefined;
  if (typeof quoting === 'object' && quoting !== null) {
    const outlet: unknown = (quoting as { outlet?: unknown }).outlet;
    if (typeof outlet === 'string') return outlet.trim() || undefined;
  }
  return undefined;
}
