// POST /api/v1/models/:name/health – a serving system reports health ({ healthy, reason } or { metrics }); may roll back automatically
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { readJson, withUser } from '@/lib/http/handler';
import { reportHealth } from '@/lib/services/report-health';

const ZHealthBody = z
  .object({
    version: z.number().int().positive().optional(),
    healthy: z.boolean().optional(),
    reason: z.string().trim().max(1000).optional(),
    metrics: z.record(z.string().max(100), z.number().finite()).optional(),
  })
  .refine((b) => b.healthy !== undefined || (b.metrics && Object.keys(b.metrics).length > 0), 'Send healthy: true|false, or metric samples.');

export const POST = withUser<{ name: string }>(
  async ({ req, params, user }) => NextResponse.json(await reportHealth(user, { model: params.name, ...ZHealthBody.parse(await readJson(req)) })),
  { permission: 'health.report' },
);
