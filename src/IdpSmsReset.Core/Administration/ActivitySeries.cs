namespace IdpSmsReset.Core.Administration;

/// <summary>
/// What happened in each bucket of a window (hours of the last day, or days of the last week): the series the
/// dashboard's charts draw. <see cref="Starts"/> are the buckets' UTC starts; every other list has one value per bucket.
/// SMS failures come per error class (<c>Messaging.SmsErrorClasses</c>; <c>unknown</c> for one recorded before classes
/// were), the most frequent first.
/// </summary>
public sealed record ActivitySeries(
    IReadOnlyList<DateTime> Starts,
    IReadOnlyList<int> SignIns,
    IReadOnlyList<int> SignInFailures,
    IReadOnlyList<int> ResetsRequested,
    IReadOnlyList<int> ResetCodesSent,
    IReadOnlyList<int> ResetsCompleted,
    IReadOnlyList<int> SmsSent,
    IReadOnlyList<(string ErrorClass, IReadOnlyList<int> Counts)> SmsFailedByClass,
    IReadOnlyList<double?> SmsLatencySeconds);
