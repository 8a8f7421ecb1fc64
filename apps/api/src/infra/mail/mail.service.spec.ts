import { Logger } from '@nestjs/common';
import { AppConfig } from '../../config/app.config';
import { parseEnv } from '../../config/env.schema';
import { MailService } from './mail.service';

const config = (env: Record<string, string>) =>
  new AppConfig(parseEnv({ JWT_SECRET: 'x'.repeat(32), ...env }));

const mail = (n: number) => ({
  to: `u${n}@example.com`,
  subject: `subject ${n}`,
  text: `code ${n}`,
  html: `<p>code ${n}</p>`,
});

// The service logs every mail in dev mode; not needed in test output.
beforeAll(() => Logger.overrideLogger(false));

describe('MailService without SMTP', () => {
  it('keeps the last 50 mails, newest first, in the dev outbox', async () => {
    const service = new MailService(config({}));
    expect(service.isOutboxEnabled).toBe(true);
    for (let n = 1; n <= 52; n++) await service.send(mail(n));
    const outbox = service.listOutbox();
    expect(outbox).toHaveLength(50);
    expect(outbox[0]).toMatchObject({ id: 52, to: 'u52@example.com', text: 'code 52' });
    expect(outbox[49].id).toBe(3);
  });

  it('has no outbox in production', async () => {
    const service = new MailService(
      config({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x@localhost/x' }),
    );
    expect(service.isOutboxEnabled).toBe(false);
    await service.send(mail(1));
    expect(service.listOutbox()).toEqual([]);
  });

  it('has no outbox when SMTP is configured', () => {
    const service = new MailService(config({ SMTP_URL: 'smtp://127.0.0.1:2525' }));
    expect(service.isOutboxEnabled).toBe(false);
    service.onApplicationShutdown();
  });
});
