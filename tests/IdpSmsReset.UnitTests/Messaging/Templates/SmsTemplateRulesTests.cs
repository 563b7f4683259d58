using IdpSmsReset.Core.Messaging.Templates;

namespace IdpSmsReset.UnitTests.Messaging.Templates;

/// <summary>What an administrator may write for a message, and what it will cost.</summary>
public sealed class SmsTemplateRulesTests
{
    private const string Host = "id.example.com";

    [Theory]
    [InlineData("reset-code", "fr", "Votre code expire dans {minutes}.", "text: must contain {code}: this message carries a code.")]
    [InlineData("sign-in-code", "en", "{code} for {user}", "text: {user} is not a placeholder of this message;")]
    [InlineData("sign-in-code", "en", "{code}, see {link}", "text: {link} is not a placeholder of this message;")]
    [InlineData("password-changed", "en", "Your code {code}", "text: {code} is not a placeholder of this message;")]
    [InlineData("reset-code", "de", "{code}", "language: must be one of en, es, fr.")]
    [InlineData("welcome", "en", "{code}", "purpose: must be one of")]
    [InlineData("reset-code", "en", " ", "text: is required.")]
    [InlineData("reset-code", "en", "{code} is your code.\n\n@evil.example #{code}", "text: must not contain a line like \"@host #code\"")]
    [InlineData("sign-in-code", "en", "Your code: {code}\n@login.example.com #123456", "text: must not contain a line like")]
    [InlineData("reset-code", "en", "Code #{code}, valid {minutes} minutes.", "text: must not put # before digits or {code}")]
    [InlineData("password-changed", "en", "Ticket #123456: your {product} password changed.", "text: must not put # before digits")]
    public void Validate_BadTemplate_SaysWhat(string purpose, string language, string text, string problem) =>
        Assert.Contains(SmsTemplateRules.Validate(purpose, language, text), found => $"{found.Field}: {found.Problem}".StartsWith(problem,
            StringComparison.Ordinal));

    [Theory]
    [InlineData("reset-code", "{code} est votre code. Il expire dans {minutes}.")]
    [InlineData("administrator-reset", "{code} : saisissez-le sur {link} sous {minutes}. {product}")]
    [InlineData("password-changed", "Le mot de passe de votre compte {product} a changé.")]
    public void Validate_GoodTemplate_NoProblem(string purpose, string text) =>
        Assert.Empty(SmsTemplateRules.Validate(purpose, "fr", text));

    [Theory]
    [InlineData(160, "GSM-7", 1)]
    [InlineData(161, "GSM-7", 2)]
    [InlineData(306, "GSM-7", 2)]
    [InlineData(307, "GSM-7", 3)]
    public void Segments_PlainText_Gsm7(int length, string encoding, int segments) =>
        Assert.Equal((encoding, length, segments), SmsSegments.Of(new string('a', length)));

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void Segments_AnyCharacterOutsideGsm_Ucs2(int length, int segments) =>
        Assert.Equal(("UCS-2", length, segments), SmsSegments.Of("ł" + new string('a', length - 1)));

    [Fact]
    public void Segments_ExtensionCharacters_CountTwice() =>
        Assert.Equal(("GSM-7", 161, 2), SmsSegments.Of("€" + new string('a', 159)));

    [Fact]
    public void WorstCase_CountsTheLongestCodeAndTheOriginLine()
    {
        // 8 digits, the 22 characters after them, and the origin line "\n\n@id.example.com #00000000".
        var cost = SmsTemplateRules.WorstCase("sign-in-code", "{code} is your sign-in code.", Host);

        Assert.Equal(("GSM-7", 8 + 22 + 3 + Host.Length + 2 + 8, 1), cost);
    }

    [Fact]
    public void WorstCase_OneCharacterOutsideGsm_Ucs2_PastTheWarning()
    {
        // 8 digits, a space, "ł", 150 letters, and the 27-character origin line: 187 UTF-16 units, 3 segments of 67.
        var cost = SmsTemplateRules.WorstCase("sign-in-code", "{code} ł" + new string('a', 150), Host);

        Assert.Equal(("UCS-2", 187, 3), cost);
        Assert.True(cost.Segments > SmsTemplateRules.WarnAboveSegments);
    }

    [Fact]
    public void Render_CodePurpose_PlaceholdersReplacedAndTheOriginLineAppended() =>
        Assert.Equal("123456 expire dans 10 minutes.\n\n@id.example.com #123456",
            SmsPlaceholders.Render("reset-code", "{code} expire dans {minutes}.", "123456", "10 minutes", null, Host));
}
