using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Users.Import;

namespace IdpSmsReset.Server.Hosting;

/// <summary>
/// <c>import &lt;file&gt; [--dry-run] [--update] [--allow-weak-hashes]</c>: the server's own executable moving users in,
/// on the database its configuration names, through Core's <see cref="UserImport"/> (the owner the management API's
/// import calls too). A file ending in <c>.json</c> is a Keycloak realm export, any other JSON lines. The arguments that
/// are not the command's configure the host as always (<c>--Idp:Database:Provider=PostgreSql</c>...).
/// </summary>
public sealed record ImportCommand(string File, UserImportOptions Options, string[] HostArguments)
{
    public const string Name = "import";

    private static readonly string[] Flags = ["--dry-run", "--update", "--allow-weak-hashes"];

    /// <summary>The command in <paramref name="args"/>, or null when they start the server.</summary>
    public static ImportCommand? From(string[] args)
    {
        var at = Array.IndexOf(args, Name);
        if (at < 0)
        {
            return null;
        }

        var rest = args.Skip(at + 1).ToList();
        var file = rest.FirstOrDefault(arg => !arg.StartsWith('-')) ?? "";
        var options = new UserImportOptions(rest.Contains(Flags[0]), rest.Contains(Flags[1]), rest.Contains(Flags[2]));
        var hostArguments = args.Take(at).Concat(rest.Where(arg => arg != file && !Flags.Contains(arg))).ToArray();
        return new ImportCommand(file, options, hostArguments);
    }

    public async Task<int> RunAsync(IServiceProvider services, TextWriter output, TextWriter progress, CancellationToken cancellationToken)
    {
        if (!System.IO.File.Exists(File))
        {
            await output.WriteLineAsync($"import: there is no file '{File}'. Usage: import <users.jsonl | realm-export.json> "
                + "[--dry-run] [--update] [--allow-weak-hashes]");
            return 1;
        }

        await using var stream = new FileStream(File, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16,
            FileOptions.SequentialScan | FileOptions.Asynchronous);
        var lines = File.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? KeycloakRealmUsers.ReadAsync(stream, cancellationToken) : JsonLinesUsers.ReadAsync(stream, cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var who = new Administrator($"command line ({Environment.UserName})", null);
        var report = await scope.ServiceProvider.GetRequiredService<UserImport>().ImportAsync(lines, Options, who,
            new ConsoleProgress(progress), cancellationToken);
        await progress.WriteLineAsync();
        await output.WriteLineAsync(Summary(report));
        foreach (var refusal in report.Refused)
        {
            var named = refusal.UserName is null ? "" : $" ({refusal.UserName})";
            await output.WriteLineAsync($"  line {refusal.Line}{named}: {refusal.Reason}");
        }

        if (report.RefusedCount > report.Refused.Count)
        {
            await output.WriteLineAsync($"  ... and {report.RefusedCount - report.Refused.Count} more refused.");
        }

        return report.RefusedCount == 0 ? 0 : 2;
    }

    private static string Summary(UserImportReport report) =>
        $"{(report.DryRun ? "Dry run, nothing written: " : "")}{report.Lines:N0} lines: {report.Created:N0} created, "
        + $"{report.Updated:N0} updated, {report.Skipped:N0} skipped (already here), {report.RefusedCount:N0} refused.";

    /// <summary>One line rewritten in place after each batch.</summary>
    private sealed class ConsoleProgress(TextWriter writer) : IProgress<UserImportReport>
    {
        public void Report(UserImportReport value) => writer.Write(
            $"\rImporting: {value.Lines:N0} lines read, {value.Created + value.Updated:N0} {(value.DryRun ? "accepted" : "written")}, "
            + $"{value.RefusedCount:N0} refused");
    }
}
