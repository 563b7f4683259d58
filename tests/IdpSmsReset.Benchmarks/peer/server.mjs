// node-oidc-provider as the benchmark's peer: RS256 JWT access tokens signed with an RSA 2048 key, a confidential
// client for client_credentials. Tokens live in its default in-memory adapter and its client secret is compared as
// given: the peer's defaults, which this server does not share (it stores every token and hashes every secret).
import { generateKeyPairSync } from 'node:crypto';
import Provider from 'oidc-provider';

const port = Number(process.env.PORT ?? 3000);
const issuer = `http://127.0.0.1:${port}`;
const resource = 'urn:idpsmsreset:benchmark';
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...privateKey.export({ format: 'jwk' }), use: 'sig', alg: 'RS256', kid: 'peer-rs256' };

const provider = new Provider(issuer, {
  jwks: { keys: [jwk] },
  clients: [{
    client_id: process.env.CLIENT_ID ?? 'bench-service',
    client_secret: process.env.CLIENT_SECRET ?? 'bench-secret',
    grant_types: ['client_credentials'],
    // As the harness sends this server's client: the secret in the form.
    token_endpoint_auth_method: 'client_secret_post',
    response_types: [],
    redirect_uris: [],
  }],
  features: {
    clientCredentials: { enabled: true },
    // JWT access tokens come with a resource server: one, the default for every request.
    resourceIndicators: {
      enabled: true,
      defaultResource: () => resource,
      getResourceServerInfo: () => ({ scope: 'api', audience: resource, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } }),
      useGrantedResource: () => true,
    },
    devInteractions: { enabled: false },
  },
});
provider.proxy = false;
provider.listen(port, '127.0.0.1', () => console.log(`peer ready on ${issuer}`));
