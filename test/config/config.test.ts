import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { withDatabase } from '../support/net.ts';

describe('configuration', () => {
  it('takes PostgreSQL connection strings over TCP and over a Unix socket', () => {
    for (const url of [
      'postgres://nmg:secret@db.internal:5432/nmg',
      'postgresql://nmg@127.0.0.1/nmg?sslmode=disable',
      'postgres://postgres@/nmg?host=/var/run/postgresql',
      'postgresql:///nmg',
      'socket:/var/run/postgresql?db=nmg',
    ]) {
      expect(loadConfig({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
    }
  });

  it('refuses a URL that is not PostgreSQL’s, saying what it expects', () => {
    for (const url of ['http://db.internal/nmg', 'db.internal:5432', 'postgres://db internal/nmg']) {
      expect(() => loadConfig({ DATABASE_URL: url })).toThrow(ConfigError);
      expect(() => loadConfig({ DATABASE_URL: url })).toThrow(/DATABASE_URL: must be a PostgreSQL connection string/);
    }
  });

  it('treats an empty variable as not set', () => {
    const config = loadConfig({ DATABASE_URL: '', REDIS_URL: '' });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.PORT).toBe(3000);
  });

  it('points a connection string at another database, socket URLs included', () => {
    expect(withDatabase('postgres://u:p@127.0.0.1:5432/postgres?sslmode=disable', 'nmg_test')).toBe('postgres://u:p@127.0.0.1:5432/nmg_test?sslmode=disable');
    expect(withDatabase('postgres://postgres@/postgres?host=/var/run/postgresql', 'nmg_test')).toBe('postgres://postgres@/nmg_test?host=/var/run/postgresql');
    expect(withDatabase('postgres://127.0.0.1', 'nmg_test')).toBe('postgres://127.0.0.1/nmg_test');
  });
});
