// POST /api/v1/models/:name/rollback – return Production to the last stable version ({ reason, expectedVersion? })
export { POST } from '@/app/api/models/[name]/rollback/route';
