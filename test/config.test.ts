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
});
