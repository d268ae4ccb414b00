// POST /api/v1/models/:name/versions/:number/archive
import { moveRoute } from '@/lib/api-v1/move-route';

export const POST = moveRoute('archive');
