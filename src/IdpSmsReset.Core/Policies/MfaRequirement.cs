namespace IdpSmsReset.Core.Policies;

public enum MfaRequirement
{
    Never,
    Always,
}
