using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Limits;
using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Core.Applications.Registration;

/// <summary>
/// The one owner of dynamic client registration: register (RFC 7591), read, change and delete (RFC 7592), note use, and
/// prune the unused. An application is saved by <see cref="ApplicationAdministration"/>, the dashboard's own command
/// (its rules, its audit row, every instance's application cache told), in the same unit of work as its registration
/// row and the initial access token it spends.
/// </summary>
public sealed class ClientRegistrations(
    IdpDbContext database,
    ApplicationAdministration applications,
    InitialAccessTokens initialAccessTokens,
    ClientKeySetFetcher keySets,
    LimitGates gates,
    IOptions<DynamicClientRegistrationOptions> options,
    TimeProvider time,
    ILogger<ClientRegistrations> logger)
{
    /// <summary>The actor of the audit rows of registrations: the application itself, not an administrator.</summary>
    public const string Actor = "dynamic registration";

    private DynamicClientRegistrationOptions Options => options.Value;

    private bool OpenMode => Options.Mode == DynamicClientRegistrationOptions.Open;

    /// <param name="registrationUri">The address of a registered application's configuration, given its client id.</param>
    public async Task<RegistrationOutcome> RegisterAsync(ClientMetadata metadata, string? initialAccessToken, string? address,
        Func<string, string> registrationUri, CancellationToken cancellationToken)
    {
        if (!Options.IsOn)
        {
            return RegistrationOutcome.NotOffered;
        }

        if (!OpenMode && !await initialAccessTokens.IsUsableAsync(initialAccessToken, cancellationToken))
        {
            logger.RegistrationRefused(address, RegistrationErrors.InvalidToken);
            return RegistrationOutcome.BadToken("An initial access token from an administrator is required, and this one is not "
                + "valid (unknown, expired, revoked or used).");
        }

        var clientId = RegisteredClientUse.ClientIdPrefix + RegistrationSecrets.New()[..22];
        var (definition, refusal) = await CheckAsync(metadata, clientId, OpenMode, cancellationToken);
        if (definition is null)
        {
            logger.RegistrationRefused(address, refusal!.Error);
            return RegistrationOutcome.Refused(refusal);
        }

        var method = ClientMetadataRules.MethodOf(metadata, OpenMode);
        Task<RegistrationOutcome> Create() => CreateAsync(definition, method, initialAccessToken, address, registrationUri,
            cancellationToken);
        return OpenMode
            ? await gates.DecideAsync($"registration:{address}", async () =>
                await CountFromAsync(address, cancellationToken) >= Options.OpenRegistrationsPerAddressPerHour
                    ? TooMany(address)
                    : await Create(), registered => registered.Status == 201, cancellationToken)
            : await database.InTransactionAsync(Create, registered => registered.Status == 201, cancellationToken);
    }

    public async Task<RegistrationOutcome> ReadAsync(string clientId, string? registrationToken, string registrationUri,
        CancellationToken cancellationToken)
    {
        if (await AuthorizedAsync(clientId, registrationToken, cancellationToken) is not { } registration)
        {
            return Unauthorized();
        }

        var definition = await applications.FindAsync(clientId, cancellationToken);
        return definition is null ? Unauthorized() : new RegistrationOutcome(200, Answer(definition, registration, registrationUri));
    }

    /// <summary>RFC 7592 §2.2: the metadata sent replaces the registered metadata; the client id and kind stay.</summary>
    public async Task<RegistrationOutcome> UpdateAsync(string clientId, string? registrationToken, ClientMetadata metadata,
        string registrationUri, CancellationToken cancellationToken)
    {
        if (await AuthorizedAsync(clientId, registrationToken, cancellationToken) is not { } registration)
        {
            return Unauthorized();
        }

        if (metadata.ClientId is { } sent && sent != clientId)
        {
            return RegistrationOutcome.Refused(new(RegistrationErrors.InvalidClientMetadata, "client_id must be this application's."));
        }

        var open = registration.InitialAccessTokenId is null;
        var method = ClientMetadataRules.MethodOf(metadata, open);
        if ((method == ClientMetadataRules.None) != (registration.TokenEndpointAuthMethod == ClientMetadataRules.None))
        {
            return RegistrationOutcome.Refused(new(RegistrationErrors.InvalidClientMetadata,
                "A public application stays public and a confidential one confidential; register a new one instead."));
        }

        var (definition, refusal) = await CheckAsync(metadata, clientId, open, cancellationToken);
        if (definition is null)
        {
            return RegistrationOutcome.Refused(refusal!);
        }

        return await database.InTransactionAsync(async () =>
        {
            var saved = await applications.SaveAsync(clientId, definition, [], Who(null), cancellationToken);
            if (!saved.Succeeded)
            {
                return RegistrationOutcome.Refused(new(RegistrationErrors.InvalidClientMetadata, Describe(saved)));
            }

            await database.Set<DynamicRegistration>().Where(row => row.ClientId == clientId)
                .ExecuteUpdateAsync(set => set.SetProperty(row => row.TokenEndpointAuthMethod, method), cancellationToken);
            registration.TokenEndpointAuthMethod = method;
            return new RegistrationOutcome(200, Answer(definition, registration, registrationUri));
        }, updated => updated.Status == 200, cancellationToken);
    }

    /// <summary>RFC 7592 §2.3: the application, its tokens and authorizations go; its registration token stops working.</summary>
    public async Task<RegistrationOutcome> DeleteAsync(string clientId, string? registrationToken, CancellationToken cancellationToken)
    {
        if (await AuthorizedAsync(clientId, registrationToken, cancellationToken) is null)
        {
            return Unauthorized();
        }

        await RemoveAsync(clientId, Who(null), cancellationToken);
        return RegistrationOutcome.Deleted;
    }

    /// <summary>
    /// Deletes the registered applications that got no token for <see cref="DynamicClientRegistrationOptions.PruneAfter"/>.
    /// </summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = (time.GetUtcNow() - Options.PruneAfter).UtcDateTime;
        var unused = await database.Set<DynamicRegistration>()
            .Where(row => (row.LastUsedAt ?? row.RegisteredAt) < cutoff)
            .Select(row => row.ClientId).ToListAsync(cancellationToken);
        foreach (var clientId in unused)
        {
            await RemoveAsync(clientId, new Administrator(Actor + " prune", null), cancellationToken);
        }

        await database.Set<InitialAccessToken>().Where(token => token.ExpiresAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        return unused.Count;
    }

    /// <summary>The registrations among <paramref name="clientIds"/>, for the dashboard's mark.</summary>
    public Task<List<DynamicRegistration>> FindAsync(IReadOnlyCollection<string> clientIds, CancellationToken cancellationToken) =>
        database.Set<DynamicRegistration>().AsNoTracking().Where(row => clientIds.Contains(row.ClientId)).ToListAsync(cancellationToken);

    private async Task<RegistrationOutcome> CreateAsync(ApplicationDefinition definition, string method, string? initialAccessToken,
        string? address, Func<string, string> registrationUri, CancellationToken cancellationToken)
    {
        Guid? spent = null;
        if (!OpenMode && (spent = await initialAccessTokens.SpendAsync(initialAccessToken!, cancellationToken)) is null)
        {
            return RegistrationOutcome.BadToken("The initial access token was used by another registration meanwhile.");
        }

        var saved = await applications.SaveAsync(null, definition, [], Who(address), cancellationToken);
        if (!saved.Succeeded)
        {
            return RegistrationOutcome.Refused(new(RegistrationErrors.InvalidClientMetadata, Describe(saved)));
        }

        var token = RegistrationSecrets.New();
        var registration = new DynamicRegistration
        {
            ClientId = definition.ClientId!, AccessTokenHash = RegistrationSecrets.HashOf(token), TokenEndpointAuthMethod = method,
            RegisteredAt = time.GetUtcNow().UtcDateTime, RegisteredFrom = address, InitialAccessTokenId = spent,
        };
        database.Add(registration);
        await database.SaveChangesAsync(cancellationToken);
        logger.Registered(definition.ClientId!, address, method);

        var answer = Answer(definition, registration, registrationUri(definition.ClientId!));
        answer.ClientSecret = saved.NewSecret;
        answer.ClientSecretExpiresAt = saved.NewSecret is null ? null : 0;
        answer.RegistrationAccessToken = token;
        return new RegistrationOutcome(201, answer);
    }

    private async Task<(ApplicationDefinition?, RegistrationRefusal?)> CheckAsync(ClientMetadata metadata, string clientId, bool open,
        CancellationToken cancellationToken)
    {
        var checkedFirst = ClientMetadataRules.Check(metadata, clientId, open);
        if (checkedFirst.Definition is null || metadata.JwksUri is null)
        {
            return checkedFirst;
        }

        var (keySet, problem) = await keySets.FetchAsync(metadata.JwksUri, cancellationToken);
        return keySet is null
            ? (null, new RegistrationRefusal(RegistrationErrors.InvalidClientMetadata, problem!))
            : ClientMetadataRules.Check(metadata, clientId, open, keySet);
    }

    private Task RemoveAsync(string clientId, Administrator who, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async () =>
        {
            await applications.DeleteAsync(clientId, who, cancellationToken);
            await database.Set<DynamicRegistration>().Where(row => row.ClientId == clientId).ExecuteDeleteAsync(cancellationToken);
            return true;
        }, _ => true, cancellationToken);

    private async Task<DynamicRegistration?> AuthorizedAsync(string clientId, string? token, CancellationToken cancellationToken)
    {
        if (!Options.IsOn || string.IsNullOrEmpty(token))
        {
            return null;
        }

        var registration = await database.Set<DynamicRegistration>().AsNoTracking()
            .FirstOrDefaultAsync(row => row.ClientId == clientId, cancellationToken);
        return registration is not null && RegistrationSecrets.Matches(token, registration.AccessTokenHash) ? registration : null;
    }

    private Task<int> CountFromAsync(string? address, CancellationToken cancellationToken)
    {
        var hourAgo = time.GetUtcNow().UtcDateTime.AddHours(-1);
        return database.Set<DynamicRegistration>().CountAsync(row => row.RegisteredFrom == address && row.RegisteredAt > hourAgo,
            cancellationToken);
    }

    private RegistrationOutcome TooMany(string? address)
    {
        logger.RegistrationRefused(address, RegistrationErrors.TooManyRegistrations);
        return new RegistrationOutcome(429, Refusal: new(RegistrationErrors.TooManyRegistrations,
            $"This address registered {Options.OpenRegistrationsPerAddressPerHour} applications in the last hour; try again later."));
    }

    private static RegistrationOutcome Unauthorized() =>
        RegistrationOutcome.BadToken("The registration access token is not valid for this application.");

    private static ClientMetadata Answer(ApplicationDefinition definition, DynamicRegistration registration, string registrationUri)
    {
        var answer = ClientMetadataRules.Describe(definition, registration.TokenEndpointAuthMethod);
        answer.ClientIdIssuedAt = new DateTimeOffset(DateTime.SpecifyKind(registration.RegisteredAt, DateTimeKind.Utc)).ToUnixTimeSeconds();
        answer.RegistrationClientUri = registrationUri;
        return answer;
    }

    private static string Describe(ApplicationSaved saved) =>
        string.Join(" ", saved.Problems.Select(problem => $"{problem.Field}: {problem.Problem}"));

    private static Administrator Who(string? address) => new(Actor, address);
}

/// <summary>
/// What a registration request gets: the HTTP status RFC 7591 and 7592 give it, and the application's metadata or the
/// refusal.
/// </summary>
public sealed record RegistrationOutcome(int Status, ClientMetadata? Metadata = null, RegistrationRefusal? Refusal = null)
{
    public static RegistrationOutcome NotOffered { get; } = new(404);

    public static RegistrationOutcome Deleted { get; } = new(204);

    public static RegistrationOutcome BadToken(string description) =>
        new(401, Refusal: new RegistrationRefusal(RegistrationErrors.InvalidToken, description));

    public static RegistrationOutcome Refused(RegistrationRefusal refusal) => new(400, Refusal: refusal);
}
