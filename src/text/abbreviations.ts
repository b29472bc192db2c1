// Names that news text and chat write several ways, folded to one term before tokenising, so "PM"
// meets "prime minister", "Daesh" meets "ISIS" and "intel" meets "intelligence". Acronyms that are
// also words in lower case ("IS", "AP", "UN") are recognised in capitals only. Each fold is generic
// English news usage, not a list of the sources' lines.

type Fold = readonly [pattern: RegExp, term: string];

const FOLDS: readonly Fold[] = [
  // The group calling itself the Islamic State, by each of its names and acronyms.
  [/\b(?:the\s+)?(?:self-proclaimed\s+)?islamic\s+state(?:\s+(?:of|in)\s+iraq\s+and\s+(?:syria|the\s+levant|al-sham))?\b|\bisis\b|\bisil\b|\bda(?:'|\u2019)?e?sh\b/giu, 'isis'],
  [/(?<![\p{Lu}]{2,}\s)\bIS\b(?!\s[\p{Lu}]{2,})/gu, 'isis'],
  [/\bprime\s+ministers?\b|\bPMs?\b|(?<![\d:.]\s?)\bpm\b/gu, 'primeminister'],
  [/\bPrime\s+Ministers?\b/gu, 'primeminister'],
  [/\bmembers?\s+of\s+(?:the\s+)?parliament\b|\bMPs?\b|\bmps\b/giu, 'parliamentarian'],
  [/\bU\.N\.|\bUN\b|\bunited\s+nations\b/giu, 'unitednations'],
  [/\bAssociated\s+Press\b|\bAP\b/gu, 'associatedpress'],
  [/\bWall\s+Street\s+Journal\b|\bWSJ\b/giu, 'wsj'],
  [/\bKurdistan\s+Regional\s+Government\b|\bKRG\b/giu, 'krg'],
  [/\bPatriotic\s+Union\s+of\s+Kurdistan\b|\bPUK\b/giu, 'puk'],
  [/\bPopular\s+Mobili[sz]ation\s+(?:Units?|Forces?)\b|\bPMUs?\b|\bPMF\b/giu, 'pmu'],
  [/\bIslamic\s+Revolutionary\s+Guards?\s+Corps\b|\bIRGC\b/giu, 'irgc'],
  [/\bmiddle\s+east(?:ern)?\b|\bmid-?east\b/giu, 'mideast'],
  // Chat shorthand.
  [/\bintel\b/giu, 'intelligence'],
  [/\bgov(?:'|\u2019)?t\b|\bgovt\b/giu, 'government'],
  [/\bppl\b/giu, 'people'],
  [/\banon\b/giu, 'anonymous'],
  // British spellings of words the American spelling of which news text mostly uses.
  [/\bdefence\b/giu, 'defense'],
  [/\boffence\b/giu, 'offense'],
];

export function foldAbbreviations(text: string): string {
  let folded = text;
  for (const [pattern, term] of FOLDS) folded = folded.replace(pattern, term);
  return folded;
}
