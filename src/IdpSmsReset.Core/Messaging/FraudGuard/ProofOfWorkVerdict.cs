namespace IdpSmsReset.Core.Messaging.FraudGuard;

/// <summary>How a proof of work was judged; only <see cref="Accepted"/> lets the request through.</summary>
public enum ProofOfWorkVerdict
{
    Accepted,

    /// <summary>No token, or one this server did not make (or made for another purpose).</summary>
    Missing,

    /// <summary>Neither a nonce that solves the challenge nor a wait long enough.</summary>
    TooEarly,

    Expired,

    /// <summary>The challenge was answered before.</summary>
    Replayed,
}
