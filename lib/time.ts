function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** `+09:00` for Japan: the UTC offset of `date` in the running machine's time zone. */
export function utcOffset(date: Date): string {
  const minutes = -date.getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '-';
  return `${sign}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/** ISO 8601 in local time with its offset, e.g. `2026-11-23T19:40:12+09:00`. */
export function localIsoString(date: Date): string {
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}${utcOffset(date)}`
  );
}

/** `2026-11-23 19:40:12 (UTC+09:00)` from a localIsoString, as written in a ticket. */
export function readableTime(isoWithOffset: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(isoWithOffset);
  if (!match) return isoWithOffset;
  const offset = match[3] === 'Z' ? '+00:00' : match[3];
  return `${match[1]} ${match[2]} (UTC${offset})`;
}

/** `20261123-194012`, for file names. */
export function compactTimestamp(date: Date): string {
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}

/** `19:40:12`: the clock time of `iso` at the UTC offset of `reference` (an ISO string with an offset). */
export function clockTimeAt(iso: string, reference: string): string {
  const instant = Date.parse(iso);
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(reference);
  if (Number.isNaN(instant)) return iso;
  const minutes = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
  const shifted = new Date(instant + minutes * 60_000);
  return `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}`;
}

/** `2026-11-23 19:40` in the running machine's time zone, for lists; the input unchanged when it is no date. */
export function localMinute(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
