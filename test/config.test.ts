import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config/env.js';

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
