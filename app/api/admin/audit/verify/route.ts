// POST /api/admin/audit/verify – recompute the audit hash chains; reports OK or the first broken event
import { NextResponse } from 'next/server';
import { withUser } from '@/lib/http/handler';
import { verifyAuditChain } from '@/lib/services/verify-audit-chain';

export const POST = withUser(async ({ user }) => NextResponse.json(await verifyAuditChain(user)), { permission: 'audit.verify' });
