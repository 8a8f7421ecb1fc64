import { intlLocale, type Language } from '@/i18n/translate';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "5분 전" / "5 minutes ago"; anything under a minute is "방금" / "now". */
export function formatRelative(iso: string, now: number, language: Language): string {
  const format = new Intl.RelativeTimeFormat(intlLocale(language), {
    numeric: 'auto',
  });
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(0, 'second');
}
