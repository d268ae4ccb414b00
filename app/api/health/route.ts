// GET /api/health – liveness plus a database round trip, for load balancers and uptime checks
import { NextResponse } from 'next/server';
import { checkDatabase } from '@/lib/db/health';

export const dynamic = 'force-dynamic';

export async function GET() {
  const database = await checkDatabase();
  if (database.ok) return NextResponse.json({ status: 'ok', database: 'ok' });
  return NextResponse.json({ status: 'degraded', database: 'unreachable', reason: database.reason }, { status: 503 });
}
