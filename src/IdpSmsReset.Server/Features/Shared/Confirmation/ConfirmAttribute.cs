namespace IdpSmsReset.Server.Features.Shared.Confirmation;

/// <summary>
/// Marks a page handler whose action cannot be undone. Its first POST answers with a page that says what will happen
/// (<see cref="What"/>, a translation key) and a danger-styled <see cref="Button"/>; only that button, which posts the
/// same fields again with <see cref="ConfirmationFilter.Field"/>, runs the handler. No script is needed.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ConfirmAttribute(string what, string button) : Attribute
{
    public string What => what;

    public string Button => button;
}
