using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace IdpSmsReset.Server.Features.Api;

/// <summary>
/// The OpenAPI 3.1 description of <c>/api/v1</c> at <c>/openapi/v1.json</c> (where <c>Idp:Api:Docs</c> says so): its
/// operations only (not the OpenID endpoints, which discovery describes), with the bearer security scheme and the
/// scopes each operation needs.
/// </summary>
internal static class ApiDescription
{
    public static void Configure(OpenApiOptions options)
    {
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "IdpSmsReset management API",
                Version = "v1",
                Description = "The dashboard's commands over HTTP. Bearer access tokens from client_credentials with idp:admin "
                    + "(read and write) or idp:admin:read (read only). Errors are RFC 9457 problem details with a stable code.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
                Description = "An access token of this server (client_credentials) with idp:admin or idp:admin:read.",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] });
            return Task.CompletedTask;
        });
    }
}
