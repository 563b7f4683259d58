using IdpSmsReset.Core.Federation;

namespace IdpSmsReset.Server.Features.Api.IdentityProviders;

/// <summary>
/// An identity provider as the API shows it: its definition in the bootstrap file's words, without the secret
/// (<see cref="ClientSecretSet"/> only), and the redirect URI to register at the upstream.
/// </summary>
public sealed record IdentityProviderResource(IdentityProviderDefinition Definition, bool ClientSecretSet, Uri RedirectUri);
