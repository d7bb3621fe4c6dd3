'use client';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 31_536_000],
  ['month', 2_592_000],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** "3 hours ago" with the absolute time on hover (UI.md). */
export function RelativeTime({ value, empty = 'Never' }: { value: string | null; empty?: string }) {
  if (!value) return <span className="text-gray-500">{empty}</span>;
  const date = new Date(value);
  const seconds = (date.getTime() - Date.now()) / 1000;
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  const [unit, size] = UNITS.find(([, size]) => Math.abs(seconds) >= size) ?? ['second', 1];
  const text = unit === 'second' ? 'just now' : format.format(Math.round(seconds / size), unit);
  return (
    <time dateTime={value} title={date.toLocaleString()}>
      {text}
    </time>
  );
}
