using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace IdpSmsReset.Server.Keys;

/// <summary>
/// The tokens only this server reads (refresh tokens, authorization and device codes, user codes, pushed requests) are
/// signed with HMAC-SHA256 and their content keys wrapped with AES, under keys derived from the RSA encryption key in
/// use, instead of an RSA signature and an RSA-OAEP key wrap: a refresh costs two RSA private-key operations less (each
/// about 0.2 ms here). Derived, not stored: every instance holding the RSA key derives the same keys, and they rotate
/// with it (database keys and certificate files alike). The derivation signs a fixed label with the RSA key (PKCS#1 v1.5
/// signatures are deterministic, and keys that cannot be exported can still sign) and expands the signature with HKDF.
/// Access and ID tokens keep their published RSA or ECDSA signatures; tokens issued under RSA before stay readable.
/// </summary>
public sealed class ServerOnlyTokenKeys
{
    private static readonly byte[] Label = "IdpSmsReset: keys for the tokens only this server reads, v1"u8.ToArray();

    private static readonly HashSet<string> ServerOnlyTypes = new(StringComparer.Ordinal)
    {
        TokenTypeIdentifiers.RefreshToken, TokenTypeIdentifiers.Private.AuthorizationCode, TokenTypeIdentifiers.Private.DeviceCode,
        TokenTypeIdentifiers.Private.UserCode, TokenTypeIdentifiers.Private.RequestToken,
    };

    // Keyed by the RSA key object itself: a rotation brings new objects, and the old ones' entries go with them.
    private readonly ConditionalWeakTable<SecurityKey, Derived> _derived = new();

    private sealed record Derived(SigningCredentials? Signing, EncryptingCredentials? Encryption);

    /// <summary>The keys derived from <paramref name="rsa"/>, or nulls when it is not an RSA key with its private half.</summary>
    private Derived DerivedFrom(SecurityKey rsa) => _derived.GetValue(rsa, static key =>
    {
        var privateKey = key switch
        {
            X509SecurityKey certificate => certificate.PrivateKey as RSA,
            RsaSecurityKey raw => raw.Rsa,
            _ => null,
        };
        if (privateKey is null)
        {
            return new Derived(null, null);
        }

        var seed = privateKey.SignData(Label, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var material = HKDF.DeriveKey(HashAlgorithmName.SHA256, seed, 72, info: "signing, wrapping, key id"u8.ToArray());
        var keyId = Base64UrlEncoder.Encode(material[64..]);
        return new Derived(
            new SigningCredentials(new SymmetricSecurityKey(material[..32]) { KeyId = "h-" + keyId }, SecurityAlgorithms.HmacSha256),
            new EncryptingCredentials(new SymmetricSecurityKey(material[32..64]) { KeyId = "a-" + keyId },
                SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
    });

    /// <summary>Signs and wraps a server-only token with the keys derived from the encryption key OpenIddict chose.</summary>
    public sealed class Issue(ServerOnlyTokenKeys keys) : IOpenIddictServerHandler<GenerateTokenContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<GenerateTokenContext>()
                .UseSingletonHandler<Issue>()
                .SetOrder(OpenIddictServerHandlers.Protection.AttachSecurityCredentials.Descriptor.Order + 400)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(GenerateTokenContext context)
        {
            if (ServerOnlyTypes.Contains(context.TokenType ?? "") && context.EncryptionCredentials?.Key is { } rsa
                && keys.DerivedFrom(rsa) is { Signing: { } signing, Encryption: { } encryption })
            {
                context.SigningCredentials = signing;
                context.EncryptionCredentials = encryption;
            }

            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Lets the server read them: the derived keys of every encryption key it holds, beside the RSA keys.</summary>
    public sealed class Accept(ServerOnlyTokenKeys keys) : IOpenIddictServerHandler<ValidateTokenContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
                .UseSingletonHandler<Accept>()
                .SetOrder(OpenIddictServerHandlers.Protection.ResolveTokenValidationParameters.Descriptor.Order + 500)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(ValidateTokenContext context)
        {
            // Client assertions are checked against the client's own keys; access and ID tokens never use these keys.
            var types = context.ValidTokenTypes;
            if (context.TokenValidationParameters is not { } parameters
                || (types.Count > 0 && !types.Any(ServerOnlyTypes.Contains)))
            {
                return ValueTask.CompletedTask;
            }

            var derived = context.Options.EncryptionCredentials.Select(credentials => keys.DerivedFrom(credentials.Key)).ToList();
            parameters.IssuerSigningKeys = (parameters.IssuerSigningKeys ?? [])
                .Concat(derived.Select(keys => keys.Signing?.Key).OfType<SecurityKey>()).ToList();
            parameters.TokenDecryptionKeys = (parameters.TokenDecryptionKeys ?? [])
                .Concat(derived.Select(keys => keys.Encryption?.Key).OfType<SecurityKey>()).ToList();
            return ValueTask.CompletedTask;
        }
    }
}
