using System.Globalization;

namespace IdpSmsReset.Core.Problems;

/// <summary>
/// Why Core refused something a person asked for: a stable <see cref="Code"/>, the values its message needs, and the
/// English template, which is also the key of its translations. Core never builds the sentence a page shows: the server
/// turns a problem into the reader's language in one place (<c>ProblemMessages</c>); logs, the audit log and the
/// English-only dashboard use <see cref="English"/>.
/// </summary>
public sealed record Problem(string Code, string Template, IReadOnlyList<string> Arguments)
{
    public string English => string.Format(CultureInfo.InvariantCulture, Template, [.. Arguments]);

    public override string ToString() => English;
}
