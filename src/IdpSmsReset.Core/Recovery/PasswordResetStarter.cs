using IdpSmsReset.Core.Telemetry;
using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Limits;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Policies;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IdpSmsReset.Core.Recovery;

/// <summary>
/// Where a reset flow begins: for whatever name was typed (the same work whether or not an account matched), or for a
/// user an administrator chose (helpdesk), and how a flow is bound to one browser by a secret whose hash it keeps.
/// </summary>
public sealed class PasswordResetStarter(
    IdpDbContext database,
    Budgets budgets,
    IOptions<ClientNetworkOptions> networks,
    UserManager<ApplicationUser> users,
    SecurityPolicyService policies,
    IOptions<PasswordResetLimits> limits,
    AuditLog audit,
    PasswordResetService steps,
    TimeProvider time,
    IdpMetrics metrics,
    ILogger<PasswordResetStarter> logger)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Starts a flow for whatever name was typed; returns the secret the browser keeps to prove the flow is its own.</summary>
    public async Task<(PasswordResetStartOutcome Result, PasswordResetFlow? Flow, string? BrowserKey)> StartAsync(
        string login, string? ipAddress, string? returnUrl, CancellationToken cancellationToken)
    {
        var now = Now;
        var user = await users.FindByNameOrEmailAsync(login.Trim());
        var browserKey = NewBrowserKey();
        var flow = await NewFlowAsync(user, now, ipAddress, returnUrl, cancellationToken);
        flow.BrowserKeyHash = HashOf(browserKey);
        flow.Language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        if (!await AdmitAsync(flow, cancellationToken))
        {
            logger.ResetRefusedForAddress(flow.ClientNetwork!);
            metrics.ResetStep("requested", "too_many_from_address");
            return (PasswordResetStartOutcome.TooManyFromAddress, null, null);
        }

        await audit.RaiseAsync(AuditEventTypes.PasswordResetRequested, AuditActors.Anonymous, user?.Id, ipAddress,
            user is null ? "No account matched the name given." : null, cancellationToken);
        logger.ResetStarted(FlowRef.Of(flow.Id), user is not null);
        metrics.ResetStep("requested", "started");
        return (PasswordResetStartOutcome.Started, flow, browserKey);
    }

    // Checked and charged under the network's gate, so a burst admits exactly up to the limit, on however many
    // instances it lands.
    private async Task<bool> AdmitAsync(PasswordResetFlow flow, CancellationToken cancellationToken)
    {
        async Task<bool> AddAsync()
        {
            database.Add(flow);
            await database.SaveChangesAsync(cancellationToken);
            return true;
        }

        if (flow.ClientNetwork is not { } network)
        {
            return await AddAsync();
        }

        var charge = new Charge(limits.Value.StartsPerAddress, network);
        return await budgets.UnderGateAsync(charge, async () =>
        {
            if (await budgets.IsSpentAsync(charge.Budget, network, cancellationToken))
            {
                return false;
            }

            await budgets.ChargeAsync([charge], userId: null, cancellationToken);
            return await AddAsync();
        }, admitted => admitted, cancellationToken);
    }

    /// <summary>An administrator sends a reset code to a user (helpdesk): the SMS carries a link that the user's browser claims.</summary>
    public async Task<PasswordResetFlow> IssueByAdministratorAsync(ApplicationUser user, string administrator, string? ipAddress,
        CancellationToken cancellationToken)
    {
        var flow = await NewFlowAsync(user, Now, ipAddress, returnUrl: null, cancellationToken);
        flow.IssuedBy = administrator;
        flow.Language = user.PreferredLanguage;
        database.Add(flow);
        await database.SaveChangesAsync(cancellationToken);
        await audit.RaiseAsync(AuditEventTypes.PasswordResetIssuedByAdministrator, administrator, user.Id, ipAddress, null,
            cancellationToken);
        logger.ResetIssuedByAdministrator(FlowRef.Of(flow.Id), user.Id, administrator);
        await steps.RequestCodeAsync(flow, cancellationToken);
        return flow;
    }

    /// <summary>The flow <paramref name="flowId"/> if this browser started (or claimed) it and it has not expired.</summary>
    public async Task<PasswordResetFlow?> FindAsync(Guid flowId, string browserKey, CancellationToken cancellationToken)
    {
        var flow = await database.Set<PasswordResetFlow>().AsNoTracking().SingleOrDefaultAsync(f => f.Id == flowId, cancellationToken);
        return flow is { BrowserKeyHash: { } hash } && flow.ExpiresAt > Now && CryptographicOperations.FixedTimeEquals(hash,
            HashOf(browserKey)) ? flow : null;
    }

    /// <summary>The first browser to open an administrator's reset link makes the flow its own; returns its key, or null.</summary>
    public async Task<string?> ClaimAsync(Guid flowId, CancellationToken cancellationToken)
    {
        var browserKey = NewBrowserKey();
        var hash = HashOf(browserKey);
        var now = Now;
        var claimed = await database.Set<PasswordResetFlow>()
            .Where(f => f.Id == flowId && f.IssuedBy != null && f.BrowserKeyHash == null && f.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(f => f.BrowserKeyHash, hash), cancellationToken);
        return claimed == 1 ? browserKey : null;
    }

    private async Task<PasswordResetFlow> NewFlowAsync(ApplicationUser? user, DateTime now, string? ipAddress, string? returnUrl,
        CancellationToken cancellationToken)
    {
        var rules = (await policies.ForUserAsync(user, cancellationToken)).PasswordReset;
        return new PasswordResetFlow
        {
            Id = Guid.NewGuid(),
            UserId = user?.Id,
            State = PasswordResetState.Started,
            CreatedAt = now,
            ExpiresAt = now.AddMinutes(limits.Value.FlowLifetimeMinutes),
            IpAddress = ipAddress,
            ClientNetwork = networks.Value.Of(ipAddress),
            ReturnUrl = returnUrl is { Length: <= 2048 } ? returnUrl : null,
            CodeLength = rules.CodeLength,
            CodeLifetimeMinutes = rules.CodeLifetimeMinutes,
            MaxAttempts = rules.MaxAttempts,
            ResendCooldownSeconds = rules.ResendCooldownSeconds,
        };
    }

    private static string NewBrowserKey() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    private static byte[] HashOf(string browserKey) => SHA256.HashData(Encoding.UTF8.GetBytes(browserKey));
}

public enum PasswordResetStartOutcome
{
    Started,
    /// <summary>Too many resets from this address: the same answer for every account.</summary>
    TooManyFromAddress,
}
