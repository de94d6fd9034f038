import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from './app.module';
import { loadConfig, repoRoot } from './config';
import { createLogger, openDatabase } from './bootstrap';
import { migrate } from './database/data-source';
import { SeedService } from './seed/seed.service';
import { AuthService } from './auth/auth.service';
import { Role } from './common/enums';

export const SCHEMA_FILE = join(repoRoot, 'apps', 'api', 'schema.graphql');

/** `migrate` | `seed` | `schema` | `create-admin <email> <password>` */
async function main(command = process.argv[2], args = process.argv.slice(3)): Promise<void> {
  const config = { ...loadConfig(), environment: 'test' as const };
  const db = await openDatabase(config);
  try {
    const applied = await migrate(db.url);
    console.log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'schema up to date');
    if (command === 'migrate') return;
    const app = await NestFactory.createApplicationContext(AppModule.forRoot({ ...config, databaseUrl: db.url }), { logger: createLogger(config) });
    try {
      if (command === 'seed') await app.get(SeedService).seedNetwork(console.log);
      else if (command === 'schema') {
        await app.init();
        writeFileSync(SCHEMA_FILE, printSchema(app.get(GraphQLSchemaHost).schema) + '\n');
        console.log(`wrote ${SCHEMA_FILE}`);
      } else if (command === 'create-admin') {
        const [email, password] = args;
        if (!email || !password) throw new Error('usage: npm run admin:create -- <email> <password>');
        await app.get(AuthService).ensureUser({ email, password, displayName: 'Administrateur réseau', role: Role.NETWORK_ADMIN });
        console.log(`network admin ${email} ready`);
      } else throw new Error(`unknown command ${command}; use migrate, seed, schema or create-admin`);
    } finally {
      await app.close();
    }
  } finally {
    await db.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
