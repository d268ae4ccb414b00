// GET /api/v1/promotion-requests[?model=] – pending promotion requests with live gate results
export { GET } from '@/app/api/requests/route';
