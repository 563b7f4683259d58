namespace IdpSmsReset.Core.Messaging.FraudGuard;

/// <summary>
/// The <c>Idp:Sms:FraudGuard</c> section: the proof of work a password reset request must bring before a code is sent
/// to it (budgets and surge detection are settings in the database, <see cref="SmsFraudGuardSettings"/>).
/// </summary>
public sealed class SmsFraudGuardOptions
{
    public const string SectionName = "Idp:Sms:FraudGuard";

    /// <summary>
    /// <c>Idp:Sms:FraudGuard:ProofOfWork</c>: <c>off</c>, <c>when-suspected</c> (while any country's surge mark lasts)
    /// or <c>always</c>. Default <c>when-suspected</c>: people are not made to wait while nothing is wrong.
    /// </summary>
    public string ProofOfWork { get; set; } = WhenSuspected;

    public const string Off = "off";
    public const string WhenSuspected = "when-suspected";
    public const string Always = "always";

    /// <summary>
    /// <c>Idp:Sms:FraudGuard:Difficulty</c>: leading zero bits of SHA-256 the browser must find, 8 to 28. Default 18:
    /// about 260,000 hashes, a quarter to half a second for the page's script on a phone, and the same order for an
    /// attacker's native code, for every request.
    /// </summary>
    public int Difficulty { get; set; } = 18;

    /// <summary>
    /// <c>Idp:Sms:FraudGuard:WaitWithoutScript</c>: a browser without JavaScript may send the request once this long after
    /// the page was served instead. Default 3 seconds, 1 second to 1 minute.
    /// </summary>
    public TimeSpan WaitWithoutScript { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary><c>Idp:Sms:FraudGuard:ChallengeLifetime</c>: how long a challenge may be answered. Default 10 minutes.</summary>
    public TimeSpan ChallengeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (ProofOfWork is not (Off or WhenSuspected or Always))
        {
            problems.Add($"Idp:Sms:FraudGuard:ProofOfWork is '{ProofOfWork}': use off, when-suspected or always.");
        }

        if (Difficulty is < 8 or > 28)
        {
            problems.Add($"Idp:Sms:FraudGuard:Difficulty is {Difficulty}: use 8 to 28 bits.");
        }

        if (WaitWithoutScript < TimeSpan.FromSeconds(1) || WaitWithoutScript > TimeSpan.FromMinutes(1))
        {
            problems.Add("Idp:Sms:FraudGuard:WaitWithoutScript must be between 00:00:01 and 00:01:00.");
        }

        if (ChallengeLifetime < TimeSpan.FromMinutes(1) || ChallengeLifetime > TimeSpan.FromHours(1))
        {
            problems.Add("Idp:Sms:FraudGuard:ChallengeLifetime must be between 00:01:00 and 01:00:00.");
        }

        return problems;
    }
}
