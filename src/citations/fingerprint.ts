// A short fingerprint of a passage's text, carried by a "Show context" button so a click can tell
// that the paragraph changed since the answer quoted it, and say so rather than mark the wrong words.
import { createHash } from 'node:crypto';

export const FINGERPRINT_PATTERN = /^[0-9a-f]{10}$/;

export function passageFingerprint(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 10);
}
