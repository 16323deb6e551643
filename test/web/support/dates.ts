/** A calendar date in Shanghai, `days` before today. */
export function shanghaiDaysAgo(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 - days * 86_400_000).toISOString().slice(0, 10);
}
