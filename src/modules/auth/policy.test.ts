import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../setup/demo.ts';
import { PRODUCT_PASSWORDS, passwordProblem } from './policy.ts';
import { summarizeUserAgent, truncateIp } from './sessions.ts';

describe('password policy', () => {
  it('knows the demo password the product publishes', async () => {
    expect(PRODUCT_PASSWORDS).toContain(DEMO_PASSWORD);
    expect(await passwordProblem(DEMO_PASSWORD)).toBe('product_password');
    expect(await passwordProblem(`${DEMO_PASSWORD.toUpperCase()}!`)).toBe('product_password');
  });

  it('refuses short, common and personal passwords and accepts a long sentence', async () => {
    expect(await passwordProblem('kort')).toBe('too_short');
    expect(await passwordProblem('x'.repeat(201))).toBe('too_long');
    for (const common of ['password123', 'qwertyuiop', '1234567890', 'passord123']) {
      expect(await passwordProblem(common)).toBe('common');
    }
    expect(await passwordProblem('hanne.hansen', ['Hanne Hansen', 'hanne.hansen@firma.no'])).toBe('personal');
    expect(await passwordProblem('fjell og fjord i morgen 2026')).toBeNull();
    expect(await passwordProblem('sykefravaer-passord-1')).toBeNull();
  });
});

describe('session origin', () => {
  it('keeps only the network of an IP address', () => {
    expect(truncateIp('10.1.2.3')).toBe('10.1.2.0/24');
    expect(truncateIp('::ffff:192.168.7.9')).toBe('192.168.7.0/24');
    expect(truncateIp('2001:db8:abcd:12::1')).toBe('2001:db8:abcd::/48');
    expect(truncateIp('')).toBe('');
  });

  it('sums a user agent up as browser and system', () => {
    expect(
      summarizeUserAgent(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36',
      ),
    ).toBe('Chrome / Windows');
    expect(summarizeUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1')).toBe(
      'Safari / iOS',
    );
    expect(summarizeUserAgent('')).toBe('');
  });
});
