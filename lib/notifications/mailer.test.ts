import { afterEach, describe, expect, it } from 'vitest';
import { mailConfig, mailStatus } from './mailer';
import { publicBaseUrl } from './public-url';

afterEach(() => {
  delete process.env.MODELGATE_SMTP_URL;
  delete process.env.MODELGATE_MAIL_FROM;
  delete process.env.MODELGATE_PUBLIC_URL;
});

describe('mail configuration', () => {
  it('is off until MODELGATE_SMTP_URL is set', () => {
    expect(mailConfig()).toBeNull();
    process.env.MODELGATE_SMTP_URL = '  ';
    expect(mailStatus()).toEqual({ enabled: false });
  });

  it('shows admins the server without its credentials', () => {
    process.env.MODELGATE_SMTP_URL = 'smtps://mailer:s3cret@mail.example.com:465';
    process.env.MODELGATE_MAIL_FROM = 'Registry <registry@example.com>';
    expect(mailStatus()).toEqual({ enabled: true, server: 'smtps://mail.example.com:465', from: 'Registry <registry@example.com>' });
    expect(JSON.stringify(mailStatus())).not.toContain('s3cret');
  });

  it('links to the public address, without a trailing slash', () => {
    process.env.MODELGATE_PUBLIC_URL = 'https://registry.example.com/';
    expect(publicBaseUrl()).toBe('https://registry.example.com');
  });
});
