using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace IdpSmsReset.Server.Features.Connect.ClientAssertions;

/// <summary>
/// RFC 7523 §3.1: a client assertion that is not valid is answered <c>invalid_client</c>. OpenIddict answers
/// <c>invalid_token</c> for some of its checks (the audience, for one) and <c>invalid_grant</c> for others (the subject);
/// where the assertion, and no other token of the request, is at fault, this says what the RFC says.
/// </summary>
internal sealed class ClientAssertionErrors<TContext> : IOpenIddictServerHandler<TContext> where TContext : BaseRequestContext
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<TContext>()
            .UseSingletonHandler<ClientAssertionErrors<TContext>>()
            // After OpenIddict's own normalization, before RefusedRequestLogger and the status code.
            .SetOrder(int.MinValue + 150_000)
            .Build();

    public ValueTask HandleAsync(TContext context)
    {
        var request = context.Transaction.Request;
        if (context.Transaction.Response is { Error: Errors.InvalidToken } response && request?.ClientAssertion is not null
            && request.SubjectToken is null && request.ActorToken is null && request.RefreshToken is null)
        {
            response.Error = Errors.InvalidClient;
        }

        // OpenIddict answers invalid_grant when the assertion's claims are wrong (a subject that is not the client); its
        // descriptions of those refusals all name "client assertion", which no refusal of the grant itself does.
        if (context.Transaction.Response is { Error: Errors.InvalidGrant, ErrorDescription: { } description } refused
            && request?.ClientAssertion is not null && description.Contains("client assertion", StringComparison.OrdinalIgnoreCase))
        {
            refused.Error = Errors.InvalidClient;
        }

        return ValueTask.CompletedTask;
    }
}
