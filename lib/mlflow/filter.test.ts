import { describe, expect, it } from 'vitest';
import { MODEL_VERSION_FILTER, parseFilter, REGISTERED_MODEL_FILTER } from './filter';

const models = (filter: string) => parseFilter(filter, REGISTERED_MODEL_FILTER);
const versions = (filter: string) => parseFilter(filter, MODEL_VERSION_FILTER);

describe('parseFilter', () => {
  it('treats an empty filter as no condition', () => {
    expect(models('')).toEqual([]);
    expect(models('   ')).toEqual([]);
    expect(parseFilter(undefined, REGISTERED_MODEL_FILTER)).toEqual([]);
  });

  it('parses name comparisons with =, !=, LIKE and ILIKE in any letter case', () => {
    expect(models("name = 'fraud'")).toEqual([{ type: 'attribute', key: 'name', comparator: '=', value: 'fraud' }]);
    expect(models("name != 'fraud'")[0]?.comparator).toBe('!=');
    expect(models("name like 'fr%'")[0]).toMatchObject({ comparator: 'LIKE', value: 'fr%' });
    expect(models("name ILIKE '%RAUD'")[0]).toMatchObject({ comparator: 'ILIKE', value: '%RAUD' });
    expect(models("attribute.name = 'x'")[0]).toMatchObject({ type: 'attribute', key: 'name' });
  });

  it('parses tags with bare, dotted, backticked and double-quoted keys, and double-quoted values', () => {
    expect(models("tags.team = 'risk'")[0]).toEqual({ type: 'tag', key: 'team', comparator: '=', value: 'risk' });
    expect(models("tag.mlflow.source.type = 'job'")[0]).toMatchObject({ type: 'tag', key: 'mlflow.source.type' });
    expect(models("tags.`my key` = 'v'")[0]).toMatchObject({ key: 'my key' });
    expect(models('tags."my key" = "v w"')[0]).toMatchObject({ key: 'my key', value: 'v w' });
  });

  it('joins clauses with AND only', () => {
    expect(models("name LIKE 'a%' AND tags.team = 'risk' and tags.tier != 'gold'")).toHaveLength(3);
    expect(() => models("name = 'a' OR name = 'b'")).toThrow(/Only comparisons joined by AND/);
    expect(() => models("name = 'a' name = 'b'")).toThrow(/Invalid clause/);
  });

  it('unescapes doubled quotes inside values', () => {
    expect(models("name = 'it''s'")[0]?.value).toBe("it's");
  });

  it('parses version filters: numbers, run_id lists and source_path', () => {
    expect(versions("name = 'm' AND version_number >= 3")).toEqual([
      { type: 'attribute', key: 'name', comparator: '=', value: 'm' },
      { type: 'attribute', key: 'version_number', comparator: '>=', value: 3 },
    ]);
    expect(versions("run_id IN ('a1', 'b2')")[0]).toMatchObject({ comparator: 'IN', value: ['a1', 'b2'] });
    expect(versions("source_path LIKE 's3://bucket/%'")[0]).toMatchObject({ key: 'source_path', comparator: 'LIKE' });
    expect(versions("version_number = '2'")[0]?.value).toBe(2);
  });

  it('refuses what MLflow refuses, with INVALID_PARAMETER_VALUE', () => {
    const cases: [string, RegExp][] = [
      ["run_id = 'x'", /Invalid attribute key 'run_id'/],
      ["metrics.auc > 1", /Invalid entity type 'metrics'/],
      ["name > 'a'", /Invalid comparator for attribute name: >/],
      ["tags.a > 'b'", /Invalid comparator for tag: >/],
      ['tags.a = 3', /Expected a quoted string value for tag/],
      ['name = fraud', /Invalid clause/],
      ["name IN ('a')", /Only the 'run_id' attribute/],
      ["name = 'unterminated", /unterminated/],
      ["name ~ 'x'", /unexpected character/],
    ];
    for (const [filter, message] of cases) {
      expect(() => models(filter), filter).toThrow(message);
      try {
        models(filter);
      } catch (error) {
        expect(error).toMatchObject({ errorCode: 'INVALID_PARAMETER_VALUE' });
      }
    }
    expect(() => versions("name IN ('a')")).toThrow(/Only the 'run_id' attribute/);
    expect(() => versions("run_id IN ()")).toThrow(/non-empty list/);
    expect(() => versions('version_number LIKE 3')).toThrow(/Invalid comparator for attribute version_number/);
    expect(() => versions("version_number = 'two'")).toThrow(/Expected an integer/);
  });
});
