import { describe, expect, it } from 'vitest';
import { emailDomain } from '../../web/src/modules/auth/email-domain.ts';
import { parseDomains } from '../../web/src/modules/settings/sso-domains.ts';

describe('single sign-on inputs of the web app', () => {
  it('the settings form reads domains one per line, or separated by commas or semicolons', () => {
    expect(parseDomains('kommune.no\netat.kommune.no')).toEqual(['kommune.no', 'etat.kommune.no']);
    expect(parseDomains(' kommune.no, etat.kommune.no ;skole.no,\n\n')).toEqual([
      'kommune.no',
      'etat.kommune.no',
      'skole.no',
    ]);
    expect(parseDomains('  \n , ')).toEqual([]);
  });

  it('the login page asks only about a complete-looking address, by its lower-case domain', () => {
    expect(emailDomain('Kari.Nordmann@Kommune.NO ')).toBe('kommune.no');
    expect(emailDomain('kari@')).toBeNull();
    expect(emailDomain('kari@kommune')).toBeNull();
    expect(emailDomain('kari nordmann@kommune.no')).toBeNull();
    expect(emailDomain('')).toBeNull();
  });
});
