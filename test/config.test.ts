import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { ConfigError, loadConfig } from '../src/config/env.js';
import { describeStartupError } from '../src/config/startup-errors.js';
import { openDatabase } from '../src/db/client.js';

/**
 * A TCP server on loopback that accepts connections and never answers the PostgreSQL start-up message: to the
 * app it looks like a firewalled or hung database server, and the test needs no network.
 */
async function startSilentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describe('configuration from the environment', () => {
  it('has working defaults for a first run', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.dataDir.endsWith('/data')).toBe(true);
    expect(config.outboxDir.endsWith('/data/outbox')).toBe(true);
    expect(config.DEMO_DATA).toBe(true);
    expect(config.secureCookies).toBe(false);
    expect(config.DATABASE_CONNECT_TIMEOUT_MS).toBe(10_000);
  });

  it('checks the database connect timeout', () => {
    expect(loadConfig({ DATABASE_CONNECT_TIMEOUT_MS: '2500' }).DATABASE_CONNECT_TIMEOUT_MS).toBe(2500);
    expect(() => loadConfig({ DATABASE_CONNECT_TIMEOUT_MS: 'tien' })).toThrow(/DATABASE_CONNECT_TIMEOUT_MS: moet een aantal milliseconden zijn/);
    expect(() => loadConfig({ DATABASE_CONNECT_TIMEOUT_MS: '0' })).toThrow(/DATABASE_CONNECT_TIMEOUT_MS: moet minstens 100 milliseconden zijn/);
    expect(() => loadConfig({ DATABASE_CONNECT_TIMEOUT_MS: '1.5' })).toThrow(/DATABASE_CONNECT_TIMEOUT_MS: moet een geheel aantal milliseconden zijn/);
  });

  it('checks the public rate limit: 600 by default, and 0 or less is refused (it does not switch the limit off)', () => {
    expect(loadConfig({}).PUBLIC_RATE_LIMIT_PER_MINUTE).toBe(600);
    expect(loadConfig({ PUBLIC_RATE_LIMIT_PER_MINUTE: '3' }).PUBLIC_RATE_LIMIT_PER_MINUTE).toBe(3);
    expect(() => loadConfig({ PUBLIC_RATE_LIMIT_PER_MINUTE: '0' })).toThrow(/PUBLIC_RATE_LIMIT_PER_MINUTE: moet minstens 1 verzoek per minuut zijn \(0 zet de begrenzing niet uit\)/);
    expect(() => loadConfig({ PUBLIC_RATE_LIMIT_PER_MINUTE: '-5' })).toThrow(/PUBLIC_RATE_LIMIT_PER_MINUTE: moet minstens 1/);
    expect(() => loadConfig({ PUBLIC_RATE_LIMIT_PER_MINUTE: 'veel' })).toThrow(/PUBLIC_RATE_LIMIT_PER_MINUTE: moet een aantal verzoeken per minuut zijn/);
    expect(() => loadConfig({ PUBLIC_RATE_LIMIT_PER_MINUTE: '2.5' })).toThrow(/PUBLIC_RATE_LIMIT_PER_MINUTE: moet een geheel aantal/);
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
  const config = { DATABASE_URL: 'postgres://sop:geheim@db.example:5433/opensop', DATABASE_CONNECT_TIMEOUT_MS: 10_000, PORT: 3000, HOST: '127.0.0.1' };

  it('explains an unreachable or refusing database without showing the password', () => {
    const refused = describeStartupError(Object.assign(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]), {}), config)!;
    expect(refused).toContain('Kan de PostgreSQL-server in DATABASE_URL (db.example:5433/opensop) niet bereiken (ECONNREFUSED)');
    expect(refused).not.toContain('geheim');
    expect(describeStartupError(Object.assign(new Error('auth'), { code: '28P01' }), config)).toContain('weigert de gebruiker of het wachtwoord');
    expect(describeStartupError(Object.assign(new Error('db'), { code: '3D000' }), config)).toContain('createdb opensop');
  });

  it('explains a database that does not answer in time', () => {
    // As pg-pool reports connectionTimeoutMillis running out (no code), and as pg.Client's own timer does.
    const pooled = new Error('Connection terminated due to connection timeout', { cause: new Error('Connection terminated unexpectedly') });
    const expected = 'De database op db.example:5433 antwoordt niet binnen 10 s (DATABASE_URL).';
    expect(describeStartupError(pooled, config)).toContain(expected);
    expect(describeStartupError(new Error('timeout expired'), config)).toContain(expected);
    expect(describeStartupError(pooled, { ...config, DATABASE_CONNECT_TIMEOUT_MS: 2500 })).toContain('niet binnen 2,5 s');
    expect(describeStartupError(pooled, config)).toContain('DATABASE_CONNECT_TIMEOUT_MS');
    expect(describeStartupError(pooled, config)).not.toContain('geheim');
    expect(describeStartupError(pooled, { ...config, DATABASE_URL: undefined })).toBeNull();
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

  it('gives up on a server that accepts the connection but never answers, after the connect timeout', async () => {
    const silent = await startSilentServer();
    try {
      const database = await openDatabase({ kind: 'postgres', url: `postgres://nobody@127.0.0.1:${silent.port}/none`, connectTimeoutMs: 300 });
      const started = performance.now();
      const error = await database.migrate().then(() => null, (e: unknown) => e);
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(describeStartupError(error, { ...config, DATABASE_URL: `postgres://nobody@127.0.0.1:${silent.port}/none`, DATABASE_CONNECT_TIMEOUT_MS: 300 })).toContain(
        `De database op 127.0.0.1:${silent.port} antwoordt niet binnen 0,3 s`,
      );
      await database.close();
    } finally {
      await silent.close();
    }
  });

  it('the server exits with one line when the database does not answer within DATABASE_CONNECT_TIMEOUT_MS', async () => {
    const silent = await startSilentServer();
    try {
      // Asynchronous spawn: the silent server lives in this process and must keep accepting.
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        cwd: path.resolve(import.meta.dirname, '..'),
        env: { ...process.env, DATABASE_URL: `postgres://nobody@127.0.0.1:${silent.port}/none`, DATABASE_CONNECT_TIMEOUT_MS: '1000', PORT: '46998', LOG_LEVEL: 'silent' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
      clearTimeout(killer);
      expect(status).toBe(1);
      expect(stderr.trim().split('\n').at(-1)).toBe(
        `De database op 127.0.0.1:${silent.port} antwoordt niet binnen 1 s (DATABASE_URL). Controleer of host en poort kloppen en of een firewall de verbinding tegenhoudt; geef een trage server meer tijd met DATABASE_CONNECT_TIMEOUT_MS (in milliseconden), of laat DATABASE_URL weg om de ingebouwde database te gebruiken.`,
      );
    } finally {
      await silent.close();
    }
  }, 40_000);
});
