namespace IdpSmsReset.Server.Hosting;

/// <summary>One warning line at start for each setting still given under its old name.</summary>
internal sealed partial class RenamedSettingsWarning(RenamedSettings renamed, ILogger<RenamedSettingsWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (oldName, newName) in renamed.Found)
        {
            OldName(oldName, newName);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(9001, LogLevel.Warning,
        "The setting {OldName} is read as {NewName}; rename it: the old name stops working in the next release")]
    private partial void OldName(string oldName, string newName);
}
