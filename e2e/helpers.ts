export const storageFor = (role: 'viewer' | 'scientist' | 'approver' | 'approver2' | 'admin') => `test-results/.auth/${role}.json`;

export const SCREENSHOTS = 'test-results/screenshots';
