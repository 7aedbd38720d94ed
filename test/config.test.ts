import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ConfigError, loadConfig } from '../src/config/env.js';
import { describeStartupError } from '../src/config/startup-errors.js';

describe('configuration from the environment', () => {
  it('has working defaults for a first run', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.dataDir.endsWith('/data')).toBe(true);
    expect(config.outboxDir.endsWith('/data/outbox')).toBe(true);
    expect(config.DEMO_DATA).toBe(true);
    expect(config.secureCookies).toBe(false);
  });

  it('names every wrong setting at once', () => {
    const attempt = () => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', SMTP_URL: 'http://mail', DEMO_DATA: 'misschien' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('DATABASE_URL: moet beginnen met postgres://');
      expect(message).toContain('SMTP_URL: moet beginnen met smtp://');
      expect(message).toContain('DEMO_DATA');
    }
  });

  it('uses Secure cookies behind HTTPS', () => {
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://sop.swv.nl' }).secureCookies).toBe(true);
  });

  it('links in e-mails go to localhost on a local run, and PUBLIC_BASE_URL is required otherwise', () => {
    expect(loadConfig({}).PUBLIC_BASE_URL).toBe('http://localhost:3000');
    expect(loadConfig({ PORT: '4100', HOST: '::1' }).PUBLIC_BASE_URL).toBe('http://localhost:4100');
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://sop.swv.nl/' }).PUBLIC_BASE_URL).toBe('https://sop.swv.nl');
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/PUBLIC_BASE_URL: is verplicht als HOST \(0\.0\.0\.0\) geen lokaal adres is/);
    expect(() => loadConfig({ NODE_ENV: 'production', DEMO_DATA: 'false' })).toThrow(/PUBLIC_BASE_URL: is verplicht met NODE_ENV=production/);
    expect(loadConfig({ HOST: '0.0.0.0', PUBLIC_BASE_URL: 'https://sop.swv.nl' }).PUBLIC_BASE_URL).toBe('https://sop.swv.nl');
  });

  it('loads demo data by default only on a local embedded database, and never in production', () => {
    expect(loadConfig({}).DEMO_DATA).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/sop' }).DEMO_DATA).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/sop', DEMO_DATA: 'true' }).DEMO_DATA).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://sop.swv.nl' }).DEMO_DATA).toBe(false);
    expect(() => loadConfig({ NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://sop.swv.nl', DEMO_DATA: 'true' })).toThrow(
      /DEMO_DATA: demodata .* mag niet met NODE_ENV=production/,
    );
  });

  it('treats an empty variable as not set', () => {
    const config = loadConfig({ DATABASE_URL: '', SMTP_URL: '', PUBLIC_BASE_URL: ' ' });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.SMTP_URL).toBeUndefined();
    expect(config.PUBLIC_BASE_URL).toBe('http://localhost:3000');
  });
});

describe('start-up problems in one line', () => {
  const config = { DATABASE_URL: 'postgres://sop:geheim@db.example:5433/opensop', PORT: 3000, HOST: '127.0.0.1' };

  it('explains an unreachable or refusing database without showing the password', () => {
    const refused = describeStartupError(Object.assign(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]), {}), config)!;
    expect(refused).toContain('Kan de PostgreSQL-server in DATABASE_URL (db.example:5433/opensop) niet bereiken (ECONNREFUSED)');
    expect(refused).not.toContain('geheim');
    expect(describeStartupError(Object.assign(new Error('auth'), { code: '28P01' }), config)).toContain('weigert de gebruiker of het wachtwoord');
    expect(describeStartupError(Object.assign(new Error('db'), { code: '3D000' }), config)).toContain('createdb opensop');
  });

  it('explains a port in use, and leaves unknown errors alone', () => {
    expect(describeStartupError(Object.assign(new Error('listen'), { code: 'EADDRINUSE', syscall: 'listen' }), config)).toContain('Poort 3000 op 127.0.0.1 is al in gebruik');
    expect(describeStartupError(new Error('iets anders'), config)).toBeNull();
  });

  it('the server exits with that one line when the database cannot be reached', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: path.resolve(import.meta.dirname, '..'),
      env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', PORT: '46999', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    // (Before a build, serveStatic may warn that dist/public is missing; the last line is ours.)
    expect(result.stderr.trim().split('\n').at(-1)).toBe('Kan de PostgreSQL-server in DATABASE_URL (127.0.0.1:1/none) niet bereiken (ECONNREFUSED). Controleer of de server draait en of host en poort kloppen, of laat DATABASE_URL weg om de ingebouwde database te gebruiken.');
  }, 40_000);
});
