// `npm run db:migrate`: applies the committed migrations to DATABASE_URL (scripts/lib/migrate.ts says how,
// and why not through Prisma's CLI). On a machine with Prisma's own engine `npx prisma migrate deploy` does
// the same and records the same rows.
import { applyMigrations } from './lib/migrate';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('Set DATABASE_URL to the database to migrate (as the owner of its tables).');
  process.exit(1);
}
applyMigrations(url, (line) => console.log(`[migrate] ${line}`))
  .then((applied) => console.log(applied.length > 0 ? `[migrate] ${applied.length} migration(s) applied.` : '[migrate] Already up to date.'))
  .catch((error: unknown) => {
    console.error(`[migrate] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
