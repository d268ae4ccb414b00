import type { Prisma } from '@/lib/generated/prisma/client';

/** Gate results and similar plain data, as Prisma's JSON input type. */
export function toJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}
