namespace IdpSmsReset.Core.Applications.Registration;

/// <summary>Why a registration or its change was refused: an RFC 7591 error code and a description in plain ASCII English.</summary>
public sealed record RegistrationRefusal(string Error, string Description);
