// POST /api/v1/promotion-requests/:id/{approve|reject|cancel} – decide on or withdraw a promotion request
export { POST } from '@/app/api/requests/[id]/[decision]/route';
