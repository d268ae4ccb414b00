// Every field of user text the server runs a pattern or a parser over, at the largest size that reaches it
// (a 1 MB body, or the field's own limit where it is checked first), with the shapes that make backtracking
// regexes go quadratic: each is processed in well under 100 ms. Model cards: lib/registry/model-card.test.ts.
import { describe, expect, it } from 'vitest';
import { MAX_FILTER_LENGTH, MODEL_VERSION_FILTER, parseFilter, REGISTERED_MODEL_FILTER } from '@/lib/mlflow/filter';
import { parseOrderBy } from '@/lib/mlflow/order-by';
import { decodePageToken } from '@/lib/mlflow/page-token';
import { guessDirection } from '@/lib/registry/metrics';
import { parseSemver } from '@/lib/registry/semver';
import { timeOf } from '@/tests/hostile-text';
import { ZCreateUserBody } from './admin';
import { METRIC_FILTER, ZSearchVersionsQuery } from './api-v1';
import { ZModelName, ZSha256Digest, ZTag } from './common';
import { ZRegisterVersionInput } from './version';

const BODY = 1_000_000;
const run = (unit: string, size = BODY, prefix = '', suffix = '') => prefix + unit.repeat(Math.floor((size - prefix.length - suffix.length) / unit.length)) + suffix;
const quietly = (work: () => unknown) => () => {
  try {
    work();
  } catch {
    // Refusing the input is a fine outcome; only the time matters here.
  }
};

const cases: [string, () => unknown][] = [
  ...['a', 'a.', 'a@', '-', 'a-a.'].flatMap((unit): [string, () => unknown][] => [
    [`e-mail "${unit}"×`, () => ZCreateUserBody.safeParse({ email: run(unit), name: 'x', role: 'viewer', password: 'x'.repeat(12) })],
    [`e-mail "a@" + "${unit}"×`, () => ZCreateUserBody.safeParse({ email: run(unit, BODY, 'a@', '!'), name: 'x', role: 'viewer', password: 'x'.repeat(12) })],
  ]),
  ['model name', () => ZModelName.safeParse(run('a-', BODY, '', '!'))],
  ['tag', () => ZTag.safeParse(run('a=', BODY, '', ' '))],
  ['digest', () => ZSha256Digest.safeParse(run('a', BODY, 'sha256:'))],
  ['semver', quietly(() => parseSemver(run('1.', BODY)))],
  ['metric filter (search)', () => ZSearchVersionsQuery.safeParse({ metric: [run('a', BODY, '', '>='), run('1', BODY, 'auc>=1.', 'e'), run('.', BODY, 'a')] })],
  ['metric filter regex', () => METRIC_FILTER.exec(run('1', BODY, 'a>=', 'x'))],
  ['metric direction from a key', () => guessDirection(run('lo_', BODY))],
  ['registration body: strings at their limits', () => ZRegisterVersionInput.safeParse({ model: 'm', dataVersion: run(' a'), artifactUri: run('a '), semver: run('1.'), tags: { [run('a', 200)]: run('=', 500) } })],
  ...['1 ', "'", '`', 'a', '-1', 'name = "a" AND ', '.', '(', "run_id IN ('a',"].map((unit): [string, () => unknown] => [`MLflow filter "${unit}"× at its limit`, quietly(() => parseFilter(run(unit, MAX_FILTER_LENGTH), MODEL_VERSION_FILTER))]),
  ['MLflow filter over its limit (refused)', quietly(() => parseFilter(run('1 '), REGISTERED_MODEL_FILTER))],
  ...[' ', '`', 'a ', 'attribute.'].map((unit): [string, () => unknown] => [`MLflow order_by "${unit}"×`, quietly(() => parseOrderBy([run(unit)], 'model_version'))]),
  ['MLflow page token', quietly(() => decodePageToken(run('A', BODY, '', '==='), []))],
];

describe('hostile text in every field', () => {
  it.each(cases)('%s is processed in well under 100 ms', (_name, work) => {
    expect(timeOf(work)).toBeLessThan(100);
  });
});
