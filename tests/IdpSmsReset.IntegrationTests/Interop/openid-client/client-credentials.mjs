// openid-client 6, as a service uses it: discovery, private_key_jwt with the library's own assertion (no typ header,
// aud = the issuer), a client_credentials token, then introspection and revocation with the same authentication.
import * as client from 'openid-client';

const jwk = JSON.parse(process.env.CLIENT_PRIVATE_JWK);
const key = await crypto.subtle.importKey('jwk', jwk, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
const config = await client.discovery(new URL(process.env.IDP_ISSUER), process.env.CLIENT_ID, undefined,
  client.PrivateKeyJwt({ key, kid: jwk.kid }), { execute: [client.allowInsecureRequests] });

const tokens = await client.clientCredentialsGrant(config, { scope: 'profile' });
const before = await client.tokenIntrospection(config, tokens.access_token);
await client.tokenRevocation(config, tokens.access_token);
const after = await client.tokenIntrospection(config, tokens.access_token);

console.log(JSON.stringify({
  tokenType: tokens.token_type,
  scope: tokens.scope ?? null,
  activeBefore: before.active,
  clientIdBefore: before.client_id ?? null,
  activeAfter: after.active,
}));
