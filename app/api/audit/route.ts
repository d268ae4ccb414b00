// GET /api/audit?model=&actor=&action=&from=&to=&before=&limit= – one page of the audit timeline, newest first
import { NextResponse } from 'next/server';
import { listAuditEvents } from '@/lib/db/queries/audit';
import { withUser } from '@/lib/http/handler';
import { withoutEmpty, ZAuditPageQuery } from '@/lib/validations/audit';

export const GET = withUser(
  async ({ req }) => NextResponse.json(await listAuditEvents(ZAuditPageQuery.parse(withoutEmpty(req.nextUrl.searchParams)))),
  { permission: 'registry.read' },
);
