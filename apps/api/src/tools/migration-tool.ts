import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDataSource } from '../infra/database/data-source';
import { runMigrations } from '../infra/database/migrate';
import { createScratchDatabase } from './scratch-db';

/**
 * `check`: migrate an empty database, then prove the entities need no further change.
 * `generate <Name>`: write the migration that brings the migrated schema up to the entities.
 */
async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('DATABASE_URL (an admin connection) is required');
  if (
    command !== 'check' &&
    !(command === 'generate' && name && /^[A-Z][A-Za-z0-9]+$/.test(name))
  ) {
    throw new Error('usage: migration-tool check | generate <PascalCaseName>');
  }
  const scratch = await createScratchDatabase(adminUrl, 'orgo_migrations');
  try {
    await runMigrations(scratch.url);
    const ds = createDataSource(scratch.url, 1);
    await ds.initialize();
    const sql = await ds.driver.createSchemaBuilder().log();
    await ds.destroy();
    const up = sql.upQueries.map((q) => q.query);
    const down = sql.downQueries.map((q) => q.query).reverse();
    if (command === 'check') {
      if (up.length) {
        process.stderr.write(
          `Entities and migrations disagree; missing statements:\n${up.join(';\n')}\n`,
        );
        process.stdout.write('migration check: 0 passed, 1 failed\n');
        process.exit(1);
      }
      process.stdout.write('migration check: entities and migrations agree\n');
      return;
    }
    if (!up.length) {
      process.stdout.write('No changes: the migrations already match the entities.\n');
      return;
    }
    const ts = Date.now();
    const file = join(
      __dirname,
      '..',
      '..',
      'src',
      'infra',
      'database',
      'migrations',
      `${ts}-${name}.ts`,
    );
    const q = (s: string) => `    await queryRunner.query(${JSON.stringify(s)});`;
    writeFileSync(
      file,
      `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${ts} implements MigrationInterface {
  name = '${name}${ts}';

  async up(queryRunner: QueryRunner): Promise<void> {
${up.map(q).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${down.map(q).join('\n')}
  }
}
`,
    );
    process.stdout.write(`wrote ${file}\n`);
  } finally {
    await scratch.drop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(1);
});
