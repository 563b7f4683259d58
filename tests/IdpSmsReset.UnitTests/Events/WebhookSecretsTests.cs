using IdpSmsReset.Core.Events;

namespace IdpSmsReset.UnitTests.Events;

public sealed class WebhookSecretsTests
{
    [Fact]
    public void Generate_SpecificationsForm_ThirtyTwoRandomBytes()
    {
        var secret = WebhookSecrets.Generate();

        Assert.StartsWith("whsec_", secret);
        Assert.Equal(32, WebhookSecrets.KeyOf(secret, out _)!.Length);
        Assert.NotEqual(secret, WebhookSecrets.Generate());
    }

    [Theory]
    [InlineData("whsec_not base64!", "base64")]
    [InlineData("whsec_c2hvcnQ=", "24 to 64 bytes")]
    [InlineData("", "whsec_")]
    public void KeyOf_NotTheSpecificationsForm_SaysWhy(string secret, string problemMentions)
    {
        Assert.Null(WebhookSecrets.KeyOf(secret, out var problem));
        Assert.Contains(problemMentions, problem);
    }

    [Fact]
    public void KeyOf_BareBase64_AcceptedAsTheLibrariesDo() =>
        Assert.Equal(24, WebhookSecrets.KeyOf("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", out _)!.Length);
}
