using System.Reflection;
using System.Text.Json;
using IdpSmsReset.Core.Administration;
using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Features.Api;

/// <summary>
/// The API's description: every command an administrator can give on the dashboard has an operation (the catalogue is
/// every public method of Core and the server that takes the <see cref="Administrator"/> acting), and the interactive
/// reference is served under a policy that lets only its own scripts run.
/// </summary>
public abstract class ApiDescriptionTests(IdpFactory factory)
{
    /// <summary>Each command, by type and method, and the operation that gives it over HTTP.</summary>
    private static readonly Dictionary<string, string> OperationOfCommand = new()
    {
        ["UserAdministration.SaveAsync"] = "UpdateUser",
        ["UserImport.ImportAsync"] = "ImportUsers",
        ["SmsFraudGuardAdministration.SaveAsync"] = "UpdateSmsFraudGuard",
        ["SmsFraudGuardAdministration.ReleaseHeldAsync"] = "ReleaseHeldSms",
        ["SmsFraudGuardAdministration.DiscardHeldAsync"] = "DiscardHeldSms",
        ["UserAdministration.UnlockAsync"] = "UnlockUser",
        ["UserAdministration.RemoveSecondFactorsAsync"] = "ResetUserSecondFactors",
        ["UserAdministration.RemovePasskeysAsync"] = "RemoveUserPasskeys",
        ["UserAdministration.DisableAsync"] = "DisableUser",
        ["UserAdministration.EnableAsync"] = "EnableUser",
        ["UserAdministration.DeleteAsync"] = "DeleteUser",
        ["UserAdministration.SetTemporaryPasswordAsync"] = "SetTemporaryPassword",
        ["UserAdministration.SetRequiredActionsAsync"] = "SetRequiredActions",
        ["UserAdministration.SetAdministratorAsync"] = "UpdateUser",
        ["UserAdministration.EndSessionsAsync"] = "EndUserSessions",
        ["UserAdministration.LiftResetSuspensionAsync"] = "LiftUserResetSuspension",
        ["MessageAdministration.ResendAsync"] = "ResendMessage",
        ["ApplicationAdministration.SaveAsync"] = "UpdateApplication",
        ["ApplicationAdministration.RotateSecretAsync"] = "RotateApplicationSecret",
        ["ApplicationAdministration.DeleteAsync"] = "DeleteApplication",
        ["PolicyAdministration.SaveAsync"] = "UpdatePolicy",
        ["PolicyAdministration.MakeDefaultAsync"] = "MakeDefaultPolicy",
        ["PolicyAdministration.DeleteAsync"] = "DeletePolicy",
        ["SmsTemplateAdministration.SaveAsync"] = "UpdateSmsTemplate",
        ["SmsTemplateAdministration.ResetAsync"] = "ResetSmsTemplate",
        ["FactorAdministration.SaveSmsFactorAsync"] = "UpdateSmsFactor",
        ["FactorAdministration.SaveSecondaryAccountAsync"] = "UpdateSecondarySmsAccount",
        ["FactorAdministration.SetAuthenticatorAppsAsync"] = "UpdateAuthenticatorApps",
        ["FactorAdministration.SendTestSmsAsync"] = "SendTestSms",
        ["InitialAccessTokens.IssueAsync"] = "IssueRegistrationToken",
        ["InitialAccessTokens.RevokeAsync"] = "RevokeRegistrationToken",
        ["TokenKeyCommands.RotateAsync"] = "RotateKeys",
        ["TokenKeyCommands.RevokeAsync"] = "RevokeKey",
        ["IdentityProviders.SaveAsync"] = "SaveIdentityProvider",
        ["FederatedLinks.RemoveAsync"] = "RemoveUserLink",
        ["WebhookSubscriptions.SaveAsync"] = "UpdateWebhook",
        ["WebhookSubscriptions.RotateSecretAsync"] = "RotateWebhookSecret",
        ["WebhookSubscriptions.DeleteAsync"] = "DeleteWebhook",
        ["WebhookSubscriptions.SendTestAsync"] = "SendWebhookTest",
        ["WebhookSubscriptions.RedeliverAsync"] = "RedeliverWebhook",
    };

