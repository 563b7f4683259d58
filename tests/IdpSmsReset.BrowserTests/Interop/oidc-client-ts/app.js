// A single-page application as its developer writes it with oidc-client-ts, unmodified: the code flow with PKCE, a
// silent renewal with the refresh token, and sign-out. window.idpIssuer comes from /spa/config.js.
const origin = window.location.origin;
const users = new oidc.UserManager({
  authority: window.idpIssuer,
  client_id: 'journey-spa',
  redirect_uri: `${origin}/spa/callback.html`,
  post_logout_redirect_uri: `${origin}/spa/index.html`,
  response_type: 'code',
  scope: 'openid profile offline_access',
  automaticSilentRenew: false,
  // Keeps acr and amr in the profile: an application that asks for a second factor reads what was met.
  filterProtocolClaims: false,
});
const status = document.querySelector('#status');

async function show() {
  const user = await users.getUser();
  status.textContent = user && !user.expired ? `Signed in as ${user.profile.preferred_username} (acr ${user.profile.acr})` : 'Signed out';
}

if (window.location.pathname.endsWith('/callback.html')) {
  users.signinRedirectCallback()
    .then(() => window.location.replace('/spa/index.html'))
    .catch((error) => { status.textContent = `Sign-in failed: ${error.message}`; });
} else {
  document.querySelector('#sign-in').addEventListener('click', () => users.signinRedirect());
  document.querySelector('#sign-out').addEventListener('click', () => users.signoutRedirect());
  document.querySelector('#renew').addEventListener('click', async () => {
    const before = await users.getUser();
    try {
      const after = await users.signinSilent();
      document.querySelector('#renewal').textContent = after.access_token !== before.access_token ? 'Renewed' : 'Not renewed';
    } catch (error) {
      document.querySelector('#renewal').textContent = `Renewal failed: ${error.message}`;
    }
  });
  show();
}
