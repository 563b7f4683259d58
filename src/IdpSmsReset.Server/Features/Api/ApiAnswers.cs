namespace IdpSmsReset.Server.Features.Api;

/// <summary>
/// The shapes of the answers that have no resource type of their own, named for the OpenAPI description (the endpoints
/// write the same JSON: camelCase, as every answer).
/// </summary>
internal static class ApiAnswers
{
    /// <summary>A page of a list; <c>next</c> is the address of the following page, or null on the last.</summary>
    public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);

    /// <summary>A list given whole.</summary>
    public sealed record Listing<T>(IReadOnlyList<T> Items);

    /// <summary>A new client secret: in this answer only.</summary>
    public sealed record NewSecret(string ClientSecret);

    /// <summary>The temporary password (when generated: in this answer only) and what the user must now do.</summary>
    public sealed record TemporaryPassword(string? Password, IReadOnlyList<string> RequiredActions);

    public sealed record RequiredActionsAnswer(IReadOnlyList<string> RequiredActions);

    /// <summary>The queued message, whose progress <c>/api/v1/messages</c> shows.</summary>
    public sealed record QueuedMessage(Guid? MessageId);
}
