using IdpSmsReset.Core.Mfa;
using IdpSmsReset.Core.SignIn;

namespace IdpSmsReset.UnitTests.SignIn;

/// <summary>The sign-in decision table: what the session proved × the user's second factors → the next step.</summary>
public sealed class SignInJourneyTests
{
    private const string Phone = "+33612345678";

    public static TheoryData<string, string, string, string, string> Table => new()
    {
        // proved (amr, comma-separated), factors, next step, methods offered, amr when done
        { "", "none", "Password", "", "" },
        { "", "required app", "Password", "", "" },
        { "pwd", "none", "Done", "", "pwd" },
        { "pwd", "optional sms", "Done", "", "pwd" },
        { "pwd", "optional app", "SecondFactor", "app,recovery", "" },
        { "pwd", "required sms", "SecondFactor", "sms", "" },
        { "pwd", "required app", "SecondFactor", "app,recovery", "" },
        { "pwd", "required app sms", "SecondFactor", "app,sms,recovery", "" },
        { "pwd", "required", "Enrol", "", "" },
        { "pwd", "required enrol-phone", "Enrol", "", "" },
        { "pwd,sms", "required sms", "Done", "", "pwd,sms,mfa" },
        { "pwd,otp", "required app", "Done", "", "pwd,otp,mfa" },
        { "pwd,otp,mfa", "required app", "Done", "", "pwd,otp,mfa" },
        { "pwd,sms,mfa", "none", "Done", "", "pwd,sms,mfa" },
        // Passkeys: offered first; a password with a passkey is two factors; a user-verified passkey alone is too.
        { "pwd", "optional passkey", "SecondFactor", "passkey", "" },
        { "pwd", "required passkey app sms", "SecondFactor", "passkey,app,sms,recovery", "" },
        { "pwd,swk", "required passkey", "Done", "", "pwd,swk,mfa" },
        { "pwd,hwk", "required passkey", "Done", "", "pwd,hwk,mfa" },
        { "swk,mfa", "required passkey", "Done", "", "swk,mfa" },
        { "hwk,mfa", "required app", "Done", "", "hwk,mfa" },
        // A passkey that did not verify its user proves one factor: it is no sign-in alone (Zitadel issue 12473).
        { "swk", "required passkey", "Password", "", "" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Decide_ProvedAndFactors_NextStep(string proved, string factors, string step, string methods, string amr)
    {
        var next = SignInJourney.Decide(FactorsOf(factors), ListOf(proved));

        Assert.Equal(Enum.Parse<SignInStep>(step), next.Step);
        Assert.Equal(ListOf(methods), next.Methods);
        Assert.Equal(ListOf(amr), next.Amr);
    }

    [Fact]
    public void Decide_SmsTheOnlyWay_SendsTheCodeAtOnce() =>
        Assert.True(SignInJourney.Decide(FactorsOf("required sms"), [AuthenticationMethods.Password]).SendsSmsAtOnce);

    [Fact]
    public void Decide_AppAndSms_WaitsForTheUserToAskForAnSms() =>
        Assert.False(SignInJourney.Decide(FactorsOf("required app sms"), [AuthenticationMethods.Password]).SendsSmsAtOnce);

    [Theory]
    [InlineData("sms", "required app sms", "sms")]
    [InlineData("recovery", "required app sms", "recovery")]
    [InlineData("app", "required sms", "sms")]
    [InlineData("recovery", "required sms", "sms")]
    [InlineData(null, "required app sms", "app")]
    [InlineData("bogus", "required sms", "sms")]
    public void MethodOrPreferred_AskedMethod_OnlyOneTheUserCanShow(string? asked, string factors, string shown) =>
        Assert.Equal(shown, SignInJourney.Decide(FactorsOf(factors), [AuthenticationMethods.Password]).MethodOrPreferred(asked));

    [Theory]
    [InlineData(SecondFactorMethod.App, "pwd,otp,mfa")]
    [InlineData(SecondFactorMethod.Recovery, "pwd,otp,mfa")]
    [InlineData(SecondFactorMethod.Sms, "pwd,sms,mfa")]
    public void AfterSecondFactor_Method_SessionAmr(string method, string amr) =>
        Assert.Equal(ListOf(amr), SignInJourney.AfterSecondFactor(method).Amr);

    [Theory]
    [InlineData(true, "swk")]
    [InlineData(false, "hwk")]
    public void Passwordless_UserVerifiedPasskey_TwoFactorsWithoutAPassword(bool backupEligible, string key) =>
        Assert.Equal([key, "mfa"], AuthenticationMethods.Passwordless(AuthenticationMethods.OfPasskey(backupEligible)));

    // "required"/"optional": does the policy require a second factor; "app": an authenticator app enrolled; "passkey": one registered;
    // "sms": a verified phone the SMS factor can use; "enrol-phone": a phone could be added.
    [Theory]
    [InlineData("pwd", "", "Done")]
    [InlineData("pwd", "update-password", "UpdatePassword")]
    [InlineData("pwd,sms,mfa", "update-password,configure-second-factor", "UpdatePassword")]
    [InlineData("pwd,sms,mfa", "configure-second-factor", "Done")]
    public void AfterRequiredActions_DoneButANewPasswordIsRequired_AsksForItKeepingWhatWasProved(string proved, string actions,
        string expected)
    {
        var user = new Core.Users.ApplicationUser { RequiredActions = actions };
        var done = new SignInDecision(SignInStep.Done, [], ListOf(proved));

        var next = SignInJourney.AfterRequiredActions(user, done);

        Assert.Equal(expected, next.Step.ToString());
        Assert.Equal(ListOf(proved), next.Amr);
    }

    [Fact]
    public void AfterRequiredActions_SecondFactorStillDue_ThatComesFirst()
    {
        var user = new Core.Users.ApplicationUser { RequiredActions = RequiredActions.UpdatePassword };
        var due = SignInJourney.Decide(FactorsOf("required sms"), [AuthenticationMethods.Password]);

        Assert.Equal(SignInStep.SecondFactor, SignInJourney.AfterRequiredActions(user, due).Step);
    }

    private static UserSecondFactors? FactorsOf(string description)
    {
        if (description == "none")
        {
            return new UserSecondFactors(false, null, false, false, false);
        }

        var words = description.Split(' ');
        return new UserSecondFactors(
            PolicyRequires: words.Contains("required"),
            SmsPhone: words.Contains("sms") ? Phone : null,
            HasAuthenticator: words.Contains("app"),
            CanEnrolPhone: words.Contains("enrol-phone"),
            CanEnrolAuthenticator: false,
            HasPasskey: words.Contains("passkey"));
    }

    private static string[] ListOf(string commaSeparated) =>
        commaSeparated.Length == 0 ? [] : commaSeparated.Split(',');
}
