/** Time from navigation to the first painted page of the figures table, in Chromium through the harness. */
export async function firstPaint(_file: string): Promise<Record<string, number | string>> {
  return { 'runs': 0, 'p50 ms': 'n/a' };
}
