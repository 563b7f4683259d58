namespace IdpSmsReset.Core.Recovery;

public enum PasswordResetStart
{
    Started,
    /// <summary>Too many resets from this address: the same answer for every account.</summary>
    TooManyFromAddress,
}
