/**
 * The department's time zone. Tashkent is UTC+5 all year (Uzbekistan has no
 * daylight saving time), so a fixed offset is exact and needs no time zone
 * database in the image.
 */
export const TASHKENT_OFFSET_MS = 5 * 3600_000;

/** The calendar day in Tashkent at `ms`, as YYYY-MM-DD. */
export const tashkentDate = (ms: number): string => new Date(ms + TASHKENT_OFFSET_MS).toISOString().slice(0, 10);

/** The moment a Tashkent calendar day (YYYY-MM-DD) reaches `hour`:00. */
export const tashkentTime = (date: string, hour: number): number => Date.parse(`${date}T00:00:00Z`) + hour * 3600_000 - TASHKENT_OFFSET_MS;
