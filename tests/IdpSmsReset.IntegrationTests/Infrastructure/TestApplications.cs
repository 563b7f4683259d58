using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Applications;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Infrastructure;

/// <summary>
/// Applications a test needs beyond the bootstrap's, saved through the dashboard's own command (the test browser's form
/// sends one value per field, and an application may need several grants); one already there is left as it is.
/// </summary>
public static class TestApplications
{
    public static async Task EnsureAsync(IdpFactory factory, ApplicationDefinition application)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var administration = scope.ServiceProvider.GetRequiredService<ApplicationAdministration>();
        if (await administration.FindAsync(application.ClientId!, CancellationToken.None) is null)
        {
            var saved = await administration.SaveAsync(null, application, [], new Administrator("test", null), CancellationToken.None);
            Assert.True(saved.Succeeded);
        }
    }
}
