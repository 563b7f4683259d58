using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace IdpSmsReset.Server.Localization;

/// <summary>
/// Shows every message a page handler put beside a field in the page's language. Handlers (and Core, whose problems
/// are fixed English sentences) write English; a message that is already translated, or has no translation, is kept.
/// One place, so a new page cannot forget it.
/// </summary>
internal sealed class LocalizedModelErrors(IStringLocalizer<SharedResource> localizer) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        foreach (var entry in executed.ModelState.Values.Where(entry => entry.Errors.Count > 0))
        {
            var messages = entry.Errors.Select(error => localizer[error.ErrorMessage].Value).ToList();
            entry.Errors.Clear();
            messages.ForEach(message => entry.Errors.Add(new ModelError(message)));
        }
    }
}
