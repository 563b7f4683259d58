// node-oidc-provider (a certified OpenID Provider) as the company's identity provider that people sign in through.
// Configured by the test: PORT, CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, and ACCOUNTS, a JSON object of accounts by
// subject ({ "ann-1": { "preferred_username": "ann", "email": "...", "name": "...", "amr": ["pwd", "otp"] } }).
// Its own pages: a sign-in form that takes an account's subject (no password: the tests are about the relying
// party's side), and a Cancel button that answers the relying party with access_denied. Consent is given at once.
// Prints READY on its first line once it listens.
import { createServer } from 'node:http';
import { randomBytes, generateKeyPairSync } from 'node:crypto';
import Provider from 'oidc-provider';

const port = Number(process.env.PORT);
const issuer = `http://127.0.0.1:${port}`;
const accounts = JSON.parse(process.env.ACCOUNTS ?? '{}');
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

const provider = new Provider(issuer, {
  jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), use: 'sig', alg: 'RS256', kid: 'corp-rs256' }] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  clients: [{
    client_id: process.env.CLIENT_ID,
    client_secret: process.env.CLIENT_SECRET,
    grant_types: ['authorization_code'],
    response_types: ['code'],
    redirect_uris: [process.env.REDIRECT_URI],
    token_endpoint_auth_method: process.env.TOKEN_AUTH_METHOD ?? 'client_secret_basic',
  }],
  scopes: ['openid', 'profile', 'email'],
  // amr in the openid scope: the ID token then says how the person signed in there, as an upstream with MFA does.
  claims: { openid: ['sub', 'amr'], profile: ['name', 'preferred_username'], email: ['email', 'email_verified'] },
  conformIdTokenClaims: false,
  findAccount: (ctx, id) => accounts[id] && {
    accountId: id,
    claims: () => ({ sub: id, ...Object.fromEntries(Object.entries(accounts[id]).filter(([key]) => key !== 'amr')) }),
  },
  features: { devInteractions: { enabled: false } },
});
provider.proxy = false;

const escape = (text) => String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const page = (uid) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Corp sign-in</title></head><body>
<h1>Corp sign-in</h1>
<form method="post" action="/interaction/${escape(uid)}/login">
<label>Account <input name="account"></label><button type="submit">Sign in</button></form>
<form method="post" action="/interaction/${escape(uid)}/abort"><button type="submit">Cancel</button></form>
</body></html>`;

const body = (req) => new Promise((resolve) => {
  let data = '';
  req.on('data', (chunk) => { data += chunk; });
  req.on('end', () => resolve(new URLSearchParams(data)));
});

const callback = provider.callback();
createServer(async (req, res) => {
  const match = /^\/interaction\/([^/]+)(\/login|\/abort)?$/.exec(req.url.split('?')[0]);
  if (!match) {
    callback(req, res);
    return;
  }

  try {
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === 'consent') {
      const grant = new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
      grant.addOIDCScope(details.params.scope);
      await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
    } else if (match[2] === '/login') {
      const account = (await body(req)).get('account');
      const result = accounts[account]
        ? { login: { accountId: account, amr: accounts[account].amr } }
        : { error: 'access_denied', error_description: 'No such account.' };
      await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
    } else if (match[2] === '/abort') {
      await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'End-User aborted interaction' },
        { mergeWithLastSubmission: false });
    } else {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page(details.uid));
    }
  } catch (error) {
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end(String(error));
  }
}).listen(port, '127.0.0.1', () => console.log('READY'));
