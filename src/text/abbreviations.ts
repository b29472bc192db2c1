// Names that news text and chat write several ways, made one before tokenising, so "PM" meets
// "prime minister", "Daesh" meets "ISIS" and "intel" meets "intelligence". Acronyms that are also
// words in lower case ("IS", "AP", "UN") are recognised in capitals only. Each fold is generic
// English news usage, not a list of the sources' lines.

type Fold = readonly [pattern: RegExp, term: string];

const FOLDS: readonly Fold[] = [
  // The group calling itself the Islamic State, by each of its names and acronyms.
  [/\b(?:the\s+)?(?:self-proclaimed\s+)?islamic\s+state(?:\s+(?:of|in)\s+iraq\s+and\s+(?:syria|the\s+levant|al-sham))?\b|\bisis\b|\bisil\b|\bda(?:'|\u2019)?e?sh\b/giu, 'isis'],
  [/(?<![\p{Lu}]{2,}\s)\bIS\b(?!\s[\p{Lu}]{2,})/gu, 'isis'],
  // An acronym is spelt out, so a question that names only part of the name ("the Kurdish regional
  // govt") still meets a passage that uses the acronym, and the reverse.
  [/\bPMs\b/gu, 'prime ministers'],
  [/\bPM\b|(?<![\d:.]\s?)\bpm\b/gu, 'prime minister'],
  [/\bmembers?\s+of\s+(?:the\s+)?parliament\b|\bMPs?\b|\bmps\b/giu, 'parliamentarian'],
  [/\bU\.N\.|\bUN\b/gu, 'United Nations'],
  [/\bAP\b/gu, 'Associated Press'],
  [/\bWSJ\b/giu, 'Wall Street Journal'],
  [/\bKRG\b/giu, 'Kurdistan Regional Government'],
  [/\bPUK\b/giu, 'Patriotic Union of Kurdistan'],
  [/\bPMUs?\b|\bPMF\b/giu, 'Popular Mobilization Units'],
  [/\bIRGC\b/giu, 'Islamic Revolutionary Guard Corps'],
  [/\bmid-?east\b/giu, 'Middle East'],
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
