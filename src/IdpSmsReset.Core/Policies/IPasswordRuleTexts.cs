namespace IdpSmsReset.Core.Policies;

/// <summary>
/// What the user is told when a password breaks a policy rule, supplied by the host in the reader's language. Each
/// says what to change.
/// </summary>
public interface IPasswordRuleTexts
{
    string TooShort(int minLength);

    string TooLong(int maxLength);

    string TooCommon();

    string Reused(int historyCount);
}
