// GET /api/v1/audit?model=&actor=&action=&from=&to=&before=&limit= – audit events, newest first, keyset-paginated
export { GET } from '@/app/api/audit/route';
