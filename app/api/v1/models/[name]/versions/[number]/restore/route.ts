// POST /api/v1/models/:name/versions/:number/restore
import { moveRoute } from '@/lib/api-v1/move-route';

export const POST = moveRoute('restore');
