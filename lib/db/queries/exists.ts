import 'server-only';
import { cache } from 'react';
import { db } from '@/lib/db/prisma';

/** One indexed lookup, for layouts that must answer 404 before the page's loading boundary streams. */
export const modelExists = cache(async (name: string): Promise<boolean> => {
  return (await db.registeredModel.findUnique({ where: { name }, select: { id: true } })) !== null;
});

export const versionExists = cache(async (name: string, number: number): Promise<boolean> => {
  return (await db.modelVersion.findFirst({ where: { model: { name }, number }, select: { id: true } })) !== null;
});
