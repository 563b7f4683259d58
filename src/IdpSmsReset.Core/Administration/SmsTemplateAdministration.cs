using IdpSmsReset.Core.Messaging.Templates;
using IdpSmsReset.Core.Problems;

namespace IdpSmsReset.Core.Administration;

/// <summary>
/// The dashboard's commands on SMS templates: save one (checked by <see cref="SmsTemplateRules"/>) or go back to the
/// product's words, each audited with the text before and after.
/// </summary>
public sealed class SmsTemplateAdministration(SmsTemplateStore store, AdminChangeLog log)
{
    public Task<List<SmsTemplate>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(cancellationToken);

    public async Task<IReadOnlyList<FieldProblem>> SaveAsync(string purpose, string language, string? text, Administrator who,
        CancellationToken cancellationToken)
    {
        var problems = SmsTemplateRules.Validate(purpose, language, text);
        if (problems.Count > 0)
        {
            return problems;
        }

        var before = await store.WriteAsync(purpose, language, text!, cancellationToken);
        await AuditAsync(who, purpose, language, before, text, cancellationToken);
        return [];
    }

    /// <summary>Back to the product's words for the message and language.</summary>
    public async Task ResetAsync(string purpose, string language, Administrator who, CancellationToken cancellationToken)
    {
        if (await store.RemoveAsync(purpose, language, cancellationToken) is { } removed)
        {
            await AuditAsync(who, purpose, language, removed, null, cancellationToken);
        }
    }

    private Task AuditAsync(Administrator who, string purpose, string language, string? before, string? after,
        CancellationToken cancellationToken) =>
        log.WriteAsync(who, AdminEventTypes.SmsTemplateChanged, null, new { purpose, language, text = before },
            new { purpose, language, text = after }, cancellationToken);
}
