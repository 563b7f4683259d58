namespace IdpSmsReset.Server.Features.Shared.Confirmation;

/// <summary>The confirmation page: what will happen, the button, and the form fields to post again to <see cref="Action"/>.</summary>
public sealed record ConfirmationView(string What, string Button, string Action, string Cancel,
    IReadOnlyList<KeyValuePair<string, string>> Fields);
