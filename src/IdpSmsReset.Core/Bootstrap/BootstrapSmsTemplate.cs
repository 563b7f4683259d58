namespace IdpSmsReset.Core.Bootstrap;

/// <summary>The bootstrap file's <c>smsTemplates</c> entry: one message reworded in one language.</summary>
public sealed class BootstrapSmsTemplate
{
    /// <summary>One of <see cref="Messaging.Templates.SmsTemplatePurposes.All"/>.</summary>
    public string? Purpose { get; init; }

    /// <summary><c>en</c>, <c>es</c> or <c>fr</c>.</summary>
    public string? Language { get; init; }

    public string? Text { get; init; }
}
