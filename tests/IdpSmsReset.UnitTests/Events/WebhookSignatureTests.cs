using System.Text;
using IdpSmsReset.Core.Events;

namespace IdpSmsReset.UnitTests.Events;

/// <summary>The signature against the Standard Webhooks specification's own example, which every verifier library checks.</summary>
public sealed class WebhookSignatureTests
{
    [Fact]
    public void Sign_TheSpecificationsExample_TheSpecificationsSignature()
    {
        var key = WebhookSecrets.KeyOf("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", out _)!;

        var signature = WebhookSignature.Sign(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
            Encoding.UTF8.GetBytes("{\"test\": 2432232314}"));

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }
}
