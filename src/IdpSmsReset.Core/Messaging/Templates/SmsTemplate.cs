namespace IdpSmsReset.Core.Messaging.Templates;

/// <summary>An administrator's wording of one message in one language; none: the product's own.</summary>
public sealed class SmsTemplate
{
    /// <summary>One of <see cref="SmsTemplatePurposes.All"/>.</summary>
    public required string Purpose { get; set; }

    /// <summary>One of <see cref="SmsLanguage.Supported"/>.</summary>
    public required string Language { get; set; }

    public required string Text { get; set; }

    public DateTime UpdatedAt { get; set; }
}
