using IdpSmsReset.Server.Keys;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using OpenIddict.Client;
using OpenIddict.Server;

namespace IdpSmsReset.Server.Federation;

/// <summary>
/// The OpenIddict client protects its state tokens (what it remembers between sending a person upstream and their
/// return) with the server's own keys, whichever source they come from, so that a sign-in started on one instance ends
/// on another, and across a restart. A rotation rebuilds these options as it rebuilds the server's. With keys from
/// certificate files there is no rotation to follow (<see cref="TokenKeyCredentials"/> is not registered).
/// </summary>
internal sealed class UpstreamClientCredentials(IOptionsMonitor<OpenIddictServerOptions> server, TokenKeyCredentials? keys = null)
    : IConfigureOptions<OpenIddictClientOptions>, IOptionsChangeTokenSource<OpenIddictClientOptions>
{
    public string Name => Options.DefaultName;

    public void Configure(OpenIddictClientOptions options)
    {
        var current = server.CurrentValue;
        options.SigningCredentials.AddRange(current.SigningCredentials);
        options.EncryptionCredentials.AddRange(current.EncryptionCredentials);
    }

    public IChangeToken GetChangeToken() => keys?.ChangeToken ?? Microsoft.Extensions.FileProviders.NullChangeToken.Singleton;
}
