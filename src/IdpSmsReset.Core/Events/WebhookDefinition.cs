namespace IdpSmsReset.Core.Events;

/// <summary>A subscription as the bootstrap file, the dashboard and the management API write it.</summary>
public sealed class WebhookDefinition
{
    /// <summary>Unique; the bootstrap file's key. Defaults to the URL's host in the bootstrap file.</summary>
    public string? Name { get; set; }

    public string? Url { get; set; }

    /// <summary>Event types, prefixes (<c>user.*</c>) or <c>*</c>.</summary>
    public List<string>? Events { get; set; }

    /// <summary><c>whsec_</c> and a base64 key of 24 to 64 bytes. None: a new subscription gets one, shown once; an
    /// existing one keeps its own.</summary>
    public string? Secret { get; set; }

    public bool IncludePersonalData { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>This definition, named by its URL when it has no name (the bootstrap file's default).</summary>
    public WebhookDefinition NamedByUrlWhenUnnamed() => !string.IsNullOrWhiteSpace(Name) ? this : new()
    {
        Name = Url?.Trim(), Url = Url, Events = Events, Secret = Secret, IncludePersonalData = IncludePersonalData, Enabled = Enabled,
    };
}
