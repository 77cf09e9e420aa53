/**
 * Forgiving readers for single fields of documents typed by hand in the CloudBase console, shared by
 * every domain (articles, training). Each returns a clean value or null/empty; none throws, whatever
 * the input.
 */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Text of a string (trimmed) or a number; '' for anything else. */
export function text(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** A finite number, also when typed as a numeric string ("120"); null otherwise. */
export function finiteNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value.trim());
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

/** A whole number from min to max, or null. */
export function wholeNumber(value: unknown, min: number, max: number): number | null {
  const number = finiteNumber(value);
  return number !== null && Number.isInteger(number) && number >= min && number <= max ? number : null;
}

/** A list of non-empty strings: an array (non-strings dropped) or one string separated by commas, 顿号 or spaces. */
export function textList(value: unknown): string[] {
  const parts = Array.isArray(value) ? value.map(text) : typeof value === 'string' ? value.split(/[、,，;；\s]+/) : [];
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/** Console exports and some SDK paths wrap dates as {$date: …}, the number of milliseconds maybe as {$numberLong}. */
export function unwrapDate(value: unknown): unknown {
  if (!isRecord(value) || !('$date' in value)) return value;
  const inner = isRecord(value.$date) && '$numberLong' in value.$date ? Number(value.$date.$numberLong) : value.$date;
  return typeof inner === 'number' ? new Date(inner) : inner;
}

/** True when the field is present with some content (so a wrong value deserves a note to the organiser). */
export function isFilled(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  return true;
}

/** A short, printable rendering of a bad value for a message to the organiser. */
export function shown(value: unknown): string {
  let rendered: string;
  if (typeof value === 'string') rendered = value;
  else if (value instanceof Date) rendered = Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  else {
    try {
      rendered = JSON.stringify(value) ?? String(value);
    } catch {
      rendered = String(value);
    }
  }
  return rendered.length > 30 ? `${rendered.slice(0, 30)}…` : rendered;
}
