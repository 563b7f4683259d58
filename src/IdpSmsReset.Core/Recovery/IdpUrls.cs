namespace IdpSmsReset.Core.Recovery;

/// <summary>Links to this server's pages, always from the configured public origin (never the request's Host header).</summary>
public sealed class IdpUrls(Uri publicOrigin)
{
    public const string ResetCodePath = "/account/reset-code";

    public string ResetCodeLink(Guid flowId) => new Uri(publicOrigin, $"{ResetCodePath}?flow={flowId:n}").ToString();
}
