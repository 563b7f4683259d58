using IdpSmsReset.Server.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdpSmsReset.Server.Features.Connect;

/// <summary>Rebuilds a local URL that carries an authorization or end-session request's parameters.</summary>
internal static class AuthorizationRequestUrl
{
    public const string ReturnUrlField = "ReturnUrl";

    /// <summary>Form fields that belong to our own pages, not to the OAuth request.</summary>
    private static readonly HashSet<string> PageFields = ["__RequestVerificationToken", ConsentDecision.FieldName];

    public static IEnumerable<KeyValuePair<string, StringValues>> ParametersOf(HttpRequest request)
    {
        IEnumerable<KeyValuePair<string, StringValues>> source = request.HasFormContentType ? request.Form : request.Query;
        return source.Where(parameter => !PageFields.Contains(parameter.Key));
    }

    /// <summary>
    /// A parameter (<c>client_id</c>, <c>ui_locales</c>, ...) of the authorization request a hosted page serves: the one in
    /// the page's <c>ReturnUrl</c> (query, or the posted form), else the page's own query (the consent page carries the
    /// request itself).
    /// </summary>
    public static async Task<string?> ParameterForPageAsync(HttpRequest request, string name)
    {
        string? returnUrl = request.Query[ReturnUrlField];
        if (string.IsNullOrEmpty(returnUrl) && request.HasFormContentType)
        {
            returnUrl = await PostedReturnUrlAsync(request);
        }

        var value = ParameterOf(returnUrl, name) ?? request.Query[name].ToString();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    // Runs before routing (language, theme): a body that cannot be read is left to the endpoint, which answers 400.
    private static async Task<string?> PostedReturnUrlAsync(HttpRequest request)
    {
        try
        {
            return (await request.ReadFormAsync(request.HttpContext.RequestAborted))[ReturnUrlField];
        }
        catch (Exception exception) when (MalformedRequestGuard.IsUnreadableBody(exception))
        {
            return null;
        }
    }

    /// <summary>A parameter of the request a return URL carries in its query; null when absent.</summary>
    public static string? ParameterOf(string? returnUrl, string name)
    {
        var at = returnUrl?.IndexOf('?', StringComparison.Ordinal) ?? -1;
        return at >= 0 && QueryHelpers.ParseQuery(returnUrl![at..]).TryGetValue(name, out var value) && !StringValues.IsNullOrEmpty(value)
            ? value.ToString()
            : null;
    }

    /// <summary>
    /// The same request at <paramref name="path"/>. With <paramref name="withoutLoginPrompt"/>, prompt=login is
    /// dropped so that returning from the login page does not send the user back to it forever. A pushed request keeps
    /// its <c>request_uri</c> and gains what the pages show from <paramref name="resolved"/>, replacing any such
    /// parameter added to its URL.
    /// </summary>
    public static string Build(HttpRequest request, string path, OpenIddictRequest? resolved = null, bool withoutLoginPrompt = false)
    {
        var parameters = ParametersOf(request).ToList();
        if (resolved is not null && PushedRequest.IsPushed(request))
        {
            parameters.RemoveAll(parameter => PushedRequest.PageParameters.Contains(parameter.Key));
            parameters.AddRange(PushedRequest.PageParameters
                .Select(name => new KeyValuePair<string, StringValues>(name, (string?)resolved[name]))
                .Where(parameter => !StringValues.IsNullOrEmpty(parameter.Value)));
        }

        if (withoutLoginPrompt)
        {
            var prompt = parameters.Find(parameter => parameter.Key == Parameters.Prompt);
            parameters.RemoveAll(parameter => parameter.Key == Parameters.Prompt);
            var remaining = prompt.Value.ToString().Split(' ',
                StringSplitOptions.RemoveEmptyEntries).Where(value => value != PromptValues.Login).ToArray();
            if (remaining.Length > 0)
            {
                parameters.Add(new(Parameters.Prompt, string.Join(' ', remaining)));
            }
        }

        return request.PathBase + path + QueryString.Create(parameters);
    }
}
