import next from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...next,
  ...nextTs,
  { ignores: ['.next/**', 'lib/generated/**', 'node_modules/**', '.modelgate/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
  {
    // One clock for the domain and the services: `clock.now()` (lib/services/clock.ts), which the demo seed
    // moves to give its history realistic dates. A stray `new Date()` would stamp today's date in between.
    files: ['lib/services/**/*.ts', 'lib/registry/**/*.ts'],
    ignores: ['lib/services/clock.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Read the time from `clock.now()` (lib/services/clock.ts), not `new Date()`." },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "Read the time from `clock.now()` (lib/services/clock.ts), not `Date.now()`." },
      ],
    },
  },
];

export default config;
