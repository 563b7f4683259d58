namespace IdpSmsReset.Core.Idempotency;

/// <summary>What a claimed <c>Idempotency-Key</c> lets the request do.</summary>
public sealed record IdempotencyClaim(IdempotencyClaim.Outcome Result, int Status = 0, string? Answer = null)
{
    public enum Outcome
    {
        /// <summary>This request runs; its answer is kept.</summary>
        Run,

        /// <summary>The same key is on a request still running: try again shortly.</summary>
        Running,

        /// <summary>The key was used for another request: refused.</summary>
        Reused,

        /// <summary>The request ran before: its answer is sent again.</summary>
        Replayed,
    }

    public static readonly IdempotencyClaim Claimed = new(Outcome.Run);
    public static readonly IdempotencyClaim InProgress = new(Outcome.Running);
    public static readonly IdempotencyClaim KeyReused = new(Outcome.Reused);

    public static IdempotencyClaim Replay(int status, string answer) => new(Outcome.Replayed, status, answer);
}
