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
        options.AddOperationTransformer((operation, context, _) =>
        {
            DescribeConventions(operation, context.Description.HttpMethod ?? "GET",
                context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiIdempotency.Marker>().Any());
            return Task.CompletedTask;
        });
    }

    // What every operation may answer besides its result, and the headers of the conventions (If-Match, Idempotency-Key).
    private static void DescribeConventions(OpenApiOperation operation, string method, bool idempotent)
    {
        operation.Responses ??= new OpenApiResponses();
        operation.Parameters ??= [];
        Problem(operation, "401", "No valid access token of this server's client_credentials grant (invalid-token).");
        Problem(operation, "403", "The token lacks the operation's scope (insufficient-scope).");
        Problem(operation, "429", "The application's calls this minute are spent (too-many-requests); see Retry-After.");
        if (method is "POST" or "PUT" or "PATCH")
        {
            Problem(operation, "400", "The request was refused (validation-failed, with errors by field).");
            Problem(operation, "413", "The body is larger than Idp:Api:MaxRequestBodyBytes (request-too-large).");
        }

        if (method is "PUT" or "DELETE")
        {
            Problem(operation, "412", "The resource changed since it was read (stale-etag).");
            Problem(operation, "428", "If-Match is missing (if-match-required).");
            operation.Parameters.Add(Header("If-Match", "The ETag of the resource as read; * for whatever it is now."));
        }

        if (idempotent)
        {
            Problem(operation, "409", "A request with this Idempotency-Key is still being answered (idempotency-in-progress).");
            Problem(operation, "422", "This Idempotency-Key was used for another request (idempotency-key-reused).");
            operation.Parameters.Add(Header(ApiIdempotency.Header,
                "Optional: a repeat with the same key within 24 hours gets the first answer again, and creates nothing."));
        }
    }

    private static void Problem(OpenApiOperation operation, string status, string description) =>
        operation.Responses!.TryAdd(status, new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() },
        });

    private static OpenApiParameter Header(string name, string description) => new()
    {
        Name = name, In = ParameterLocation.Header, Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };
}
