// `npm run user:create -- --email you@example.com --role admin [--name "Your Name"]`
// Creates a user outside the browser (the first admin of a fresh install). Prompts for the password.
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { db } from '@/lib/db/prisma';
import { createUser } from '@/lib/services/create-user';
import { isRegistryError } from '@/lib/registry';

async function readPassword(): Promise<string> {
  if (process.env.MODELGATE_PASSWORD) return process.env.MODELGATE_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Hide what is typed: echo nothing after the prompt.
  const output = rl as unknown as { _writeToOutput?: (s: string) => void };
  const password = rl.question('Password (min. 8 characters): ');
  output._writeToOutput = () => {};
  const answer = await password;
  rl.close();
  process.stdout.write('\n');
  return answer;
}

async function main() {
  const { values } = parseArgs({ options: { email: { type: 'string' }, role: { type: 'string', default: 'viewer' }, name: { type: 'string' } } });
  if (!values.email) throw new Error('Usage: npm run user:create -- --email EMAIL --role viewer|scientist|approver|admin [--name NAME]');
  if (!process.env.DATABASE_URL) throw new Error('Set DATABASE_URL to the database Modelgate uses.');
  const password = await readPassword();
  const cli = { id: null, label: 'command line', role: 'admin' as const };
  const user = await createUser(cli, { email: values.email, name: values.name ?? values.email.split('@')[0]!, role: values.role as 'viewer', password });
  console.log(`Created ${user.email} with the ${user.role} role.`);
}

main()
  .catch((error) => {
    console.error(isRegistryError(error) ? error.message : error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
