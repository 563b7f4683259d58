using System.Text.RegularExpressions;
using OtpNet;

namespace IdpSmsReset.TestSupport;

/// <summary>What a person reads off their phone: the SMS code that reached "Twilio", or the authenticator app's code.</summary>
public static partial class Phone
{
    /// <summary>Waits until more than <paramref name="seenBefore"/> messages reached <paramref name="phone"/>.</summary>
    public static async Task WaitForMoreMessagesAsync(this FakeTwilio twilio, string phone, int seenBefore)
    {
        // Generous: at the start of a run every test class starts its server at once on two cores, and a job waits its turn.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(45);
        while (twilio.MessagesTo(phone).Count <= seenBefore && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }

    /// <summary>The code in the newest SMS to <paramref name="phone"/>, once more than <paramref name="seenBefore"/> messages arrived
    /// there.</summary>
    public static async Task<string> NextSmsCodeAsync(this FakeTwilio twilio, string phone, int seenBefore)
    {
        await twilio.WaitForMoreMessagesAsync(phone, seenBefore);
        var messages = twilio.MessagesTo(phone);
        Assert.True(messages.Count > seenBefore, $"No new SMS reached {phone}.");
        return CodeIn(messages[^1].Form["Body"]);
    }

    /// <summary>The code of the origin-bound last line (<c>@host #123456</c>), as a phone's autofill reads it.</summary>
    public static string CodeIn(string body)
    {
        var match = OriginBoundLine().Match(body);
        Assert.True(match.Success, $"No origin-bound code line in: {body}");
        return match.Groups["code"].Value;
    }

    /// <summary>The authenticator app's code for the key shown at set-up, <paramref name="stepsAhead"/> 30-second steps from now.</summary>
    public static string AuthenticatorCode(string shownKey, int stepsAhead = 0) =>
        new Totp(Base32Encoding.ToBytes(shownKey.Replace(" ", ""))).ComputeTotp(DateTime.UtcNow.AddSeconds(30 * stepsAhead));

    [GeneratedRegex(@"\n@(?<host>[^\s#]+) #(?<code>\d{6,8})$")]
    private static partial Regex OriginBoundLine();
}
