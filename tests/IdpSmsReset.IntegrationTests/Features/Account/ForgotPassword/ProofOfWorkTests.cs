using System.Security.Cryptography;
using System.Text;
using IdpSmsReset.IntegrationTests.Infrastructure;
using IdpSmsReset.Server.Features.Account.ForgotPassword;

namespace IdpSmsReset.IntegrationTests.Features.Account.ForgotPassword;

/// <summary>
/// "Forgot password?" with <c>Idp:Sms:FraudGuard:ProofOfWork=always</c>: the page carries a challenge, the request a
/// nonce that solves it (found here as the page's script finds it), or, without script, the wait.
/// </summary>
public abstract class ProofOfWorkTests : TwilioBackedTests
{
    protected ProofOfWorkTests(IdpFactory factory, FakeTwilio twilio)
        : base(factory, twilio) => factory.Settings["Idp:Sms:FraudGuard:ProofOfWork"] = "always";

    [SkippableFact]
    public async Task ResetRequest_WithoutProof_TheSameAnswerForAKnownAndAnUnknownName()
    {
        await Factory.ConfigureSmsFactorAsync();
        var answers = new List<BrowserPage>();
        foreach (var name in new[] { TestBootstrap.ResetUserNames[0], "nobody-at-all" })
        {
            using var browser = Factory.CreateBrowser();
            var start = await browser.OpenAsync("/account/forgot-password");
            answers.Add(await browser.SubmitAsync(start, new Dictionary<string, string> { ["Input.Login"] = name }));
        }

        Assert.All(answers, answer =>
        {
            Assert.Equal("/account/forgot-password", answer.Path);
            Assert.Contains(ForgotPasswordModel.ProofNeeded, answer.Text);
            Assert.NotNull(answer.Document.QuerySelector("input[data-proof-challenge]"));
        });
        Assert.Equal(TestBootstrap.ResetUserNames[0], answers[0].InputValue("Input.Login"));
        Assert.Equal(Normalized(answers[0]).Replace(TestBootstrap.ResetUserNames[0], "NAME"),
            Normalized(answers[1]).Replace("nobody-at-all", "NAME"));
    }

    [SkippableFact]
    public async Task ResetRequest_SolvedChallenge_AcceptedOnceAndRefusedWhenReplayed()
    {
        await Factory.ConfigureSmsFactorAsync();
        using var browser = Factory.CreateBrowser();
        var start = await browser.OpenAsync("/account/forgot-password");
        var nonce = Solve(start);
        var fields = new Dictionary<string, string> { ["Input.Login"] = "nobody", ["Input.ProofNonce"] = nonce };

        var accepted = await browser.SubmitAsync(start, fields);
        using var replaying = Factory.CreateBrowser();
        var replayed = await replaying.SubmitAsync(await WithTheSameChallengeAsync(replaying, start), fields);

        Assert.Equal("/account/forgot-password/method", accepted.Path);
        Assert.Equal("/account/forgot-password", replayed.Path);
        Assert.Contains(ForgotPasswordModel.ProofStale, replayed.Text);
    }

    [SkippableFact]
    public async Task ResetRequest_WithoutScript_AcceptedOnlyAfterTheWait()
    {
        await Factory.ConfigureSmsFactorAsync();
        using var browser = Factory.CreateBrowser();
        var start = await browser.OpenAsync("/account/forgot-password");
        var tooEarly = await browser.SubmitAsync(start, new Dictionary<string, string> { ["Input.Login"] = "nobody" });
        Factory.Clock.Advance(TimeSpan.FromSeconds(3));
        var afterTheWait = await browser.SubmitAsync(tooEarly, new Dictionary<string, string> { ["Input.Login"] = "nobody" });
        Factory.Clock.Advance(TimeSpan.FromSeconds(3));
        var again = await browser.SubmitAsync(tooEarly, new Dictionary<string, string> { ["Input.Login"] = "nobody" });

        Assert.Contains(ForgotPasswordModel.ProofNeeded, tooEarly.Text);
        Assert.Equal("/account/forgot-password/method", afterTheWait.Path);
        Assert.Contains(ForgotPasswordModel.ProofStale, again.Text);
    }

    [SkippableFact]
    public async Task ResetRequest_ForgedOrWrongProof_Refused()
    {
        await Factory.ConfigureSmsFactorAsync();
        using var browser = Factory.CreateBrowser();
        var start = await browser.OpenAsync("/account/forgot-password");

        var forged = await browser.SubmitAsync(start, new Dictionary<string, string>
        {
            ["Input.Login"] = "nobody", ["Input.ProofToken"] = "not-a-token", ["Input.ProofNonce"] = "1",
        });
        var wrongNonce = await browser.SubmitAsync(start, new Dictionary<string, string>
        {
            ["Input.Login"] = "nobody", ["Input.ProofNonce"] = Unsolving(start),
        });

        Assert.Contains(ForgotPasswordModel.ProofNeeded, forged.Text);
        Assert.Contains(ForgotPasswordModel.ProofNeeded, wrongNonce.Text);
    }

    // A replay is the same form posted again: a fresh page's antiforgery token, the first page's challenge.
    private static async Task<BrowserPage> WithTheSameChallengeAsync(TestBrowser browser, BrowserPage first)
    {
        var page = await browser.OpenAsync("/account/forgot-password");
        page.Document.QuerySelector("input[name='Input.ProofToken']")!.SetAttribute("value", first.InputValue("Input.ProofToken"));
        return page;
    }

    private static string Solve(BrowserPage page) => Search(page, solves: true);

    private static string Unsolving(BrowserPage page) => Search(page, solves: false);

    private static string Search(BrowserPage page, bool solves)
    {
        var form = page.Document.QuerySelector("input[data-proof-challenge]")!;
        var challenge = form.GetAttribute("data-proof-challenge")!;
        var difficulty = int.Parse(form.GetAttribute("data-proof-difficulty")!, System.Globalization.CultureInfo.InvariantCulture);
        for (var nonce = 0; ; nonce++)
        {
            var hash = SHA256.HashData(Encoding.ASCII.GetBytes(challenge + nonce));
            var zeros = hash.TakeWhile(b => b == 0).Count() * 8 + (hash.FirstOrDefault(b => b != 0) is var b2 && b2 != 0
                ? System.Numerics.BitOperations.LeadingZeroCount((uint)b2) - 24 : 0);
            if ((zeros >= difficulty) == solves)
            {
                return nonce.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    // The page without what differs by design from one answer to the next: tokens, challenges.
    private static string Normalized(BrowserPage page) =>
        System.Text.RegularExpressions.Regex.Replace(page.Html, "(value|data-proof-challenge)=\"[^\"]*\"", "$1=\"\"");
}

public sealed class ProofOfWorkTestsOnSqlite(SqliteIdpFactory factory, FakeTwilio twilio)
    : ProofOfWorkTests(factory, twilio), IClassFixture<SqliteIdpFactory>, IClassFixture<FakeTwilio>;

public sealed class ProofOfWorkTestsOnPostgreSql(PostgreSqlIdpFactory factory, FakeTwilio twilio)
    : ProofOfWorkTests(factory, twilio), IClassFixture<PostgreSqlIdpFactory>, IClassFixture<FakeTwilio>;
