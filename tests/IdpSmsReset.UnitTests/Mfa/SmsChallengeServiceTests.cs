using IdpSmsReset.Core.Limits;
using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Mfa;
using IdpSmsReset.Core.Persistence;

namespace IdpSmsReset.UnitTests.Mfa;

public sealed class SmsChallengeServiceTests : IDisposable
{
    private static readonly OneTimeCodeRules Rules = new(Length: 6, Lifetime: TimeSpan.FromMinutes(5), MaxAttempts: 3,
        ResendCooldown: TimeSpan.FromSeconds(30), MaxSendsPerHour: 3);

    private readonly MfaTestDatabase _database = new();

    private SmsChallengeService Service => ServiceOn(_database.Context);

    [Fact]
    public async Task Send_QueuesTheCodeInTheText_StoresOnlyAHash()
    {
        var sent = await SendAsync();

        var code = LastCode();
        Assert.True(sent.IsSent);
        Assert.Matches("^[0-9]{6}$", code);
        var stored = Assert.Single(_database.Context.Set<SmsChallenge>());
        Assert.DoesNotContain(code, Convert.ToHexString(stored.CodeHash!) + Convert.ToBase64String(stored.CodeHash!));
        Assert.Equal(OneTimeCode.Hash(code, stored.CodeSalt!), stored.CodeHash);
    }

    [Fact]
    public async Task Check_RightCode_AcceptedOnceThenAlreadyUsed()
    {
        await SendAsync();

        var first = await CheckAsync(LastCode());
        var second = await CheckAsync(LastCode());

        Assert.Equal(SmsCodeVerdict.Accepted, first.Check);
        Assert.Equal(MfaTestDatabase.Phone, first.Destination);
        Assert.Equal(SmsCodeVerdict.AlreadyUsed, second.Check);
    }

    [Fact]
    public async Task Check_CodeWithSpacesOrDash_IsTheSameCode()
    {
        await SendAsync();
        var code = LastCode();

        Assert.True((await CheckAsync($" {code[..3]}-{code[3..]} ")).IsAccepted);
    }

    [Fact]
    public async Task Check_WrongCodes_CountDownThenEvenTheRightCodeFails()
    {
        await SendAsync();
        var wrong = LastCode() == "000000" ? "111111" : "000000";

        var first = await CheckAsync(wrong);
        var second = await CheckAsync(wrong);
        var third = await CheckAsync(wrong);
        var right = await CheckAsync(LastCode());

        Assert.Equal((SmsCodeVerdict.Wrong, 2), (first.Check, first.AttemptsLeft));
        Assert.Equal((SmsCodeVerdict.Wrong, 1), (second.Check, second.AttemptsLeft));
        Assert.Equal(SmsCodeVerdict.TooManyAttempts, third.Check);
        Assert.Equal(SmsCodeVerdict.TooManyAttempts, right.Check);
    }

    [Fact]
    public async Task Check_AfterTheLifetime_Expired()
    {
        await SendAsync();
        _database.Time.Advance(Rules.Lifetime);

        Assert.Equal(SmsCodeVerdict.Expired, (await CheckAsync(LastCode())).Check);
    }

    [Fact]
    public async Task Check_NothingSent_SaysSendFirst()
    {
        Assert.Equal(SmsCodeVerdict.NoCodeSent, (await CheckAsync("123456")).Check);
    }

    [Fact]
    public async Task Send_WithinCooldown_RefusedWithWhen_AfterItTheOldCodeIsReplaced()
    {
        await SendAsync();
        var oldCode = LastCode();

        _database.Time.Advance(TimeSpan.FromSeconds(10));
        var early = await SendAsync();
        _database.Time.Advance(TimeSpan.FromSeconds(20));
        var later = await SendAsync();
        var newCode = LastCode();

        Assert.Equal(SmsChallengeSendStatus.CoolingDown, early.Status);
        Assert.Equal(_database.Time.GetUtcNow(), early.RetryAt);
        Assert.True(later.IsSent);
        Assert.Equal(2, _database.TextsTo(MfaTestDatabase.Phone).Count);
        if (oldCode != newCode)
        {
            Assert.Equal(SmsCodeVerdict.Replaced, (await CheckAsync(oldCode)).Check);
        }

        Assert.True((await CheckAsync(newCode)).IsAccepted);
    }

    [Fact]
    public async Task Send_PastTheHourlyLimit_RefusedUntilTheOldestSendIsAnHourOld()
    {
        var first = _database.Time.GetUtcNow();
        for (var i = 0; i < Rules.MaxSendsPerHour; i++)
        {
            Assert.True((await SendAsync()).IsSent);
            _database.Time.Advance(Rules.ResendCooldown);
        }

        var refused = await SendAsync();

        Assert.Equal(SmsChallengeSendStatus.TooManySends, refused.Status);
        Assert.Equal(first.AddHours(1), refused.RetryAt);
    }

    [Fact]
    public async Task Send_CountryNotAllowed_RefusedAndNothingStored()
    {
        var refused = await Service.SendAsync(MfaTestDatabase.UserId, SmsPurposes.SecondFactor, "+33612345678", Rules, code => code,
            CancellationToken.None);

        Assert.Equal(SmsChallengeSendStatus.Refused, refused.Status);
        Assert.Empty(_database.Context.Set<SmsChallenge>());
    }

    [Fact]
    public async Task Check_ParallelSubmissionsOfTheRightCode_ExactlyOneAccepted()
    {
        await SendAsync();
        var code = LastCode();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            await using var context = _database.NewContext();
            return await ServiceOn(context)
                .CheckAsync(MfaTestDatabase.UserId, SmsPurposes.SecondFactor, code, Rules, CancellationToken.None);
        }));

        Assert.Single(results, result => result.IsAccepted);
    }

    public void Dispose() => _database.Dispose();

    private SmsChallengeService ServiceOn(IdpDbContext context) =>
        new(context, new LimitGates(context, _database.Time), _database.Outbox, _database.Time);

    private Task<SmsChallengeSent> SendAsync() =>
        Service.SendAsync(MfaTestDatabase.UserId, SmsPurposes.SecondFactor, MfaTestDatabase.Phone, Rules, code => $"code {code}",
            CancellationToken.None);

    private Task<SmsCodeResult> CheckAsync(string code) =>
        Service.CheckAsync(MfaTestDatabase.UserId, SmsPurposes.SecondFactor, code, Rules, CancellationToken.None);

    private string LastCode() => _database.TextsTo(MfaTestDatabase.Phone)[^1]["code ".Length..];
}
