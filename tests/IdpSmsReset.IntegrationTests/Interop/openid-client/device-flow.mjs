// openid-client 6 on a device without a browser (RFC 8628): it shows a code, the person approves it elsewhere, the
// library polls until the tokens come, honouring interval and slow_down.
import * as client from 'openid-client';
import { result, showDeviceCode } from './talk.mjs';

const config = await client.discovery(new URL(process.env.IDP_ISSUER), process.env.CLIENT_ID, undefined, client.None(),
  { execute: [client.allowInsecureRequests] });
const codes = await client.initiateDeviceAuthorization(config, { scope: 'openid profile offline_access' });
showDeviceCode(codes.verification_uri_complete);
const tokens = await client.pollDeviceAuthorizationGrant(config, codes);

result({
  userCode: codes.user_code,
  subject: tokens.claims()?.sub ?? null,
  hasRefreshToken: typeof tokens.refresh_token === 'string',
  scope: tokens.scope ?? null,
});
