// CI runs the suite at the sizes where they are quick, and shorter streams where they are not;
// `npm run test:reliability -- --full` (or RELIABILITY_FULL=1) runs the long versions.
export const FULL = process.env.RELIABILITY_FULL === '1';

export const SCALE = {
  /** Registrations split across two instances at once. */
  registrations: 200,
  /** Competing approvals of different versions, all at once. */
  approvals: 50,
  /** Versions registered and promoted while one instance is killed. */
  crashStream: FULL ? 1_000 : 150,
  /** Webhook deliveries that must arrive exactly once across the crash. */
  webhookEvents: FULL ? 300 : 40,
  /** Seconds the database stays down in the restart test. */
  outageSeconds: FULL ? 15 : 5,
};
