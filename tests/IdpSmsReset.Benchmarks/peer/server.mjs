// node-oidc-provider as the benchmark's peer. RS256 with an RSA 2048 key; a confidential client for client_credentials
// (JWT access tokens for one resource) and a public client with PKCE for the code flow (opaque access tokens, which
// its userinfo and introspection accept, and rotated refresh tokens). Its own interaction pages: a sign-in form whose
// password is checked against a PBKDF2 hash with ASP.NET Core Identity's parameters, so both servers pay the same
// hash per sign-in. Tokens live in its default in-memory adapter and its client secret is compared as given: the
// peer's defaults, which this server does not share (it stores every token and hashes every secret).
import { generateKeyPairSync, pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { promisify } from 'node:util';
import Provider from 'oidc-provider';

const port = Number(process.env.PORT ?? 3000);
const issuer = `http://127.0.0.1:${port}`;
const resource = 'urn:idpsmsreset:benchmark';
const serviceClientId = process.env.CLIENT_ID ?? 'bench-service';
const webClientId = process.env.WEB_CLIENT_ID ?? 'bench-web';
const redirectUri = process.env.REDIRECT_URI ?? 'http://127.0.0.1/callback';
const password = process.env.PASSWORD ?? 'benchmark passphrase 2026';
const users = (process.env.USERS ?? 'bench-user-0').split(',');
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...privateKey.export({ format: 'jwk' }), use: 'sig', alg: 'RS256', kid: 'peer-rs256' };

// ASP.NET Core Identity's default (version 3): PBKDF2 with HMAC-SHA512, 100 000 iterations, a 128-bit salt, 256-bit key.
const derive = promisify(pbkdf2);
const hash = (secret, salt) => derive(secret, salt, 100_000, 32, 'sha512');
const accounts = new Map();
for (const name of users) {
  const salt = randomBytes(16);
  accounts.set(name, { salt, key: await hash(password, salt) });
}

const provider = new Provider(issuer, {
  jwks: { keys: [jwk] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  clients: [
    {
      client_id: serviceClientId,
      client_secret: process.env.CLIENT_SECRET ?? 'bench-secret',
      grant_types: ['client_credentials'],
      // As the harness sends this server's client: the secret in the form.
      token_endpoint_auth_method: 'client_secret_post',
      response_types: [],
      redirect_uris: [],
    },
    {
      client_id: webClientId,
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: [redirectUri],
    },
  ],
  scopes: ['openid', 'profile', 'email', 'offline_access', 'api'],
  claims: { openid: ['sub'], profile: ['name'], email: ['email', 'email_verified'] },
  findAccount: (ctx, id) => ({
    accountId: id,
    claims: () => ({ sub: id, name: id, email: `${id}@bench.example`, email_verified: true }),
  }),
  rotateRefreshToken: true,
  features: {
    clientCredentials: { enabled: true },
    introspection: { enabled: true },
    // JWT access tokens come with a resource server: the service client's tokens are for it.
    resourceIndicators: {
      enabled: true,
      defaultResource: (ctx, client) => (client?.clientId === serviceClientId ? resource : undefined),
      getResourceServerInfo: () => ({ scope: 'api', audience: resource, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } }),
      useGrantedResource: () => true,
    },
    devInteractions: { enabled: false },
  },
});
provider.proxy = false;

const escape = (text) => String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const page = (uid, problem) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in</title></head><body>
<h1>Sign in</h1>${problem ? `<p role="alert">${escape(problem)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login">
<label>User name <input name="Input.UserName" autocomplete="username"></label>
<label>Password <input name="Input.Password" type="password" autocomplete="current-password"></label>
<button>Sign in</button></form></body></html>`;

const readForm = (req) => new Promise((resolve, reject) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => resolve(new URLSearchParams(body)));
  req.on('error', reject);
});

async function passwordMatches(name, typed) {
  const account = accounts.get(name);
  const key = await hash(typed ?? '', account?.salt ?? randomBytes(16));
  return account !== undefined && timingSafeEqual(key, account.key);
}

// The interaction pages: the sign-in form, and its post, which signs in and grants the requested scopes at once.
async function interaction(req, res) {
  const details = await provider.interactionDetails(req, res);
  if (req.method === 'GET') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(details.uid));
    return;
  }

  const form = await readForm(req);
  const name = form.get('Input.UserName');
  if (!(await passwordMatches(name, form.get('Input.Password')))) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(details.uid, 'Wrong user name or password.'));
    return;
  }

  const grant = new provider.Grant({ accountId: name, clientId: details.params.client_id });
  grant.addOIDCScope(details.params.scope);
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { login: { accountId: name }, consent: { grantId } }, { mergeWithLastSubmission: false });
}

const oidc = provider.callback();
createServer((req, res) => {
  if (req.url.startsWith('/interaction/')) {
    interaction(req, res).catch((error) => {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    });
  } else {
    oidc(req, res);
  }
}).listen(port, '127.0.0.1', () => console.log(`peer ready on ${issuer}`));
