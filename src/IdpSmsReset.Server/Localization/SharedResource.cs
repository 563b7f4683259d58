namespace IdpSmsReset.Server.Localization;

/// <summary>
/// The hosted pages' texts: the English text is the key, and <c>SharedResource.{es,fr}.resx</c> hold the translations.
/// A text not translated yet shows in English.
/// </summary>
public sealed class SharedResource;
