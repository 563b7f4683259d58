using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using System.Reflection;

namespace IdpSmsReset.Server.Features.Shared.Confirmation;

/// <summary>
/// Holds back a POST to a <see cref="ConfirmAttribute"/> handler until it carries the confirmation, answering instead
/// with the confirmation page. The fields posted are posted again as they were (the anti-forgery token is made anew).
/// </summary>
public sealed class ConfirmationFilter(IModelMetadataProvider metadata) : IAsyncPageFilter
{
    public const string Field = "confirmed";

    private const string ViewPath = "/Features/Shared/Confirmation/Confirm.cshtml";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        var confirm = context.HandlerMethod?.MethodInfo.GetCustomAttribute<ConfirmAttribute>();
        if (confirm is null || !HttpMethods.IsPost(request.Method) || !request.HasFormContentType || request.Form[Field] == "true")
        {
            await next();
            return;
        }

        var fields = request.Form
            .Where(field => field.Key is not (Field or "__RequestVerificationToken"))
            .SelectMany(field => field.Value.Select(value => new KeyValuePair<string, string>(field.Key, value ?? "")))
            .ToList();
        var here = request.Path + request.QueryString;
        var page = request.Path.Value ?? "/";
        var view = new ConfirmationView(confirm.What, confirm.Button, here, CancelTarget(request) ?? page, fields);
        context.Result = new ViewResult
        {
            ViewName = ViewPath,
            ViewData = new ViewDataDictionary<ConfirmationView>(metadata, context.ModelState) { Model = view },
        };
    }

    // Back where the button was, when that page is ours.
    private static string? CancelTarget(HttpRequest request) =>
        Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referer)
            && string.Equals(referer.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
            ? referer.PathAndQuery
            : null;
}

/// <summary>The confirmation page: what will happen, the button, and the form fields to post again to <see cref="Action"/>.</summary>
public sealed record ConfirmationView(string What, string Button, string Action, string Cancel,
    IReadOnlyList<KeyValuePair<string, string>> Fields);