    [SkippableFact]
    public async Task OpenApi_EveryDashboardCommandHasAnOperation()
    {
        using var http = OidcClients.Backchannel(factory);
        var document = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json")).RootElement;
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject())
            .Where(operation => operation.Value.TryGetProperty("operationId", out _))
            .Select(operation => operation.Value.GetProperty("operationId").GetString()!)
            .ToHashSet();

        var commands = new[] { typeof(UserAdministration).Assembly, typeof(Server.Hosting.ApiHosting).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(method => method.GetParameters().Any(parameter => parameter.ParameterType == typeof(Administrator)))
            // Not commands: the audit's writer, which every command calls, and the actor's own record.
            .Where(method => method.DeclaringType != typeof(AdminChangeLog) && method.DeclaringType != typeof(Administrator))
            .Select(method => $"{method.DeclaringType!.Name}.{method.Name}")
            .Distinct()
            .ToList();

        // Named in the failure: a command with no operation, or an operation the description lacks.
        Assert.Equal([], commands.Where(command => !OperationOfCommand.ContainsKey(command)).ToArray());
        Assert.Equal([], OperationOfCommand.Values.Where(operation => !operations.Contains(operation)).ToArray());
        Assert.Contains("UserAdministration.SaveAsync", commands);
    }

    [SkippableFact]
    public async Task OpenApi_TheConventionsDescribed_IdempotencyKeyIfMatchAndTheProblems()
    {
        using var http = OidcClients.Backchannel(factory);
        var paths = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("paths");

        var create = paths.GetProperty("/api/v1/users").GetProperty("post");
        var update = paths.GetProperty("/api/v1/users/{id}").GetProperty("put");
        string[] Headers(JsonElement operation) => [.. operation.GetProperty("parameters").EnumerateArray()
            .Where(parameter => parameter.GetProperty("in").GetString() == "header")
            .Select(parameter => parameter.GetProperty("name").GetString()!)];

        Assert.Contains("Idempotency-Key", Headers(create));
        Assert.Contains("If-Match", Headers(update));
        Assert.DoesNotContain("Idempotency-Key", Headers(update));
        Assert.True(create.GetProperty("responses").TryGetProperty("429", out _));
        Assert.True(create.GetProperty("responses").TryGetProperty("422", out _));
        Assert.True(update.GetProperty("responses").TryGetProperty("412", out _));
        // Every success is described: a 204, or a body with its schema.
        var undescribed = paths.EnumerateObject().SelectMany(path => path.Value.EnumerateObject().Select(operation => (path, operation)))
            .Where(pair => !pair.operation.Value.GetProperty("responses").EnumerateObject().Any(response =>
                response.Name == "204" || (response.Name.StartsWith('2') && response.Value.TryGetProperty("content", out var content)
                    && content.EnumerateObject().Any(media => media.Value.TryGetProperty("schema", out _)
                        || media.Name is "text/csv" or "application/x-ndjson"))))
            .Select(pair => $"{pair.operation.Name} {pair.path.Name}").ToArray();
        Assert.Equal([], undescribed);
        Assert.True(create.GetProperty("responses").TryGetProperty("201", out _));
    }

    [SkippableFact]
    public async Task ApiReference_ServedUnderAPolicyNamingItsOwnScriptsOnly()
    {
        using var http = OidcClients.Backchannel(factory);

        using var page = await http.GetAsync("/api/docs/");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = System.Text.RegularExpressions.Regex.Match(policy, "'nonce-([^']+)'").Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"nonce=\"{nonce}\"", html);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.Contains("openapi/v1.json", html);
    }
}

public sealed class ApiDescriptionTestsOnSqlite(SqliteIdpFactory factory) : ApiDescriptionTests(factory), IClassFixture<SqliteIdpFactory>;
