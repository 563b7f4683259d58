using System.Net;
using IdpSmsReset.Core.Problems;

namespace IdpSmsReset.Core.Events;

/// <summary>What a subscription must be before it is saved; every problem, field by field.</summary>
public static class WebhookRules
{
    public const int MaxNameLength = 100;

    public const int MaxEventsLength = 2048;

    public static IEnumerable<FieldProblem> Validate(WebhookDefinition definition, bool allowPrivateNetworks)
    {
        var name = definition.Name?.Trim() ?? "";
        if (name.Length == 0 || name.Length > MaxNameLength)
        {
            yield return new("name", $"Give the subscription a name of 1 to {MaxNameLength} characters.");
        }

        if (ProblemOfUrl(definition.Url, allowPrivateNetworks) is { } urlProblem)
        {
            yield return new("url", urlProblem);
        }

        var events = definition.Events ?? [];
        if (events.Count == 0)
        {
            yield return new("events", "List the events to send: types (sign-in.failed), prefixes (user.*) or *.");
        }

        foreach (var problem in events.Select(EventFilter.ProblemOf).OfType<string>())
        {
            yield return new("events", problem);
        }

        if (string.Join(' ', events).Length > MaxEventsLength)
        {
            yield return new("events", $"List at most {MaxEventsLength:N0} characters of events: use prefixes (user.*) for long lists.");
        }

        if (!string.IsNullOrWhiteSpace(definition.Secret) && WebhookSecrets.KeyOf(definition.Secret, out var secretProblem) is null)
        {
            yield return new("secret", secretProblem!);
        }
    }

    private static string? ProblemOfUrl(string? value, bool allowPrivateNetworks)
    {
        if (!Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http")
            || url.Host.Length == 0 || value!.Length > 2048)
        {
            return "Give the receiver's address as an absolute https URL (at most 2,048 characters).";
        }

        if (!string.IsNullOrEmpty(url.UserInfo) || !string.IsNullOrEmpty(url.Fragment))
        {
            return "The receiver's URL may not carry a user name, password or fragment.";
        }

        var loopback = url.IsLoopback;
        if (url.Scheme == "http" && !loopback)
        {
            return "The receiver's URL must use https (http only to this machine, for development).";
        }

        var inside = loopback || (IPAddress.TryParse(url.Host, out var address) && Net.OutboundDestinations.IsInternal(address));
        return inside && !allowPrivateNetworks
            ? "The receiver is on this machine or a private network, where the server sends nothing unless " +
              "Idp:Webhooks:AllowPrivateNetworks is on."
            : null;
    }
}
