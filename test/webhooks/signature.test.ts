import { afterEach, describe, expect, it } from 'vitest';
import { signBody, verifySignature } from '../../src/webhooks/signature.ts';

const SECRET = 'whsec-test-0123456789';
const BODY = '{"kind":"adopted","message":"《标题》已采用"}';
const T = 1_716_170_400; // 2024-05-20T10:00:00+08:00
const at = (seconds: number) => new Date((T + seconds) * 1000);

describe('webhook signatures', () => {
  const configured = process.env.WEBHOOK_TOLERANCE_S;
  afterEach(() => {
    if (configured === undefined) delete process.env.WEBHOOK_TOLERANCE_S;
    else process.env.WEBHOOK_TOLERANCE_S = configured;
  });

  it('signs "<t>.<body>" with a timestamp, as Stripe does', () => {
    expect(signBody(SECRET, BODY, T)).toMatch(new RegExp(`^t=${T},v1=[0-9a-f]{64}$`));
    expect(signBody(SECRET, BODY, T)).not.toBe(signBody(SECRET, BODY, T + 1));
  });

  it('verifies within the tolerance on either side, and refuses a replay after it', () => {
    const header = signBody(SECRET, BODY, T);
    expect(verifySignature(SECRET, header, BODY, 300, at(0))).toBe(true);
    expect(verifySignature(SECRET, header, BODY, 300, at(300))).toBe(true);
    expect(verifySignature(SECRET, header, BODY, 300, at(-300))).toBe(true);
    expect(verifySignature(SECRET, header, BODY, 300, at(301))).toBe(false);
    expect(verifySignature(SECRET, header, BODY, 300, at(-301))).toBe(false);
  });

  it('refuses a timestamp moved into the tolerance: it is part of what is signed', () => {
    const moved = signBody(SECRET, BODY, T).replace(`t=${T}`, `t=${T + 3600}`);
    expect(verifySignature(SECRET, moved, BODY, 300, at(3600))).toBe(false);
  });

  it('accepts any matching v1 (secret rotation) and refuses malformed headers', () => {
    const good = signBody(SECRET, BODY, T).split(',')[1];
    const other = signBody('old-secret', BODY, T).split(',')[1];
    expect(verifySignature(SECRET, `t=${T},${other},${good}`, BODY, 300, at(0))).toBe(true);
    for (const header of [undefined, '', `t=${T}`, good, `t=${T},t=${T},${good}`, `t=abc,${good}`, `sha256=${good.slice(3)}`, `t=${T},v1=zz`]) {
      expect(verifySignature(SECRET, header, BODY, 300, at(0)), String(header)).toBe(false);
    }
  });

  it('takes its default tolerance from WEBHOOK_TOLERANCE_S, 300 s unless set', () => {
    const header = signBody(SECRET, BODY, T);
    delete process.env.WEBHOOK_TOLERANCE_S;
    expect(verifySignature(SECRET, header, BODY, undefined, at(300))).toBe(true);
    expect(verifySignature(SECRET, header, BODY, undefined, at(301))).toBe(false);
    process.env.WEBHOOK_TOLERANCE_S = '10';
    expect(verifySignature(SECRET, header, BODY, undefined, at(10))).toBe(true);
    expect(verifySignature(SECRET, header, BODY, undefined, at(11))).toBe(false);
  });
});
