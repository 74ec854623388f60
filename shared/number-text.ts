/**
 * A number as a person types it, by one rule wherever it is typed: the figure form and a workbook or
 * statistical table brought in. Accepted (unambiguous): `1234.5`, `-12`, `+3`, `.5`, comma thousands
 * groups of exactly three digits (`1,234.5`, `1,234,567`), full-width forms (`１２３`, `１，２３４．５`),
 * surrounding spaces. Refused (null): decimal commas or mixed separators (`1.234,5`, `1,2`, `1,23`),
 * spaces inside the number (`1 234.5`: space grouping belongs to decimal-comma locales, and
 * `12 34` may be two numbers), percent signs (5 or 0.05?), exponents (`1.2e3`), hexadecimal (`0x10`),
 * letters (`12a`).
 */
export function parseNumberText(text: string): number | null {
  const s = text.normalize('NFKC').replace(/\u2212/g, '-').trim();
  if (!/^[+-]?((\d{1,3}(,\d{3})+|\d+)(\.\d+)?|\.\d+)$/.test(s)) return null;
  const n = Number(s.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}
