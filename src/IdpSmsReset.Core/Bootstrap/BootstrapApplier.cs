using IdpSmsReset.Core.Applications;
using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Policies;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;

namespace IdpSmsReset.Core.Bootstrap;

/// <summary>
/// Makes the database hold what a bootstrap document lists: creates what is missing, updates what exists,
/// deletes nothing. Applying the same document twice changes nothing the second time.
/// </summary>
public sealed class BootstrapApplier(
    IOpenIddictApplicationManager applications,
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    SmsFactorService smsFactor,
    SecurityPolicyService policies,
    IdpDbContext database,
    Messaging.Templates.SmsTemplateStore smsTemplates,
    Federation.IdentityProviders identityProviders,
    Events.WebhookSubscriptions webhooks,
    Administration.SmsFraudGuardAdministration fraudGuard,
    ILogger<BootstrapApplier> logger)
{
    public async Task ApplyAsync(BootstrapDocument document, CancellationToken cancellationToken)
    {
        // The default first: making a policy the default takes that role from the one before.
        foreach (var policy in document.Policies.OrderByDescending(policy => policy.IsDefault))
        {
            await ApplyPolicyAsync(policy, cancellationToken);
        }

        await policies.EnsureDefaultAsync(cancellationToken);

        foreach (var application in document.Applications)
        {
            await ApplyApplicationAsync(application, cancellationToken);
        }

        for (var index = 0; index < document.Users.Count; index++)
        {
            await ApplyUserAsync(document.Users[index], $"users[{index}] ('{document.Users[index].UserName}')");
        }

        if (document.SmsFactor is { } sms)
        {
            await ApplySmsFactorAsync(sms.ToInput(), cancellationToken);
            await ApplySecondarySmsAccountAsync(sms.Secondary?.ToInput(), cancellationToken);
        }

        if (document.SmsFraudGuard is { } guard)
        {
            // Saved only when it differs from what is stored, so a restart writes no audit event.
            await fraudGuard.SaveAsync(guard, Administration.Administrator.Bootstrap, cancellationToken);
        }

        await ApplySmsTemplatesAsync(document.SmsTemplates, cancellationToken);
        await ApplyIdentityProvidersAsync(document.IdentityProviders, cancellationToken);
        await ApplyWebhooksAsync(document.Webhooks, cancellationToken);
    }

    private async Task ApplyWebhooksAsync(List<Events.WebhookDefinition> subscriptions, CancellationToken cancellationToken)
    {
        foreach (var source in subscriptions.Select(subscription => subscription.NamedByUrlWhenUnnamed()))
        {
            var saved = await webhooks.SaveAsync(source, Administration.Administrator.Bootstrap, cancellationToken);
            if (!saved.Result.Succeeded)
            {
                throw new BootstrapException($"Bootstrap entry webhooks ('{source.Name}') was refused: " + string.Join(" ",
                    saved.Result.Problems.Select(p => $"{p.Field}: {p.Problem}")));
            }
        }
    }

    /// <summary>After the policies, which a provider may name for its new users.</summary>
    private async Task ApplyIdentityProvidersAsync(List<Federation.IdentityProviderDefinition> providers,
        CancellationToken cancellationToken)
    {
        foreach (var source in providers)
        {
            var result = await identityProviders.SaveAsync(source, Administration.Administrator.Bootstrap, cancellationToken);
            if (!result.Succeeded)
            {
                throw new BootstrapException($"Bootstrap entry identityProviders ('{source.Name}') was refused: " + string.Join(" ",
                    result.Problems.Select(p => $"{p.Field}: {p.Problem}")));
            }
        }
    }

    /// <summary>Through the store, so that instances already running reload what changed.</summary>
    private async Task ApplySmsTemplatesAsync(List<BootstrapSmsTemplate> templates, CancellationToken cancellationToken)
    {
        foreach (var source in templates)
        {
            await smsTemplates.WriteAsync(source.Purpose!, source.Language!, source.Text!, cancellationToken);
        }
    }

    /// <summary>Checked with Twilio only when it changed; an account Twilio refuses is recorded, not fatal.</summary>
    private async Task ApplySmsFactorAsync(SmsFactorInput input, CancellationToken cancellationToken)
    {
        var stored = await smsFactor.GetAsync(cancellationToken);
        if (stored is not null && smsFactor.Matches(stored, input))
        {
            return;
        }

        var result = await smsFactor.SaveAsync(input, cancellationToken);
        if (result.Check is { IsValid: false } check)
        {
            logger.LogWarning("The SMS factor from the bootstrap file is saved but not usable: {Problem}", check.Problem);
        }
    }

    /// <summary>
    /// As the primary: checked with Twilio only when it changed. A file without <c>secondary</c> leaves one set on the
    /// dashboard.
    /// </summary>
    private async Task ApplySecondarySmsAccountAsync(SmsFactorInput? input, CancellationToken cancellationToken)
    {
        var stored = await smsFactor.GetAsync(cancellationToken);
        if (input is null || stored is null
            || smsFactor.AccountMatches(stored.Secondary, input))
        {
            return;
        }

        var result = await smsFactor.SaveSecondaryAsync(input, cancellationToken);
        if (result.Check is { IsValid: false } check)
        {
            logger.LogWarning("The secondary SMS account from the bootstrap file is saved but not usable: {Problem}", check.Problem);
        }
    }

    private async Task ApplyApplicationAsync(ApplicationDefinition source, CancellationToken cancellationToken)
    {
        var existing = await applications.FindByClientIdAsync(source.ClientId!, cancellationToken);
        var descriptor = new OpenIddictApplicationDescriptor();
        if (existing is null)
        {
            ApplicationDescriptorMapper.Apply(source, descriptor);
            descriptor.ClientSecret = source.ClientSecret;
            await applications.CreateAsync(descriptor, cancellationToken);
            return;
        }

        // PopulateAsync copies the stored secret hash; OpenIddict leaves an unchanged secret as it is.
        await applications.PopulateAsync(descriptor, existing, cancellationToken);
        ApplicationDescriptorMapper.Apply(source, descriptor);
        await applications.UpdateAsync(existing, descriptor, cancellationToken);
    }

    private async Task ApplyPolicyAsync(BootstrapPolicy source, CancellationToken cancellationToken)
    {
        var policy = await policies.FindByNameAsync(source.Name!, cancellationToken) ?? new SecurityPolicy { Name = source.Name! };
        // A default that the file does not mark as default stays the default: the file never takes that role away.
        var wasDefault = policy.IsDefault;
        source.ApplyTo(policy);
        policy.IsDefault |= wasDefault;
        var problems = await policies.SaveAsync(policy, cancellationToken);
        if (problems.Count > 0)
        {
            throw new BootstrapException($"Bootstrap entry policies ('{source.Name}') was refused: " + string.Join(" ",
                problems.Select(p => $"{p.Field}: {p.Problem}")));
        }
    }

    private async Task ApplyUserAsync(BootstrapUser source, string entry)
    {
        var user = await users.FindByNameAsync(source.UserName!);
        var created = user is null;
        user ??= new ApplicationUser { UserName = source.UserName };
        if (source.Policy is { } policyName)
        {
            user.SecurityPolicyId = (await policies.FindByNameAsync(policyName, CancellationToken.None))?.Id
                ?? throw new BootstrapException($"Bootstrap entry {entry}.policy: there is no policy named '{policyName}'.");
        }

        user.Email = source.Email;
        user.EmailConfirmed = source.Email is not null;
        user.PhoneNumber = source.PhoneNumber;
        user.PhoneNumberConfirmed = source.PhoneNumber is not null;
        user.DisplayName = source.DisplayName;
        if (created)
        {
            SignIn.RequiredActions.Set(user, source.RequiredActions);
        }

        IdentityResult result;
        if (!created)
        {
            result = await users.UpdateAsync(user);
        }
        else if (source.PasswordHash is { Length: > 0 } hash)
        {
            // Verified, and replaced by this server's hash, at the user's first sign-in.
            user.PasswordHash = hash;
            result = await users.CreateAsync(user);
        }
        else
        {
            result = await users.CreateAsync(user, source.Password!);
        }

        Check(result, entry, created ? "password" : "userName");

        await ApplyAttributesAsync(user, source.Attributes);

        foreach (var role in source.Roles)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), entry, "roles");
            }

            if (!await users.IsInRoleAsync(user, role))
            {
                Check(await users.AddToRoleAsync(user, role), entry, "roles");
            }
        }
    }

    private async Task ApplyAttributesAsync(ApplicationUser user, Dictionary<string, string> attributes)
    {
        if (attributes.Count == 0)
        {
            return;
        }

        var stored = await database.Set<UserAttribute>().Where(attribute => attribute.UserId == user.Id).ToListAsync();
        foreach (var (name, value) in attributes)
        {
            var existing = stored.Find(attribute => attribute.Name == name);
            if (existing is null)
            {
                database.Add(new UserAttribute { UserId = user.Id, Name = name, Value = value });
            }
            else
            {
                existing.Value = value;
            }
        }

        await database.SaveChangesAsync();
    }

    private static void Check(IdentityResult result, string entry, string field)
    {
        if (!result.Succeeded)
        {
            var problems = string.Join(" ", result.Errors.Select(error => error.Description));
            throw new BootstrapException($"Bootstrap entry {entry}.{field} was refused: {problems}");
        }
    }
}
