/** The address links in e-mails and chat webhooks point at: the app as its users reach it. */
export function publicBaseUrl(): string {
  return (process.env.MODELGATE_PUBLIC_URL || process.env.NEXTAUTH_URL || 'http://localhost:3000').replace(/\/+$/, '');
}
