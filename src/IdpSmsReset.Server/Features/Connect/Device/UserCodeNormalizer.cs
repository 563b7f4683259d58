using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace IdpSmsReset.Server.Features.Connect.Device;

/// <summary>
/// User codes are typed by people, so case does not count: OpenIddict ignores characters outside the charset (the
/// dash, spaces), and this makes a lower-case letter count as its capital before it does.
/// </summary>
internal sealed class UserCodeNormalizer : IOpenIddictServerHandler<ExtractEndUserVerificationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ExtractEndUserVerificationRequestContext>()
            .UseSingletonHandler<UserCodeNormalizer>()
            // After the host has read the request from the query or the form.
            .SetOrder(int.MaxValue - 100_000)
            .Build();

    public ValueTask HandleAsync(ExtractEndUserVerificationRequestContext context)
    {
        if (context.Request?.UserCode is { } typed)
        {
            context.Request.UserCode = typed.ToUpperInvariant();
        }

        return ValueTask.CompletedTask;
    }
}
