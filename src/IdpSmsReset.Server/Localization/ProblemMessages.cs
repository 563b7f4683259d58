using IdpSmsReset.Core.Problems;
using Microsoft.Extensions.Localization;

namespace IdpSmsReset.Server.Localization;

/// <summary>
/// The one place a <see cref="Problem"/> from Core becomes words a person reads, in the page's language: its English
/// template is the key of its translations, its arguments fill them in.
/// </summary>
public sealed class ProblemMessages(IStringLocalizer<SharedResource> localizer)
{
    public string For(Problem problem) => localizer[problem.Template, [.. problem.Arguments]];
}
