// The registry's domain core: pure TypeScript, no Prisma, no Next.js.
export * from './errors';
export * from './stages';
export * from './rollback';
export * from './semver';
export * from './roles';
export * from './permissions';
export * from './audit-events';
export * from './metrics';
export * from './numbers';
export * from './policy';
export * from './gates';
export * from './approvals';
export * from './access';
export * from './serving';
export * from './tags';
export * from './accounts';
export * from './mentions';
