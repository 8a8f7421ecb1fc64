import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { writeFileSync } from 'node:fs';
import { AppModule } from '../app.module';
import { AppConfig } from '../config/app.config';
import { parseEnv } from '../config/env.schema';
import { API_PREFIX, buildOpenApi, globalBudget } from '../infra/http/configure-app';

/** Writes the OpenAPI document from the controllers without connecting to anything (preview mode). */
async function main(): Promise<void> {
  const out = process.argv[2];
  if (!out) throw new Error('usage: openapi-tool <output.json>');
  const config = new AppConfig(
    parseEnv({ JWT_SECRET: 'x'.repeat(32), DATABASE_URL: 'postgres://preview/none' }),
  );
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, 'postgres://preview/none'),
    {
      preview: true,
      logger: false,
      abortOnError: false,
    },
  );
  app.setGlobalPrefix(API_PREFIX);
  const doc = buildOpenApi(app, globalBudget(config));
  writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
  await app.close();
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
