/**
 * The roles a guard lets act, read from its `actorMay` guards (nested in `and`/`or`): how both
 * machines tell the API which roles may send an event, without a second table of rules.
 */
export function rolesInGuard<R extends string>(guard: unknown): R[][] {
  if (!guard) return [];
  if (typeof guard === 'object' && (guard as { type?: string }).type === 'actorMay') {
    return [(guard as { params: { roles: R[] } }).params.roles];
  }
  const nested = (guard as { guards?: unknown[] }).guards;
  return Array.isArray(nested) ? nested.flatMap((inner) => rolesInGuard<R>(inner)) : [];
}
