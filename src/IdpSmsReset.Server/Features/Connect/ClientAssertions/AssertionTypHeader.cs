using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace IdpSmsReset.Server.Features.Connect.ClientAssertions;

/// <summary>
/// <c>private_key_jwt</c> as clients send it. RFC 7523 and OpenID Connect Core §9 name no <c>typ</c>, and the libraries
/// people use (openid-client, MSAL, Nimbus) send none or the generic <c>JWT</c>; OpenIddict 7 accepts only the
/// <c>client-authentication+jwt</c> of draft-ietf-oauth-rfc7523bis, which that draft itself only recommends. So an
/// assertion whose <c>typ</c> is absent, <c>JWT</c> or <c>client-authentication+jwt</c> is accepted; any other explicit type
/// (an access token, a logout token, a request object) is still refused by OpenIddict, since a token made for one purpose
/// must not pass for another (RFC 8725 §3.11). Nothing else is relaxed: the signature is still checked against the
/// client's registered keys only (so no token this server signed can pass), and issuer, subject, audience, expiry and
/// the replay guard still apply.
/// </summary>
internal static class AssertionTypHeader
{
    // Marks the one validation whose type check was widened, so that only its principal is retyped.
    private const string Widened = "idp:client-assertion-typ-widened";

    public static bool IsGeneric(string? typ) =>
        string.IsNullOrEmpty(typ) || typ.Equals(JwtConstants.HeaderType, StringComparison.OrdinalIgnoreCase)
        || typ.Equals("application/jwt", StringComparison.OrdinalIgnoreCase);

    internal static bool IsClientAssertionValidation(ValidateTokenContext context) =>
        context.ValidTokenTypes.Count == 1 && context.ValidTokenTypes.Contains(TokenTypeIdentifiers.Private.ClientAssertion);

    /// <summary>Before the signature and type checks: a generic type is let through that one check.</summary>
    internal sealed class AcceptGeneric : IOpenIddictServerHandler<ValidateTokenContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
                .UseSingletonHandler<AcceptGeneric>()
                .SetOrder(OpenIddictServerHandlers.Protection.ValidateIdentityModelToken.Descriptor.Order - 500)
                .Build();

        public ValueTask HandleAsync(ValidateTokenContext context)
        {
            if (!IsClientAssertionValidation(context) || context.TokenValidationParameters is not { } parameters)
            {
                return ValueTask.CompletedTask;
            }

            string? typ;
            try
            {
                typ = new JsonWebToken(context.Token).Typ;
            }
            catch (ArgumentException)
            {
                // Not a JWT: OpenIddict refuses it next.
                return ValueTask.CompletedTask;
            }

            if (IsGeneric(typ))
            {
                parameters.ValidTypes = null;
                context.Transaction.Properties[Widened] = true;
            }

            return ValueTask.CompletedTask;
        }
    }

    /// <summary>
    /// After the signature is checked: OpenIddict reads the token's kind from its <c>typ</c>, so a <c>JWT</c> would be
    /// taken for an ID token and refused; the widened assertion is named a client assertion again.
    /// </summary>
    internal sealed class RetypeGeneric : IOpenIddictServerHandler<ValidateTokenContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
                .UseSingletonHandler<RetypeGeneric>()
                .SetOrder(OpenIddictServerHandlers.Protection.ValidatePrincipal.Descriptor.Order - 500)
                .Build();

        public ValueTask HandleAsync(ValidateTokenContext context)
        {
            if (IsClientAssertionValidation(context) && context.Principal is { } principal
                && context.Transaction.Properties.Remove(Widened))
            {
                principal.SetTokenType(TokenTypeIdentifiers.Private.ClientAssertion);
            }

            return ValueTask.CompletedTask;
        }
    }
}
