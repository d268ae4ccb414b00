// A real OpenID Connect provider (the `oidc-provider` package) on loopback, for the single sign-on specs.
// Playwright starts it beside the app (playwright.config.ts); e2e/sso.spec.ts signs in through it.
// Its own login page serves no outside resources, so the browser never leaves this machine.
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { OIDC_ACCOUNTS, oidcE2eSettings } from './settings';

const { port, issuer, clientId, clientSecret, redirectUri } = oidcE2eSettings();
// A copy the specs may change (POST /test/accounts/<subject>?email=…), as an identity provider's admin would.
const accounts = structuredClone(OIDC_ACCOUNTS);
const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

const configuration: Configuration = {
  clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
  jwks: { keys: [{ ...signingKey, kid: 'e2e', use: 'sig', alg: 'RS256' }] as never },
  cookies: { keys: ['e2e-oidc-cookie-key'] },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  // Put the scope's claims in the ID token, which is what Modelgate reads.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx: KoaContextWithOIDC, interaction) => `/interaction/${interaction.uid}` },
  findAccount: (_ctx, id) => {
    const account = accounts[id];
    return account ? { accountId: id, claims: () => ({ sub: id, email: account.email, email_verified: account.emailVerified, name: account.name }) } : undefined;
  },
  // Consent is implied: the specs are about Modelgate's side of the sign-in.
  loadExistingGrant: async (ctx) => {
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
};

const provider = new Provider(issuer, configuration);
const callback = provider.callback();

const loginPage = (uid: string, error = '') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title></head>
<body style="font-family: sans-serif; max-width: 24rem; margin: 3rem auto">
  <h1>Test identity provider</h1>
  ${error ? `<p role="alert">${error}</p>` : ''}
  <form method="post" action="/interaction/${uid}/login">
    <label>Username <input name="login" autofocus required></label>
    <button type="submit">Continue</button>
  </form>
</body></html>`;

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  let text = '';
  for await (const chunk of req) text += chunk;
  return new URLSearchParams(text);
}

async function interaction(req: IncomingMessage, res: ServerResponse, uid: string, action: string | undefined) {
  await provider.interactionDetails(req, res);
  if (req.method === 'POST' && action === 'login') {
    const login = (await formBody(req)).get('login') ?? '';
    if (!accounts[login]) {
      res.writeHead(200, { 'content-type': 'text/html' }).end(loginPage(uid, `No test account "${login}".`));
      return;
    }
    await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html' }).end(loginPage(uid));
}

/** The provider changes someone's e-mail address: the subject stays, as with any real provider. */
function changeAccount(req: IncomingMessage, res: ServerResponse): boolean {
  const url = new URL(req.url ?? '/', issuer);
  const match = /^\/test\/accounts\/([^/]+)$/.exec(url.pathname);
  if (req.method !== 'POST' || !match || !accounts[match[1]!]) return false;
  accounts[match[1]!]!.email = url.searchParams.get('email') ?? accounts[match[1]!]!.email;
  res.writeHead(204).end();
  return true;
}

createServer((req, res) => {
  if (changeAccount(req, res)) return;
  const match = /^\/interaction\/([^/?]+)(?:\/([a-z]+))?/.exec(req.url ?? '');
  if (!match) return void callback(req, res);
  interaction(req, res, match[1]!, match[2]).catch((error: unknown) => {
    res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
  });
}).listen(port, '127.0.0.1', () => console.log(`[oidc] test provider at ${issuer}`));
