namespace IdpSmsReset.Server.Hosting;

/// <summary>
/// The wait of a background service's periodic loop, which ends quietly when the host stops. Stopping is no failure:
/// an exception out of the loop has the host log a critical one, and a start that failed for another reason (a port in
/// use) was led by that misleading message.
/// </summary>
internal static class StoppingTicks
{
    /// <summary>True at the next tick; false once <paramref name="stoppingToken"/> is cancelled.</summary>
    public static async Task<bool> NextAsync(this PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
