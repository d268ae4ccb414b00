/** A service account's name: what the pipeline or serving system is, e.g. "fraud-training-pipeline". */
export const SERVICE_ACCOUNT_NAME = /^[a-z0-9][a-z0-9._-]{1,62}$/;

// Service accounts need a unique address like everyone else (the MLflow API takes it as a Basic username).
// `.invalid` can never receive mail nor be vouched for by a real identity provider.
const SERVICE_ACCOUNT_DOMAIN = 'service-account.invalid';

export function serviceAccountEmail(name: string): string {
  return `${name}@${SERVICE_ACCOUNT_DOMAIN}`;
}

/** Why an account cannot be handed a model, or null when it can: a disabled account owns nothing new. */
export function ownershipRefusal(account: { email: string; disabled: boolean }): string | null {
  return account.disabled ? `${account.email} is disabled and cannot own a model.` : null;
}
