namespace IdpSmsReset.Server.Hosting;

public static class RunHosting
{
    /// <summary>
    /// The host logs a failed start with its stack trace; a configuration mistake is reported by
    /// <see cref="RunIdpAsync"/> in one line instead, and anything else still surfaces as an unhandled exception.
    /// </summary>
    public static WebApplicationBuilder AddIdpStartupReporting(this WebApplicationBuilder builder)
    {
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        return builder;
    }

    /// <summary>
    /// Runs what builds and starts the host (or runs its command); a configuration, environment, database or bootstrap
    /// mistake, met while building or while starting, ends it with one line naming the setting and exit code 1.
    /// Anything else still surfaces as an unhandled exception, with its stack trace.
    /// </summary>
    public static async Task<int> ReportingMistakesAsync(ImportCommand? command, Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception exception) when (StartupMistakes.Describe(exception) is { } message)
        {
            await Console.Error.WriteLineAsync($"IdpSmsReset cannot {(command is null ? "start" : "import")}: {message}");
            return 1;
        }
    }

    /// <summary>
    /// Builds the pipeline and runs the server. The pipeline is built here, inside the start: the jobs dashboard needs
    /// the job storage, which needs the database, so a database mistake can surface there already.
    /// </summary>
    public static async Task<int> RunIdpAsync(this WebApplication app, Action<WebApplication> configurePipeline)
    {
        configurePipeline(app);
        await app.RunAsync();
        return 0;
    }

    /// <summary>
    /// Runs a command of the server's executable instead of the server (<see cref="ImportCommand"/>): the database brought
    /// up to date and the bootstrap applied as at start, then the command, and its exit code.
    /// </summary>
    public static async Task<int> RunIdpCommandAsync(this WebApplication app, ImportCommand command)
    {
        await app.Services.GetRequiredService<DatabaseInitializer>().StartAsync(CancellationToken.None);
        // Ctrl+C ends the process: the batches committed stay, and the same command run again skips their users.
        return await command.RunAsync(app.Services, Console.Out, Console.Error, CancellationToken.None);
    }
}
