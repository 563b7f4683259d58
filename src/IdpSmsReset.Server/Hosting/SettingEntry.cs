namespace IdpSmsReset.Server.Hosting;

/// <summary>One setting of <see cref="SettingsCatalogue"/>: its full key, and its default as it would be written (null: none).</summary>
public sealed record SettingEntry(string Key, string? Default);
