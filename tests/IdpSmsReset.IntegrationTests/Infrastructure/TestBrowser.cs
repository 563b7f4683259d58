using Microsoft.AspNetCore.Http;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace IdpSmsReset.IntegrationTests.Infrastructure;

/// <summary>
/// Drives the hosted pages as a person's browser would: follows redirects within the server, keeps cookies,
/// fills and submits the forms it is shown, and stops where the server sends it to a relying application.
/// </summary>
public sealed class TestBrowser(HttpClient client, CookieContainer cookies) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Client => client;

    /// <summary>The browser's cookie jar; handed to a browser of a restarted server, it is the same browser.</summary>
    public CookieContainer Cookies => cookies;

    public async Task<BrowserPage> OpenAsync(string url) => await FollowAsync(await client.GetAsync(url), new Uri(client.BaseAddress!,
        url));

    /// <summary>Presses the danger button of a confirmation page (a destructive action asks first); fails on any other page.</summary>
    public Task<BrowserPage> ConfirmAsync(BrowserPage page) => page.Document.GetElementById("confirmation") is null
        ? throw new InvalidOperationException($"No confirmation on {page.Uri}:\n{page.Html}")
        : SubmitAsync(page, formSelector: "form#confirmation");

    public Task<BrowserPage> SubmitAsync(BrowserPage page, IDictionary<string, string>? fields = null, string? button = null,
        string formSelector = "form")
    {
        var form = page.Document.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Uri}:\n{page.Html}");

        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name]"))
        {
            // As a browser does: checked boxes and radio buttons are sent, unchecked ones are not.
            var sent = input.Type is not ("submit" or "checkbox" or "radio") || (input.IsChecked && !input.IsDisabled);
            if (fields?.ContainsKey(input.Name!) != true && sent)
            {
                values.Add(new(input.Name!, input.Value));
            }
        }

        foreach (var area in form.QuerySelectorAll<IHtmlTextAreaElement>("textarea[name]").Where(area
            => fields?.ContainsKey(area.Name!) != true))
        {
            values.Add(new(area.Name!, area.Value));
        }

        foreach (var select in form.QuerySelectorAll<IHtmlSelectElement>("select[name]").Where(select
            => fields?.ContainsKey(select.Name!) != true))
        {
            values.Add(new(select.Name!, select.Value ?? ""));
        }

        if (fields is not null)
        {
            values.AddRange(fields);
        }

        var action = form.GetAttribute("action") is { Length: > 0 } target ? new Uri(page.Uri, target) : page.Uri;
        if (button is not null)
        {
            var clicked = form.QuerySelector<IHtmlButtonElement>(button)
                ?? throw new InvalidOperationException($"No button '{button}' in the form.");
            if (!string.IsNullOrEmpty(clicked.Name))
            {
                values.Add(new(clicked.Name, clicked.Value));
            }

            // A button may send the form elsewhere, as browsers do with formaction.
            if (clicked.GetAttribute("formaction") is { Length: > 0 } buttonTarget)
            {
                action = new Uri(page.Uri, buttonTarget);
            }
        }

        // As browsers do: a GET form puts its fields in the query, replacing the action's own.
        return string.Equals(form.Method, "get", StringComparison.OrdinalIgnoreCase)
            ? OpenAsync(new UriBuilder(action) { Query = QueryString.Create(values.Select(value
                => new KeyValuePair<string, string?>(value.Key, value.Value))).ToUriComponent().TrimStart('?') }.Uri.ToString())
            : PostAsync(action, values);
    }

    public async Task<BrowserPage> PostAsync(Uri action, IEnumerable<KeyValuePair<string, string>> values) =>
        await FollowAsync(await client.PostAsync(action, new FormUrlEncodedContent(values)), action);

    private async Task<BrowserPage> FollowAsync(HttpResponseMessage response, Uri uri)
    {
        for (var hops = 0; hops < 20; hops++)
        {
            if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther
                or HttpStatusCode.TemporaryRedirect or HttpStatusCode.MovedPermanently))
            {
                var html = await response.Content.ReadAsStringAsync();
                return new BrowserPage(uri, response.StatusCode, html, Parser.ParseDocument(html), ExternalRedirect: null);
            }

            var location = new Uri(uri, response.Headers.Location!);
            if (location.Authority != client.BaseAddress!.Authority)
            {
                return new BrowserPage(uri, response.StatusCode, "", Parser.ParseDocument(""), location);
            }

            uri = location;
            response = await client.GetAsync(location);
        }

        throw new InvalidOperationException($"Too many redirects, last at {uri}.");
    }

    public void Dispose() => client.Dispose();
}

/// <summary>What the browser shows: a page of the server, or the address of the application it was sent to.</summary>
public sealed record BrowserPage(Uri Uri, HttpStatusCode Status, string Html, IHtmlDocument Document, Uri? ExternalRedirect)
{
    public string Path => Uri.AbsolutePath;

    public string Text => Document.Body?.TextContent ?? "";

    public string? InputValue(string name) => Document.QuerySelector<IHtmlInputElement>($"input[name='{name}']")?.Value;

    public string? FieldError(string id) => Document.GetElementById(id)?.TextContent.Trim();
}
