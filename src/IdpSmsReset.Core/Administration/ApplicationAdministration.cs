using IdpSmsReset.Core.Applications;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Problems;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdpSmsReset.Core.Administration;

/// <summary>
/// The dashboard's application commands, under <see cref="ApplicationRules"/> (the bootstrap's rules too) and through
/// <see cref="ApplicationDescriptorMapper"/>. Each is one unit of work with its audit row, and tells every instance's
/// caches of applications to read afresh. A secret is made here and returned once; OpenIddict keeps only its hash.
/// </summary>
public sealed class ApplicationAdministration(
    IdpDbContext database, IOpenIddictApplicationManager applications, AdminChangeLog log)
{
    /// <summary>The application as its definition (no secret), or null.</summary>
    public async Task<ApplicationDefinition?> FindAsync(string clientId, CancellationToken cancellationToken) =>
        await DescriptorOfAsync(clientId, cancellationToken) is { } found
            ? ApplicationDescriptorMapper.ToDefinition(found.Descriptor)
            : null;

    /// <summary>
    /// Creates an application (<paramref name="existingClientId"/> null; a confidential one gets a secret) or changes one;
    /// the client id and the type of an existing application stay what they are: tokens and secrets depend on them.
    /// </summary>
    public Task<ApplicationSaved> SaveAsync(
        string? existingClientId, ApplicationDefinition typed, IReadOnlyCollection<string> themes, Administrator who,
        CancellationToken cancellationToken) =>
        database.InTransactionAsync(async () =>
        {
            var existing = existingClientId is null ? null : await DescriptorOfAsync(existingClientId, cancellationToken);
            if (existingClientId is not null && existing is null)
            {
                return new ApplicationSaved([new FieldProblem("clientId", $"There is no application '{existingClientId}'.")]);
            }

            var definition = existing is null
                ? typed
                : typed.With(existing.Value.Descriptor.ClientId!, ApplicationDescriptorMapper.TypeOf(existing.Value.Descriptor));
            var problems = await ValidateAsync(definition, isNew: existing is null, themes, cancellationToken);
            if (problems.Count > 0)
            {
                return new ApplicationSaved(problems);
            }

            var descriptor = existing?.Descriptor ?? new OpenIddictApplicationDescriptor();
            var before = existing is null ? null : Snapshot(descriptor);
            ApplicationDescriptorMapper.Apply(definition, descriptor);
            string? secret = null;
            var signsAssertions = !string.IsNullOrWhiteSpace(definition.JsonWebKeySet);
            if (existing is { Application: var stored })
            {
                // A key set replaces the secret: one way to authenticate, and no forgotten secret left working.
                if (signsAssertions)
                {
                    descriptor.ClientSecret = null;
                }

                await applications.UpdateAsync(stored, descriptor, cancellationToken);
            }
            else
            {
                secret = definition.Type == ApplicationVocabulary.Confidential && !signsAssertions ? ApplicationSecrets.New() : null;
                descriptor.ClientSecret = secret;
                await applications.CreateAsync(descriptor, cancellationToken);
            }

            await log.WriteAsync(who, existing is null ? AdminEventTypes.ApplicationCreated : AdminEventTypes.ApplicationChanged, null,
                before, Snapshot(descriptor), cancellationToken);
            return new ApplicationSaved([], secret);
        }, saved => saved.Succeeded, cancellationToken);

    /// <summary>Gives a confidential application a new secret (the old one stops working at once).</summary>
    public Task<ApplicationSaved> RotateSecretAsync(string clientId, Administrator who, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async () =>
        {
            if (await DescriptorOfAsync(clientId, cancellationToken) is not { } found)
            {
                return new ApplicationSaved([new FieldProblem("clientId", $"There is no application '{clientId}'.")]);
            }

            var (application, descriptor) = found;
            if (descriptor.ClientType != ClientTypes.Confidential)
            {
                return new ApplicationSaved([new FieldProblem("type", "A public application has no secret.")]);
            }

            if (descriptor.JsonWebKeySet is not null)
            {
                return new ApplicationSaved([new FieldProblem("jsonWebKeySet",
                    "This application signs client assertions with its key set; remove the key set to give it a secret.")]);
            }

            var secret = ApplicationSecrets.New();
            descriptor.ClientSecret = secret;
            await applications.UpdateAsync(application, descriptor, cancellationToken);
            var masked = new { clientId, secret = AdminChangeLog.Masked };
            await log.WriteAsync(who, AdminEventTypes.ApplicationSecretRotated, null, masked, masked, cancellationToken);
            return new ApplicationSaved([], secret);
        }, saved => saved.Succeeded, cancellationToken);

    /// <summary>Deletes an application with its tokens and authorizations; false when there is none of that id.</summary>
    public Task<bool> DeleteAsync(string clientId, Administrator who, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async () =>
        {
            if (await applications.FindByClientIdAsync(clientId, cancellationToken) is not { } application)
            {
                return false;
            }

            await applications.DeleteAsync(application, cancellationToken);
            await log.WriteAsync(who, AdminEventTypes.ApplicationDeleted, null, new { clientId }, null, cancellationToken);
            return true;
        }, deleted => deleted, cancellationToken);

    private async Task<List<FieldProblem>> ValidateAsync(
        ApplicationDefinition definition, bool isNew, IReadOnlyCollection<string> themes, CancellationToken cancellationToken)
    {
        var problems = ApplicationRules.Validate(definition, requireSecret: false).ToList();
        if (definition.Theme is { } theme && !themes.Contains(theme))
        {
            problems.Add(new("theme", $"'{theme}' is not a theme; use {ApplicationVocabulary.Quote(themes)}."));
        }

        if (isNew && string.IsNullOrWhiteSpace(definition.ClientId))
        {
            problems.Add(new("clientId", "Enter a client ID."));
        }
        // Looked up only once it is a client ID at all (a NUL would fail PostgreSQL's query, not this check).
        else if (isNew && problems.All(problem => problem.Field != "clientId")
                 && await applications.FindByClientIdAsync(definition.ClientId!, cancellationToken) is not null)
        {
            problems.Add(new("clientId", $"An application '{definition.ClientId}' exists already."));
        }

        return problems;
    }

    private async Task<(object Application, OpenIddictApplicationDescriptor Descriptor)?> DescriptorOfAsync(
        string clientId, CancellationToken cancellationToken)
    {
        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is not { } application)
        {
            return null;
        }

        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        return (application, descriptor);
    }

    private static object Snapshot(OpenIddictApplicationDescriptor descriptor) => new
    {
        descriptor.ClientId,
        descriptor.DisplayName,
        descriptor.ClientType,
        descriptor.ConsentType,
        RedirectUris = descriptor.RedirectUris.Select(uri => uri.ToString()),
        PostLogoutRedirectUris = descriptor.PostLogoutRedirectUris.Select(uri => uri.ToString()),
        descriptor.Permissions,
    };
}

/// <summary>An application saved (with the secret made for it, shown once), or refused with every problem found.</summary>
public sealed record ApplicationSaved(IReadOnlyList<FieldProblem> Problems, string? NewSecret = null)
{
    public bool Succeeded => Problems.Count == 0;
}
