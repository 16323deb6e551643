import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler as providerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Bilingual } from './errors.ts';
import type { Language } from './language.ts';

type Issue = z.core.$ZodIssue;

/** A request part (body, querystring, params, headers) that its zod schema refused; Fastify makes it a 400. */
export class RequestInvalid extends Error {
  readonly issues: Issue[];
  /** Set by Fastify: which part of the request. */
  validationContext?: string;

  constructor(issues: Issue[]) {
    super('request validation failed');
    this.issues = issues;
  }
}

/**
 * Fastify's validator: zod, as fastify-type-provider-zod's, but keeping the issues themselves (with
 * the input they refused) so that the error handler can word them in the caller's language.
 */
export const validatorCompiler: FastifySchemaCompiler<unknown> = (route) => {
  const { schema } = route;
  if (!(schema instanceof z.core.$ZodType)) return providerCompiler(route as Parameters<typeof providerCompiler>[0]);
  return (data) => {
    const result = z.safeParse(schema, data, { reportInput: true });
    return result.success ? { value: result.data } : { error: new RequestInvalid(result.error.issues) };
  };
};

/**
 * A schema's own message in both languages: `refine(check, bilingualIssue({ zh, en }))`. zod keeps
 * the Chinese as the issue's message and the English in its params.
 */
export const bilingualIssue = (message: Bilingual) => ({ message: message.zh, params: { en: message.en } });

const LOCALES: Record<Language, (issue: Issue) => unknown> = {
  zh: z.locales.zhCN().localeError as (issue: Issue) => unknown,
  en: z.locales.en().localeError as (issue: Issue) => unknown,
};

const textOf = (rendered: unknown) => (typeof rendered === 'string' ? rendered : (rendered as { message?: string } | undefined)?.message);

/**
 * An issue's message in `language`: zod's own wording comes from its locale; a schema's message is
 * kept (written in Chinese), unless it carries an English one (bilingualIssue) and English is asked.
 */
function issueMessage(issue: Issue, language: Language): string {
  if (issue.code === 'custom') {
    const english = (issue.params as { en?: unknown } | undefined)?.en;
    return language === 'en' && typeof english === 'string' ? english : issue.message;
  }
  if (issue.message !== textOf(LOCALES.en(issue))) return issue.message;
  return textOf(LOCALES[language](issue)) ?? issue.message;
}

/** The refused request's findings as `details`: where (`body.title`) and what, in the caller's language. */
export function findingsOf(error: RequestInvalid, language: Language) {
  return error.issues.map((issue) => ({
    path: [error.validationContext, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issueMessage(issue, language),
  }));
}
