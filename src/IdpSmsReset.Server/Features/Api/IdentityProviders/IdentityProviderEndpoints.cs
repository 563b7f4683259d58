using IdpSmsReset.Core.Applications;
using IdpSmsReset.Core.Federation;
using IdpSmsReset.Server.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Server.Features.Api.IdentityProviders;

/// <summary>
/// <c>/api/v1/identity-providers</c>, by name, in the bootstrap file's shape, saved through Core's
/// <see cref="Core.Federation.IdentityProviders"/> (the rules, the encrypted secret, the audit). <c>PUT</c> creates or
/// replaces; a replacement without <c>clientSecret</c> keeps the stored one, and an existing provider needs
/// <c>If-Match</c>. The secret never comes back.
/// </summary>
internal static class IdentityProviderEndpoints
{
    public const string Path = "/api/v1/identity-providers";

    public static RouteGroupBuilder MapIdentityProviderEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var providers = endpoints.MapGroup(Path).WithTags("Identity providers");
        var read = providers.MapGroup("").RequireScope(ApplicationVocabulary.AdminScope, ApplicationVocabulary.AdminReadScope);
        var write = providers.MapGroup("").RequireScope(ApplicationVocabulary.AdminScope);
        read.MapGet("", ListAsync).WithName("ListIdentityProviders").Produces<ApiAnswers.Page<IdentityProviderResource>>();
        read.MapGet("/{name}", GetAsync).WithName("GetIdentityProvider").Produces<IdentityProviderResource>();
        write.MapPut("/{name}", SaveAsync).WithName("SaveIdentityProvider").Produces<IdentityProviderResource>()
            .Produces<IdentityProviderResource>(StatusCodes.Status201Created);
        return providers;
    }

    private static async Task<IResult> ListAsync(HttpContext context, Core.Federation.IdentityProviders providers,
        IOptions<IdpOptions> idp)
    {
        var items = new List<IdentityProviderResource>();
        foreach (var provider in await providers.ListAsync(context.RequestAborted))
        {
            items.Add(await ResourceOfAsync(provider, providers, idp.Value, context.RequestAborted));
        }

        return Results.Ok(new ApiAnswers.Page<IdentityProviderResource>(items, null));
    }

    private static async Task<IResult> GetAsync(string name, HttpContext context, Core.Federation.IdentityProviders providers,
        IOptions<IdpOptions> idp)
    {
        if (await providers.FindAsync(name, context.RequestAborted) is not { } provider)
        {
            return ApiProblems.NotFound("identity provider");
        }

        var shown = await ResourceOfAsync(provider, providers, idp.Value, context.RequestAborted);
        context.Response.Headers.ETag = ApiVersions.OfContent(shown);
        return Results.Ok(shown);
    }

    private static async Task<IResult> SaveAsync(string name, [FromBody] IdentityProviderDefinition input, HttpContext context,
        Core.Federation.IdentityProviders providers, IOptions<IdpOptions> idp)
    {
        if (input.Name is not null && input.Name != name)
        {
            return ApiProblems.Invalid([new("name", "The name is the provider's id: it is the one in the address, and cannot change.")]);
        }

        input.Name = name;
        var existing = await providers.FindAsync(name, context.RequestAborted);
        if (existing is not null
            && ApiVersions.Refusal(context, ApiVersions.OfContent(await ResourceOfAsync(existing, providers, idp.Value,
                context.RequestAborted))) is { } refusal)
        {
            return refusal;
        }

        var saved = await providers.SaveAsync(input, ApiAccess.Caller(context), context.RequestAborted);
        if (!saved.Succeeded)
        {
            return ApiProblems.Invalid(saved.Problems);
        }

        var shown = await ResourceOfAsync((await providers.FindAsync(name, context.RequestAborted))!, providers, idp.Value,
            context.RequestAborted);
        context.Response.Headers.ETag = ApiVersions.OfContent(shown);
        return existing is null ? Results.Created($"{Path}/{name}", shown) : Results.Ok(shown);
    }

    private static async Task<IdentityProviderResource> ResourceOfAsync(IdentityProvider provider,
        Core.Federation.IdentityProviders providers, IdpOptions idp, CancellationToken cancellationToken) =>
        new(await providers.DefinitionOfAsync(provider, cancellationToken), provider.ProtectedClientSecret is not null,
            IdentityProviderVocabulary.RedirectUriOf(idp.IssuerUri, provider.Name));
}

/// <summary>
/// An identity provider as the API shows it: its definition in the bootstrap file's words, without the secret
/// (<see cref="ClientSecretSet"/> only), and the redirect URI to register at the upstream.
/// </summary>
public sealed record IdentityProviderResource(IdentityProviderDefinition Definition, bool ClientSecretSet, Uri RedirectUri);
