// openid-client 6, as a web application or an agent uses it: discovery (or dynamic registration first), the code flow
// with PKCE (optionally pushed, RFC 9126), the ID token's claims, userinfo, a refresh, token exchange for a service
// that has it, introspection for a confidential client, revocation, and RP-initiated logout.
import * as client from 'openid-client';
import { browse, errorOf, payloadOf, result } from './talk.mjs';

const env = process.env;
const issuer = new URL(env.IDP_ISSUER);
const insecure = { execute: [client.allowInsecureRequests] };
const redirectUri = env.REDIRECT_URI;
const postLogoutRedirectUri = env.POST_LOGOUT_REDIRECT_URI;

let config;
if (env.REGISTER === '1') {
  config = await client.dynamicClientRegistration(issuer, {
    client_name: 'An agent that registered itself',
    redirect_uris: [redirectUri],
    post_logout_redirect_uris: [postLogoutRedirectUri],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'none',
    scope: 'openid profile offline_access',
  }, client.None(), insecure);
} else if (env.CLIENT_SECRET) {
  config = await client.discovery(issuer, env.CLIENT_ID, env.CLIENT_SECRET, client.ClientSecretBasic(), insecure);
} else {
  config = await client.discovery(issuer, env.CLIENT_ID, undefined, client.None(), insecure);
}

const codeVerifier = client.randomPKCECodeVerifier();
const state = client.randomState();
const parameters = {
  redirect_uri: redirectUri,
  scope: 'openid profile offline_access',
  code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
  code_challenge_method: 'S256',
  state,
};
if (env.ACR_VALUES) {
  parameters.acr_values = env.ACR_VALUES;
}

const authorizationUrl = env.USE_PAR === '1'
  ? await client.buildAuthorizationUrlWithPAR(config, parameters)
  : client.buildAuthorizationUrl(config, parameters);
const callback = await browse(authorizationUrl.href);
const tokens = await client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: codeVerifier, expectedState: state });
const claims = tokens.claims();
const userInfo = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token);

let exchanged = null;
if (env.EXCHANGE_AUDIENCE) {
  const answer = await client.genericGrantRequest(config, 'urn:ietf:params:oauth:grant-type:token-exchange', {
    subject_token: refreshed.access_token,
    subject_token_type: 'urn:ietf:params:oauth:token-type:access_token',
    audience: env.EXCHANGE_AUDIENCE,
  });
  exchanged = payloadOf(answer.access_token);
}

const introspected = env.CLIENT_SECRET ? await client.tokenIntrospection(config, refreshed.access_token) : null;
await client.tokenRevocation(config, refreshed.refresh_token);
let refreshAfterRevocation = 'accepted';
try {
  await client.refreshTokenGrant(config, refreshed.refresh_token);
} catch (error) {
  refreshAfterRevocation = errorOf(error);
}

const endSession = client.buildEndSessionUrl(config, {
  id_token_hint: tokens.id_token,
  post_logout_redirect_uri: postLogoutRedirectUri,
  state: 'signed-out',
});
const afterLogout = await browse(endSession.href);

result({
  clientId: config.clientMetadata().client_id,
  subject: claims.sub,
  sessionId: claims.sid ?? null,
  acr: claims.acr ?? null,
  amr: claims.amr ?? null,
  userName: userInfo.preferred_username ?? null,
  refreshedScope: refreshed.scope ?? null,
  refreshTokenRotated: refreshed.refresh_token !== tokens.refresh_token,
  exchangedAudience: exchanged?.aud ?? null,
  exchangedActor: exchanged?.act?.sub ?? null,
  introspectedActive: introspected?.active ?? null,
  refreshAfterRevocation,
  afterLogout: afterLogout.href,
});
