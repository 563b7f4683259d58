using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using OpenIddict.Validation;

namespace IdpSmsReset.Server.Keys;

/// <summary>
/// The management API validates this server's tokens with the server's keys, which OpenIddict's validation copies when
/// its options are built. When the keys change (a rotation, a revocation, another instance's) its options are rebuilt
/// too, with the keys read here from the credentials themselves: copied from the server's options they could be the
/// old ones, since the two rebuilds race on the same change (and a token signed by the new key would be refused).
/// </summary>
internal sealed class TokenKeyValidationOptions(TokenKeyCredentials credentials)
    : IOptionsChangeTokenSource<OpenIddictValidationOptions>, IPostConfigureOptions<OpenIddictValidationOptions>
{
    public string Name => Options.DefaultName;

    public IChangeToken GetChangeToken() => credentials.ChangeToken;

    public void PostConfigure(string? name, OpenIddictValidationOptions options)
    {
        if (options.Configuration is not { } configuration)
        {
            return;
        }

        var current = credentials.Current;
        configuration.SigningKeys.Clear();
        foreach (var signing in current.Signing)
        {
            configuration.SigningKeys.Add(signing.Key);
        }

        options.EncryptionCredentials.Clear();
        options.EncryptionCredentials.AddRange(current.Encryption);
    }
}
