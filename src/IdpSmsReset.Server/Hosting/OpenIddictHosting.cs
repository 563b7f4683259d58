using IdpSmsReset.Core.Keys;
using IdpSmsReset.Core.Users;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Applications;
using IdpSmsReset.Server.Features.Connect;
using IdpSmsReset.Server.Features.Connect.ClientAssertions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdpSmsReset.Server.Hosting;

public static class OpenIddictHosting
{
    public const string AuthorizationEndpoint = "/connect/authorize";
    public const string TokenEndpoint = "/connect/token";
    public const string UserInfoEndpoint = "/connect/userinfo";
    public const string EndSessionEndpoint = "/connect/endsession";
    public const string IntrospectionEndpoint = "/connect/introspect";
    public const string RevocationEndpoint = "/connect/revoke";
    public const string PushedAuthorizationEndpoint = "/connect/par";

    /// <summary>How long after a refresh token was used a second use counts as the client's own race, not a replay.</summary>
    public static readonly TimeSpan RefreshTokenRaceWindow = TimeSpan.FromSeconds(5);

    public static WebApplicationBuilder AddIdpOpenIddict(this WebApplicationBuilder builder)
    {
        var keySource = KeysHosting.SourceOf(builder.Configuration);
        builder.Services.AddOpenIddict()
            .AddCore(options =>
            {
                options.UseEntityFrameworkCore().UseDbContext<IdpDbContext>();
                options.ReplaceApplicationManager<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication,
                    ProvenSecretApplicationManager>();
                options.ReplaceApplicationStore<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication,
                    SharedApplicationStore>();
                options.ReplaceTokenStore<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreToken, SharedTokenStore>();
                options.ReplaceAuthorizationStore<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreAuthorization,
                    SharedAuthorizationStore>();
            })
            .AddServer(options =>
            {
                options.SetAuthorizationEndpointUris(AuthorizationEndpoint)
                    .SetTokenEndpointUris(TokenEndpoint)
                    .SetUserInfoEndpointUris(UserInfoEndpoint)
                    .SetEndSessionEndpointUris(EndSessionEndpoint)
                    .SetIntrospectionEndpointUris(IntrospectionEndpoint)
                    .SetRevocationEndpointUris(RevocationEndpoint)
                    .SetPushedAuthorizationEndpointUris(PushedAuthorizationEndpoint);

                // No password grant and no implicit flow: both expose credentials or tokens to the user agent.
                options.AllowAuthorizationCodeFlow()
                    .AllowRefreshTokenFlow()
                    .AllowClientCredentialsFlow()
                    // Only for applications given the grant and the audiences (see TokenExchangeGrant).
                    .AllowTokenExchangeFlow();
                // Audiences are not one list for the server: each application's permissions name the ones it may ask for
                // (aud:...), which OpenIddict still checks.
                options.Configure(server => server.DisableAudienceValidation = true);

                // OpenIddict also offers "plain", which gives no protection against a stolen authorization request.
                options.Configure(server => server.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));

                options.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Phone, Scopes.OfflineAccess,
                    ApplicationVocabulary.AdminScope, ApplicationVocabulary.AdminReadScope, ApplicationVocabulary.ScimScope);
                options.RegisterClaims(
                    Claims.Subject, Claims.Name, Claims.PreferredUsername, Claims.Email, Claims.EmailVerified,
                    Claims.PhoneNumber, Claims.PhoneNumberVerified, Claims.AuthenticationMethodReference, Claims.AuthenticationTime);

                // A used refresh token is always refused (TokenEndpoint redeems it itself and refuses one already redeemed).
                // Within this leeway the refusal leaves the chain alone: a client's own parallel refreshes are not a theft.
                // Past it, a used token is a replay and OpenIddict revokes everything issued through its authorization.
                options.SetRefreshTokenReuseLeeway(RefreshTokenRaceWindow);
                // ... and only at the token endpoint: a used token shown anywhere else is refused and revokes nothing.
                options.AddEventHandler(RedeemedTokenGuard.Descriptor);
                // Userinfo and introspection may check an access token against entries read within Idp:Cache:MaxAge.
                options.AddEventHandler(RecentTokenState.Descriptor);

                // Resource servers validate access tokens with the published keys; they cannot decrypt a JWE.
                options.DisableAccessTokenEncryption();
                // Refresh tokens and codes, which only this server reads, under symmetric keys derived from the RSA ones.
                options.AddEventHandler(Keys.ServerOnlyTokenKeys.Issue.Descriptor)
                    .AddEventHandler(Keys.ServerOnlyTokenKeys.Accept.Descriptor);

                // An operator must be able to see why any request was refused.
                options.AddEventHandler(RefusedRequestLogger<OpenIddictServerEvents.ApplyAuthorizationResponseContext>.Descriptor)
                    .AddEventHandler(RefusedRequestLogger<OpenIddictServerEvents.ApplyTokenResponseContext>.Descriptor)
                    .AddEventHandler(RefusedRequestLogger<OpenIddictServerEvents.ApplyIntrospectionResponseContext>.Descriptor)
                    .AddEventHandler(RefusedRequestLogger<OpenIddictServerEvents.ApplyRevocationResponseContext>.Descriptor)
                    .AddEventHandler(RefusedRequestLogger<OpenIddictServerEvents.ApplyUserInfoResponseContext>.Descriptor)
                    .AddEventHandler(RefusedRequestLogger<OpenIddictServerEvents.ApplyEndSessionResponseContext>.Descriptor);

                // private_key_jwt (RFC 7523): as clients send it, each assertion once, and refusals as the RFC names them.
                options.AddEventHandler(AssertionTypHeader.AcceptGeneric.Descriptor)
                    .AddEventHandler(AssertionTypHeader.RetypeGeneric.Descriptor)
                    .AddEventHandler(TokenEndpointAudience.Descriptor)
                    .AddEventHandler(ClientAssertionReplayGuard.Descriptor)
                    .AddEventHandler(ClientAssertionErrors<OpenIddictServerEvents.ApplyTokenResponseContext>.Descriptor)
                    .AddEventHandler(ClientAssertionErrors<OpenIddictServerEvents.ApplyIntrospectionResponseContext>.Descriptor)
                    .AddEventHandler(ClientAssertionErrors<OpenIddictServerEvents.ApplyRevocationResponseContext>.Descriptor)
                    .AddEventHandler(ClientAssertionErrors<OpenIddictServerEvents.ApplyPushedAuthorizationResponseContext>.Descriptor)
                    .AddEventHandler(ClientAssertionErrors<OpenIddictServerEvents.ApplyDeviceAuthorizationResponseContext>.Descriptor);

                // OpenID Connect Back-Channel Logout 1.0, which OpenIddict 7 does not offer (built on the session tokens), and
                // step-up's acr_values (honoured by the authorization endpoint).
                options.AddEventHandler(DiscoveryMetadata.Descriptor);

                var aspNetCore = options.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableStatusCodePagesIntegration();

                if (builder.Environment.IsDevelopment())
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            });

        builder.Services.AddScoped<UserClaims>();
        builder.Services.AddScoped<AuthorizationIssuer>();
        builder.Services.AddScoped<ClientAssertionReplays>();
        builder.Services.AddSingleton<ILogoutTokens, LogoutTokens>();
        builder.Services.AddScoped<BackchannelLogouts>();
        // An application's logout URI chooses where this posts: no redirects, and no internal address outside Development.
        var allowInternal = builder.Environment.IsDevelopment();
        builder.Services.AddHttpClient<BackchannelLogoutJob>()
            .ConfigurePrimaryHttpMessageHandler(() => Core.Net.OutboundDestinations.Handler(allowInternal));
        builder.Services.AddOptions<BackchannelLogoutOptions>()
            .BindSection(builder.Configuration, BackchannelLogoutOptions.SectionName)
            .Validate(logout => !logout.Validate().Any(), "Idp:BackchannelLogout is out of range (see BackchannelLogoutOptions).")
            .ValidateOnStart();
        builder.Services.AddSingleton<ProvenSecrets>();
        builder.Services.AddSingleton<ApplicationSnapshots>();
        builder.Services.AddSingleton<RecentEntries>();
        builder.Services.AddSingleton<Keys.ServerOnlyTokenKeys>();
        builder.Services.AddScoped<RecentTokenState>();
        // OpenIddict's dispatcher, with each event's handler list found once (see the class for the measure).
        builder.Services.AddSingleton<IndexedServerDispatcher.Index>();
        builder.Services.Replace(ServiceDescriptor.Scoped<IOpenIddictServerDispatcher, IndexedServerDispatcher>());
        builder.Services.AddSingleton<Features.Connect.Cors.ApplicationOrigins>();
        builder.Services.TryAddSingleton(TimeProvider.System);

        builder.Services.AddOptions<OpenIddictServerOptions>()
            .Configure<IOptions<IdpOptions>>((server, idp) => ConfigureIssuerAndCredentials(server, idp.Value, keySource));

        return builder;
    }

    private static void ConfigureIssuerAndCredentials(OpenIddictServerOptions server, IdpOptions idp, TokenKeySource keySource)
    {
        server.Issuer = idp.IssuerUri;
        server.RequirePushedAuthorizationRequests = idp.RequirePushedAuthorizationRequests;

        // With Idp:Keys:Source Database the keys come from KeysHosting instead; a file configured too is then unused.
        if (keySource != TokenKeySource.Certificates)
        {
            return;
        }

        // Loaded once, when the options are first built: no key material is read on a request.
        if (idp.Certificates.Signing.IsConfigured)
        {
            var signing = idp.Certificates.Signing.Load();
            server.SigningCredentials.Add(new SigningCredentials(new X509SecurityKey(signing), SecurityAlgorithms.RsaSha256));
        }

        if (idp.Certificates.Encryption.IsConfigured)
        {
            var encryption = idp.Certificates.Encryption.Load();
            server.EncryptionCredentials.Add(new EncryptingCredentials(
                new X509SecurityKey(encryption), SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
        }
    }
}
