using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using OpenIddict.Server;

namespace IdpSmsReset.Server.Keys;

/// <summary>
/// Gives OpenIddict the database keys, and tells it to rebuild its options when they change: OpenIddict reads its
/// options through <c>IOptionsMonitor</c>, so the next request signs with the key that took over.
/// </summary>
internal sealed class TokenKeyServerOptions(TokenKeyCredentials credentials)
    : IConfigureOptions<OpenIddictServerOptions>, IOptionsChangeTokenSource<OpenIddictServerOptions>
{
    public string Name => Options.DefaultName;

    public void Configure(OpenIddictServerOptions options)
    {
        var current = credentials.Current;
        options.SigningCredentials.AddRange(current.Signing);
        options.EncryptionCredentials.AddRange(current.Encryption);
    }

    public IChangeToken GetChangeToken() => credentials.ChangeToken;
}
