import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { appError, detail } from '../errors.ts';

/**
 * The query parameters a route's querystring schema names, or null where that cannot be read
 * (a JSON schema, a custom type): such a route is not checked here.
 */
function namesOf(schema: unknown): Set<string> | null {
  if (!(schema instanceof z.core.$ZodType)) return null;
  const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  switch (def.type) {
    case 'object':
      return new Set(Object.keys(def.shape as object));
    case 'pipe':
      return namesOf(def.in);
    case 'optional':
    case 'default':
    case 'prefault':
    case 'readonly':
      return namesOf(def.innerType);
    case 'intersection':
    case 'union': {
      const parts = def.type === 'union' ? (def.options as unknown[]) : [def.left, def.right];
      const names = parts.map(namesOf);
      return names.some((n) => n === null) ? null : new Set(names.flatMap((n) => [...(n as Set<string>)]));
    }
    default:
      return null;
  }
}

const NO_NAMES = new Set<string>();
const known = new WeakMap<object, Set<string> | null>();

function allowedNames(request: FastifyRequest): Set<string> | null {
  const schema = request.routeOptions.schema?.querystring;
  if (!schema) return NO_NAMES;
  if (!known.has(schema)) known.set(schema, namesOf(schema));
  return known.get(schema) ?? null;
}

async function refuseUnknownQueryParameters(request: FastifyRequest): Promise<void> {
  // No route: the 404 says more than any parameter could.
  if (request.is404) return;
  const allowed = allowedNames(request);
  if (!allowed) return;
  const unknown = Object.keys(request.query as object).filter((name) => !allowed.has(name));
  if (unknown.length === 0) return;
  throw appError(
    'unknown_query_parameter',
    { names: unknown },
    unknown.map((name) => detail(`query.${name}`, { zh: '不支持的查询参数', en: 'unknown query parameter' })),
  );
}

/**
 * One rule for the whole API: a query parameter the route does not define is a 400
 * `unknown_query_parameter` naming it, before validation and authentication, rather than being
 * ignored (a misspelt filter would otherwise quietly answer everything). Routes without a
 * querystring schema take no parameters at all. Not encapsulated (skip-override), like the text guard.
 */
async function queryStrictness(app: FastifyInstance): Promise<void> {
  app.addHook('preValidation', refuseUnknownQueryParameters);
}
(queryStrictness as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;

export default queryStrictness;
