// Dates and times as a person types them in a native <input type="datetime-local"> (the wall clock of their own time
// zone, "2026-11-27T10:00") and as the manifest writes them (an instant with its UTC offset,
// "2026-11-27T10:00:00+01:00"). No DOM: `node --test` checks it (local-time.test.js) with the offsets of a zone given.

/**
 * The reader's UTC offset at an instant, in minutes east of UTC (Amsterdam in winter: 60).
 * @callback OffsetAt
 * @param {Date} instant
 * @returns {number}
 */

/** @type {OffsetAt} */
const readersOffset = instant => -instant.getTimezoneOffset();

/** @param {number} n */
const two = n => String(n).padStart(2, "0");

/**
 * An instant as the datetime-local input shows it: the wall clock of the reader's zone, to the minute; "" for none.
 * @param {string | undefined} iso
 * @param {OffsetAt} [offsetAt]
 */
export function toLocalInput(iso, offsetAt = readersOffset) {
  const instant = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(instant)) return "";
  const wall = new Date(instant + offsetAt(new Date(instant)) * 60_000);
  return `${wall.getUTCFullYear()}-${two(wall.getUTCMonth() + 1)}-${two(wall.getUTCDate())}T${two(wall.getUTCHours())}:${two(wall.getUTCMinutes())}`;
}

/**
 * What a datetime-local input holds, as the manifest writes it: that wall clock in the reader's zone, with the offset
 * the zone has then (summer or winter time). "" for an empty or unreadable input.
 * @param {string} value "YYYY-MM-DDTHH:mm" (seconds, when the input shows them, are kept)
 * @param {OffsetAt} [offsetAt]
 */
export function fromLocalInput(value, offsetAt = readersOffset) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value);
  if (!m) return "";
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? "0"].map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  // The offset at the instant the wall clock means: guessed with the offset at the wall clock read as UTC, then again.
  const offset = offsetAt(new Date(wall - offsetAt(new Date(wall)) * 60_000));
  const sign = offset < 0 ? "-" : "+";
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${two(second)}${sign}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
}

/** The reader's time zone by name (Europe/Amsterdam), to say which one the times are in. */
export const readersZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
