using IdpSmsReset.Server.Hosting;

var command = ImportCommand.From(args);

// Settings are read while the host is built as well as when it starts: a mistake in either is one line and exit code 1.
return await RunHosting.ReportingMistakesAsync(command, async () =>
{
    var builder = WebApplication.CreateBuilder(ConfigurationFiles.ReadOnceAtStart(command?.HostArguments ?? args));

    builder.AddIdpStartupReporting();
    builder.AddIdpOptions();
    builder.AddIdpStorage();
    builder.AddIdpJobs();
    builder.AddIdpAudit();
    builder.AddIdpEvents();
    builder.AddIdpSms();
    builder.AddIdpIdentity();
    builder.AddIdpMfa();
    builder.AddIdpPasskeys();
    builder.AddIdpPasswordReset();
    builder.AddIdpAdmin();
    builder.AddIdpOpenIddict();
    builder.AddIdpFederation();
    builder.AddIdpClientRegistration();
    builder.AddIdpApi();
    builder.AddIdpDeviceFlow();
    builder.AddIdpKeys();
    builder.AddIdpThemes();
    builder.AddIdpPages();
    builder.AddIdpLocalization();
    builder.AddIdpHealth();
    builder.AddIdpObservability();

    var app = builder.Build();

    return command is null ? await app.RunIdpAsync(pipeline => pipeline.UseIdpPipeline().MapIdpEndpoints())
        : await app.RunIdpCommandAsync(command);
});

/// <summary>Visible to <c>WebApplicationFactory&lt;Program&gt;</c> in the integration tests.</summary>
public partial class Program;
