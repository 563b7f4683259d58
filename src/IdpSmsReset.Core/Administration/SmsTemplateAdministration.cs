using IdpSmsReset.Core.Messaging.Templates;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Problems;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Administration;

/// <summary>
/// The dashboard's commands on SMS templates: save one (checked by <see cref="SmsTemplateRules"/>) or go back to the
/// product's words, each audited with the text before and after; every instance reloads its templates within
/// <c>Idp:Cache:MaxAge</c>.
/// </summary>
public sealed class SmsTemplateAdministration(IdpDbContext database, AdminChangeLog log, ChangeStamps stamps, TimeProvider time)
{
    public Task<List<SmsTemplate>> ListAsync(CancellationToken cancellationToken) =>
        database.Set<SmsTemplate>().AsNoTracking().ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<FieldProblem>> SaveAsync(string purpose, string language, string? text, Administrator who,
        CancellationToken cancellationToken)
    {
        var problems = SmsTemplateRules.Validate(purpose, language, text);
        if (problems.Count > 0)
        {
            return problems;
        }

        var stored = await database.Set<SmsTemplate>().SingleOrDefaultAsync(t => t.Purpose == purpose && t.Language == language,
            cancellationToken);
        var before = stored?.Text;
        stored ??= database.Add(new SmsTemplate { Purpose = purpose, Language = language, Text = "" }).Entity;
        stored.Text = text!;
        stored.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await database.SaveChangesAsync(cancellationToken);
        await ChangedAsync(who, purpose, language, before, text, cancellationToken);
        return [];
    }

    /// <summary>Back to the product's words for the message and language.</summary>
    public async Task ResetAsync(string purpose, string language, Administrator who, CancellationToken cancellationToken)
    {
        var stored = await database.Set<SmsTemplate>().SingleOrDefaultAsync(t => t.Purpose == purpose && t.Language == language,
            cancellationToken);
        if (stored is null)
        {
            return;
        }

        database.Remove(stored);
        await database.SaveChangesAsync(cancellationToken);
        await ChangedAsync(who, purpose, language, stored.Text, null, cancellationToken);
    }

    private async Task ChangedAsync(Administrator who, string purpose, string language, string? before, string? after,
        CancellationToken cancellationToken)
    {
        // The SMS factor's stamp: the templates are part of what the SMS path reads.
        await stamps.BumpAsync(database, ChangeAreas.SmsFactor, cancellationToken);
        await log.WriteAsync(who, AdminEventTypes.SmsTemplateChanged, null, new { purpose, language, text = before },
            new { purpose, language, text = after }, cancellationToken);
    }
}
