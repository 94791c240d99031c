// The report's decimals are strings without exponent notation (cli-and-report.md). Checking the
// JSON text with a regex also hits free text such as the source path ("/tmp/radar-cli-1e089l/…"),
// so walk the values and look only at numbers and number-shaped strings.
const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function exponentNumbers(value: unknown): string[] {
  if (typeof value === 'number') return /e/i.test(String(value)) ? [String(value)] : [];
  if (typeof value === 'string') return NUMBER_TEXT.test(value) && /e/i.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(exponentNumbers);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(exponentNumbers);
  return [];
}
