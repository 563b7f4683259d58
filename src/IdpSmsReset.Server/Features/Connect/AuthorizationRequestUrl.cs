using Microsoft.Extensions.Primitives;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdpSmsReset.Server.Features.Connect;

/// <summary>Rebuilds a local URL that carries an authorization or end-session request's parameters.</summary>
internal static class AuthorizationRequestUrl
{
    /// <summary>Form fields that belong to our own pages, not to the OAuth request.</summary>
    private static readonly HashSet<string> PageFields = ["__RequestVerificationToken", ConsentDecision.FieldName];

    public static IEnumerable<KeyValuePair<string, StringValues>> ParametersOf(HttpRequest request)
    {
        IEnumerable<KeyValuePair<string, StringValues>> source = request.HasFormContentType ? request.Form : request.Query;
        return source.Where(parameter => !PageFields.Contains(parameter.Key));
    }

    /// <summary>
    /// The same request at <paramref name="path"/>. With <paramref name="withoutLoginPrompt"/>, prompt=login is
    /// dropped so that returning from the login page does not send the user back to it forever.
    /// </summary>
    public static string Build(HttpRequest request, string path, bool withoutLoginPrompt = false)
    {
        var parameters = ParametersOf(request).ToList();
        if (withoutLoginPrompt)
        {
            var prompt = parameters.Find(parameter => parameter.Key == Parameters.Prompt);
            parameters.RemoveAll(parameter => parameter.Key == Parameters.Prompt);
            var remaining = prompt.Value.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(value => value != PromptValues.Login).ToArray();
            if (remaining.Length > 0)
            {
                parameters.Add(new(Parameters.Prompt, string.Join(' ', remaining)));
            }
        }

        return request.PathBase + path + QueryString.Create(parameters);
    }
}
