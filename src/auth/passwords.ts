import { hash, verify, type Algorithm } from '@node-rs/argon2';

/**
 * argon2id with OWASP's current minimum (Password Storage Cheat Sheet): 19 MiB of memory, two
 * iterations, one lane. About 10 ms on these machines: cheap for one sign-in, costly for a guesser.
 */
// Algorithm.Argon2id is a const enum, which type stripping cannot inline: its value is 2.
const ARGON2ID = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/**
 * A hash of nothing anyone knows: an unknown login name is checked against it, so that a sign-in
 * takes the same time whether or not the name exists.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(`decoy-${Math.random()}-${Date.now()}`);
  return decoy;
}

/** Passwords anyone would try first (the common lists' head, and what Chinese offices use). */
const COMMON = new Set([
  '1234567890', '12345678910', '0123456789', '1111111111', '0000000000', '1q2w3e4r5t', 'qwertyuiop', 'password12',
  'password123', 'passw0rd123', 'abc1234567', 'a123456789', 'abcd123456', 'woaini1314', 'iloveyou12', 'admin12345',
  'admin123456', 'qwerty1234', '1qaz2wsx3edc', 'zxcvbnm123', '88888888888', '66666666666', '5201314520',
]);

export interface PasswordContext {
  login?: string | null;
  name?: string | null;
  unitName?: string | null;
  minLength: number;
}

/** Why a new password is refused, in Chinese; null when it is acceptable. */
export function passwordProblem(password: string, context: PasswordContext): string | null {
  if ([...password].length < context.minLength) return `密码至少需要 ${context.minLength} 个字符`;
  if ([...password].length > 128) return '密码不能超过 128 个字符';
  if (/^(.)\1*$/u.test(password)) return '密码不能由同一个字符重复组成';
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return '这个密码过于常见，请换一个';
  const own = [context.login, context.name, context.unitName].filter((v): v is string => !!v && v.length >= 2);
  for (const word of own) {
    if (lower.includes(word.toLowerCase())) return '密码不能包含登录名、姓名或单位名称';
  }
  return null;
}
