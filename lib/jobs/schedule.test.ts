import { afterEach, describe, expect, it, vi } from 'vitest';
import { logger } from '@/lib/observability/logger';
import { cronFromEnv } from './schedule';

const NAME = 'MODELGATE_TEST_SCHEDULE';

afterEach(() => {
  delete process.env[NAME];
  vi.restoreAllMocks();
});

describe('cronFromEnv', () => {
  it('uses the fallback when the variable is unset or blank', () => {
    expect(cronFromEnv(NAME, '0 * * * *')).toBe('0 * * * *');
    process.env[NAME] = '  ';
    expect(cronFromEnv(NAME, '0 * * * *')).toBe('0 * * * *');
  });

  it('takes a valid cron expression', () => {
    process.env[NAME] = '*/15 2-5 * * 1';
    expect(cronFromEnv(NAME, '0 * * * *')).toBe('*/15 2-5 * * 1');
  });

  it('logs a bad one by name and keeps the queue running on the fallback', () => {
    const error = vi.spyOn(logger, 'error').mockImplementation(() => undefined as never);
    process.env[NAME] = 'every hour';
    expect(cronFromEnv(NAME, '0 * * * *')).toBe('0 * * * *');
    expect(error).toHaveBeenCalledWith(expect.objectContaining({ [NAME]: 'every hour' }), expect.stringContaining(`${NAME} is not a cron expression`));
  });
});
