using IdpSmsReset.Server.Features.Connect.Registration;
using IdpSmsReset.Server.Hosting;

namespace IdpSmsReset.Server.Features.Connect;

public static class ConnectEndpoints
{
    /// <summary>The passthrough endpoints; discovery, JWKS, introspection and revocation are answered by OpenIddict alone.</summary>
    public static IEndpointRouteBuilder MapConnectEndpoints(this IEndpointRouteBuilder endpoints)
    {
        string[] getAndPost = [HttpMethods.Get, HttpMethods.Post];
        endpoints.MapMethods(OpenIddictHosting.AuthorizationEndpoint, getAndPost, AuthorizeEndpoint.HandleAsync);
        endpoints.MapPost(OpenIddictHosting.TokenEndpoint, TokenEndpoint.HandleAsync);
        endpoints.MapMethods(OpenIddictHosting.UserInfoEndpoint, getAndPost, UserInfoEndpoint.HandleAsync);
        endpoints.MapMethods(OpenIddictHosting.EndSessionEndpoint, getAndPost, EndSessionEndpoint.HandleAsync);
        endpoints.MapRegistrationEndpoints();
        return endpoints;
    }
}
