import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RegistryError } from '@/lib/registry';
import { CONSTRAINT_RULES, constraintRule } from './constraints';
import { constraintOf, mapDbError } from './errors';

const MIGRATIONS = join(process.cwd(), 'prisma/migrations');
const sql = readdirSync(MIGRATIONS, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => readFileSync(join(MIGRATIONS, e.name, 'migration.sql'), 'utf8'))
  .join('\n');

// Every RAISE in a function body: its message (a quoted literal, which may hold semicolons), then up to the end
// of its statement (`;`, or `\073` in the older E'' bodies).
const raises = [...sql.matchAll(/RAISE EXCEPTION (?:\$m\$[\s\S]*?\$m\$|'(?:[^']|'')*')[\s\S]*?(?:;|\\073)/g)].map((m) => m[0]);
// Literal names (`'x'`, `$m$x$m$`), and names built from the trigger's table (`TG_TABLE_NAME || '_suffix'`).
const QUOTED = String.raw`(?:'|\$m\$)([a-z_]+)(?:'|\$m\$)`;
const literalNames = raises.flatMap((r) => [...r.matchAll(new RegExp(String.raw`CONSTRAINT = ${QUOTED}`, 'g'))].map((m) => m[1]!));
const suffixes = raises.flatMap((r) => [...r.matchAll(new RegExp(String.raw`CONSTRAINT = TG_TABLE_NAME \|\| ${QUOTED}`, 'g'))].map((m) => m[1]!));

describe('the constraint table: every invariant the database raises has a row', () => {
  it('finds the raises (the parsing below would pass vacuously otherwise)', () => {
    expect(raises.length).toBeGreaterThan(20);
    expect(literalNames).toContain('model_version_stage_transition');
    expect(suffixes).toContain('_immutable');
  });

  it('every RAISE in the migrations names its constraint', () => {
    const unnamed = raises.filter((r) => !/CONSTRAINT = /.test(r));
    expect(unnamed).toEqual([]);
  });

  it('every constraint name a trigger raises is mapped', () => {
    expect(literalNames.filter((name) => !constraintRule(name))).toEqual([]);
  });

  it('names built from the table name are mapped for the tables whose triggers use them', () => {
    for (const suffix of suffixes) expect(Object.keys(CONSTRAINT_RULES).some((name) => name.endsWith(suffix))).toBe(true);
    expect(constraintRule('metric_immutable')).toBeDefined();
    expect(constraintRule('version_lineage_immutable')).toBeDefined();
    expect(constraintRule('approval_by_person')).toBeDefined();
    expect(constraintRule('user_identity_by_person')).toBeDefined();
  });

  it('every row names something the migrations define (no stale rows)', () => {
    for (const name of Object.keys(CONSTRAINT_RULES)) {
      const defined = sql.includes(name) || suffixes.some((suffix) => name.endsWith(suffix));
      expect(defined, name).toBe(true);
    }
  });

  it('does not treat inherited object keys as constraints', () => {
    expect(constraintRule('constructor')).toBeUndefined();
    expect(constraintRule('toString')).toBeUndefined();
  });
});

// The three shapes a database error reaches mapDbError in.
const rawPg = (constraint: string, message = 'refused') => Object.assign(new Error(message), { code: '23514', severity: 'ERROR', constraint });
const adapterDetail = (constraint: string, message = 'refused', code = 'P2010') => ({
  code,
  message: `Raw query failed. Message: \`${message}\``,
  meta: { driverAdapterError: { cause: { originalCode: '42501', originalMessage: message, kind: 'postgres', detail: `modelgate.constraint=${constraint}` } } },
});
const adapterUnique = (index: string) => ({
  code: 'P2002',
  message: `Unique constraint failed on the constraint: \`${index}\``,
  meta: { driverAdapterError: { cause: { originalCode: '23505', kind: 'UniqueConstraintViolation', constraint: { index } } } },
});

describe('mapDbError by constraint name', () => {
  it.each([
    ['raw pg', rawPg('audit_event_append_only')],
    ['the driver adapter (detail)', adapterDetail('audit_event_append_only')],
    // A deferred trigger fires at COMMIT, whose error Prisma passes on unwrapped.
    ['an unwrapped DriverAdapterError', Object.assign(new Error('refused'), { name: 'DriverAdapterError', cause: adapterDetail('audit_event_append_only').meta.driverAdapterError.cause })],
  ])('reads the name from %s', (_, error) => {
    expect(constraintOf(error)).toBe('audit_event_append_only');
    expect(mapDbError(error)).toMatchObject({ code: 'CONFLICT', message: 'Registered versions and audit history cannot be changed.' });
  });

  it('maps every row to its code and message, whatever the database says', () => {
    for (const [name, rule] of Object.entries(CONSTRAINT_RULES)) {
      const mapped = mapDbError(adapterDetail(name, 'serving_guard: @champion may serve only the Production version'));
      expect(mapped, name).toBeInstanceOf(RegistryError);
      expect((mapped as RegistryError).code, name).toBe(rule.code);
      expect((mapped as RegistryError).message.length, name).toBeGreaterThan(10);
    }
  });

  it('keeps the messages the services and tests rely on', () => {
    expect(mapDbError(adapterDetail('model_version_stage_transition'))).toMatchObject({ code: 'INVALID_TRANSITION', message: 'That stage move is not allowed.' });
    expect(mapDbError(adapterDetail('model_version_immutable'))).toMatchObject({ code: 'CONFLICT', message: 'Registered versions and audit history cannot be changed.' });
    expect(mapDbError(adapterUnique('model_version_one_production_per_model'))).toMatchObject({
      code: 'CONFLICT',
      message: 'Another version became Production at the same moment. Refresh and try again.',
    });
    expect(mapDbError(adapterUnique('model_name_redirect_reserved'))).toMatchObject({ code: 'CONFLICT', message: 'That name is held by a redirect from a renamed model, or by a model.' });
    expect(mapDbError(adapterDetail('approval_by_person'))).toMatchObject({ code: 'FORBIDDEN' });
    expect(mapDbError(adapterDetail('app_user_service_account_limits'))).toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('says which row the serving guard refused', () => {
    const error = adapterDetail('serving_guard', 'serving_guard: @champion may serve only the Production version or an approved canary; v3 is in staging');
    expect(mapDbError(error)).toMatchObject({
      code: 'CONFLICT',
      message: 'Refused by the database: @champion may serve only the Production version or an approved canary; v3 is in staging.',
    });
  });

  it('a unique index without a row is "already exists"; an unknown constraint is left alone', () => {
    expect(mapDbError(adapterUnique('app_user_email_key'))).toMatchObject({ code: 'CONFLICT', message: 'That already exists.' });
    const unknown = rawPg('some_future_constraint');
    expect(mapDbError(unknown)).toBe(unknown);
  });

  it('no longer depends on the wording: a message that merely says "immutable" maps nothing', () => {
    const error = new Error('this value is immutable');
    expect(mapDbError(error)).toBe(error);
  });
});
