namespace IdpSmsReset.Core.Messaging.FraudGuard;

/// <summary>
/// What a page hands the browser: the <see cref="Challenge"/> to hash with a nonce until <see cref="Difficulty"/> leading
/// bits are zero, and the <see cref="Token"/> (the challenge, its difficulty and issue time, under Data Protection) to
/// send back with the nonce. Without script, the token alone is accepted once
/// <see cref="SmsFraudGuardOptions.WaitWithoutScript"/> has passed.
/// </summary>
public sealed record ProofOfWorkChallenge(string Token, string Challenge, int Difficulty);
